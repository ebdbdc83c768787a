import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSession } from '../../../lib/auth/session';
import { useAccessibilityStatement } from '../api/get-accessibility-statement';
import { usePrivacyNotice } from '../api/get-privacy-notice';
import { canEditLegalPages, LEGAL_PATHS } from '../utils/permissions';
import { AccessibilityStatementForm } from './accessibility-statement-form';
import { AccessibilityStatementView } from './accessibility-statement-view';
import { PrivacyNoticeForm } from './privacy-notice-form';
import { PrivacyNoticeView } from './privacy-notice-view';

function Failed({ title, error }: { title: string; error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={title} />
      <Alert tone="error">{errorMessage(t, error)}</Alert>
    </>
  );
}

function EditLink({ to }: { to: string }) {
  const { t } = useTranslation();
  return (
    <Link className="button button--secondary" to={to}>
      {t('legal.edit.action')}
    </Link>
  );
}

function SavedNotice() {
  const { t } = useTranslation();
  const saved = (useLocation().state as { saved?: boolean } | null)?.saved;
  return saved ? <Alert tone="success">{t('legal.edit.saved')}</Alert> : null;
}

/** The accessibility statement of one metropolitan city, for everyone. */
export function AccessibilityStatementScreen({ istatCode }: { istatCode: string }) {
  const { t } = useTranslation();
  const statement = useAccessibilityStatement(istatCode);
  const session = useSession();
  const title = t('legal.accessibility.title');
  if (statement.isPending) return <Loading label={t('common.loading')} />;
  if (!statement.data) return <Failed title={title} error={statement.error} />;
  const editable = canEditLegalPages(session.data, istatCode);
  return (
    <article className="legal-page">
      <PageHeading
        title={title}
        lead={statement.data.meta.tenant.name}
        actions={editable ? <EditLink to={`${LEGAL_PATHS.accessibility}/${istatCode}/modifica`} /> : null}
      />
      <SavedNotice />
      <AccessibilityStatementView statement={statement.data} />
    </article>
  );
}

/** The privacy notice of one metropolitan city, for everyone. */
export function PrivacyNoticeScreen({ istatCode }: { istatCode: string }) {
  const { t } = useTranslation();
  const notice = usePrivacyNotice(istatCode);
  const session = useSession();
  const title = t('legal.privacy.title');
  if (notice.isPending) return <Loading label={t('common.loading')} />;
  if (!notice.data) return <Failed title={title} error={notice.error} />;
  const editable = canEditLegalPages(session.data, istatCode);
  return (
    <article className="legal-page">
      <PageHeading
        title={title}
        lead={notice.data.meta.tenant.name}
        actions={editable ? <EditLink to={`${LEGAL_PATHS.privacy}/${istatCode}/modifica`} /> : null}
      />
      <SavedNotice />
      <PrivacyNoticeView notice={notice.data} />
    </article>
  );
}

/** A coordinator edits their city's statement; after saving, the page as everyone sees it. */
export function EditAccessibilityStatementScreen({ istatCode }: { istatCode: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const statement = useAccessibilityStatement(istatCode);
  const title = t('legal.accessibility.editTitle');
  if (statement.isPending) return <Loading label={t('common.loading')} />;
  if (!statement.data) return <Failed title={title} error={statement.error} />;
  const back = `${LEGAL_PATHS.accessibility}/${istatCode}`;
  return (
    <>
      <PageHeading title={title} lead={statement.data.meta.tenant.name} actions={<Link to={back}>{t('legal.edit.view')}</Link>} />
      <AccessibilityStatementForm statement={statement.data} onSaved={() => void navigate(back, { state: { saved: true } })} />
    </>
  );
}

/** A coordinator edits their city's privacy notice. */
export function EditPrivacyNoticeScreen({ istatCode }: { istatCode: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const notice = usePrivacyNotice(istatCode);
  const title = t('legal.privacy.editTitle');
  if (notice.isPending) return <Loading label={t('common.loading')} />;
  if (!notice.data) return <Failed title={title} error={notice.error} />;
  const back = `${LEGAL_PATHS.privacy}/${istatCode}`;
  return (
    <>
      <PageHeading title={title} lead={notice.data.meta.tenant.name} actions={<Link to={back}>{t('legal.edit.view')}</Link>} />
      <PrivacyNoticeForm notice={notice.data} onSaved={() => void navigate(back, { state: { saved: true } })} />
    </>
  );
}
