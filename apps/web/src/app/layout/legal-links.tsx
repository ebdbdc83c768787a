import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The footer's links to the accessibility statement and the privacy notice (public pages). With a
 * known metropolitan city (signed in) they open its pages; otherwise the page lets one choose.
 */
export function LegalLinks({ istatCode }: { istatCode?: string | null }) {
  const { t } = useTranslation();
  const suffix = istatCode ? `/${istatCode}` : '';
  return (
    <nav className="footer__links" aria-label={t('legal.footerLabel')}>
      <ul>
        <li>
          <Link to={`/accessibilita${suffix}`}>{t('legal.accessibility.title')}</Link>
        </li>
        <li>
          <Link to={`/privacy${suffix}`}>{t('legal.privacy.title')}</Link>
        </li>
      </ul>
    </nav>
  );
}
