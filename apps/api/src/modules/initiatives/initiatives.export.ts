import type { ExportColumn } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { GeoJsonSpec } from '../../common/export/geojson';
import type { InitiativeRow } from './initiatives.repository';

/**
 * The initiatives register as a file (docs/initiatives.md): the columns, in the order of the list;
 * how each flavour writes them is common/export's. GeoJSON: one feature per initiative at its own
 * point (null geometry when not placed), with the ISTAT code and name of its main municipality.
 */
type Column = ExportColumn<InitiativeRow>;

const COLUMNS: Column[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'title', header: 'initiatives.fields.title', kind: 'text', width: 40, value: (r) => r.title },
  { key: 'status', header: 'initiatives.fields.status', kind: 'label', vocabulary: 'initiativeStatus', width: 14, value: (r) => r.status },
  { key: 'municipality_istat', header: 'exports.columns.municipalityIstat', kind: 'istat', width: 10, value: (r) => r.municipalityIstat },
  { key: 'municipality', header: 'initiatives.fields.municipality', kind: 'text', width: 22, value: (r) => r.municipalityName },
  {
    key: 'municipalities',
    header: 'initiatives.fields.municipalities',
    kind: 'text',
    width: 40,
    value: (r) => r.municipalities.map((m) => m.name),
  },
  {
    key: 'lead_organization',
    header: 'initiatives.fields.leadOrganization',
    kind: 'text',
    width: 30,
    value: (r) => r.organizations.find((o) => o.role === 'lead')?.name ?? null,
  },
  {
    key: 'partner_organizations',
    header: 'initiatives.fields.partnerOrganizations',
    kind: 'text',
    width: 40,
    value: (r) => r.organizations.filter((o) => o.role === 'partner').map((o) => o.name),
  },
  { key: 'themes', header: 'initiatives.fields.themes', kind: 'label', vocabulary: 'theme', width: 30, value: (r) => r.themes },
  { key: 'start_date', header: 'initiatives.fields.startDate', kind: 'date', width: 12, value: (r) => r.startDate },
  { key: 'end_date', header: 'initiatives.fields.endDate', kind: 'date', width: 12, value: (r) => r.endDate },
  {
    key: 'funding_source',
    header: 'initiatives.fields.fundingSource',
    kind: 'label',
    vocabulary: 'fundingSource',
    width: 18,
    value: (r) => r.fundingSource,
  },
  {
    key: 'funding_amount',
    header: 'initiatives.fields.fundingAmount',
    kind: 'number',
    width: 14,
    value: (r) => (r.fundingAmount === null ? null : Number(r.fundingAmount)),
  },
  { key: 'cup', header: 'initiatives.fields.cup', kind: 'code', width: 17, value: (r) => r.cup },
  {
    key: 'beneficiaries_count',
    header: 'initiatives.fields.beneficiariesCount',
    kind: 'number',
    width: 12,
    value: (r) => r.beneficiariesCount,
  },
  {
    key: 'beneficiaries_description',
    header: 'initiatives.fields.beneficiariesDescription',
    kind: 'text',
    width: 40,
    value: (r) => r.beneficiariesDescription,
  },
  { key: 'latitude', header: 'activities.form.lat', kind: 'number', width: 11, value: (r) => r.lat },
  { key: 'longitude', header: 'activities.form.lon', kind: 'number', width: 11, value: (r) => r.lon },
  { key: 'description', header: 'initiatives.fields.description', kind: 'text', width: 50, value: (r) => r.description },
  { key: 'internal_notes', header: 'initiatives.fields.internalNotes', kind: 'text', width: 40, value: (r) => r.internalNotes ?? null },
  { key: 'updated_at', header: 'exports.columns.updatedAt', kind: 'timestamp', width: 17, value: (r) => r.updatedAt },
];

/** The export of a reader; `internalNotes: false` (municipality users) drops the internal notes. */
export function initiativesExport(options: { internalNotes: boolean }): ExportSpec<InitiativeRow> {
  return {
    file: 'exports.files.initiatives',
    sheet: 'initiatives.title',
    columns: COLUMNS.filter((c) => options.internalNotes || c.key !== 'internal_notes'),
  };
}

export const initiativesGeoJson: GeoJsonSpec<InitiativeRow> = {
  id: (r) => r.id,
  point: (r) => (r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null),
  istatCode: (r) => r.municipalityIstat,
  municipalityName: (r) => r.municipalityName,
  properties: (r) => ({
    title: r.title,
    status: r.status,
    municipalities: r.municipalities.map((m) => m.istatCode),
    themes: r.themes,
    start_date: r.startDate,
    end_date: r.endDate,
    funding_source: r.fundingSource,
    funding_amount: r.fundingAmount === null ? null : Number(r.fundingAmount),
    cup: r.cup,
  }),
};
