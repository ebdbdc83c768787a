import type { ExportColumn, LabelKey } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { ActivityRow } from './activities.repository';

/**
 * The activity list as a file (docs/activities.md): the columns, in the order of the list. How each
 * flavour (csv, csv-it, xlsx) and language writes them is the shared export helper's
 * (common/export, docs/i18n.md); this file only says what each column holds.
 */

type Column = ExportColumn<ActivityRow>;

const group = (key: string, header: LabelKey, value: (r: ActivityRow) => number | null): Column => ({
  key,
  header,
  kind: 'number',
  width: 10,
  value,
});

const COLUMNS: Column[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'date', header: 'activities.fields.date', kind: 'date', width: 12, value: (r) => r.date },
  { key: 'status', header: 'activities.fields.status', kind: 'label', vocabulary: 'activityStatus', width: 14, value: (r) => r.status },
  { key: 'type', header: 'activities.fields.type', kind: 'label', vocabulary: 'activityType', width: 20, value: (r) => r.type },
  { key: 'title', header: 'activities.form.title', kind: 'text', width: 40, value: (r) => r.title },
  { key: 'duration_minutes', header: 'activities.form.duration', kind: 'number', width: 10, value: (r) => r.durationMinutes },
  { key: 'municipality_istat', header: 'exports.columns.municipalityIstat', kind: 'istat', width: 10, value: (r) => r.municipalityIstat },
  { key: 'municipality', header: 'activities.fields.municipality', kind: 'text', width: 22, value: (r) => r.municipalityName },
  { key: 'social_area_code', header: 'exports.columns.socialAreaCode', kind: 'code', width: 16, value: (r) => r.socialAreaCode },
  { key: 'social_area', header: 'exports.columns.socialArea', kind: 'text', width: 26, value: (r) => r.socialAreaName },
  { key: 'author', header: 'activities.fields.author', kind: 'text', width: 22, value: (r) => r.authorName },
  group('participants_total', 'activities.form.participantsTotal', (r) => r.participantsTotal),
  group('participants_citizens', 'exports.columns.participantsOf.citizens', (r) => r.participantsCitizens),
  group('participants_youth', 'exports.columns.participantsOf.youth', (r) => r.participantsYouth),
  group('participants_families', 'exports.columns.participantsOf.families', (r) => r.participantsFamilies),
  group('participants_ets', 'exports.columns.participantsOf.ets', (r) => r.participantsEts),
  group('participants_businesses', 'exports.columns.participantsOf.businesses', (r) => r.participantsBusinesses),
  group('participants_public_staff', 'exports.columns.participantsOf.publicStaff', (r) => r.participantsPublicStaff),
  { key: 'themes', header: 'activities.fields.themes', kind: 'label', vocabulary: 'theme', width: 30, value: (r) => r.themes },
  {
    key: 'organizations',
    header: 'activities.fields.organizations',
    kind: 'text',
    width: 40,
    value: (r) => r.organizations.map((o) => o.name),
  },
  { key: 'latitude', header: 'activities.form.lat', kind: 'number', width: 11, value: (r) => r.lat },
  { key: 'longitude', header: 'activities.form.lon', kind: 'number', width: 11, value: (r) => r.lon },
  { key: 'description', header: 'activities.fields.description', kind: 'text', width: 50, value: (r) => r.description },
  { key: 'outcomes', header: 'activities.fields.outcomes', kind: 'text', width: 40, value: (r) => r.outcomes },
  { key: 'follow_ups', header: 'activities.fields.followUps', kind: 'text', width: 40, value: (r) => r.followUps },
  { key: 'internal_notes', header: 'activities.fields.internalNotes', kind: 'text', width: 40, value: (r) => r.internalNotes ?? null },
  { key: 'review_comment', header: 'activities.review.commentTitle', kind: 'text', width: 40, value: (r) => r.reviewComment },
  { key: 'reviewer', header: 'exports.columns.reviewer', kind: 'text', width: 22, value: (r) => r.reviewerName },
  { key: 'submitted_at', header: 'activities.fields.submittedAt', kind: 'timestamp', width: 17, value: (r) => r.submittedAt },
  { key: 'reviewed_at', header: 'activities.fields.reviewedAt', kind: 'timestamp', width: 17, value: (r) => r.reviewedAt },
  { key: 'updated_at', header: 'exports.columns.updatedAt', kind: 'timestamp', width: 17, value: (r) => r.updatedAt },
];

/** The export of a reader; `internalNotes: false` (municipality users) drops the internal notes, `review: false` the review. */
export function activitiesExport(options: { internalNotes: boolean; review: boolean }): ExportSpec<ActivityRow> {
  return {
    file: 'exports.files.activities',
    sheet: 'activities.title',
    columns: COLUMNS.filter(
      (c) => (options.internalNotes || c.key !== 'internal_notes') && (options.review || !['review_comment', 'reviewer'].includes(c.key)),
    ),
  };
}
