import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { useHomeCounts } from '../api/get-home-counts';

/**
 * Beside the home's navigation entry of an innovator: how many of their activities were returned
 * and wait for a correction. Polled and refreshed on focus and after every change (homeKeys).
 */
export function ReturnedCount() {
  const { t } = useTranslation();
  const format = useFormatters();
  const counts = useHomeCounts();
  const n = counts.data?.returned;
  if (!n) return null;
  return (
    <span className="nav-count">
      <span aria-hidden="true">{format.integer(n)}</span>
      <span className="sr-only">{t('nav.returnedCount', { count: n, formatted: format.integer(n) })}</span>
    </span>
  );
}
