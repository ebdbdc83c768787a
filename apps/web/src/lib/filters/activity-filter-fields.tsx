import { ACTIVITY_STATUSES, ACTIVITY_TYPES, THEMES, type ActivityStatus, type ActivityType, type Theme } from '@trama/contracts';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { MunicipalityRef } from '../api/types';
import { useFormatters } from '../i18n/format';
import type { ActivityFilter } from './activities';

/** The fields of the activities filter as a form edits them (text inputs: '' is "any"). */
export interface ActivityFilterDraft {
  q: string;
  status: string;
  type: string;
  municipality: string;
  theme: string;
  from: string;
  to: string;
  mine: boolean;
  innovator: string;
}

export function activityFilterDraft(filter: ActivityFilter): ActivityFilterDraft {
  return {
    q: filter.q ?? '',
    status: filter.status ?? '',
    type: filter.type ?? '',
    municipality: filter.municipality ?? '',
    theme: filter.theme ?? '',
    from: filter.from ?? '',
    to: filter.to ?? '',
    mine: filter.mine ?? false,
    innovator: filter.innovator ?? '',
  };
}

/** The filter a draft stands for. */
export function activityFilterOfDraft(draft: ActivityFilterDraft): ActivityFilter {
  return {
    q: draft.q.trim() || undefined,
    status: (draft.status || undefined) as ActivityStatus | undefined,
    type: (draft.type || undefined) as ActivityType | undefined,
    municipality: draft.municipality || undefined,
    theme: (draft.theme || undefined) as Theme | undefined,
    from: draft.from || undefined,
    to: draft.to || undefined,
    mine: draft.mine || undefined,
    innovator: draft.innovator || undefined,
  };
}

/** A draft that cannot be applied: the period ends before it starts. */
export function activityDatesInverted(draft: Pick<ActivityFilterDraft, 'from' | 'to'>): boolean {
  return Boolean(draft.from && draft.to && draft.to < draft.from);
}

interface ActivityFilterFieldsProps {
  draft: ActivityFilterDraft;
  onChange: <K extends keyof ActivityFilterDraft>(key: K, value: ActivityFilterDraft[K]) => void;
  municipalities: MunicipalityRef[];
  /** innovators may narrow to what they wrote */
  showMine: boolean;
  /** municipality users see approved activities only: no status choice */
  showStatus: boolean;
  /** the author the filter is narrowed to (from a link), when known */
  innovatorName?: string;
}

/**
 * The fields of the activities filter, for every form that filters activities (the list's, the
 * map's): the same fields, labels and rules everywhere. The form around them applies the draft.
 */
export function ActivityFilterFields({ draft, onChange, municipalities, showMine, showStatus, innovatorName }: ActivityFilterFieldsProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const ids = { q: `${id}q`, status: `${id}s`, type: `${id}t`, municipality: `${id}m`, theme: `${id}th`, from: `${id}f`, to: `${id}to` };
  const sortedTypes = useMemo(
    () => [...ACTIVITY_TYPES].sort((a, b) => format.compare(t(`vocab.activityType.${a}`), t(`vocab.activityType.${b}`))),
    [format, t],
  );
  const sortedThemes = useMemo(() => [...THEMES].sort((a, b) => format.compare(t(`vocab.theme.${a}`), t(`vocab.theme.${b}`))), [format, t]);
  const sortedMunicipalities = useMemo(() => [...municipalities].sort((a, b) => format.compare(a.name, b.name)), [municipalities, format]);
  const datesInverted = activityDatesInverted(draft);

  return (
    <>
      <div className="field field--wide">
        <label className="field__label" htmlFor={ids.q}>
          {t('activities.filters.q')}
        </label>
        <input
          id={ids.q}
          className="input"
          type="search"
          value={draft.q}
          onChange={(e) => onChange('q', e.target.value)}
          enterKeyHint="search"
        />
      </div>
      {showStatus ? (
        <div className="field">
          <label className="field__label" htmlFor={ids.status}>
            {t('activities.filters.status')}
          </label>
          <select id={ids.status} className="input" value={draft.status} onChange={(e) => onChange('status', e.target.value)}>
            <option value="">{t('activities.filters.allStatuses')}</option>
            {ACTIVITY_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`vocab.activityStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.type}>
          {t('activities.filters.type')}
        </label>
        <select id={ids.type} className="input" value={draft.type} onChange={(e) => onChange('type', e.target.value)}>
          <option value="">{t('activities.filters.allTypes')}</option>
          {sortedTypes.map((type) => (
            <option key={type} value={type}>
              {t(`vocab.activityType.${type}`)}
            </option>
          ))}
        </select>
      </div>
      {sortedMunicipalities.length > 1 ? (
        <div className="field">
          <label className="field__label" htmlFor={ids.municipality}>
            {t('activities.filters.municipality')}
          </label>
          <select
            id={ids.municipality}
            className="input"
            value={draft.municipality}
            onChange={(e) => onChange('municipality', e.target.value)}
          >
            <option value="">{t('activities.filters.allMunicipalities')}</option>
            {sortedMunicipalities.map((m) => (
              <option key={m.istatCode} value={m.istatCode}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={ids.theme}>
          {t('activities.filters.theme')}
        </label>
        <select id={ids.theme} className="input" value={draft.theme} onChange={(e) => onChange('theme', e.target.value)}>
          <option value="">{t('activities.filters.allThemes')}</option>
          {sortedThemes.map((theme) => (
            <option key={theme} value={theme}>
              {t(`vocab.theme.${theme}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.from}>
          {t('activities.filters.from')}
        </label>
        <input id={ids.from} className="input" type="date" value={draft.from} onChange={(e) => onChange('from', e.target.value)} />
      </div>
      <div className={`field${datesInverted ? ' field--invalid' : ''}`}>
        <label className="field__label" htmlFor={ids.to}>
          {t('activities.filters.to')}
        </label>
        <input
          id={ids.to}
          className="input"
          type="date"
          value={draft.to}
          min={draft.from || undefined}
          aria-invalid={datesInverted || undefined}
          aria-describedby={datesInverted ? `${ids.to}-error` : undefined}
          onChange={(e) => onChange('to', e.target.value)}
        />
        {datesInverted ? (
          <p className="field__error" id={`${ids.to}-error`}>
            {t('validation.toBeforeFrom')}
          </p>
        ) : null}
      </div>
      {draft.innovator ? (
        <p className="field field--wide activity-filters__author">
          <span>{innovatorName ? t('activities.filters.author', { name: innovatorName }) : t('activities.filters.authorUnknown')}</span>
          <button type="button" className="button button--secondary button--small" onClick={() => onChange('innovator', '')}>
            {t('activities.filters.removeAuthor')}
          </button>
        </p>
      ) : null}
      {showMine ? (
        <label className="check">
          <input type="checkbox" checked={draft.mine} onChange={(e) => onChange('mine', e.target.checked)} />
          <span>{t('activities.filters.mine')}</span>
        </label>
      ) : null}
    </>
  );
}
