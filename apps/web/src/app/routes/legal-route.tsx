import { useParams } from 'react-router';
import {
  AccessibilityStatementScreen,
  EditAccessibilityStatementScreen,
  EditPrivacyNoticeScreen,
  PrivacyNoticeScreen,
} from '../../features/legal-pages/components/legal-page-screens';
import { TenantChoice } from '../../features/legal-pages/components/tenant-choice';
import { canEditLegalPages } from '../../features/legal-pages/utils/permissions';
import { useSessionUser } from '../../lib/auth/session';
import { NotFoundRoute } from './not-found-route';

/** `/accessibilita` (choose the city) and `/accessibilita/:istatCode`: public, no session needed. */
export function AccessibilityRoute() {
  const { istatCode } = useParams();
  return (
    <div className="stack">
      {istatCode ? <AccessibilityStatementScreen istatCode={istatCode} /> : <TenantChoice page="accessibility" />}
    </div>
  );
}

/** `/privacy` and `/privacy/:istatCode`: public. */
export function PrivacyRoute() {
  const { istatCode } = useParams();
  return <div className="stack">{istatCode ? <PrivacyNoticeScreen istatCode={istatCode} /> : <TenantChoice page="privacy" />}</div>;
}

/** Editing exists only for the city's coordinators and admins (as the API answers 404 to others). */
export function EditAccessibilityRoute() {
  const { istatCode = '' } = useParams();
  const user = useSessionUser();
  if (!canEditLegalPages(user, istatCode)) return <NotFoundRoute />;
  return (
    <div className="narrow stack">
      <EditAccessibilityStatementScreen istatCode={istatCode} />
    </div>
  );
}

export function EditPrivacyRoute() {
  const { istatCode = '' } = useParams();
  const user = useSessionUser();
  if (!canEditLegalPages(user, istatCode)) return <NotFoundRoute />;
  return (
    <div className="narrow stack">
      <EditPrivacyNoticeScreen istatCode={istatCode} />
    </div>
  );
}
