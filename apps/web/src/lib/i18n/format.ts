import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';

export interface Formatters {
  locale: string;
  number: (value: number) => string;
  integer: (value: number) => string;
  /** an ISO date (`2026-09-01`) or timestamp, as a calendar date */
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
  compare: (a: string, b: string) => number;
}

/** Builds Intl formatters for an interface language. */
export function createFormatters(language: string): Formatters {
  const locale = localeOf(language);
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'Europe/Rome' });
  const dateOnly = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Rome' });
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return {
    locale,
    number: (value) => number.format(value),
    integer: (value) => integer.format(value),
    date: (value) => {
      if (!value) return '';
      // A bare calendar date has no time zone: format it as such, so that it never shifts by a day.
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dateOnly.format(new Date(`${value}T00:00:00Z`));
      return date.format(new Date(value));
    },
    dateTime: (value) => (value ? dateTime.format(new Date(value)) : ''),
    compare: (a, b) => collator.compare(a, b),
  };
}

/** Formatters for the current interface language; they change when the language does. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => createFormatters(i18n.language), [i18n.language]);
}
