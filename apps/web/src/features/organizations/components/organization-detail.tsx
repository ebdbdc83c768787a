import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useOrganizationSearch } from '../api/search-organizations';
import {
  useLinkedActivities,
  useMergeOrganization,
  useOrganization,
  useOrganizationHistory,
  useVerifyOrganization,
} from '../api/organizations';
import type { OrganizationDto } from '../api/types';
import '../organizations.css';

function Value({ value }: { value: string | null | undefined }) {
  const { t } = useTranslation();
  return value ? <dd className="pre-wrap">{value}</dd> : <dd className="muted">{t('common.none')}</dd>;
}

function List({ vocabulary, values }: { vocabulary: string; values: readonly string[] }) {
  const { t } = useTranslation();
  if (values.length === 0) return <dd className="muted">{t('common.none')}</dd>;
  return <dd>{values.map((v) => t(`vocab.${vocabulary}.${v}` as const)).join(', ')}</dd>;
}

/** Innovators edit in their municipalities, coordinators in the tenant (the server decides; this hides what it would refuse). */
export function canEditOrganization(user: ReturnType<typeof useSessionUser>, organization: OrganizationDto): boolean {
  if (organization.mergedInto) return false;
  if (user.role === 'coordinator' || user.role === 'admin') return true;
  return user.role === 'innovator' && user.assignedMunicipalities.some((m) => m.istatCode === organization.municipality.istatCode);
}

