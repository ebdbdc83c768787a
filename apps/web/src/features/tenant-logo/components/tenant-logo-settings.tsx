import { LOGO_ACCEPT } from '@trama/contracts';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { Loading } from '../../../components/loading';
import { PageHeading } from '../../../components/page-heading';
import { errorMessage } from '../../../lib/api/error-message';
import { useSessionUser } from '../../../lib/auth/session';
import { useFileUrl } from '../../../lib/files/use-file-url';
import { tenantLogoPath, useRemoveTenantLogo, useSetTenantLogo, useTenantLogo } from '../api/tenant-logo';
import '../tenant-logo.css';

/** A coordinator's page for the tenant's logo: see it, replace it, remove it. */
export function TenantLogoSettings() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const query = useTenantLogo();
  const setLogo = useSetTenantLogo();
  const removeLogo = useRemoveTenantLogo();
  const logo = query.data?.logo ?? null;
  const { url } = useFileUrl(logo ? tenantLogoPath(logo.id) : null);
  const inputId = useId();
  const hintId = useId();
  const [notice, setNotice] = useState<'saved' | 'removed' | null>(null);

  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setNotice(null);
    removeLogo.reset();
    setLogo.mutate(file, { onSuccess: () => setNotice('saved') });
  };
  const onRemove = () => {
    setNotice(null);
    setLogo.reset();
    removeLogo.mutate(undefined, { onSuccess: () => setNotice('removed') });
  };
  const busy = setLogo.isPending || removeLogo.isPending;

  return (
    <div className="narrow stack">
      <PageHeading title={t('tenantLogo.title')} lead={t('tenantLogo.lead')} />
      <section className="panel stack" aria-labelledby={`${inputId}-current`}>
        <h2 id={`${inputId}-current`}>{t('tenantLogo.current')}</h2>
        {query.isPending ? (
          <Loading />
        ) : logo && url ? (
          <p>
            <img className="tenant-logo-preview" src={url} alt={t('tenantLogo.alt', { tenant: user.tenant?.name ?? '' })} />
          </p>
        ) : (
          <p className="muted">{t('tenantLogo.none')}</p>
        )}
        <div className="field">
          <label htmlFor={inputId}>{t('tenantLogo.choose')}</label>
          <input id={inputId} type="file" accept={LOGO_ACCEPT} aria-describedby={hintId} disabled={busy} onChange={onChange} />
          <p id={hintId} className="muted">
            {t('tenantLogo.hint')}
          </p>
        </div>
        {setLogo.progress !== null ? (
          <p>
            <label>
              {t('tenantLogo.uploading')} <progress max={1} value={setLogo.progress} />
            </label>
          </p>
        ) : null}
        {logo ? (
          <p>
            <button type="button" className="button button--secondary" disabled={busy} onClick={onRemove}>
              {t('tenantLogo.remove')}
            </button>
          </p>
        ) : null}
        {setLogo.isError ? <Alert tone="error">{errorMessage(t, setLogo.error)}</Alert> : null}
        {removeLogo.isError ? <Alert tone="error">{errorMessage(t, removeLogo.error)}</Alert> : null}
        {notice ? <Alert tone="success">{t(`tenantLogo.${notice}`)}</Alert> : null}
      </section>
    </div>
  );
}
