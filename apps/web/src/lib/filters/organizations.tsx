import {
  ORGANIZATION_KINDS,
  RESOURCES,
  TARGET_GROUPS,
  THEMES,
  type OrganizationKind,
  type Resource,
  type TargetGroup,
  type Theme,
} from '@trama/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityRef } from '../api/types';
import { useFormatters } from '../i18n/format';

/**
 * The organizations register's filters, shared by its list and the map (features never import each
 * other): the type, its URL form, and the fields. The same names as the API's `OrganizationFiltersQuery`.
 */
export interface OrganizationFilter {
  /** ISTAT code */
  municipality?: string;
  /** social area code */
  socialArea?: string;
  q?: string;
  kind?: OrganizationKind;
  theme?: Theme;
  offer?: Resource;
  need?: Resource;
  targetGroup?: TargetGroup;
  active?: boolean;
  placed?: boolean;
}

const ISTAT = /^\d{6}$/;
const AREA = /^[A-Za-z0-9_-]{1,64}$/;

function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

function bool(value: string | null): boolean | undefined {
  return value === 'true' ? true : value === 'false' ? false : undefined;
}

/** Reads the filter from search params; anything unknown or malformed is ignored (a hand-edited link still works). */
export function organizationFilterFromParams(params: URLSearchParams): OrganizationFilter {
  const municipality = params.get('municipality') ?? '';
  const socialArea = params.get('socialArea') ?? '';
  return {
    municipality: ISTAT.test(municipality) ? municipality : undefined,
    socialArea: AREA.test(socialArea) ? socialArea : undefined,
    q: params.get('q')?.trim().slice(0, 100) || undefined,
    kind: oneOf(ORGANIZATION_KINDS, params.get('kind')),
    theme: oneOf(THEMES, params.get('theme')),
    offer: oneOf(RESOURCES, params.get('offer')),
    need: oneOf(RESOURCES, params.get('need')),
    targetGroup: oneOf(TARGET_GROUPS, params.get('targetGroup')),
    active: bool(params.get('active')),
    placed: bool(params.get('placed')),
  };
}

const ORDER: (keyof OrganizationFilter)[] = [
  'q',
  'municipality',
  'socialArea',
  'kind',
  'theme',
  'offer',
  'need',
  'targetGroup',
  'active',
  'placed',
];

/** Writes the filter to search params in a stable order, without empty values. */
export function organizationFilterToParams(filter: OrganizationFilter, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  return params;
}

/** The filter as the API's query (the same names). */
export function organizationFilterQuery(filter: OrganizationFilter): OrganizationFilter {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')) as OrganizationFilter;
}

export function organizationFilterCount(filter: OrganizationFilter): number {
  return ORDER.filter((k) => filter[k] !== undefined && filter[k] !== '').length;
}

interface OrganizationFilterFieldsProps {
  filter: OrganizationFilter;
  municipalities: MunicipalityRef[];
  onApply: (filter: OrganizationFilter) => void;
  onClear: () => void;
}

/** The filter fields of the organizations register, as a small form (applied on submit). */
export function OrganizationFilterFields({ filter, municipalities, onApply, onClear }: OrganizationFilterFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [draft, setDraft] = useState<OrganizationFilter>(filter);
  const label = (vocab: string, code: string): string => t(`vocab.${vocab}.${code}` as const);
  const sorted = <T extends string>(values: readonly T[], vocab: string) =>
    [...values].sort((a, b) => format.compare(label(vocab, a), label(vocab, b)));
  const kinds = useMemo(() => sorted(ORGANIZATION_KINDS, 'organizationKind'), [format, t]); // eslint-disable-line react-hooks/exhaustive-deps
  const set = (key: keyof OrganizationFilter, value: string) => {
    const next: OrganizationFilter = { ...draft };
    if (value === '') delete next[key];
    else if (key === 'active' || key === 'placed') next[key] = value === 'true';
    else (next as Record<string, string>)[key] = value;
    setDraft(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const select = (key: keyof OrganizationFilter, label: string, options: { value: string; label: string }[]) => (
    <div className="field">
      <label className="field__label" htmlFor={`${id}-${key}`}>
        {label}
      </label>
      <select
        id={`${id}-${key}`}
        className="input"
        value={draft[key] === undefined ? '' : String(draft[key])}
        onChange={(e) => set(key, e.target.value)}
      >
        <option value="">{t('organizations.filters.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const vocab = (values: readonly string[], name: string) => sorted(values, name).map((v) => ({ value: v, label: label(name, v) }));
  return (
    <form className="filters stack-tight" onSubmit={submit} role="search" aria-label={t('organizations.filters.label')}>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-q`}>
          {t('organizations.filters.q')}
        </label>
        <input id={`${id}-q`} className="input" type="search" value={draft.q ?? ''} onChange={(e) => set('q', e.target.value)} />
      </div>
      <div className="filters__grid">
        {select(
          'municipality',
          t('organizations.fields.municipality'),
          municipalities.map((m) => ({ value: m.istatCode, label: m.name })),
        )}
        {select(
          'kind',
          t('organizations.fields.kind'),
          kinds.map((k) => ({ value: k, label: t(`vocab.organizationKind.${k}`) })),
        )}
        {select('theme', t('organizations.fields.themes'), vocab(THEMES, 'theme'))}
        {select('offer', t('organizations.fields.offers'), vocab(RESOURCES, 'resource'))}
        {select('need', t('organizations.fields.needs'), vocab(RESOURCES, 'resource'))}
        {select('targetGroup', t('organizations.fields.targetGroups'), vocab(TARGET_GROUPS, 'targetGroup'))}
        {select('active', t('organizations.fields.active'), [
          { value: 'true', label: t('organizations.filters.activeOnly') },
          { value: 'false', label: t('organizations.filters.inactiveOnly') },
        ])}
        {select('placed', t('organizations.filters.placed'), [
          { value: 'true', label: t('organizations.filters.placedOnly') },
          { value: 'false', label: t('organizations.filters.notPlaced') },
        ])}
      </div>
      <div className="cluster">
        <button type="submit" className="button button--primary">
          {t('organizations.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('organizations.filters.clear')}
        </button>
      </div>
    </form>
  );
}
