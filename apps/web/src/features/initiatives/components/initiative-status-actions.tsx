import { INITIATIVE_STATUS_TRANSITIONS, type InitiativeStatus } from '@trama/contracts';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage, fieldProblemTexts } from '../../../lib/api/error-message';
import { useChangeInitiativeStatus } from '../api/save-initiative';
import type { InitiativeDto } from '../api/types';

/**
 * The moves the status machine allows from here (INITIATIVE_STATUS_TRANSITIONS): one button each;
 * choosing one opens a short form (date, and the reason, required to stop).
 */
export function InitiativeStatusActions({ initiative }: { initiative: InitiativeDto }) {
  const { t } = useTranslation();
  const id = useId();
  const change = useChangeInitiativeStatus();
  const [target, setTarget] = useState<InitiativeStatus | null>(null);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [done, setDone] = useState<InitiativeStatus | null>(null);
  const targets = INITIATIVE_STATUS_TRANSITIONS[initiative.status];
  if (targets.length === 0) return <p>{t('initiatives.status.none')}</p>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!target) return;
    change.mutate(
      {
        id: initiative.id,
        body: { to: target, version: initiative.version, ...(date ? { date } : {}), ...(reason.trim() ? { reason: reason.trim() } : {}) },
      },
      {
        onSuccess: () => {
          setDone(target);
          setTarget(null);
          setDate('');
          setReason('');
        },
      },
    );
  };
  const reasonErrors = fieldProblemTexts(t, change.error, 'reason');
  const dateErrors = fieldProblemTexts(t, change.error, 'date');

  return (
    <div className="stack-tight">
      {done ? <Alert tone="success">{t('initiatives.status.changed', { status: t(`vocab.initiativeStatus.${done}`) })}</Alert> : null}
      <div className="initiative-status-actions">
        {targets.map((to) => (
          <button
            key={to}
            type="button"
            className={`button ${to === 'stopped' ? 'button--secondary' : 'button--primary'}`}
            aria-pressed={target === to}
            onClick={() => {
              setTarget(to);
              setDone(null);
              change.reset();
            }}
          >
            {t('initiatives.status.moveTo', { status: t(`vocab.initiativeStatus.${to}`) })}
          </button>
        ))}
      </div>
      {target ? (
        <form
          className="stack-tight"
          onSubmit={submit}
          aria-label={t('initiatives.status.moveTo', { status: t(`vocab.initiativeStatus.${target}`) })}
        >
          <div className={`field${dateErrors.length ? ' field--invalid' : ''}`}>
            <label className="field__label" htmlFor={`${id}d`}>
              {t('initiatives.status.date')}
            </label>
            <input id={`${id}d`} className="input" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
            {dateErrors.length ? <p className="field__error">{dateErrors.join(' ')}</p> : null}
          </div>
          {target === 'stopped' ? (
            <div className={`field${reasonErrors.length ? ' field--invalid' : ''}`}>
              <label className="field__label" htmlFor={`${id}r`}>
                {t('initiatives.status.reason')}
                <span className="field__required" aria-hidden="true">
                  {' '}
                  *
                </span>
              </label>
              <p className="field__hint" id={`${id}rh`}>
                {t('initiatives.status.reasonHint')}
              </p>
              <textarea
                id={`${id}r`}
                className="input"
                rows={3}
                required
                aria-describedby={`${id}rh`}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
              />
              {reasonErrors.length ? <p className="field__error">{reasonErrors.join(' ')}</p> : null}
            </div>
          ) : null}
          <div className="initiative-status-actions">
            <button type="submit" className="button button--primary" disabled={change.isPending}>
              {t('initiatives.status.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setTarget(null)}>
              {t('initiatives.form.cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {change.isError && !(isApiRequestError(change.error) && change.error.details.length > 0) ? (
        <Alert tone="error">{errorMessage(t, change.error)}</Alert>
      ) : null}
    </div>
  );
}
