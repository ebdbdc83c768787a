import { FUNDING_SOURCES, INITIATIVE_STATUSES, THEMES, type FundingSource, type InitiativeStatus, type Theme } from '@trama/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityRef } from '../api/types';
import { useFormatters } from '../i18n/format';

/**
 * The initiatives register's filters, shared by its list and the map (docs/initiatives.md): the type,
 * its URL form (every field in the search params: shareable, Back undoes a filter) and the fields.
 * The API's InitiativeFiltersQuery has the same names.
 */
export interface InitiativeFilter {
  q?: string;
  status?: InitiativeStatus;
  theme?: Theme;
  fundingSource?: FundingSource;
  /** ISTAT code */
  municipality?: string;
  socialArea?: string;
  /** organization id (lead or partner) */
  organization?: string;
  /** building id (hosting) */
  building?: string;
}

const pick = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const ISTAT = /^[0-9]{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filter from the URL, dropping what is not well formed (a hand-edited link never makes a 400). */
export function initiativeFilterFromParams(params: URLSearchParams): InitiativeFilter {
  const q = params.get('q')?.trim().slice(0, 200);
  const municipality = params.get('municipality');
  const organization = params.get('organization');
  const building = params.get('building');
  const socialArea = params.get('socialArea')?.slice(0, 100);
  return {
    q: q || undefined,
    status: pick(INITIATIVE_STATUSES, params.get('status')),
    theme: pick(THEMES, params.get('theme')),
    fundingSource: pick(FUNDING_SOURCES, params.get('fundingSource')),
    municipality: municipality && ISTAT.test(municipality) ? municipality : undefined,
    socialArea: socialArea || undefined,
    organization: organization && UUID.test(organization) ? organization : undefined,
    building: building && UUID.test(building) ? building : undefined,
  };
}

/** The filter as search params (empty fields left out); `extra` adds e.g. the page. */
export function initiativeFilterToParams(
  filter: InitiativeFilter,
  extra: Record<string, string | number | undefined> = {},
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filter, ...extra })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

/** The API query of the filter (list, export and map layer take the same names). */
export function initiativeFilterQuery(filter: InitiativeFilter): InitiativeFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as InitiativeFilter;
}

export function initiativeFilterCount(filter: InitiativeFilter): number {
  return Object.values(initiativeFilterQuery(filter)).length;
}

interface InitiativeFilterFieldsProps {
  filter: InitiativeFilter;
  municipalities: MunicipalityRef[];
  onApply: (filter: InitiativeFilter) => void;
  onClear: () => void;
}

/** The filter form: edits a draft, "Applica" hands it over. Remount it (key) when the filter changes from outside. */
export function InitiativeFilterFields({ filter, municipalities, onApply, onClear }: InitiativeFilterFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [draft, setDraft] = useState(() => ({
    q: filter.q ?? '',
    status: filter.status ?? '',
    theme: filter.theme ?? '',
    fundingSource: filter.fundingSource ?? '',
    municipality: filter.municipality ?? '',
  }));
  const id = useId();
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const sortedThemes = useMemo(() => [...THEMES].sort((a, b) => format.compare(t(`vocab.theme.${a}`), t(`vocab.theme.${b}`))), [format, t]);
  const sortedMunicipalities = useMemo(() => [...municipalities].sort((a, b) => format.compare(a.name, b.name)), [municipalities, format]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({
      ...filter,
      q: draft.q.trim() || undefined,
      status: (draft.status || undefined) as InitiativeStatus | undefined,
      theme: (draft.theme || undefined) as Theme | undefined,
      fundingSource: (draft.fundingSource || undefined) as FundingSource | undefined,
      municipality: draft.municipality || undefined,
    });
  };

  return (
    <form className="filters" role="search" aria-label={t('initiatives.filters.title')} onSubmit={apply}>
      <div className="field field--wide">
        <label className="field__label" htmlFor={`${id}q`}>
          {t('initiatives.filters.q')}
        </label>
        <input
          id={`${id}q`}
          className="input"
          type="search"
          value={draft.q}
          onChange={(e) => set('q', e.target.value)}
          enterKeyHint="search"
        />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}s`}>
          {t('initiatives.filters.status')}
        </label>
        <select id={`${id}s`} className="input" value={draft.status} onChange={(e) => set('status', e.target.value)}>
          <option value="">{t('initiatives.filters.all')}</option>
          {INITIATIVE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`vocab.initiativeStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      {sortedMunicipalities.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}m`}>
            {t('initiatives.filters.municipality')}
          </label>
          <select id={`${id}m`} className="input" value={draft.municipality} onChange={(e) => set('municipality', e.target.value)}>
            <option value="">{t('initiatives.filters.all')}</option>
            {sortedMunicipalities.map((m) => (
              <option key={m.istatCode} value={m.istatCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={`${id}t`}>
          {t('initiatives.filters.theme')}
        </label>
        <select id={`${id}t`} className="input" value={draft.theme} onChange={(e) => set('theme', e.target.value)}>
          <option value="">{t('initiatives.filters.all')}</option>
          {sortedThemes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`vocab.theme.${theme}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={`${id}f`}>
          {t('initiatives.filters.fundingSource')}
        </label>
        <select id={`${id}f`} className="input" value={draft.fundingSource} onChange={(e) => set('fundingSource', e.target.value)}>
          <option value="">{t('initiatives.filters.all')}</option>
          {FUNDING_SOURCES.map((f) => (
            <option key={f} value={f}>
              {t(`vocab.fundingSource.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('initiatives.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('initiatives.filters.reset')}
        </button>
      </div>
    </form>
  );
}
