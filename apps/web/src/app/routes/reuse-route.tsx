import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../components/alert';
import { PageHeading } from '../../components/page-heading';
import { useSessionUser } from '../../lib/auth/session';
import { ReuseRanking } from '../../features/reuse/components/reuse-ranking';
import { WeightsEditor } from '../../features/reuse/components/weights-editor';

export function ReuseRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="stack">
      <PageHeading
        title={t('reuse.title')}
        lead={t('reuse.lead')}
        actions={
          user.role === 'coordinator' ? (
            <Link className="button button--secondary" to="/riuso/pesi">
              {t('reuse.weights.link')}
            </Link>
          ) : null
        }
      />
      {user.role === 'admin' ? <Alert tone="info">{t('reuse.adminNote')}</Alert> : <ReuseRanking />}
    </div>
  );
}

export function ReuseWeightsRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="narrow stack">
      <p className="breadcrumb">
        <Link to="/riuso">{t('reuse.title')}</Link>
      </p>
      <PageHeading title={t('reuse.weights.title')} lead={t('reuse.weights.lead')} />
      {user.role === 'coordinator' ? <WeightsEditor /> : <Alert tone="info">{t('reuse.weights.coordinatorsOnly')}</Alert>}
    </div>
  );
}
