import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Alert } from '../../../components/alert';
import { TextField } from '../../../components/form-field';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage, fieldProblemText } from '../../../lib/api/error-message';
import { endSession } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { outboxEngine, outboxErrorAsApiError, useOutboxItems, useOutboxStatus, usePersistence } from '../../../lib/offline/outbox';
import type { OutboxFields, OutboxItem, OutboxKind } from '../../../lib/offline/outbox-types';
import { ConflictView, type Projections } from './conflict-view';
import '../outbox.css';

interface OutboxPageProps {
  userId: string;
  /** the records' fields as the forms send them, from the server's answer (each feature's own mapping) */
  projections: Projections;
  /** a notice from the form that queued an item */
  queued?: boolean;
}

/** The top-level fields a 400 named (`location.lat` → `location`) that are plain values, editable here. */
function editableFields(item: OutboxItem): string[] {
  const named = [...new Set((item.error?.details ?? []).map((d) => d.field.split('.')[0]))];
  return named.filter((f) => {
    const v = item.fields[f];
    return v === null || v === undefined || typeof v === 'string' || typeof v === 'number';
  });
}

function RejectedEditor({ item }: { item: OutboxItem }) {
  const { t } = useTranslation();
  const fields = editableFields(item);
  const [values, setValues] = useState<OutboxFields>(() => Object.fromEntries(fields.map((f) => [f, item.fields[f] ?? ''])));
  const resend = async () => {
    const next = { ...item.fields };
    for (const f of fields) {
      const typed = values[f];
      next[f] = typeof item.fields[f] === 'number' && typed !== '' ? Number(typed) : typed === '' ? null : typed;
    }
    await outboxEngine().edit(item.seq as number, next);
    void outboxEngine().sendNow();
  };
  /** a possible duplicate the user confirms is another organization */
  const resendAnyway = async () => {
    await outboxEngine().edit(item.seq as number, { ...item.fields, acknowledgeDuplicates: true });
    void outboxEngine().sendNow();
  };
  return (
    <div className="stack outbox-item__fix">
      {fields.map((f) => {
        const problems = (item.error?.details ?? []).filter((d) => d.field.split('.')[0] === f);
        return (
          <TextField
            key={f}
            label={t(`outbox.field.${f}`, { defaultValue: f })}
            value={String(values[f] ?? '')}
            error={problems.map((p) => fieldProblemText(t, p)).join(' ') || undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        );
      })}
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => void resend()}>
          {t('outbox.resend')}
        </button>
        {item.error?.code === 'ORGANIZATION_POSSIBLE_DUPLICATE' ? (
          <button type="button" className="button button--secondary" onClick={() => void resendAnyway()}>
            {t('outbox.saveAnyway')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function ItemRow({ item, projections }: { item: OutboxItem; projections: Projections }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [confirming, setConfirming] = useState(false);
  const kind: OutboxKind = item.kind;
  const title = `${t(`outbox.kind.${kind}`)} · ${t(`outbox.op.${item.op}`)}`;
  return (
    <li className={`outbox-item outbox-item--${item.state}`}>
      <div className="outbox-item__head">
        <p className="outbox-item__title">
          <strong>{item.label || t('outbox.untitled')}</strong>
          <span className="outbox-item__kind">{title}</span>
        </p>
        <span className={`outbox-state outbox-state--${item.state}`}>{t(`outbox.state.${item.state}`)}</span>
      </div>
      <p className="outbox-item__meta">
        {t('outbox.queuedAt', { at: format.dateTime(new Date(item.createdAt).toISOString()) })}
        {item.attempts > 0 ? ` · ${t('outbox.attempts', { count: item.attempts })}` : ''}
        {item.sentAt ? ` · ${t('outbox.sentAt', { at: format.dateTime(new Date(item.sentAt).toISOString()) })}` : ''}
      </p>
      {item.state === 'rejected' && item.error ? (
        <Alert tone="error" title={t('outbox.rejectedTitle')}>
          <p>{errorMessage(t, outboxErrorAsApiError(item.error))}</p>
          <RejectedEditor item={item} />
        </Alert>
      ) : null}
      {item.state === 'conflict' ? <ConflictView item={item} projections={projections} /> : null}
      {item.state !== 'sent' && item.state !== 'sending' ? (
        <div className="form__actions">
          {confirming ? (
            <>
              <span>{t('outbox.discardConfirm')}</span>
              <button type="button" className="button button--danger" onClick={() => void outboxEngine().discard(item.seq as number)}>
                {t('outbox.discardYes')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </button>
            </>
          ) : (
            <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
              {t('outbox.discard')}
            </button>
          )}
        </div>
      ) : null}
    </li>
  );
}

/**
 * "In uscita": every item of the user's outbox with its state, the conflicts side by side, the refused
 * ones with the server's reason and their fields to correct; "Invia ora"; a warning when the browser
 * refused persistent storage or the session must be renewed.
 */
export function OutboxPage({ userId, projections, queued }: OutboxPageProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const items = useOutboxItems(userId);
  const status = useOutboxStatus();
  const persistence = usePersistence();
  const queryClient = useQueryClient();
  const pending = items?.filter((i) => i.state !== 'sent') ?? [];
  const waiting = pending.filter((i) => i.state === 'waiting' || i.state === 'sending').length;
  return (
    <div className="stack outbox">
      <PageHeading
        title={t('outbox.title')}
        lead={t('outbox.lead')}
        actions={
          <button
            type="button"
            className="button button--primary"
            disabled={status.running || waiting === 0}
            onClick={() => void outboxEngine().sendNow()}
          >
            {status.running ? t('outbox.sending') : t('outbox.sendNow')}
          </button>
        }
      />
      {queued ? <Alert tone="success">{t('outbox.queued')}</Alert> : null}
      {status.authRequired ? (
        <Alert tone="warning" title={t('outbox.authTitle')}>
          <p>{t('outbox.auth')}</p>
          <p>
            {/* ends this tab's session: the login page, then the outbox sends (it stays on the device meanwhile) */}
            <button type="button" className="button button--secondary" onClick={() => endSession(queryClient, 'expired')}>
              {t('outbox.signIn')}
            </button>
          </p>
        </Alert>
      ) : null}
      {persistence === 'refused' ? <Alert tone="warning">{t('outbox.persistRefused')}</Alert> : null}
      <p role="status" className="outbox__summary">
        {items === undefined
          ? t('outbox.loading')
          : pending.length === 0
            ? t('outbox.empty')
            : t('outbox.summary', { count: pending.length, formatted: format.integer(pending.length) })}
        {status.retryAt && waiting > 0 ? ` ${t('outbox.retryAt', { at: format.dateTime(new Date(status.retryAt).toISOString()) })}` : ''}
      </p>
      {items && items.length > 0 ? (
        <ul className="outbox__list" aria-label={t('outbox.listLabel')}>
          {items.map((item) => (
            <ItemRow key={item.seq} item={item} projections={projections} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
