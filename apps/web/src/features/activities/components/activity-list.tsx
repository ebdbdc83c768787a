import type { ActivityDto } from '../api/types';
import type { MunicipalityRef } from '../../../lib/api/types';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { asMunicipalityRefs, useMunicipalities } from '../../../lib/reference/municipalities';
import { useActivities } from '../api/list-activities';
import '../activities.css';
import {
  activeFilterCount,
  filterFromParams,
  filterToParams,
  hasFilters,
  toExportFilters,
  toListQuery,
  type ActivityListFilter,
} from '../utils/list-filter';
import { ActivityFilters } from './activity-filters';
import { ExportButtons } from './export-buttons';
import { StatusBadge } from './status-badge';

export function ActivityCard({ activity, headingLevel = 2 }: { activity: ActivityDto; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`activity-card activity-card--${activity.status}`}>
      <div className="activity-card__head">
        <Heading className="activity-card__title">
          <Link to={`/attivita/${activity.id}`}>{activity.title ?? t('activities.untitled')}</Link>
        </Heading>
        <StatusBadge status={activity.status} />
      </div>
      <ul className="activity-card__meta">
        <li>
          <span className="sr-only">{t('activities.fields.date')}: </span>
          {format.date(activity.date)}
        </li>
        <li>
          <span className="sr-only">{t('activities.fields.municipality')}: </span>
          {activity.municipality.name}
        </li>
        {activity.type ? (
          <li>
            <span className="sr-only">{t('activities.fields.type')}: </span>
            {t(`vocab.activityType.${activity.type}`)}
          </li>
        ) : null}
        {activity.participants ? (
          <li>
            {t('activities.fields.participantsCount', {
              count: activity.participants.total,
              formatted: format.integer(activity.participants.total),
            })}
          </li>
        ) : null}
        {activity.building ? (
          <li>
            <span className="sr-only">{t('activities.fields.building')}: </span>
            {activity.building.name}
          </li>
        ) : null}
        {activity.initiative ? (
          <li>
            <span className="sr-only">{t('activities.fields.initiative')}: </span>
            {activity.initiative.title}
          </li>
        ) : null}
        <li>
          <span className="sr-only">{t('activities.fields.author')}: </span>
          {activity.author.fullName}
        </li>
      </ul>
    </article>
  );
}

/** Municipalities offered by the filter: an innovator's assigned ones; for the others, those they may see. */
function useFilterMunicipalities(): MunicipalityRef[] {
  const user = useSessionUser();
  const isInnovator = user.role === 'innovator';
  const options = useMunicipalities({ enabled: !isInnovator, select: asMunicipalityRefs });
  return isInnovator ? user.assignedMunicipalities : (options.data ?? []);
}

export function ActivityList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const query = toListQuery(filter, user.id);
  const activities = useActivities(query);
  const municipalities = useFilterMunicipalities();
  const resultsId = useId();
  const isMunicipalityUser = user.role === 'municipality';
  const active = activeFilterCount(filter);
  // On a phone the filters fold away (the list comes first); on wider screens they are open.
  const [filtersOpen, setFiltersOpen] = useState(
    () => typeof window.matchMedia !== 'function' || window.matchMedia('(min-width: 600px)').matches,
  );

  const apply = (next: ActivityListFilter) => setParams(filterToParams(next));
  const clear = () => setParams(new URLSearchParams());

  return (
    <div className="stack">
      <details className="filters-disclosure" open={filtersOpen} onToggle={(event) => setFiltersOpen(event.currentTarget.open)}>
        <summary>{active ? t('activities.filters.summaryActive', { count: active }) : t('activities.filters.summary')}</summary>
        <ActivityFilters
          key={params.toString()}
          filter={filter}
          municipalities={municipalities}
          showMine={user.role === 'innovator'}
          showStatus={!isMunicipalityUser}
          innovatorName={
            filter.innovator ? activities.data?.items.find((a) => a.author.id === filter.innovator)?.author.fullName : undefined
          }
          buildingName={
            filter.building ? activities.data?.items.find((a) => a.building?.id === filter.building)?.building?.name : undefined
          }
          initiativeTitle={
            filter.initiative ? activities.data?.items.find((a) => a.initiative?.id === filter.initiative)?.initiative?.title : undefined
          }
          onApply={apply}
          onClear={clear}
        />
      </details>

      <div className="activity-toolbar">
        <p role="status" className="result-count" id={resultsId}>
          {activities.data
            ? t(activities.data.totalCapped ? 'activities.list.countCapped' : 'activities.list.count', {
                count: activities.data.total,
                formatted: format.integer(activities.data.total),
              })
            : ''}
        </p>
        <ExportButtons filters={toExportFilters(filter, user.id)} />
      </div>

      {activities.isPending ? (
        <Loading />
      ) : activities.isError ? (
        <Alert tone="error" title={t('activities.list.failed')}>
          {errorMessage(t, activities.error)}
        </Alert>
      ) : activities.data.items.length ? (
        <ul className="activity-list" aria-labelledby={resultsId} aria-busy={activities.isPlaceholderData || undefined}>
          {activities.data.items.map((activity) => (
            <li key={activity.id}>
              <ActivityCard activity={activity} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{hasFilters(filter) ? t('activities.list.emptyFiltered') : t('activities.list.empty')}</p>
      )}
      {activities.data ? (
        <Pagination
          page={activities.data.page}
          pageSize={activities.data.pageSize}
          total={activities.data.total}
          totalCapped={activities.data.totalCapped}
          itemCount={activities.data.items.length}
          onPage={(page) => {
            setParams(filterToParams({ ...filter, page }));
            window.scrollTo({ top: 0 });
          }}
        />
      ) : null}
    </div>
  );
}
