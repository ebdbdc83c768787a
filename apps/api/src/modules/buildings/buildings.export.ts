import type { ExportColumn } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { GeoJsonSpec } from '../../common/export/geojson';
import type { BuildingRow } from './buildings.repository';

/**
 * The buildings register as a file (docs/buildings.md): the columns, in the order of the detail.
 * How each flavour writes them is common/export's; GeoJSON carries the same values as properties.
 */
type Column = ExportColumn<BuildingRow>;

const COLUMNS: Column[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'name', header: 'buildings.fields.name', kind: 'text', width: 40, value: (r) => r.name },
  { key: 'stage', header: 'buildings.fields.stage', kind: 'label', vocabulary: 'reuseStage', width: 16, value: (r) => r.stage },
  { key: 'municipality_istat', header: 'exports.columns.municipalityIstat', kind: 'istat', width: 10, value: (r) => r.municipalityIstat },
  { key: 'municipality', header: 'buildings.fields.municipality', kind: 'text', width: 22, value: (r) => r.municipalityName },
  { key: 'social_area_code', header: 'exports.columns.socialAreaCode', kind: 'code', width: 16, value: (r) => r.socialAreaCode },
  { key: 'address', header: 'buildings.fields.address', kind: 'text', width: 40, value: (r) => r.address },
  { key: 'latitude', header: 'buildings.fields.lat', kind: 'number', width: 11, value: (r) => r.lat },
  { key: 'longitude', header: 'buildings.fields.lon', kind: 'number', width: 11, value: (r) => r.lon },
  {
    key: 'ownership',
    header: 'buildings.fields.ownership',
    kind: 'label',
    vocabulary: 'buildingOwnership',
    width: 18,
    value: (r) => r.ownership,
  },
  { key: 'owner', header: 'buildings.fields.owner', kind: 'text', width: 30, value: (r) => r.owner },
  {
    key: 'cadastral_reference',
    header: 'buildings.fields.cadastralReference',
    kind: 'text',
    width: 24,
    value: (r) => r.cadastralReference,
  },
  { key: 'indoor_area_m2', header: 'buildings.fields.indoorAreaM2', kind: 'number', width: 12, value: (r) => r.indoorAreaM2 },
  { key: 'outdoor_area_m2', header: 'buildings.fields.outdoorAreaM2', kind: 'number', width: 12, value: (r) => r.outdoorAreaM2 },
  {
    key: 'condition',
    header: 'buildings.fields.condition',
    kind: 'label',
    vocabulary: 'buildingCondition',
    width: 14,
    value: (r) => r.condition,
  },
  {
    key: 'current_use',
    header: 'buildings.fields.currentUse',
    kind: 'label',
    vocabulary: 'buildingCurrentUse',
    width: 18,
    value: (r) => r.currentUse,
  },
  {
    key: 'accessibility',
    header: 'buildings.fields.accessibility',
    kind: 'label',
    vocabulary: 'buildingAccessibility',
    width: 18,
    value: (r) => r.accessibility,
  },
  {
    key: 'constraints',
    header: 'buildings.fields.constraints',
    kind: 'label',
    vocabulary: 'buildingConstraint',
    width: 24,
    value: (r) => r.constraints,
  },
  {
    key: 'suitable_uses',
    header: 'buildings.fields.suitableUses',
    kind: 'label',
    vocabulary: 'suitableUse',
    width: 24,
    value: (r) => r.suitableUses,
  },
  { key: 'anbsc_code', header: 'buildings.fields.anbscCode', kind: 'code', width: 16, value: (r) => r.anbscCode },
  {
    key: 'confiscation_decree_date',
    header: 'buildings.fields.confiscationDecreeDate',
    kind: 'date',
    width: 12,
    value: (r) => r.confiscationDecreeDate,
  },
  { key: 'assignee', header: 'buildings.fields.assignee', kind: 'text', width: 30, value: (r) => r.assignmentOrganizationName },
  {
    key: 'assignment_instrument',
    header: 'buildings.fields.instrument',
    kind: 'label',
    vocabulary: 'assignmentInstrument',
    width: 18,
    value: (r) => r.assignmentInstrument,
  },
  { key: 'assignment_start', header: 'buildings.fields.startDate', kind: 'date', width: 12, value: (r) => r.assignmentStartDate },
  { key: 'assignment_end', header: 'buildings.fields.endDate', kind: 'date', width: 12, value: (r) => r.assignmentEndDate },
  { key: 'opening_date', header: 'buildings.fields.openingDate', kind: 'date', width: 12, value: (r) => r.openingDate },
  { key: 'notes', header: 'buildings.fields.notes', kind: 'text', width: 40, value: (r) => r.notes },
  { key: 'internal_notes', header: 'buildings.fields.internalNotes', kind: 'text', width: 40, value: (r) => r.internalNotes ?? null },
  { key: 'last_verified_at', header: 'buildings.fields.lastVerifiedAt', kind: 'timestamp', width: 17, value: (r) => r.lastVerifiedAt },
  { key: 'updated_at', header: 'exports.columns.updatedAt', kind: 'timestamp', width: 17, value: (r) => r.updatedAt },
];

/** The export of a reader; `internalNotes: false` (municipality users) drops the internal notes. */
export function buildingsExport(options: { internalNotes: boolean }): ExportSpec<BuildingRow> {
  return {
    file: 'exports.files.buildings',
    sheet: 'buildings.title',
    columns: COLUMNS.filter((c) => options.internalNotes || c.key !== 'internal_notes'),
  };
}

/** The GeoJSON export: the point, and the main fields as properties (codes, as the plain CSV). */
export function buildingsGeoJson(): GeoJsonSpec<BuildingRow> {
  return {
    id: (r) => r.id,
    point: (r) => (r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null),
    istatCode: (r) => r.municipalityIstat,
    municipalityName: (r) => r.municipalityName,
    properties: (r) => ({
      name: r.name,
      stage: r.stage,
      address: r.address,
      ownership: r.ownership,
      condition: r.condition,
      currentUse: r.currentUse,
      suitableUses: r.suitableUses,
      assignee: r.assignmentOrganizationName,
      assignmentEnd: r.assignmentEndDate,
    }),
  };
}
