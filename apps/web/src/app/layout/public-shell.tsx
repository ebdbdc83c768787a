import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { LegalLinks } from './legal-links';

/*
 * The login page's shell: kept apart from the signed-in shell (app-shell.tsx, loaded on demand by
 * the router) so that the navigation, badges, account menu and logo never weigh on the login page.
 */

export function SkipLink() {
  const { t } = useTranslation();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href="#main" onClick={skip}>
      {t('a11y.skipToContent')}
    </a>
  );
}

/** The layout of pages without a session (login, accessibility statement, privacy notice): brand, language, content. */
export function PublicShell() {
  const { t } = useTranslation();
  return (
    <div className="shell shell--public">
      <SkipLink />
      <header className="header">
        <div className="header__bar">
          <Link to="/" className="brand">
            <span className="brand__name">{t('app.name')}</span>
            <span className="brand__tenant">{t('app.tagline')}</span>
          </Link>
          <LanguageSwitch />
        </div>
      </header>
      <main id="main" className="main main--narrow" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>{t('app.footer')}</p>
        <LegalLinks />
      </footer>
    </div>
  );
}
