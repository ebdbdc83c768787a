import { ACTIVITY_STATUSES, ACTIVITY_TYPES, type ActivityStatus, type ActivityType, SYNC_STALE_DAYS } from '@trama/contracts';
import type { StaffOutputDto, StaffOutputInnovator } from '../api/types';
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/i18n/format';
import { activitiesLink } from '../utils/drill-down';
import type { SortColumn, SortState } from '../utils/sort';
import { ScrollRegion } from '../../../components/scroll-region';

/** Hours always with one decimal in the user's locale (4,0 · 4,2). */
function useHours() {
  const { locale } = useFormatters();
  return useMemo(() => {
    const f = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return (value: number | null) => (value === null ? null : f.format(value));
  }, [locale]);
}

interface SortableHeaderProps {
  column: SortColumn;
  sort: SortState;
  onSort: (column: SortColumn) => void;
  numeric?: boolean;
  children: ReactNode;
}

/** A column header that sorts the table: a button inside the th; the th carries aria-sort while it is the sort key. */
function SortableHeader({ column, sort, onSort, numeric, children }: SortableHeaderProps) {
  const { t } = useTranslation();
  const active = sort.column === column;
  return (
    <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? sort.direction : undefined}>
      <button type="button" className="sort-button" onClick={() => onSort(column)}>
        {children}
        <span className="sort-button__icon" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
        {active ? null : <span className="sr-only">{t('staffOutput.table.sortHint')}</span>}
      </button>
    </th>
  );
}

/** A count that opens the activity list filtered the same way; zero stays plain text (an empty list is no destination). */
function CountLink({ count, to, label }: { count: number; to: string; label: (formatted: string) => string }) {
  const format = useFormatters();
  const formatted = format.integer(count);
  if (count === 0) return <>{formatted}</>;
  // The accessible name starts with the visible number (WCAG 2.5.3) and says where the link goes.
  return (
    <Link to={to} aria-label={label(formatted)}>
      {formatted}
    </Link>
  );
}

/** Days since a field-mode sync after which an innovator's phone is shown as not synced lately. */
export function isSyncStale(at: string | null, now = Date.now()): boolean {
  return at !== null && now - new Date(at).getTime() > SYNC_STALE_DAYS * 86_400_000;
}

