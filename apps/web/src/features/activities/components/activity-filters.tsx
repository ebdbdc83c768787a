import type { MunicipalityRef } from '../../../lib/api/types';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ActivityFilterFields,
  activityDatesInverted,
  activityFilterDraft,
  activityFilterOfDraft,
  type ActivityFilterDraft,
} from '../../../lib/filters/activity-filter-fields';
import type { ActivityListFilter, ListSort } from '../utils/list-filter';

interface ActivityFiltersProps {
  filter: ActivityListFilter;
  municipalities: MunicipalityRef[];
  /** innovators may narrow the list to what they wrote */
  showMine: boolean;
  /** municipality users see approved activities only: no status choice */
  showStatus: boolean;
  /** the author the list is narrowed to (from a link), when known */
  innovatorName?: string;
  onApply: (filter: ActivityListFilter) => void;
  onClear: () => void;
}

type Draft = ActivityFilterDraft & { sort: ListSort };

/**
 * The list's filters: the shared activities filter fields (lib/filters, also the map's) and the
 * list's order. The form edits a draft; "Filtra" writes it to the URL. The parent remounts it
 * (key) when the URL changes, so that Back and shared links show the filters in force.
 */
export function ActivityFilters({ filter, municipalities, showMine, showStatus, innovatorName, onApply, onClear }: ActivityFiltersProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => ({ ...activityFilterDraft(filter), sort: filter.sort }));
  const sortId = `${useId()}o`;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setField = <K extends keyof ActivityFilterDraft>(key: K, value: ActivityFilterDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (activityDatesInverted(draft)) return;
    onApply({ ...activityFilterOfDraft(draft), sort: draft.sort, page: 1 });
  };

  return (
    <form className="filters activity-filters" role="search" aria-label={t('activities.filters.label')} onSubmit={apply}>
      <ActivityFilterFields
        draft={draft}
        onChange={setField}
        municipalities={municipalities}
        showMine={showMine}
        showStatus={showStatus}
        innovatorName={innovatorName}
      />
      <div className="field">
        <label className="field__label" htmlFor={sortId}>
          {t('activities.filters.sort')}
        </label>
        <select id={sortId} className="input" value={draft.sort} onChange={(e) => set('sort', e.target.value as ListSort)}>
          <option value="-date">{t('activities.filters.newestFirst')}</option>
          <option value="date">{t('activities.filters.oldestFirst')}</option>
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('activities.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          {t('activities.filters.clear')}
        </button>
      </div>
    </form>
  );
}
