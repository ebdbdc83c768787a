import type { ActivityStatus } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import '../activities.css';

/** The status as text in a coloured pill with a symbol: never colour alone. */
const SYMBOLS: Record<ActivityStatus, string> = { draft: '○', submitted: '◐', approved: '✓', returned: '↩' };

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status status--${status}`}>
      <span aria-hidden="true">{SYMBOLS[status]} </span>
      {t(`vocab.activityStatus.${status}`)}
    </span>
  );
}
