import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { useFormatters } from '../../../lib/i18n/format';
import type { PrivacyNotice } from '../api/types';
import { LocalizedName, LocalizedParagraph } from './localized';

const GARANTE_URL = 'https://www.garanteprivacy.it';

const SECTIONS = ['purposes', 'legalBasis', 'dataCategories', 'recipients', 'transfers', 'retention', 'rights'] as const;

function Contact({ email }: { email: string | null }) {
  const { t } = useTranslation();
  return email ? <a href={`mailto:${email}`}>{email}</a> : <span className="legal__missing">{t('legal.privacy.notGiven')}</span>;
}

/** The notice in the order of GDPR art. 13, with the right to complain to the Garante always stated. */
export function PrivacyNoticeView({ notice }: { notice: PrivacyNotice }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  return (
    <div className="legal">
      {notice.meta.isDefault ? <Alert tone="info">{t('legal.defaultText')}</Alert> : null}
      <p>{t('legal.privacy.intro')}</p>

      <h2>{t('legal.privacy.controllerTitle')}</h2>
      <dl className="legal__contacts">
        <dt>{t('legal.privacy.controller')}</dt>
        <dd>
          <LocalizedName text={notice.controllerName} />
        </dd>
        <dt>{t('legal.privacy.address')}</dt>
        <dd>{notice.controllerAddress}</dd>
        <dt>{t('legal.privacy.email')}</dt>
        <dd>
          <Contact email={notice.controllerEmail} />
        </dd>
        <dt>{t('legal.privacy.pec')}</dt>
        <dd>{notice.controllerPec ? <a href={`mailto:${notice.controllerPec}`}>{notice.controllerPec}</a> : t('common.none')}</dd>
      </dl>

      <h2>{t('legal.privacy.dpoTitle')}</h2>
      <p>
        <Contact email={notice.dpoEmail} />
      </p>

      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`privacy-${section}`}>
          <h2 id={`privacy-${section}`}>{t(`legal.privacy.section.${section}`)}</h2>
          <LocalizedParagraph text={notice[section]} />
        </section>
      ))}

      <h2>{t('legal.privacy.complaintTitle')}</h2>
      <p>{t('legal.privacy.complaint')}</p>
      <p>
        <a href={GARANTE_URL}>{t('legal.privacy.garanteLink')}</a>
      </p>
      <p className="legal__updated">{t('legal.privacy.noticeDate', { date: fmt.date(notice.noticeDate) })}</p>
    </div>
  );
}
