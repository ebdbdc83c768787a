import {
  BUILDING_CONDITIONS,
  BUILDING_CURRENT_USES,
  BUILDING_OWNERSHIPS,
  type BuildingCondition,
  type BuildingCurrentUse,
  type BuildingOwnership,
  REUSE_STAGES,
  type ReuseStage,
  SUITABLE_USES,
  type SuitableUse,
} from '@trama/contracts';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityRef } from '../api/types';
import type { ReferenceOption } from '../reference/reference-option';
import { useFormatters } from '../i18n/format';

/**
 * The filters of the buildings register, shared by the list, the export and the map (features never
 * import each other): the same names as the API's `BuildingFiltersQuery`, so a filter object is
 * also the query of GET /api/buildings, /export and the map layer.
 */
export interface BuildingFilters {
  municipality?: string;
  socialArea?: string;
  q?: string;
  stage?: ReuseStage;
  ownership?: BuildingOwnership;
  condition?: BuildingCondition;
  currentUse?: BuildingCurrentUse;
  suitableUse?: SuitableUse;
  placed?: 'yes' | 'no';
  confiscated?: 'yes' | 'no';
}

const YES_NO = ['yes', 'no'] as const;
const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;
const text = (value: string | null, max: number) => (value && value.trim() ? value.trim().slice(0, max) : undefined);

/** Reads the filters from a URL's parameters; unknown values are dropped (a stale link shows everything). */
export function buildingFiltersFromParams(params: URLSearchParams): BuildingFilters {
  const municipality = params.get('municipality');
  return {
    municipality: municipality && /^[0-9]{6}$/.test(municipality) ? municipality : undefined,
    socialArea: text(params.get('socialArea'), 100),
    q: text(params.get('q'), 200),
    stage: oneOf(REUSE_STAGES, params.get('stage')),
    ownership: oneOf(BUILDING_OWNERSHIPS, params.get('ownership')),
    condition: oneOf(BUILDING_CONDITIONS, params.get('condition')),
    currentUse: oneOf(BUILDING_CURRENT_USES, params.get('currentUse')),
    suitableUse: oneOf(SUITABLE_USES, params.get('suitableUse')),
    placed: oneOf(YES_NO, params.get('placed')),
    confiscated: oneOf(YES_NO, params.get('confiscated')),
  };
}

/** Writes the filters set (and only those) as URL parameters, in a stable order. */
export function buildingFiltersToParams(filters: BuildingFilters, params = new URLSearchParams()): URLSearchParams {
  for (const key of BUILDING_FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return params;
}

export const BUILDING_FILTER_KEYS = [
  'q',
  'municipality',
  'socialArea',
  'stage',
  'ownership',
  'condition',
  'currentUse',
  'suitableUse',
  'placed',
  'confiscated',
] as const satisfies readonly (keyof BuildingFilters)[];

export function hasBuildingFilters(filters: BuildingFilters): boolean {
  return BUILDING_FILTER_KEYS.some((key) => Boolean(filters[key]));
}

interface BuildingFilterFieldsProps {
  filters: BuildingFilters;
  municipalities: readonly MunicipalityRef[];
  /** the social areas the caller sees (none or one: no choice shown) */
  socialAreas?: readonly ReferenceOption[];
  onApply: (filters: BuildingFilters) => void;
  onClear: () => void;
}

type Choice = Exclude<keyof BuildingFilters, 'q' | 'municipality' | 'socialArea'>;

/**
 * The filter form of the buildings (list and map): edits a draft, "Filtra" hands it over. The parent
 * remounts it (key) when the URL changes, so that Back and shared links show the filters in force.
 */
export function BuildingFilterFields({ filters, municipalities, socialAreas = [], onApply, onClear }: BuildingFilterFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [draft, setDraft] = useState<BuildingFilters>(filters);
  const set = (key: keyof BuildingFilters, value: string) => setDraft((d) => ({ ...d, [key]: value || undefined }));
  const sortedMunicipalities = useMemo(() => [...municipalities].sort((a, b) => format.compare(a.name, b.name)), [municipalities, format]);
  const choices: { key: Choice; values: readonly string[]; label: (v: string) => string }[] = [
    { key: 'stage', values: REUSE_STAGES, label: (v) => t(`vocab.reuseStage.${v}`) },
    { key: 'ownership', values: BUILDING_OWNERSHIPS, label: (v) => t(`vocab.buildingOwnership.${v}`) },
    { key: 'condition', values: BUILDING_CONDITIONS, label: (v) => t(`vocab.buildingCondition.${v}`) },
    { key: 'currentUse', values: BUILDING_CURRENT_USES, label: (v) => t(`vocab.buildingCurrentUse.${v}`) },
    { key: 'suitableUse', values: SUITABLE_USES, label: (v) => t(`vocab.suitableUse.${v}`) },
    { key: 'placed', values: YES_NO, label: (v) => t(`buildings.filters.placed_${v}`) },
    { key: 'confiscated', values: YES_NO, label: (v) => t(`buildings.filters.confiscated_${v}`) },
  ];
  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q?.trim() || undefined });
  };
  return (
    <form className="filters" role="search" aria-label={t('buildings.filters.label')} onSubmit={apply}>
      <div className="field field--wide">
        <label className="field__label" htmlFor={`${id}q`}>
          {t('buildings.filters.q')}
        </label>
        <input
          id={`${id}q`}
          className="input"
          type="search"
          value={draft.q ?? ''}
          onChange={(e) => set('q', e.target.value)}
          enterKeyHint="search"
        />
      </div>
      {sortedMunicipalities.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}m`}>
            {t('buildings.fields.municipality')}
          </label>
          <select id={`${id}m`} className="input" value={draft.municipality ?? ''} onChange={(e) => set('municipality', e.target.value)}>
            <option value="">{t('buildings.filters.all')}</option>
            {sortedMunicipalities.map((m) => (
              <option key={m.istatCode} value={m.istatCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {socialAreas.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}sa`}>
            {t('buildings.filters.socialArea')}
          </label>
          <select id={`${id}sa`} className="input" value={draft.socialArea ?? ''} onChange={(e) => set('socialArea', e.target.value)}>
            <option value="">{t('buildings.filters.all')}</option>
            {[...socialAreas]
              .sort((a, b) => format.compare(a.name, b.name))
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
          </select>
        </div>
      ) : null}
      {choices.map((choice) => (
        <div className="field" key={choice.key}>
          <label className="field__label" htmlFor={`${id}${choice.key}`}>
            {t(`buildings.filters.${choice.key}`)}
          </label>
          <select
            id={`${id}${choice.key}`}
            className="input"
            value={draft[choice.key] ?? ''}
            onChange={(e) => set(choice.key, e.target.value)}
          >
            <option value="">{t('buildings.filters.all')}</option>
            {choice.values.map((v) => (
              <option key={v} value={v}>
                {choice.label(v)}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('buildings.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('buildings.filters.clear')}
        </button>
      </div>
    </form>
  );
}
