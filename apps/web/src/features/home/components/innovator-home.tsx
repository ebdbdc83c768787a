import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { useFormatters } from '../../../lib/i18n/format';
import { useInnovatorHome } from '../api/get-innovator-home';
import type { HomeActivityList } from '../api/types';
import { STALE_DAYS_CHOICES, staleDaysFrom } from '../utils/stale-days';
import { HomeFilter } from './home-filter';
import { HomeLoadState } from './home-load-state';
import { HomeActivityItem } from './home-activity-item';
import { HomeSection } from './home-section';

function ActivityList({ list, show, empty }: { list: HomeActivityList; show: 'returned' | 'draft' | 'submitted'; empty: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (list.total === 0) return <p className="muted">{empty}</p>;
  return (
    <>
      <ul className="home-list">
        {list.items.map((a) => (
          <HomeActivityItem key={a.id} activity={a} show={show} />
        ))}
      </ul>
      {list.total > list.items.length ? (
        <p className="home-more">
          <Link to={`/attivita?status=${show}&mine=1`}>
            {t('home.seeAll', { count: list.total, formatted: format.integer(list.total) })}
          </Link>
        </p>
      ) : null}
    </>
  );
}

/** "Il mio lavoro": what an innovator has to correct, finish and wait for, and where they have not been lately. */
export function InnovatorHome() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params] = useSearchParams();
  const staleDays = staleDaysFrom(params);
  const home = useInnovatorHome({ staleDays });
  const data = home.data;
  const count = (n: number) => format.integer(n);

  return (
    <>
      <PageHeading
        title={t('home.innovator.title')}
        lead={t('home.innovator.lead')}
        actions={
          <Link to="/attivita/nuova" className="button button--primary">
            {t('home.innovator.newActivity')}
          </Link>
        }
      />
      <HomeLoadState query={home} />
      {data ? (
        <div className="home-grid" aria-busy={home.isPlaceholderData || undefined}>
          <HomeSection
            tone={data.returned.total > 0 ? 'attention' : 'plain'}
            title={t('home.innovator.returned')}
            count={count(data.returned.total)}
            countLabel={t('home.innovator.returnedLabel', { count: data.returned.total, formatted: count(data.returned.total) })}
          >
            <ActivityList list={data.returned} show="returned" empty={t('home.innovator.returnedNone')} />
          </HomeSection>
          <HomeSection
            title={t('home.innovator.drafts')}
            count={count(data.drafts.total)}
            countLabel={t('home.innovator.draftsLabel', { count: data.drafts.total, formatted: count(data.drafts.total) })}
          >
            <ActivityList list={data.drafts} show="draft" empty={t('home.innovator.draftsNone')} />
          </HomeSection>
          <HomeSection
            title={t('home.innovator.submitted')}
            count={count(data.submitted.total)}
            countLabel={t('home.innovator.submittedLabel', { count: data.submitted.total, formatted: count(data.submitted.total) })}
          >
            <ActivityList list={data.submitted} show="submitted" empty={t('home.innovator.submittedNone')} />
          </HomeSection>
          <HomeSection
            title={t('home.innovator.unvisited', { days: staleDays })}
            count={count(data.unvisited.length)}
            countLabel={t('home.innovator.unvisitedLabel', {
              count: data.unvisited.length,
              formatted: count(data.unvisited.length),
              days: staleDays,
            })}
          >
            <HomeFilter
              label={t('home.staleDays')}
              param="giorni"
              value={String(staleDays)}
              options={STALE_DAYS_CHOICES.map((d) => ({ value: String(d), label: t('home.days', { count: d }) }))}
            />
            {data.assignedMunicipalities === 0 ? (
              <p className="muted">{t('home.innovator.noAssignments')}</p>
            ) : data.unvisited.length === 0 ? (
              <p className="muted">{t('home.innovator.allVisited', { count: data.assignedMunicipalities, days: staleDays })}</p>
            ) : (
              <ul className="home-list">
                {data.unvisited.map((m) => (
                  <li key={m.istatCode} className="home-item">
                    <span className="home-item__title">{m.name}</span>
                    <span className="home-item__meta">
                      {m.lastVisit === null
                        ? t('home.innovator.neverVisited')
                        : t('home.innovator.lastVisit', {
                            date: format.date(m.lastVisit),
                            count: m.daysSince ?? 0,
                            formatted: count(m.daysSince ?? 0),
                          })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </HomeSection>
        </div>
      ) : null}
    </>
  );
}
