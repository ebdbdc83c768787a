import { EXPIRING_DEFAULT_MONTHS } from '@trama/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { ScrollRegion } from '../../../components/scroll-region';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { EXPIRING_PAGE_SIZE, useExpiringBuildings, useStaleBuildings } from '../api/list-buildings';
import '../buildings.css';
import { StageBadge } from './stage-badge';

const MONTHS = [3, 6, 12, 24] as const;

/** Assignments ending within the months chosen (default 6), and the overdue ones first. */
export function ExpiringList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [months, setMonths] = useState<number>(EXPIRING_DEFAULT_MONTHS);
  const [page, setPage] = useState(1);
  const list = useExpiringBuildings(months, page);
  return (
    <div className="stack">
      <div className="field">
        <label className="field__label" htmlFor="expiring-months">
          {t('buildings.expiring.months')}
        </label>
        <select
          id="expiring-months"
          className="input"
          value={months}
          onChange={(e) => {
            setMonths(Number(e.target.value));
            setPage(1);
          }}
        >
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {t('buildings.expiring.monthsOption', { count: m })}
            </option>
          ))}
        </select>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError && !list.data ? <Alert tone="error">{errorMessage(t, list.error)}</Alert> : null}
      {list.data && list.data.items.length === 0 ? <p>{t('buildings.expiring.none')}</p> : null}
      {list.data && list.data.items.length > 0 ? (
        <ScrollRegion label={t('buildings.expiring.title')}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('buildings.fields.name')}</th>
                <th scope="col">{t('buildings.fields.municipality')}</th>
                <th scope="col">{t('buildings.fields.assignee')}</th>
                <th scope="col">{t('buildings.fields.endDate')}</th>
                <th scope="col">{t('buildings.expiring.when')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((item) => (
                <tr key={item.id} className={item.overdue ? 'building-overdue' : undefined}>
                  <td>
                    <Link to={`/immobili/${item.id}`}>{item.name}</Link> <StageBadge stage={item.stage} />
                  </td>
                  <td>{item.municipality.name}</td>
                  <td>{item.assignment.organization.name}</td>
                  <td>{format.date(item.assignment.endDate)}</td>
                  <td>
                    {item.overdue
                      ? t('buildings.expiring.overdue', { count: -item.daysLeft })
                      : t('buildings.expiring.daysLeft', { count: item.daysLeft })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      ) : null}
      {list.data ? (
        <Pagination page={page} pageSize={EXPIRING_PAGE_SIZE} total={list.data.total} itemCount={list.data.items.length} onPage={setPage} />
      ) : null}
    </div>
  );
}

/** Buildings of the caller's territory not verified on site for a year, never verified first. */
export function StaleList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const list = useStaleBuildings(page);
  if (list.isPending) return <Loading />;
  if (list.isError && !list.data) return <Alert tone="error">{errorMessage(t, list.error)}</Alert>;
  if (!list.data) return null;
  return (
    <div className="stack">
      <p role="status" className="muted">
        {t('buildings.count', { count: list.data.total, formatted: format.integer(list.data.total) })}
      </p>
      <ul className="building-list">
        {list.data.items.map((b) => (
          <li key={b.id} className="building-card">
            <Link to={`/immobili/${b.id}`}>{b.name}</Link> · {b.municipality.name} ·{' '}
            {b.lastVerifiedAt
              ? t('buildings.stale.verifiedOn', { date: format.date(b.lastVerifiedAt.slice(0, 10)) })
              : t('buildings.detail.neverVerified')}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={50} total={list.data.total} itemCount={list.data.items.length} onPage={setPage} />
    </div>
  );
}
