import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../../lib/i18n/format';
import type { HomeActivity } from '../api/types';

interface HomeActivityItemProps {
  activity: HomeActivity;
  /** what the line under the title says about it */
  show: 'returned' | 'draft' | 'submitted' | 'approved' | 'queue' | 'expiring';
}

/** One activity of a home's short list: its title (a link to it), where and when, and what matters for this list. */
export function HomeActivityItem({ activity, show }: HomeActivityItemProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const meta = [format.date(activity.date), activity.municipality.name, t(`vocab.activityType.${activity.type}`)];
  if ((show === 'queue' || show === 'expiring') && activity.authorName) meta.push(activity.authorName);
  return (
    <li className="home-item">
      <Link to={`/attivita/${activity.id}`} className="home-item__title">
        {activity.title}
      </Link>
      <span className="home-item__meta">{meta.join(' · ')}</span>
      {show === 'returned' && activity.reviewComment ? (
        <blockquote className="home-item__comment">
          <span className="sr-only">{t('home.innovator.comment')}: </span>
          {activity.reviewComment}
        </blockquote>
      ) : null}
      {show === 'returned' || show === 'expiring' ? (
        <span className="home-item__when">{t('home.returnedOn', { date: format.dateTime(activity.reviewedAt) })}</span>
      ) : null}
      {show === 'submitted' || show === 'queue' ? (
        <span className="home-item__when">{t('home.submittedOn', { date: format.dateTime(activity.submittedAt) })}</span>
      ) : null}
      {show === 'draft' ? (
        <span className="home-item__when">{t('home.editedOn', { date: format.dateTime(activity.updatedAt) })}</span>
      ) : null}
    </li>
  );
}
