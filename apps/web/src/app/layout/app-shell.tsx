import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { OutboxSync } from '../../features/outbox/components/outbox-count';
import { HeaderLogo } from '../../features/tenant-logo/components/header-logo';
import { useSessionUser } from '../../lib/auth/session';
import { navItemsFor } from '../nav-items';
import { LanguageSwitch } from './language-switch';
import { LegalLinks } from './legal-links';
import { SkipLink } from './public-shell';
import { TenantBrand } from './tenant-brand';
import { UserMenu } from './user-menu';
import { FieldModeBarLazy } from './field-mode-bar-lazy';

/** The authenticated layout: header with tenant, navigation, language and account; the page in <main>. */
export function AppShell() {
  const { t } = useTranslation();
  const user = useSessionUser();
  const [navOpen, setNavOpen] = useState(false);
  // A phone's menu closes once the user has chosen where to go.
  const closeNav = () => setNavOpen(false);

  return (
    <div className="shell">
      <SkipLink />
      <OutboxSync />
      <header className="header">
        <div className="header__bar">
          <Link to="/" className="brand" onClick={closeNav}>
            <HeaderLogo hasTenant={user.tenant != null} />
            <span className="brand__name">{t('app.name')}</span>
            <TenantBrand tenant={user.tenant} />
          </Link>
          <button
            type="button"
            className="nav-toggle"
            aria-expanded={navOpen}
            aria-controls="header-panel"
            onClick={() => setNavOpen((v) => !v)}
          >
            <span className="nav-toggle__icon" aria-hidden="true" />
            {t('nav.menu')}
          </button>
        </div>
        <div id="header-panel" className={`header__panel${navOpen ? ' is-open' : ''}`}>
          <nav className="nav" aria-label={t('nav.label')}>
            <ul>
              {navItemsFor(user.role).map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === '/'} className="nav__link" onClick={closeNav}>
                    {t(item.label, { context: user.role })}
                    {item.badge ? <item.badge /> : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
          <UserMenu user={user} onNavigate={closeNav} />
        </div>
      </header>
      <FieldModeBarLazy user={user} />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
        <LegalLinks istatCode={user.tenant?.istatCode} />
      </footer>
    </div>
  );
}
