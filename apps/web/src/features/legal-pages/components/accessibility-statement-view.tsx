import { INACCESSIBILITY_REASONS } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { useFormatters } from '../../../lib/i18n/format';
import type { AccessibilityStatement } from '../api/types';
import { LocalizedParagraph, useLocalized } from './localized';

/** The statement laid out as the AgID model orders it. */
export function AccessibilityStatementView({ statement }: { statement: AccessibilityStatement }) {
  const { t } = useTranslation();
  const fmt = useFormatters();
  const pick = useLocalized();
  // proper names: shown in the interface language when given, else as the Italian
  const entity = pick(statement.entityName).text;
  const site = pick(statement.siteName).text;
  return (
    <div className="legal">
      {statement.meta.isDefault ? <Alert tone="info">{t('legal.defaultText')}</Alert> : null}
      <p>{t('legal.accessibility.commitment', { entity })}</p>
      <p>
        {t('legal.accessibility.appliesTo', { site })} <a href={statement.siteUrl}>{statement.siteUrl}</a>
      </p>

      <h2>{t('legal.accessibility.conformityTitle')}</h2>
      <p>{t(`legal.accessibility.conformity.${statement.conformity}`, { site })}</p>

      <h2>{t('legal.accessibility.nonAccessibleTitle')}</h2>
      {statement.nonAccessibleContent.length === 0 ? (
        <p>{t('legal.accessibility.noneKnown')}</p>
      ) : (
        INACCESSIBILITY_REASONS.map((reason) => {
          const items = statement.nonAccessibleContent.filter((item) => item.reason === reason);
          if (items.length === 0) return null;
          return (
            <section key={reason} aria-labelledby={`reason-${reason}`}>
              <h3 id={`reason-${reason}`}>{t(`legal.accessibility.reason.${reason}`)}</h3>
              <ul className="legal__list">
                {items.map((item, index) => (
                  <li key={index}>
                    <LocalizedParagraph text={item.description} />
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      )}

      <h2>{t('legal.accessibility.preparationTitle')}</h2>
      <p>{t('legal.accessibility.preparedOn', { date: fmt.date(statement.preparedOn) })}</p>
      <p>{t(`legal.accessibility.method.${statement.method}`)}</p>
      <p>{t('legal.accessibility.lastReviewedOn', { date: fmt.date(statement.lastReviewedOn) })}</p>

      <h2>{t('legal.accessibility.feedbackTitle')}</h2>
      <p>{t('legal.accessibility.feedbackLead')}</p>
      {statement.feedbackEmail ? (
        <p>
          <a
            className="button button--secondary"
            href={`mailto:${statement.feedbackEmail}?subject=${encodeURIComponent(t('legal.accessibility.reportSubject'))}`}
          >
            {t('legal.accessibility.report')}
          </a>{' '}
          <span className="legal__contact">{statement.feedbackEmail}</span>
        </p>
      ) : (
        <p className="legal__missing">{t('legal.accessibility.noFeedbackContact')}</p>
      )}

      <h2>{t('legal.accessibility.enforcementTitle')}</h2>
      <p>{t('legal.accessibility.enforcement')}</p>
      <p>
        <a href={statement.enforcementUrl}>{t('legal.accessibility.enforcementLink')}</a>
      </p>

      <h2>{t('legal.accessibility.siteInfoTitle')}</h2>
      <LocalizedParagraph text={statement.siteInfo} />
      {statement.meta.updatedAt ? (
        <p className="legal__updated">{t('legal.updatedAt', { date: fmt.dateTime(statement.meta.updatedAt) })}</p>
      ) : null}
    </div>
  );
}