/** The innovator's last sync of field mode; one older than SYNC_STALE_DAYS is marked in words (not by colour alone). */
function LastSyncCell({ at }: { at: string | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const stale = isSyncStale(at);
  return (
    <td data-column="lastSync" data-stale={stale || undefined} className={stale ? 'staff-output__sync-stale' : undefined}>
      {at ? format.dateTime(at) : t('staffOutput.table.neverSynced')}
      {stale ? (
        <span className="staff-output__sync-badge">
          {t('staffOutput.table.syncStale', { count: SYNC_STALE_DAYS, formatted: format.integer(SYNC_STALE_DAYS) })}
        </span>
      ) : null}
    </td>
  );
}

interface OutputTableProps {
  report: StaffOutputDto;
  rows: StaffOutputInnovator[];
  sort: SortState;
  onSort: (column: SortColumn) => void;
}

/** The figures of the chart and more, per innovator, with the tenant's totals; scrolls sideways in its own labelled region. */
export function OutputTable({ report, rows, sort, onSort }: OutputTableProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const hours = useHours();
  const captionId = useId();
  const { from, to } = report.period;
  const { totals } = report;
  const statusName = (status: ActivityStatus) => t(`vocab.activityStatus.${status}`);
  const none = <span className="muted">{t('staffOutput.table.none')}</span>;

  return (
    <div className="staff-table-block">
      {/* The title stays outside the scrolling region, so that it wraps on a phone; it names both the region and the table. */}
      <h3 id={captionId} className="staff-table__title">
        {t('staffOutput.table.caption', { from: format.date(from), to: format.date(to) })}
      </h3>
      {/* A scrolling region must be reachable by keyboard to scroll it (WCAG 2.1.1; axe scrollable-region-focusable). */}
      <ScrollRegion labelledBy={captionId}>
        <table className="table staff-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <SortableHeader column="name" sort={sort} onSort={onSort}>
                {t('staffOutput.table.innovator')}
              </SortableHeader>
              <SortableHeader column="activities" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.activities')}
              </SortableHeader>
              {ACTIVITY_STATUSES.map((status) => (
                <SortableHeader key={status} column={status} sort={sort} onSort={onSort} numeric>
                  {statusName(status)}
                </SortableHeader>
              ))}
              <SortableHeader column="hours" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.hours')}
              </SortableHeader>
              <SortableHeader column="participants" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.participants')}
              </SortableHeader>
              <SortableHeader column="reviewed" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.reviewed')}
              </SortableHeader>
              <SortableHeader column="medianReview" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.medianReview')}
              </SortableHeader>
              <SortableHeader column="p90Review" sort={sort} onSort={onSort} numeric>
                {t('staffOutput.table.p90Review')}
              </SortableHeader>
              <SortableHeader column="unvisited" sort={sort} onSort={onSort}>
                {t('staffOutput.table.unvisited', { count: report.period.staleDays, formatted: format.integer(report.period.staleDays) })}
              </SortableHeader>
              <SortableHeader column="lastActivity" sort={sort} onSort={onSort}>
                {t('staffOutput.table.lastActivity')}
              </SortableHeader>
              <SortableHeader column="lastSync" sort={sort} onSort={onSort}>
                {t('staffOutput.table.lastSync')}
              </SortableHeader>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-innovator={row.id}>
                <th scope="row">
                  <Link
                    to={activitiesLink({ innovator: row.id, from, to })}
                    aria-label={t('staffOutput.table.openAll', { name: row.fullName })}
                  >
                    {row.fullName}
                  </Link>
                  <span className="staff-table__employment">
                    {row.active ? null : <span className="badge badge--inactive">{t('staffOutput.table.inactive')}</span>}{' '}
                    {row.hiredOn ? t('staffOutput.table.hiredOn', { date: format.date(row.hiredOn) }) : null}
                    {row.hiredOn && row.contractEnd ? ' · ' : null}
                    {row.contractEnd ? t('staffOutput.table.contractEnd', { date: format.date(row.contractEnd) }) : null}
                  </span>
                </th>
                <td className="num" data-column="activities">
                  <CountLink
                    count={row.activities}
                    to={activitiesLink({ innovator: row.id, from, to })}
                    label={(formatted) => t('staffOutput.table.openTotal', { name: row.fullName, count: row.activities, formatted })}
                  />
                </td>
                {ACTIVITY_STATUSES.map((status) => (
                  <td key={status} className="num" data-column={status}>
                    <CountLink
                      count={row.byStatus[status]}
                      to={activitiesLink({ innovator: row.id, status, from, to })}
                      label={(formatted) =>
                        t('staffOutput.table.openStatus', {
                          name: row.fullName,
                          status: statusName(status),
                          count: row.byStatus[status],
                          formatted,
                        })
                      }
                    />
                  </td>
                ))}
                <td className="num" data-column="hours">
                  {hours(row.hours)}
                </td>
                <td className="num" data-column="participants">
                  {format.integer(row.participants)}
                </td>
                <td className="num" data-column="reviewed">
                  {format.integer(row.reviewTime.reviewed)}
                </td>
                <td className="num" data-column="medianReview">
                  {hours(row.reviewTime.medianHours) ?? none}
                </td>
                <td className="num" data-column="p90Review">
                  {hours(row.reviewTime.p90Hours) ?? none}
                </td>
                <td data-column="unvisited">
                  {row.unvisitedMunicipalities.length === 0 ? (
                    <span className="muted">{t('staffOutput.table.allVisited')}</span>
                  ) : (
                    <ul className="staff-table__places">
                      {row.unvisitedMunicipalities.map((m) => (
                        <li key={m.istatCode}>
                          {m.name}{' '}
                          <span className="muted">
                            (
                            {m.lastVisit
                              ? t('staffOutput.table.lastVisit', { date: format.date(m.lastVisit) })
                              : t('staffOutput.table.neverVisited')}
                            )
                          </span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-column="lastActivity">{row.lastActivityDate ? format.date(row.lastActivityDate) : none}</td>
                <LastSyncCell at={row.lastSyncAt} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-innovator="totals">
              <th scope="row">
                {t('staffOutput.table.totals', {
                  count: totals.innovators,
                  active: format.integer(totals.activeInnovators),
                  formatted: format.integer(totals.innovators),
                })}
              </th>
              <td className="num" data-column="activities">
                {format.integer(totals.activities)}
              </td>
              {ACTIVITY_STATUSES.map((status) => (
                <td key={status} className="num" data-column={status}>
                  {format.integer(totals.byStatus[status])}
                </td>
              ))}
              <td className="num" data-column="hours">
                {hours(totals.hours)}
              </td>
              <td className="num" data-column="participants">
                {format.integer(totals.participants)}
              </td>
              <td className="num" data-column="reviewed">
                {format.integer(totals.reviewTime.reviewed)}
              </td>
              <td className="num" data-column="medianReview">
                {hours(totals.reviewTime.medianHours) ?? none}
              </td>
              <td className="num" data-column="p90Review">
                {hours(totals.reviewTime.p90Hours) ?? none}
              </td>
              <td data-column="unvisited">
                {t('staffOutput.table.unvisitedTotal', {
                  count: totals.unvisitedMunicipalities,
                  formatted: format.integer(totals.unvisitedMunicipalities),
                })}
              </td>
              <td />
              <td />
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}

/** Activities per type: one column per type, the same rows and order, each count opening the filtered list. */
export function TypeTable({ report, rows }: { report: StaffOutputDto; rows: StaffOutputInnovator[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const captionId = useId();
  const { from, to } = report.period;
  const typeName = (type: ActivityType) => t(`vocab.activityType.${type}`);
  return (
    <div className="staff-table-block">
      <h3 id={captionId} className="staff-table__title">
        {t('staffOutput.types.caption', { from: format.date(from), to: format.date(to) })}
      </h3>
      <ScrollRegion labelledBy={captionId}>
        <table className="table staff-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              <th scope="col">{t('staffOutput.table.innovator')}</th>
              {ACTIVITY_TYPES.map((type) => (
                <th key={type} scope="col" className="num">
                  {typeName(type)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-innovator={row.id}>
                <th scope="row">{row.fullName}</th>
                {ACTIVITY_TYPES.map((type) => (
                  <td key={type} className="num" data-column={type}>
                    <CountLink
                      count={row.byType[type]}
                      to={activitiesLink({ innovator: row.id, type, from, to })}
                      label={(formatted) =>
                        t('staffOutput.types.open', { name: row.fullName, type: typeName(type), count: row.byType[type], formatted })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('staffOutput.types.total')}</th>
              {ACTIVITY_TYPES.map((type) => (
                <td key={type} className="num" data-column={type}>
                  {format.integer(report.totals.byType[type])}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>
    </div>
  );
}
