import type { ActivityDto } from '../api/types';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/i18n/format';

/** The coordinator's comment on a returned (or reviewed) activity, shown prominently. */
export function ReviewComment({ activity }: { activity: Pick<ActivityDto, 'status' | 'reviewComment' | 'reviewedBy' | 'reviewedAt'> }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!activity.reviewComment) return null;
  const returned = activity.status === 'returned';
  return (
    <section
      className={`alert ${returned ? 'alert--warning' : 'alert--info'} review-comment`}
      aria-label={t('activities.review.commentLabel')}
    >
      <p className="alert__title">{returned ? t('activities.review.returnedTitle') : t('activities.review.commentTitle')}</p>
      <blockquote>{activity.reviewComment}</blockquote>
      {activity.reviewedBy || activity.reviewedAt ? (
        <p className="muted">
          {t('activities.review.by', {
            name: activity.reviewedBy?.fullName ?? t('common.none'),
            when: format.dateTime(activity.reviewedAt),
          })}
        </p>
      ) : null}
    </section>
  );
}
