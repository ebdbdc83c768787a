import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';
import { Dialog } from '../../../components/dialog';

/**
 * Asks before an in-app navigation (the back link, the menu, the browser's back button) drops a
 * half-typed form. A navigation that carries a `notice` in its state is the form's own after a save
 * and passes. (Closing or reloading the tab is the form's `beforeunload`.) Needs the data router.
 */
export function LeaveGuard({ dirty }: { dirty: boolean }) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname && !(nextLocation.state as { notice?: string } | null)?.notice,
  );
  const blocked = blocker.state === 'blocked';
  return (
    <Dialog open={blocked} title={t('activities.leave.title')} onClose={() => blocker.reset?.()}>
      <p>{t('activities.leave.body')}</p>
      <div className="form__actions">
        <button type="button" className="button button--primary" onClick={() => blocker.reset?.()}>
          {t('activities.leave.stay')}
        </button>
        <button type="button" className="button button--danger" onClick={() => blocker.proceed?.()}>
          {t('activities.leave.go')}
        </button>
      </div>
    </Dialog>
  );
}
