/**
 * The two pages an Italian public administration publishes first (docs/legal-pages.md): the
 * accessibility statement (AgID model, Linee guida sull'accessibilità degli strumenti informatici)
 * and the privacy notice (GDPR art. 13). Coded values here; their labels are in the web catalogue.
 */

/** The conformity of the site with the requirements (AgID model: conforme / parzialmente conforme / non conforme). */
export const CONFORMITY_STATUSES = ['compliant', 'partially_compliant', 'non_compliant'] as const;
export type ConformityStatus = (typeof CONFORMITY_STATUSES)[number];

/** How the statement was drawn up: self-assessment by the entity, or an assessment by a third party. */
export const ASSESSMENT_METHODS = ['self_assessment', 'third_party'] as const;
export type AssessmentMethod = (typeof ASSESSMENT_METHODS)[number];

/**
 * Why a content is not accessible (AgID model): a) non-compliance with the law, b) disproportionate
 * burden (art. 5 of Directive 2016/2102), c) outside the scope of the law.
 */
export const INACCESSIBILITY_REASONS = ['non_compliance', 'disproportionate_burden', 'out_of_scope'] as const;
export type InaccessibilityReason = (typeof INACCESSIBILITY_REASONS)[number];

/** Longest name (entity, site), paragraph, URL; most non-accessible contents listed. */
export const LEGAL_NAME_MAX = 300;
export const LEGAL_TEXT_MAX = 4000;
export const LEGAL_URL_MAX = 500;
export const LEGAL_MAX_ITEMS = 30;
