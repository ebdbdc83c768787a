import { ACTIVITY_STATUSES, ACTIVITY_TYPES } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useCoordinatorHome } from '../api/get-coordinator-home';
import { STALE_DAYS_CHOICES, staleDaysFrom } from '../utils/stale-days';
import { CountsTable } from './counts-table';
import { HomeFilter } from './home-filter';
import { HomeLoadState } from './home-load-state';
import { HomeActivityItem } from './home-activity-item';
import { HomeSection } from './home-section';

/** The coordinator's desk: the review queue, innovators not active lately, what is expiring, the last week's output. */
export function CoordinatorHome() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const [params] = useSearchParams();
  const staleDays = staleDaysFrom(params);
  const home = useCoordinatorHome({ staleDays });
  const data = home.data;
  const count = (n: number) => format.integer(n);
  const capped = (n: number, more: boolean) => (more ? t('home.atLeast', { formatted: count(n) }) : count(n));

  return (
    <>
      <PageHeading title={t('home.coordinator.title')} lead={user.tenant ? t('home.coordinator.lead') : t('home.coordinator.leadAdmin')} />
      <HomeFilter
        label={t('home.coordinator.staleDays')}
        param="giorni"
        value={String(staleDays)}
        options={STALE_DAYS_CHOICES.map((d) => ({ value: String(d), label: t('home.days', { count: d }) }))}
      />
      <HomeLoadState query={home} />
      {data ? (
        <div className="home-grid" aria-busy={home.isPlaceholderData || undefined}>
          <HomeSection
            tone={data.queue.total > 0 ? 'attention' : 'plain'}
            title={t('home.coordinator.queue')}
            count={capped(data.queue.total, data.queue.capped)}
            countLabel={t('home.coordinator.queueLabel', {
              count: data.queue.total,
              formatted: capped(data.queue.total, data.queue.capped),
            })}
          >
            {data.queue.oldest ? (
              <>
                <p>
                  {t('home.coordinator.oldest', {
                    count: Math.floor((data.queue.oldestWaitingHours ?? 0) / 24),
                    formatted: count(Math.floor((data.queue.oldestWaitingHours ?? 0) / 24)),
                  })}
                </p>
                <ul className="home-list">
                  <HomeActivityItem activity={data.queue.oldest} show="queue" />
                </ul>
                <p className="home-more">
                  <Link to="/revisione">{t('home.coordinator.openQueue')}</Link>
                </p>
              </>
            ) : (
              <p className="muted">{t('home.coordinator.queueEmpty')}</p>
            )}
          </HomeSection>

          <HomeSection
            tone={data.inactiveTotal > 0 ? 'attention' : 'plain'}
            title={t('home.coordinator.inactive', { days: staleDays })}
            count={count(data.inactiveTotal)}
            countLabel={t('home.coordinator.inactiveLabel', {
              count: data.inactiveTotal,
              formatted: count(data.inactiveTotal),
              days: staleDays,
            })}
          >
            {data.inactiveTotal === 0 ? (
              <p className="muted">{t('home.coordinator.inactiveNone', { days: staleDays })}</p>
            ) : (
              <>
                <ul className="home-list">
                  {data.inactiveInnovators.map((u) => (
                    <li key={u.id} className="home-item">
                      <Link to={`/attivita?innovator=${u.id}`} className="home-item__title">
                        {u.fullName}
                      </Link>
                      <span className="home-item__meta">
                        {u.lastActivityDate === null
                          ? t('home.coordinator.neverActive')
                          : t('home.coordinator.lastActivity', {
                              date: format.date(u.lastActivityDate),
                              count: u.daysSince ?? 0,
                              formatted: count(u.daysSince ?? 0),
                            })}
                      </span>
                    </li>
                  ))}
                </ul>
                {data.inactiveTotal > data.inactiveInnovators.length ? (
                  <p className="muted">{t('home.coordinator.inactiveMore', { shown: count(data.inactiveInnovators.length) })}</p>
                ) : null}
              </>
            )}
          </HomeSection>

          {data.expiring.map((group, index) => (
            <HomeSection
              key={group.kind}
              tone={group.total > 0 ? 'attention' : 'plain'}
              title={t(`home.coordinator.expiring.${group.kind}`, { days: staleDays })}
              count={capped(group.total, group.capped)}
              countLabel={t(`home.coordinator.expiring.${group.kind}Label`, {
                count: group.total,
                formatted: capped(group.total, group.capped),
                days: staleDays,
              })}
            >
              {index === 0 ? <p className="muted">{t('home.coordinator.expiring.note')}</p> : null}
              {group.total === 0 ? (
                <p className="muted">{t(`home.coordinator.expiring.${group.kind}None`, { days: staleDays })}</p>
              ) : (
                <ul className="home-list">
                  {group.items.map((a) => (
                    <HomeActivityItem key={a.id} activity={a} show="expiring" />
                  ))}
                  {group.assignments.map((b) => (
                    <li key={b.id} className="home-item">
                      <Link className="home-item__title" to={`/immobili/${b.id}`}>
                        {b.name}
                      </Link>
                      <span className="home-item__meta">
                        {b.municipality.name} · {b.assignment.organization.name}
                      </span>
                      <span className={b.overdue ? 'home-item__when home-overdue' : 'home-item__when'}>
                        {b.overdue
                          ? t('home.territory.expiring.overdueBy', { count: -b.daysLeft, formatted: count(-b.daysLeft) })
                          : t('home.territory.expiring.endsIn', { count: b.daysLeft, formatted: count(b.daysLeft) })}{' '}
                        ({format.date(b.assignment.endDate)})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
              {group.kind === 'assignment_ending' ? (
                <p className="home-more">
                  <Link to="/immobili/scadenze">{t('home.territory.expiring.open')}</Link>
                </p>
              ) : null}
            </HomeSection>
          ))}

          <HomeSection
            title={t('home.coordinator.week')}
            count={count(data.lastWeek.total)}
            countLabel={t('home.coordinator.weekLabel', { count: data.lastWeek.total, formatted: count(data.lastWeek.total) })}
          >
            <p>{t('home.period', { from: format.date(data.lastWeek.from), to: format.date(data.lastWeek.to) })}</p>
            {data.lastWeek.total === 0 ? <p className="muted">{t('home.coordinator.weekNone')}</p> : null}
            <div className="home-tables" hidden={data.lastWeek.total === 0}>
              <CountsTable
                caption={t('home.coordinator.byStatus')}
                header={t('home.status')}
                rows={ACTIVITY_STATUSES.map((s) => ({ key: s, label: t(`vocab.activityStatus.${s}`), n: data.lastWeek.byStatus[s] }))}
              />
              <CountsTable
                caption={t('home.coordinator.byType')}
                header={t('home.type')}
                rows={ACTIVITY_TYPES.filter((k) => data.lastWeek.byType[k] > 0).map((k) => ({
                  key: k,
                  label: t(`vocab.activityType.${k}`),
                  n: data.lastWeek.byType[k],
                }))}
              />
            </div>
            <p className="home-more">
              <Link to="/staff">{t('home.coordinator.staffOutput')}</Link>
            </p>
          </HomeSection>
        </div>
      ) : null}
    </>
  );
}
