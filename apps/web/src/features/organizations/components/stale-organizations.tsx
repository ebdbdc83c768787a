import { STALE_DEFAULT_MONTHS, STALE_MAX_MONTHS } from '@trama/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useStaleOrganizations } from '../api/organizations';
import { OrganizationCard } from './organization-list';

/** The organizations of the caller's territory not verified on site for some months (innovators: their municipalities). */
export function StaleOrganizations() {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const [months, setMonths] = useState(STALE_DEFAULT_MONTHS);
  const [page, setPage] = useState(1);
  const stale = useStaleOrganizations({ months, page });
  return (
    <div className="stack">
      <div className="field">
        <label className="field__label" htmlFor={`${id}-months`}>
          {t('organizations.stale.months')}
        </label>
        <select
          id={`${id}-months`}
          className="input"
          value={months}
          onChange={(e) => {
            setMonths(Number(e.target.value));
            setPage(1);
          }}
        >
          {[3, 6, 12, 24, 36]
            .filter((m) => m <= STALE_MAX_MONTHS)
            .map((m) => (
              <option key={m} value={m}>
                {t('organizations.stale.monthsOption', { count: m })}
              </option>
            ))}
        </select>
      </div>
      <p role="status" className="result-count">
        {stale.data ? t('organizations.list.count', { count: stale.data.total, formatted: format.integer(stale.data.total) }) : ''}
      </p>
      {stale.isPending ? (
        <Loading />
      ) : stale.isError ? (
        <Alert tone="error">{errorMessage(t, stale.error)}</Alert>
      ) : stale.data.items.length ? (
        <ul className="org-list">
          {stale.data.items.map((o) => (
            <li key={o.id}>
              <OrganizationCard organization={o} />
              <p className="muted">
                {o.lastVerifiedAt
                  ? t('organizations.stale.lastVerified', { date: format.date(o.lastVerifiedAt) })
                  : t('organizations.detail.neverVerified')}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('organizations.stale.empty')}</p>
      )}
      {stale.data ? (
        <Pagination
          page={stale.data.page}
          pageSize={stale.data.pageSize}
          total={stale.data.total}
          itemCount={stale.data.items.length}
          onPage={setPage}
        />
      ) : null}
    </div>
  );
}
