import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { useSessionUser } from '../../lib/auth/session';
import { NetworkView } from '../../features/collaborations/components/network-view';
import { SuggestionList } from '../../features/collaborations/components/suggestion-list';
import { WeightsForm } from '../../features/collaborations/components/weights-form';
import { canEditWeights } from '../../features/collaborations/utils/permissions';
import '../../features/collaborations/collaborations.css';

/** The three pages of the collaboration model, one beside the other. */
function CollaborationTabs() {
  const { t } = useTranslation();
  const user = useSessionUser();
  return (
    <nav className="collab-tabs" aria-label={t('collaborations.tabs.label')}>
      <NavLink to="/collaborazioni" end>
        {t('collaborations.tabs.suggestions')}
      </NavLink>
      <NavLink to="/collaborazioni/rete">{t('collaborations.tabs.network')}</NavLink>
      {canEditWeights(user.role) ? <NavLink to="/collaborazioni/pesi">{t('collaborations.tabs.weights')}</NavLink> : null}
    </nav>
  );
}

export function SuggestionsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('collaborations.title')} lead={t('collaborations.lead')} />
      <CollaborationTabs />
      <SuggestionList />
    </div>
  );
}

export function NetworkRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('collaborations.network.title')} lead={t('collaborations.network.lead')} />
      <CollaborationTabs />
      <NetworkView />
    </div>
  );
}

export function WeightsRoute() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <PageHeading title={t('collaborations.weights.title')} lead={t('collaborations.weights.lead')} />
      <CollaborationTabs />
      <WeightsForm />
    </div>
  );
}
