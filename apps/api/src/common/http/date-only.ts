import { registerDecorator, type ValidationOptions } from 'class-validator';

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Bounds on the year of a date (inclusive); either may be left open. */
export interface YearRange {
  min?: number;
  max?: number;
}

/** A calendar date as `YYYY-MM-DD` that exists (no 2026-02-30), with its year within `years`. */
export function isDateOnly(value: unknown, years: YearRange = {}): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_ONLY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if ((years.min !== undefined && y < years.min) || (years.max !== undefined && y > years.max)) return false;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A date field as `YYYY-MM-DD` (see isDateOnly); the message names the years when both bounds are set. */
export function IsDateOnly(years: YearRange = {}, options?: ValidationOptions): PropertyDecorator {
  const bounds = years.min !== undefined && years.max !== undefined ? ` (years ${years.min}–${years.max})` : '';
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isDateOnly',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be a date as YYYY-MM-DD${bounds}`, ...options },
      validator: { validate: (value: unknown) => isDateOnly(value, years) },
    });
}
