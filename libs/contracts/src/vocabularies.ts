/** Closed vocabularies of the domain (DESIGN.md). Shared by the API (validation, DB checks) and the web (forms, labels). */

export const ROLES = ['admin', 'coordinator', 'innovator', 'municipality'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIVITY_TYPES = [
  'meeting',
  'workshop',
  'codesign',
  'event',
  'info_desk',
  'site_visit',
  'mapping_survey',
  'network_table',
  'consulting',
  'training',
  'other',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const ACTIVITY_STATUSES = ['draft', 'submitted', 'approved', 'returned'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

export const PARTICIPANT_GROUPS = ['citizens', 'youth', 'families', 'ets', 'businesses', 'publicStaff'] as const;
export type ParticipantGroup = (typeof PARTICIPANT_GROUPS)[number];

/** Themes of the programme: a controlled list so that filters and indicators stay meaningful. */
export const THEMES = [
  'social_inclusion',
  'youth',
  'elderly',
  'families',
  'migrants',
  'disability',
  'education',
  'culture',
  'sport',
  'environment',
  'urban_regeneration',
  'legality',
  'work',
  'digital',
  'health',
  'housing',
  'mobility',
  'tourism',
] as const;
export type Theme = (typeof THEMES)[number];

export const ORGANIZATION_KINDS = [
  'odv',
  'aps',
  'social_enterprise',
  'philanthropic',
  'network',
  'mutual_aid',
  'other_ets',
  'informal_group',
  'company',
  'school',
  'university',
  'public_body',
  'religious_body',
  'foundation',
  'other',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const RESOURCES = [
  'space',
  'volunteers',
  'skills',
  'funding',
  'equipment',
  'partners',
  'communication',
  'training',
  'mentoring',
] as const;
export type Resource = (typeof RESOURCES)[number];

export const EXPORT_FORMATS = ['csv', 'csv-it', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The interface languages (Italian first, the default); an export is written in the one the web sends as `lang`. */
export const LANGUAGES = ['it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * What is wrong with one field of a refused request (`details[].codes` of a 400): a closed list, so
 * the web shows its own text for each (`validation.server.<CODE>` in it.json/en.json) instead of the
 * server's English sentence. A domain error's field problem carries the domain code instead
 * (`USER_EMAIL_TAKEN`, shown as `errors.<CODE>`).
 */
export const FIELD_ERROR_CODES = [
  'REQUIRED',
  'UNKNOWN_FIELD',
  'WRONG_TYPE',
  'TOO_LONG',
  'TOO_SHORT',
  'TOO_MANY',
  'OUT_OF_RANGE',
  'NOT_ALLOWED',
  'INVALID_FORMAT',
  'INVALID_DATE',
  'DUPLICATE',
  'DATE_ORDER',
  'NOT_APPLICABLE',
  'GROUPS_EXCEED_TOTAL',
  'INVALID',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];
