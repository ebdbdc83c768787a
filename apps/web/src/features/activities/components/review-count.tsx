import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';
import { useSubmittedCount } from '../api/review-queue';
import '../activities.css';

/** The number of activities waiting for review, beside the "Revisione" navigation entry. */
export function ReviewCount() {
  const { t } = useTranslation();
  const format = useFormatters();
  const count = useSubmittedCount();
  if (!count.data) return null;
  return (
    <span className="nav-count">
      <span aria-hidden="true">{format.integer(count.data)}</span>
      <span className="sr-only">{t('nav.reviewCount', { count: count.data, formatted: format.integer(count.data) })}</span>
    </span>
  );
}
