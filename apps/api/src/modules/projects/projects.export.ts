import type { ExportColumn } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { ProjectRow } from './projects.repository';

/**
 * The projects register as a file (docs/projects.md): one row per project with its latest financial
 * snapshot and its percentages; how each flavour writes them is common/export's.
 */
type Column = ExportColumn<ProjectRow>;

const amount = (r: ProjectRow, key: 'programmed' | 'admitted' | 'committed' | 'paid') =>
  r.latestProgress ? Number(r.latestProgress[key]) : null;
const percent = (part: number | null, base: number | null) =>
  part === null || base === null || base <= 0 ? null : Math.round((part / base) * 10_000) / 100;

const COLUMNS: Column[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'code', header: 'projects.fields.code', kind: 'code', width: 14, value: (r) => r.code },
  { key: 'title', header: 'projects.fields.title', kind: 'text', width: 50, value: (r) => r.title },
  {
    key: 'programme',
    header: 'projects.fields.programme',
    kind: 'label',
    vocabulary: 'projectProgramme',
    width: 22,
    value: (r) => r.programme,
  },
  { key: 'action', header: 'projects.fields.action', kind: 'text', width: 18, value: (r) => r.action },
  { key: 'implementing_body', header: 'projects.fields.implementingBody', kind: 'text', width: 30, value: (r) => r.implementingBody },
  { key: 'cup', header: 'projects.fields.cup', kind: 'code', width: 17, value: (r) => r.cup },
  { key: 'rup', header: 'projects.fields.rup', kind: 'text', width: 24, value: (r) => r.rup },
  { key: 'status', header: 'projects.fields.status', kind: 'label', vocabulary: 'projectStatus', width: 18, value: (r) => r.status },
  { key: 'start_date', header: 'projects.fields.startDate', kind: 'date', width: 12, value: (r) => r.startDate },
  { key: 'end_date', header: 'projects.fields.endDate', kind: 'date', width: 12, value: (r) => r.endDate },
  {
    key: 'expected_investment',
    header: 'projects.fields.expectedInvestment',
    kind: 'number',
    width: 16,
    value: (r) => (r.expectedInvestment === null ? null : Number(r.expectedInvestment)),
  },
  {
    key: 'municipalities',
    header: 'projects.fields.municipalities',
    kind: 'text',
    width: 40,
    value: (r) => r.municipalities.map((m) => m.name),
  },
  { key: 'progress_date', header: 'projects.fields.progressDate', kind: 'date', width: 12, value: (r) => r.latestProgress?.date ?? null },
  { key: 'programmed', header: 'projects.fields.programmed', kind: 'number', width: 16, value: (r) => amount(r, 'programmed') },
  { key: 'admitted', header: 'projects.fields.admitted', kind: 'number', width: 16, value: (r) => amount(r, 'admitted') },
  { key: 'committed', header: 'projects.fields.committed', kind: 'number', width: 16, value: (r) => amount(r, 'committed') },
  { key: 'paid', header: 'projects.fields.paid', kind: 'number', width: 16, value: (r) => amount(r, 'paid') },
  {
    key: 'committed_share_pct',
    header: 'projects.fields.committedShare',
    kind: 'number',
    width: 12,
    value: (r) => percent(amount(r, 'committed'), amount(r, 'admitted')),
  },
  {
    key: 'paid_share_pct',
    header: 'projects.fields.paidShare',
    kind: 'number',
    width: 12,
    value: (r) => percent(amount(r, 'paid'), amount(r, 'admitted')),
  },
  { key: 'updated_at', header: 'exports.columns.updatedAt', kind: 'timestamp', width: 17, value: (r) => r.updatedAt },
];

export const projectsExport: ExportSpec<ProjectRow> = { file: 'exports.files.projects', sheet: 'projects.title', columns: COLUMNS };
