import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useInitiative, useInitiativeHistory } from '../api/get-initiative';
import type { InitiativeDto, InitiativeHistory } from '../api/types';
import '../initiatives.css';
import { canEditInitiative } from '../utils/permissions';
import { InitiativeStatusActions } from './initiative-status-actions';
import { InitiativeStatusBadge } from './status-badge';

/** An amount in euros, with cents, in the user's locale. */
function euros(locale: string, amount: number): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(amount);
}

function Value({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const empty = children === null || children === undefined || children === '';
  return <dd>{empty ? t('initiatives.detail.none') : children}</dd>;
}

function Timeline({ changes }: { changes: NonNullable<InitiativeDto['statusChanges']> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const label = (s: string) => t(`vocab.initiativeStatus.${s}`);
  return (
    <ol className="initiative-timeline">
      {changes.map((c) => (
        <li key={c.id}>
          <p>
            {c.from
              ? t('initiatives.status.fromTo', { from: label(c.from), to: label(c.to) })
              : t('initiatives.status.initial', { status: label(c.to) })}
            {c.date ? ` · ${format.date(c.date)}` : ''}
          </p>
          {c.reason ? <p>{c.reason}</p> : null}
          <p className="initiative-timeline__when">
            {format.dateTime(c.at)}
            {c.by ? ` · ${c.by.fullName}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}

function History({ history }: { history: InitiativeHistory }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (history.entries.length === 0) return <p>{t('initiatives.history.empty')}</p>;
  return (
    <ol className="initiative-timeline">
      {history.entries.map((e) => (
        <li key={e.id}>
          <p>{t(`initiatives.history.${e.action}`)}</p>
          {e.action === 'update' && e.after && typeof e.after === 'object' ? (
            <p>
              {t('initiatives.history.changed', {
                fields: Object.keys(e.after as object)
                  .map((k) => t(`initiatives.fields.${k}`, { defaultValue: k }))
                  .join(', '),
              })}
            </p>
          ) : null}
          <p className="initiative-timeline__when">
            {format.dateTime(e.at)}
            {e.actor ? ` · ${e.actor.fullName}` : ''}
          </p>
        </li>
      ))}
    </ol>
  );
}

/** One initiative: its fields, organizations and municipalities, the status timeline and moves, its activities and history. */
export function InitiativeDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const query = useInitiative(id);
  const history = useInitiativeHistory(id, query.isSuccess);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    const notFound = isApiRequestError(query.error) && query.error.status === 404;
    return (
      <div className="stack">
        <PageHeading title={notFound ? t('errors.INITIATIVE_NOT_FOUND') : t('errors.unexpected')} />
        {notFound ? null : <Alert tone="error">{errorMessage(t, query.error)}</Alert>}
        <p>
          <Link to="/iniziative">{t('initiatives.detail.back')}</Link>
        </p>
      </div>
    );
  }
  const i = query.data;
  const editable = canEditInitiative(user, i);
  return (
    <div className="stack">
      <p className="breadcrumb">
        <Link to="/iniziative">{t('initiatives.detail.back')}</Link>
      </p>
      <PageHeading
        title={i.title}
        actions={
          editable ? (
            <Link className="button button--secondary" to={`/iniziative/${i.id}/modifica`}>
              {t('initiatives.detail.edit')}
            </Link>
          ) : null
        }
      />
      <dl className="summary">
        <dt>{t('initiatives.fields.status')}</dt>
        <dd>
          <InitiativeStatusBadge status={i.status} />
        </dd>
        <dt>{t('initiatives.fields.municipalities')}</dt>
        <Value>{i.municipalities.map((m) => m.name).join(', ')}</Value>
        <dt>{t('initiatives.fields.themes')}</dt>
        <Value>{i.themes.map((theme) => t(`vocab.theme.${theme}`)).join(', ')}</Value>
        <dt>{t('initiatives.fields.startDate')}</dt>
        <Value>{i.startDate ? format.date(i.startDate) : null}</Value>
        <dt>{t('initiatives.fields.endDate')}</dt>
        <Value>{i.endDate ? format.date(i.endDate) : null}</Value>
        {i.stopReason ? (
          <>
            <dt>{t('initiatives.fields.stopReason')}</dt>
            <dd>{i.stopReason}</dd>
          </>
        ) : null}
        <dt>{t('initiatives.fields.description')}</dt>
        <Value>{i.description}</Value>
      </dl>

      <section className="stack-tight" aria-labelledby="initiative-organizations">
        <h2 id="initiative-organizations">{t('initiatives.detail.organizations')}</h2>
        <dl className="summary">
          <dt>{t('initiatives.fields.leadOrganization')}</dt>
          <Value>{i.leadOrganization?.name}</Value>
          <dt>{t('initiatives.fields.partnerOrganizations')}</dt>
          <Value>{i.partnerOrganizations.map((o) => o.name).join(', ')}</Value>
        </dl>
      </section>

      <section className="stack-tight" aria-labelledby="initiative-funding">
        <h2 id="initiative-funding">{t('initiatives.detail.funding')}</h2>
        <dl className="summary">
          <dt>{t('initiatives.fields.fundingSource')}</dt>
          <Value>{i.fundingSource ? t(`vocab.fundingSource.${i.fundingSource}`) : null}</Value>
          <dt>{t('initiatives.fields.fundingAmount')}</dt>
          <Value>{i.fundingAmount !== null ? euros(format.locale, i.fundingAmount) : null}</Value>
          <dt>{t('initiatives.fields.cup')}</dt>
          <Value>{i.cup}</Value>
          <dt>{t('initiatives.fields.beneficiariesCount')}</dt>
          <Value>{i.beneficiariesCount !== null ? format.integer(i.beneficiariesCount) : null}</Value>
          <dt>{t('initiatives.fields.beneficiariesDescription')}</dt>
          <Value>{i.beneficiariesDescription}</Value>
          <dt>{t('initiatives.fields.building')}</dt>
          <Value>{i.building ? <Link to={`/immobili/${i.building.id}`}>{i.building.name}</Link> : null}</Value>
          <dt>{t('initiatives.fields.location')}</dt>
          <Value>
            {i.location
              ? t('initiatives.detail.coordinates', { lat: format.number(i.location.lat), lon: format.number(i.location.lon) })
              : t('initiatives.notPlaced')}
          </Value>
          {'internalNotes' in i ? (
            <>
              <dt>{t('initiatives.fields.internalNotes')}</dt>
              <Value>{i.internalNotes}</Value>
            </>
          ) : null}
        </dl>
      </section>

      <section className="stack-tight" aria-labelledby="initiative-timeline">
        <h2 id="initiative-timeline">{t('initiatives.detail.timeline')}</h2>
        <Timeline changes={i.statusChanges ?? []} />
        {editable ? <InitiativeStatusActions initiative={i} /> : null}
      </section>

      <section className="stack-tight" aria-labelledby="initiative-activities">
        <h2 id="initiative-activities">{t('initiatives.detail.activities')}</h2>
        {i.activities && i.activities.count > 0 ? (
          <>
            <p>{t('initiatives.detail.activitiesCount', { count: i.activities.count, formatted: format.integer(i.activities.count) })}</p>
            <ul>
              {i.activities.latest.map((a) => (
                <li key={a.id}>
                  <Link to={`/attivita/${a.id}`}>{a.title ?? t('activities.untitled')}</Link> · {format.date(a.date)}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>{t('initiatives.detail.noActivities')}</p>
        )}
      </section>

      <section className="stack-tight" aria-labelledby="initiative-history">
        <h2 id="initiative-history">{t('initiatives.detail.history')}</h2>
        {history.isPending ? (
          <Loading />
        ) : history.isError ? (
          <Alert tone="error">{errorMessage(t, history.error)}</Alert>
        ) : (
          <History history={history.data} />
        )}
      </section>
    </div>
  );
}