function MergePanel({ organization }: { organization: OrganizationDto }) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<OrganizationDto | null>(null);
  const search = useOrganizationSearch(q);
  const merge = useMergeOrganization(organization.id);
  const options = (search.data?.items ?? []).filter((o) => o.id !== organization.id);
  return (
    <section className="panel stack-tight" aria-labelledby="org-merge-title">
      <h2 id="org-merge-title">{t('organizations.merge.title')}</h2>
      <p>{t('organizations.merge.lead', { name: organization.name })}</p>
      <div className="field">
        <label className="field__label" htmlFor="org-merge-search">
          {t('organizations.merge.search')}
        </label>
        <input id="org-merge-search" className="input" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
      </div>
      {options.length > 0 ? (
        <ul className="plain-list">
          {options.map((o) => (
            <li key={o.id}>
              <label className="check">
                <input type="radio" name="org-merge-duplicate" checked={picked?.id === o.id} onChange={() => setPicked(o)} />
                <span>
                  {o.name} — {o.municipality.name}
                  {o.taxCode ? ` · ${o.taxCode}` : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {picked ? (
        <button
          type="button"
          className="button button--danger"
          disabled={merge.isPending}
          onClick={() => merge.mutate({ duplicate: picked.id, version: organization.version, duplicateVersion: picked.version })}
        >
          {t('organizations.merge.confirm', { duplicate: picked.name, survivor: organization.name })}
        </button>
      ) : null}
      {merge.isSuccess ? <Alert tone="success">{t('organizations.merge.done')}</Alert> : null}
      {merge.isError ? (
        <Alert tone="error" title={t('organizations.merge.failed')}>
          {errorMessage(t, merge.error)}
        </Alert>
      ) : null}
    </section>
  );
}

export function OrganizationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const navigate = useNavigate();
  const organization = useOrganization(id);
  const staff = user.role !== 'municipality';
  const history = useOrganizationHistory(id, staff);
  const activities = useLinkedActivities(id);
  const verify = useVerifyOrganization(id);
  if (organization.isPending) return <Loading />;
  if (organization.isError) {
    return (
      <Alert tone="error" title={t('organizations.detail.failed')}>
        {errorMessage(t, organization.error)}
      </Alert>
    );
  }
  const o = organization.data;
  const editable = canEditOrganization(user, o);
  return (
    <div className="stack">
      {o.mergedInto ? (
        <Alert tone="info">
          {t('organizations.detail.merged')} <Link to={`/organizzazioni/${o.mergedInto.id}`}>{o.mergedInto.name}</Link>
        </Alert>
      ) : null}
      <div className="cluster">
        {editable ? (
          <button type="button" className="button button--secondary" onClick={() => void navigate(`/organizzazioni/${o.id}/modifica`)}>
            {t('organizations.detail.edit')}
          </button>
        ) : null}
        {editable ? (
          <button type="button" className="button button--secondary" disabled={verify.isPending} onClick={() => verify.mutate(o.version)}>
            {t('organizations.detail.verify')}
          </button>
        ) : null}
      </div>
      {verify.isSuccess ? <Alert tone="success">{t('organizations.detail.verified')}</Alert> : null}
      {verify.isError ? <Alert tone="error">{errorMessage(t, verify.error)}</Alert> : null}
      <dl className="summary">
        <dt>{t('organizations.fields.kind')}</dt>
        <dd>{t(`vocab.organizationKind.${o.kind}`)}</dd>
        <dt>{t('organizations.fields.municipality')}</dt>
        <dd>
          {o.municipality.name}
          {o.socialArea ? <span className="muted"> · {o.socialArea.name}</span> : null}
        </dd>
        <dt>{t('organizations.fields.taxCode')}</dt>
        <Value value={o.taxCode} />
        <dt>{t('organizations.fields.address')}</dt>
        <Value value={o.address} />
        <dt>{t('organizations.form.point')}</dt>
        <dd>{o.location ? `${o.location.lat}, ${o.location.lon}` : t('organizations.notPlaced')}</dd>
        <dt>{t('organizations.fields.description')}</dt>
        <Value value={o.description} />
        <dt>{t('organizations.fields.themes')}</dt>
        <List vocabulary="theme" values={o.themes} />
        <dt>{t('organizations.fields.targetGroups')}</dt>
        <List vocabulary="targetGroup" values={o.targetGroups} />
        <dt>{t('organizations.fields.offers')}</dt>
        <List vocabulary="resource" values={o.offers} />
        <dt>{t('organizations.fields.needs')}</dt>
        <List vocabulary="resource" values={o.needs} />
        <dt>{t('organizations.fields.size')}</dt>
        <Value value={o.size ? t(`vocab.organizationSize.${o.size}`) : null} />
        <dt>{t('organizations.fields.website')}</dt>
        <dd>
          {o.website ? (
            <a href={o.website} rel="noreferrer noopener" target="_blank">
              {o.website}
            </a>
          ) : (
            <span className="muted">{t('common.none')}</span>
          )}
        </dd>
        {staff ? (
          <>
            <dt>{t('organizations.form.contact')}</dt>
            <dd>
              {o.contactConsent
                ? [o.contactName, o.contactEmail, o.contactPhone].filter(Boolean).join(' · ') || t('common.none')
                : t('organizations.detail.noConsent')}
            </dd>
          </>
        ) : null}
        <dt>{t('organizations.fields.notes')}</dt>
        <Value value={o.notes} />
        {staff ? (
          <>
            <dt>{t('organizations.fields.internalNotes')}</dt>
            <Value value={o.internalNotes} />
          </>
        ) : null}
        <dt>{t('organizations.fields.active')}</dt>
        <dd>{o.active ? t('organizations.yes') : t('organizations.no')}</dd>
        <dt>{t('organizations.fields.lastVerifiedAt')}</dt>
        <dd>
          {o.lastVerifiedAt
            ? `${format.date(o.lastVerifiedAt)}${o.lastVerifiedBy ? ` · ${o.lastVerifiedBy.fullName}` : ''}`
            : t('organizations.detail.neverVerified')}
        </dd>
        <dt>{t('organizations.fields.completeness')}</dt>
        <dd>{o.completeness}</dd>
      </dl>

      <section className="panel stack-tight" aria-labelledby="org-activities-title">
        <h2 id="org-activities-title">{t('organizations.detail.activities')}</h2>
        {activities.data?.items.length ? (
          <ul className="plain-list">
            {activities.data.items.map((a) => (
              <li key={a.id}>
                <Link to={`/attivita/${a.id}`}>{a.title ?? t('activities.untitled')}</Link> — {format.date(a.date)} · {a.municipality.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{activities.isPending ? t('common.loading') : t('organizations.detail.noActivities')}</p>
        )}
      </section>

      {user.role === 'coordinator' && !o.mergedInto ? <MergePanel organization={o} /> : null}

      {staff ? (
        <section className="panel stack-tight" aria-labelledby="org-history-title">
          <h2 id="org-history-title">{t('organizations.detail.history')}</h2>
          <ol className="plain-list">
            {(history.data ?? []).map((h) => (
              <li key={h.id}>
                {format.dateTime(h.at)} — {t(`organizations.history.${h.action}` as const)}
                {h.actor ? ` · ${h.actor.fullName}` : ''}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
