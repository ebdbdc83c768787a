import { COLLABORATION_DISMISS_REASON_MAX } from '@trama/contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { TextAreaField } from '../../../components/form-field';
import { errorMessage } from '../../../lib/api/error-message';
import { useDismissSuggestion } from '../api/suggestions';
import type { Suggestion } from '../api/types';

interface DismissDialogProps {
  suggestion: Suggestion;
  onClose: () => void;
  onDismissed: (suggestion: Suggestion) => void;
}

/** The reason a pair does not fit, asked in a modal dialog (native <dialog>: focus trapped, Escape closes). */
export function DismissDialog({ suggestion, onClose, onDismissed }: DismissDialogProps) {
  const { t } = useTranslation();
  const dismiss = useDismissSuggestion();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const [first, second] = suggestion.organizations;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (!text) {
      setMissing(true);
      return;
    }
    dismiss.mutate({ id: suggestion.id, reason: text }, { onSuccess: () => onDismissed(suggestion) });
  };
  return (
    <Dialog open title={t('collaborations.dismiss.title')} onClose={onClose}>
      <form className="stack-tight" onSubmit={submit} noValidate>
        <p>{t('collaborations.dismiss.intro', { first: first.name, second: second.name })}</p>
        <TextAreaField
          label={t('collaborations.dismiss.reason')}
          hint={t('collaborations.dismiss.reasonHint', { max: COLLABORATION_DISMISS_REASON_MAX })}
          error={missing ? t('collaborations.dismiss.required') : undefined}
          required
          maxLength={COLLABORATION_DISMISS_REASON_MAX}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            if (event.target.value.trim()) setMissing(false);
          }}
        />
        {dismiss.isError ? (
          <Alert tone="error" title={t('collaborations.dismiss.failed')}>
            {errorMessage(t, dismiss.error)}
          </Alert>
        ) : null}
        <div className="cluster">
          <button type="submit" className="button button--danger" disabled={dismiss.isPending}>
            {dismiss.isPending ? t('collaborations.dismiss.sending') : t('collaborations.dismiss.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
