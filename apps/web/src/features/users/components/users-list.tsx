import { ROLES, type Role } from '@trama/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { Pagination } from '../../../components/pagination';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useUsers } from '../api/list-users';
import type { UserListFilter } from '../api/user-keys';
import { UserStatusBadge } from './user-status';
import { ScrollRegion } from '../../../components/scroll-region';

const PAGE_SIZE = 25;

/** The list's filters live in the URL: a filtered list can be bookmarked, and Back undoes a filter. */
export function filterFromParams(params: URLSearchParams): UserListFilter {
  const role = params.get('role');
  const active = params.get('active');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    role: (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : undefined,
    active: active === 'true' || active === 'false' ? active : undefined,
    q: params.get('q')?.trim() || undefined,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

function toParams(filter: Omit<UserListFilter, 'pageSize'>): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.role) params.set('role', filter.role);
  if (filter.active) params.set('active', filter.active);
  if (filter.q) params.set('q', filter.q);
  if (filter.page > 1) params.set('page', String(filter.page));
  return params;
}

function UserFilters({ filter, onApply }: { filter: UserListFilter; onApply: (params: URLSearchParams) => void }) {
  const { t } = useTranslation();
  const ids = { role: useId(), active: useId(), q: useId() };
  const [draft, setDraft] = useState({ role: filter.role ?? '', active: filter.active ?? '', q: filter.q ?? '' });

  const apply = (event: FormEvent) => {
    event.preventDefault();
    onApply(
      toParams({
        role: (draft.role || undefined) as Role | undefined,
        active: (draft.active || undefined) as UserListFilter['active'],
        q: draft.q.trim() || undefined,
        page: 1,
      }),
    );
  };

  return (
    <form className="filters" onSubmit={apply} aria-label={t('users.filters.label')}>
      <div className="field">
        <label className="field__label" htmlFor={ids.q}>
          {t('users.filters.search')}
        </label>
        <input id={ids.q} className="input" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.role}>
          {t('users.filters.role')}
        </label>
        <select id={ids.role} className="input" value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.target.value })}>
          <option value="">{t('users.filters.allRoles')}</option>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor={ids.active}>
          {t('users.filters.status')}
        </label>
        <select id={ids.active} className="input" value={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.value })}>
          <option value="">{t('users.filters.allStatuses')}</option>
          <option value="true">{t('users.filters.active')}</option>
          <option value="false">{t('users.filters.inactive')}</option>
        </select>
      </div>
      <div className="filters__actions">
        <button type="submit" className="button button--primary">
          {t('users.filters.apply')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onApply(new URLSearchParams())}>
          {t('users.filters.clear')}
        </button>
      </div>
    </form>
  );
}

export function UsersList() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const users = useUsers(filter);
  const { page: _page, ...filterFields } = filter;

  return (
    <div className="stack">
      {/* keyed by the filter: Back, Forward and Clear show the fields of the list on screen */}
      <UserFilters key={JSON.stringify(filterFields)} filter={filter} onApply={setParams} />

      {users.isPending ? (
        <Loading />
      ) : users.isError ? (
        <Alert tone="error" title={t('users.list.failed')}>
          {errorMessage(t, users.error)}
        </Alert>
      ) : (
        <>
          <p role="status" className="result-count">
            {t('users.list.count', { count: users.data.total, formatted: format.integer(users.data.total) })}
          </p>
          {users.data.items.length ? (
            <ScrollRegion label={t('users.list.caption')}>
              <table className="table">
                <caption className="sr-only">{t('users.list.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('users.list.name')}</th>
                    <th scope="col">{t('users.list.email')}</th>
                    <th scope="col">{t('users.list.role')}</th>
                    <th scope="col">{t('users.list.status')}</th>
                    <th scope="col">{t('users.list.lastLogin')}</th>
                  </tr>
                </thead>
                <tbody>
                  {users.data.items.map((user) => (
                    <tr key={user.id}>
                      <th scope="row">
                        <Link to={`/utenti/${user.id}`}>{user.fullName}</Link>
                      </th>
                      <td className="break">{user.email}</td>
                      <td>{t(`roles.${user.role}`)}</td>
                      <td>
                        <UserStatusBadge user={user} />
                      </td>
                      <td>{user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('users.list.never')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollRegion>
          ) : (
            <p>{t('users.list.empty')}</p>
          )}
          <Pagination
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onPage={(page) => setParams(toParams({ ...filter, page }))}
          />
        </>
      )}
    </div>
  );
}
