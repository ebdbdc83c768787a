import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('notFound.title')} lead={t('notFound.lead')} />
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </div>
  );
}
