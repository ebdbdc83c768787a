import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { Dialog } from '../../../components/dialog';
import { TextField } from '../../../components/form-field';
import { errorMessage } from '../../../lib/api/error-message';
import type { SessionUser } from '../../../lib/api/types';
import { useDeleteActivity } from '../api/delete-activity';
import { useDuplicateActivity } from '../api/duplicate-activity';
import type { ActivityDto } from '../api/types';
import { newClientId } from '../utils/client-id';
import { todayIso } from '../utils/dates';

/**
 * The author's own moves beside the status machine: duplicate an activity into a new draft (a
 * recurring meeting: the date is asked), delete a draft (asked first). The server decides; these
 * only offer what it would accept (own activity; delete only a draft).
 */
export function DraftActions({ activity, user }: { activity: ActivityDto; user: Pick<SessionUser, 'id' | 'role'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const remove = useDeleteActivity();
  const duplicate = useDuplicateActivity();
  const [asking, setAsking] = useState<'delete' | 'duplicate' | null>(null);
  const [date, setDate] = useState(todayIso);
  // one clientId per dialog opening: a retry of the same request returns the same copy
  const [clientId, setClientId] = useState(newClientId);
  if (activity.author.id !== user.id || user.role !== 'innovator') return null;
  const title = activity.title ?? t('activities.untitled');
  const close = () => {
    setAsking(null);
    remove.reset();
    duplicate.reset();
  };

  return (
    <>
      <div className="activity-actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            setClientId(newClientId());
            setAsking('duplicate');
          }}
        >
          {t('activities.draftActions.duplicate')}
        </button>
        {activity.status === 'draft' ? (
          <button type="button" className="button button--danger" onClick={() => setAsking('delete')}>
            {t('activities.draftActions.delete')}
          </button>
        ) : null}
      </div>
      <Dialog open={asking === 'delete'} title={t('activities.draftActions.deleteTitle')} onClose={close}>
        <p>{t('activities.draftActions.deleteBody', { title })}</p>
        {remove.isError ? (
          <Alert tone="error" title={t('activities.draftActions.failed')}>
            {errorMessage(t, remove.error)}
          </Alert>
        ) : null}
        <div className="form__actions">
          <button
            type="button"
            className="button button--danger"
            disabled={remove.isPending}
            onClick={() =>
              remove.mutate(
                { id: activity.id, version: activity.version },
                { onSuccess: () => void navigate('/attivita', { state: { notice: 'deleted' } }) },
              )
            }
          >
            {t('activities.draftActions.deleteConfirm')}
          </button>
          <button type="button" className="button button--ghost" onClick={close}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
      <Dialog open={asking === 'duplicate'} title={t('activities.draftActions.duplicateTitle')} onClose={close}>
        <form
          className="form"
          onSubmit={(event) => {
            event.preventDefault();
            duplicate.mutate(
              { id: activity.id, clientId, ...(date ? { date } : {}) },
              { onSuccess: (copy) => void navigate(`/attivita/${copy.id}/modifica`) },
            );
          }}
        >
          <p>{t('activities.draftActions.duplicateBody')}</p>
          <TextField
            label={t('activities.draftActions.duplicateDate')}
            type="date"
            required
            value={date}
            onChange={(event) => setDate(event.target.value)}
          />
          {duplicate.isError ? (
            <Alert tone="error" title={t('activities.draftActions.failed')}>
              {errorMessage(t, duplicate.error)}
            </Alert>
          ) : null}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={duplicate.isPending}>
              {t('activities.draftActions.duplicateConfirm')}
            </button>
            <button type="button" className="button button--ghost" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
