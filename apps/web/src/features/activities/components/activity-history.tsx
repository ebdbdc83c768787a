import type { ActivityHistoryEntry } from '../api/types';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { errorMessage } from '../../../lib/api/error-message';
import { useFormatters } from '../../../lib/i18n/format';
import { useActivityHistory } from '../api/get-activity-history';

/** What an audit entry of an activity did, as a label key: its action, or the status it moved to. */
function actionKey(entry: ActivityHistoryEntry): string {
  const action = entry.action.replace(/^activity[._]/, '').toLowerCase();
  const known = ['create', 'update', 'submit', 'approve', 'return', 'reopen', 'undo_review', 'edit_review_comment', 'delete'];
  const aliases: Record<string, string> = {
    created: 'create',
    updated: 'update',
    submitted: 'submit',
    approved: 'approve',
    returned: 'return',
    reopened: 'reopen',
  };
  const name = aliases[action] ?? action;
  return known.includes(name) ? name : 'other';
}

function commentOf(entry: ActivityHistoryEntry): string | null {
  const after = entry.after as { reviewComment?: unknown; comment?: unknown } | null;
  const value = after?.comment ?? after?.reviewComment;
  return typeof value === 'string' && value.trim() ? value : null;
}

/** The activity's history, oldest first: who did what, when, with the review comments. */
export function ActivityHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const history = useActivityHistory(id);
  if (history.isPending) return <Loading />;
  if (history.isError) return <Alert tone="error">{errorMessage(t, history.error)}</Alert>;
  if (history.data.length === 0) return <p>{t('activities.history.empty')}</p>;
  return (
    <ol className="timeline">
      {history.data.map((entry) => {
        const key = actionKey(entry);
        const comment = key === 'return' || key === 'approve' || key === 'reopen' ? commentOf(entry) : null;
        return (
          <li key={entry.id}>
            <p className="timeline__what">
              <strong>{key === 'other' ? entry.action : t(`activities.history.actions.${key}`)}</strong>
              {' · '}
              {entry.actor?.fullName ?? t('activities.history.system')}
            </p>
            <p className="timeline__when">
              <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
            </p>
            {comment ? <blockquote className="timeline__comment">{comment}</blockquote> : null}
          </li>
        );
      })}
    </ol>
  );
}
