import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/alert';
import { PageHeading } from '../../components/page-heading';
import { useSessionUser } from '../../lib/auth/session';
import { IndicatorList } from '../../features/indicators/components/indicator-list';
import { IndicatorView } from '../../features/indicators/components/indicator-view';
import { TerritoryIndicators } from '../../features/indicators/components/territory-indicators';
import { canEnterValues, canManageIndicators } from '../../features/indicators/utils/permissions';
import { parseTerritoryParam } from '../../features/indicators/utils/territory-param';
import '../../features/indicators/indicators.css';

export function IndicatorsRoute() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <div className="stack">
      <PageHeading
        title={t('indicators.title')}
        lead={t('indicators.lead')}
        actions={
          <div className="indicator-exports">
            {canManageIndicators(user.role) ? (
              <>
                <Link className="button button--primary" to="/indicatori/nuovo">
                  {t('indicators.list.new')}
                </Link>
                <Link className="button button--secondary" to="/indicatori/da-validare">
                  {t('indicators.list.queue')}
                </Link>
              </>
            ) : null}
            {canEnterValues(user.role) ? (
              <Link className="button button--secondary" to="/indicatori/importa">
                {t('indicators.list.import')}
              </Link>
            ) : null}
          </div>
        }
      />
      <IndicatorList />
    </div>
  );
}

export function IndicatorRoute() {
  const { code = '' } = useParams();
  return <IndicatorView key={code} code={code} />;
}

export function TerritoryIndicatorsRoute() {
  const { t } = useTranslation();
  const { territory = '' } = useParams();
  if (!parseTerritoryParam(territory)) return <Alert tone="error">{t('notFound.title')}</Alert>;
  return <TerritoryIndicators key={territory} territory={territory} />;
}
