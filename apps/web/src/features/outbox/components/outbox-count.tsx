import { useTranslation } from 'react-i18next';
import { useSessionUser } from '../../../lib/auth/session';
import { useFormatters } from '../../../lib/i18n/format';
import { useOutboxCount, useOutboxSync } from '../../../lib/offline/outbox';
import '../outbox.css';

/** The items not yet acknowledged by the server, beside the "In uscita" entry (nothing when there are none). */
export function OutboxCount() {
  const { t } = useTranslation();
  const format = useFormatters();
  const user = useSessionUser();
  const count = useOutboxCount(user.id);
  if (!count) return null;
  return (
    <span className="nav-count" data-testid="outbox-count">
      <span aria-hidden="true">{format.integer(count)}</span>
      <span className="sr-only">{t('outbox.count', { count, formatted: format.integer(count) })}</span>
    </span>
  );
}

/** Sends the signed-in user's outbox while the app is open (on load, on reconnection, on return to the tab). */
export function OutboxSync() {
  const user = useSessionUser();
  useOutboxSync(user.id);
  return null;
}
