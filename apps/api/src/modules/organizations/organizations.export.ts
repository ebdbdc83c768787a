import type { ExportColumn } from '../../common/export/columns';
import type { ExportSpec } from '../../common/export/export-file';
import type { GeoJsonSpec } from '../../common/export/geojson';
import type { OrganizationRow } from './organizations.repository';

/**
 * The organizations register as a file (docs/organizations.md): the columns of the tabular flavours
 * (common/export writes them per flavour and language) and the properties of each GeoJSON feature.
 * The contact person and the internal notes are left out for municipality users.
 */
type Column = ExportColumn<OrganizationRow>;

const STAFF_ONLY = new Set(['contact_name', 'contact_email', 'contact_phone', 'internal_notes']);

const COLUMNS: Column[] = [
  { key: 'id', header: 'exports.columns.id', kind: 'code', width: 38, value: (r) => r.id },
  { key: 'name', header: 'organizations.fields.name', kind: 'text', width: 40, value: (r) => r.name },
  { key: 'kind', header: 'organizations.fields.kind', kind: 'label', vocabulary: 'organizationKind', width: 28, value: (r) => r.kind },
  { key: 'tax_code', header: 'organizations.fields.taxCode', kind: 'code', width: 18, value: (r) => r.taxCode },
  { key: 'municipality_istat', header: 'exports.columns.municipalityIstat', kind: 'istat', width: 10, value: (r) => r.municipalityIstat },
  { key: 'municipality', header: 'organizations.fields.municipality', kind: 'text', width: 22, value: (r) => r.municipalityName },
  { key: 'social_area_code', header: 'exports.columns.socialAreaCode', kind: 'code', width: 16, value: (r) => r.socialAreaCode },
  { key: 'address', header: 'organizations.fields.address', kind: 'text', width: 36, value: (r) => r.address },
  { key: 'latitude', header: 'organizations.fields.lat', kind: 'number', width: 11, value: (r) => r.lat },
  { key: 'longitude', header: 'organizations.fields.lon', kind: 'number', width: 11, value: (r) => r.lon },
  { key: 'themes', header: 'organizations.fields.themes', kind: 'label', vocabulary: 'theme', width: 30, value: (r) => r.themes },
  {
    key: 'target_groups',
    header: 'organizations.fields.targetGroups',
    kind: 'label',
    vocabulary: 'targetGroup',
    width: 30,
    value: (r) => r.targetGroups,
  },
  { key: 'offers', header: 'organizations.fields.offers', kind: 'label', vocabulary: 'resource', width: 30, value: (r) => r.offers },
  { key: 'needs', header: 'organizations.fields.needs', kind: 'label', vocabulary: 'resource', width: 30, value: (r) => r.needs },
  { key: 'size', header: 'organizations.fields.size', kind: 'label', vocabulary: 'organizationSize', width: 18, value: (r) => r.size },
  { key: 'website', header: 'organizations.fields.website', kind: 'text', width: 30, value: (r) => r.website },
  { key: 'contact_name', header: 'organizations.fields.contactName', kind: 'text', width: 24, value: (r) => r.contactName },
  { key: 'contact_email', header: 'organizations.fields.contactEmail', kind: 'text', width: 28, value: (r) => r.contactEmail },
  { key: 'contact_phone', header: 'organizations.fields.contactPhone', kind: 'text', width: 16, value: (r) => r.contactPhone },
  { key: 'description', header: 'organizations.fields.description', kind: 'text', width: 50, value: (r) => r.description },
  { key: 'notes', header: 'organizations.fields.notes', kind: 'text', width: 40, value: (r) => r.notes },
  { key: 'internal_notes', header: 'organizations.fields.internalNotes', kind: 'text', width: 40, value: (r) => r.internalNotes },
  { key: 'active', header: 'organizations.fields.active', kind: 'code', width: 8, value: (r) => (r.active ? 'true' : 'false') },
  {
    key: 'last_verified_at',
    header: 'organizations.fields.lastVerifiedAt',
    kind: 'timestamp',
    width: 17,
    value: (r) => r.lastVerifiedAt,
  },
  { key: 'updated_at', header: 'exports.columns.updatedAt', kind: 'timestamp', width: 17, value: (r) => r.updatedAt },
];

export function organizationsExport(options: { staff: boolean }): ExportSpec<OrganizationRow> {
  return {
    file: 'exports.files.organizations',
    sheet: 'organizations.title',
    columns: COLUMNS.filter((c) => options.staff || !STAFF_ONLY.has(c.key)),
  };
}

export function organizationsGeoJson(options: { staff: boolean }): GeoJsonSpec<OrganizationRow> {
  return {
    id: (r) => r.id,
    point: (r) => (r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null),
    istatCode: (r) => r.municipalityIstat,
    municipalityName: (r) => r.municipalityName,
    properties: (r) => ({
      name: r.name,
      kind: r.kind,
      taxCode: r.taxCode,
      address: r.address,
      themes: r.themes,
      targetGroups: r.targetGroups,
      offers: r.offers,
      needs: r.needs,
      size: r.size,
      website: r.website,
      active: r.active,
      ...(options.staff ? { contactName: r.contactName, contactEmail: r.contactEmail, contactPhone: r.contactPhone } : {}),
      lastVerifiedAt: r.lastVerifiedAt ? new Date(r.lastVerifiedAt).toISOString() : null,
    }),
  };
}
