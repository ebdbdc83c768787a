import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  BUILDING_ACCESSIBILITY,
  BUILDING_CONDITIONS,
  BUILDING_CONSTRAINTS,
  BUILDING_CURRENT_USES,
  BUILDING_OWNERSHIPS,
  type Language,
  SUITABLE_USES,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { LABELS } from '../../common/export/labels';
import {
  type CsvRows,
  type ImportColumn,
  type ImportProblem,
  type ImportReport,
  type ImportReportRow,
  listCell,
  normalizeHeader,
  numberCell,
  readCsv,
  reportOf,
  templateCsv,
  validateRow,
} from '../../common/import/csv-import';
import { ImportErrors } from '../../common/import/import.errors';
import type { Building } from './building.entity';
import { BuildingsRepository, type MunicipalityKey } from './buildings.repository';
import { type BuildingContent, BuildingsService, contentOf, requireConfiscation, storedContent } from './buildings.service';
import { CreateBuildingDto } from './dto/create-building.dto';

const list = (codes: readonly string[]) => codes.join(', ');

/**
 * The buildings' CSV template (docs/imports.md, docs/buildings.md): one column per field of the
 * create request, Italian headers first; the plain CSV export's snake_case keys are aliases. The
 * stage never comes from a file: a new building is `mapped`, an update keeps its stage.
 */
export const BUILDING_IMPORT_COLUMNS: ImportColumn[] = [
  {
    field: 'id',
    header: { it: 'ID', en: 'ID' },
    help: {
      it: "vuoto per un nuovo immobile; l'ID di Trama per aggiornarne uno",
      en: 'empty for a new building; the Trama ID to update one',
    },
    example: '',
  },
  {
    field: 'name',
    header: { it: 'Denominazione', en: 'Name' },
    aliases: ['Nome'],
    required: true,
    help: { it: 'obbligatoria', en: 'required' },
    example: 'Ex mercato coperto di Santo Spirito',
  },
  {
    field: 'municipality',
    header: { it: 'Comune (codice ISTAT)', en: 'Municipality (ISTAT code)' },
    aliases: ['municipality_istat', 'Codice ISTAT comune', 'Comune'],
    required: true,
    help: { it: 'obbligatorio: 6 cifre, es. 072006 per Bari', en: 'required: 6 digits, e.g. 072006 for Bari' },
    example: '072006',
  },
  {
    field: 'address',
    header: { it: 'Indirizzo', en: 'Address' },
    help: { it: 'via e numero civico', en: 'street and number' },
    example: 'Via Napoli 120',
  },
  {
    field: 'lat',
    header: { it: 'Latitudine', en: 'Latitude' },
    aliases: ['latitude'],
    help: {
      it: 'gradi decimali (WGS84), con punto o virgola; insieme alla longitudine',
      en: 'decimal degrees (WGS84); with the longitude',
    },
    example: '41,1371',
  },
  {
    field: 'lon',
    header: { it: 'Longitudine', en: 'Longitude' },
    aliases: ['longitude'],
    help: { it: 'gradi decimali (WGS84)', en: 'decimal degrees (WGS84)' },
    example: '16,8460',
  },
  {
    field: 'ownership',
    header: { it: 'Proprietà', en: 'Ownership' },
    required: true,
    help: {
      it: `obbligatoria: ${list(BUILDING_OWNERSHIPS)} (o la descrizione)`,
      en: `required: ${list(BUILDING_OWNERSHIPS)} (or the label)`,
    },
    example: 'municipal',
  },
  {
    field: 'owner',
    header: { it: 'Proprietario', en: 'Owner' },
    help: { it: "l'ente o la persona proprietaria", en: 'the owning body or person' },
    example: 'Comune di Bari',
  },
  {
    field: 'cadastralReference',
    header: { it: 'Riferimento catastale', en: 'Cadastral reference' },
    aliases: ['cadastral_reference'],
    help: { it: 'foglio, particella, subalterno', en: 'sheet, parcel, sub-unit' },
    example: 'Foglio 12, particella 345',
  },
  {
    field: 'indoorAreaM2',
    header: { it: 'Superficie coperta (m²)', en: 'Indoor area (m²)' },
    aliases: ['indoor_area_m2', 'Superficie coperta'],
    help: { it: 'metri quadrati, numero intero', en: 'square metres, a whole number' },
    example: '850',
  },
  {
    field: 'outdoorAreaM2',
    header: { it: 'Superficie scoperta (m²)', en: 'Outdoor area (m²)' },
    aliases: ['outdoor_area_m2', 'Superficie scoperta'],
    help: { it: 'metri quadrati, numero intero', en: 'square metres, a whole number' },
    example: '300',
  },
  {
    field: 'condition',
    header: { it: 'Stato di conservazione', en: 'Condition' },
    required: true,
    help: { it: `obbligatorio: ${list(BUILDING_CONDITIONS)}`, en: `required: ${list(BUILDING_CONDITIONS)}` },
    example: 'fair',
  },
  {
    field: 'currentUse',
    header: { it: 'Uso attuale', en: 'Current use' },
    aliases: ['current_use'],
    required: true,
    help: { it: `obbligatorio: ${list(BUILDING_CURRENT_USES)}`, en: `required: ${list(BUILDING_CURRENT_USES)}` },
    example: 'unused',
  },
  {
    field: 'accessibility',
    header: { it: 'Accessibilità', en: 'Accessibility' },
    help: { it: `${list(BUILDING_ACCESSIBILITY)} (vuoto: unknown)`, en: `${list(BUILDING_ACCESSIBILITY)} (empty: unknown)` },
    example: 'partly_accessible',
  },
  {
    field: 'constraints',
    header: { it: 'Vincoli', en: 'Constraints' },
    help: { it: `separati da ; — ${list(BUILDING_CONSTRAINTS)}`, en: `separated by ; — ${list(BUILDING_CONSTRAINTS)}` },
    example: 'heritage',
  },
  {
    field: 'suitableUses',
    header: { it: 'Usi possibili', en: 'Suitable uses' },
    aliases: ['suitable_uses'],
    help: { it: `separati da ; — ${list(SUITABLE_USES)}`, en: `separated by ; — ${list(SUITABLE_USES)}` },
    example: 'cultural; social',
  },
  {
    field: 'anbscCode',
    header: { it: 'Codice ANBSC', en: 'ANBSC code' },
    aliases: ['anbsc_code'],
    help: { it: 'obbligatorio per un bene confiscato', en: 'required for a confiscated asset' },
    example: '',
  },
  {
    field: 'confiscationDecreeDate',
    header: { it: 'Data del decreto di confisca', en: 'Confiscation decree date' },
    aliases: ['confiscation_decree_date'],
    help: { it: 'AAAA-MM-GG; obbligatoria per un bene confiscato', en: 'YYYY-MM-DD; required for a confiscated asset' },
    example: '',
  },
  { field: 'notes', header: { it: 'Note', en: 'Notes' }, help: { it: 'visibili ai Comuni', en: 'shown to municipalities' }, example: '' },
  {
    field: 'internalNotes',
    header: { it: 'Note interne', en: 'Internal notes' },
    aliases: ['internal_notes'],
    help: { it: 'mai mostrate ai Comuni', en: 'never shown to municipalities' },
    example: '',
  },
];

type VocabularyName =
  'buildingOwnership' | 'buildingCondition' | 'buildingCurrentUse' | 'buildingAccessibility' | 'buildingConstraint' | 'suitableUse';

/** label or code (any language, accents and case ignored) → code, per vocabulary. */
const VOCABULARY_CODES: Record<VocabularyName, Map<string, string>> = (() => {
  const out = {} as Record<VocabularyName, Map<string, string>>;
  const vocabularies: Record<VocabularyName, readonly string[]> = {
    buildingOwnership: BUILDING_OWNERSHIPS,
    buildingCondition: BUILDING_CONDITIONS,
    buildingCurrentUse: BUILDING_CURRENT_USES,
    buildingAccessibility: BUILDING_ACCESSIBILITY,
    buildingConstraint: BUILDING_CONSTRAINTS,
    suitableUse: SUITABLE_USES,
  };
  for (const [name, codes] of Object.entries(vocabularies) as [VocabularyName, readonly string[]][]) {
    const map = new Map<string, string>();
    for (const code of codes) {
      map.set(normalizeHeader(code), code);
      for (const labels of Object.values(LABELS)) {
        const label = (labels as Record<string, string>)[`vocab.${name}.${code}`];
        if (label) map.set(normalizeHeader(label), code);
      }
    }
    out[name] = map;
  }
  return out;
})();

const code = (name: VocabularyName, value: string | undefined) =>
  value === undefined ? undefined : (VOCABULARY_CODES[name].get(normalizeHeader(value)) ?? value);

/** A whole number of square metres ("1.200" and "1 200" as written in Italian too); anything else left for the DTO to refuse. */
function areaCell(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  const compact = value.replace(/[\s.]/g, '');
  return /^\d+$/.test(compact) ? Number(compact) : numberCell(value);
}

/** A row of the file as the create request's body (cells converted; what they cannot convert is left for the DTO to refuse). */
function bodyOf(values: Record<string, string>): Record<string, unknown> {
  const lat = numberCell(values.lat);
  const lon = numberCell(values.lon);
  const body: Record<string, unknown> = {
    clientId: randomUUID(),
    name: values.name,
    municipality: values.municipality,
    address: values.address,
    // half a point is reported as the missing half (plan), not as a location problem
    location: lat === undefined || lon === undefined ? undefined : { lat, lon },
    ownership: code('buildingOwnership', values.ownership),
    owner: values.owner,
    cadastralReference: values.cadastralReference,
    indoorAreaM2: areaCell(values.indoorAreaM2),
    outdoorAreaM2: areaCell(values.outdoorAreaM2),
    condition: code('buildingCondition', values.condition),
    currentUse: code('buildingCurrentUse', values.currentUse),
    accessibility: code('buildingAccessibility', values.accessibility),
    constraints: listCell(values.constraints)?.map((v) => code('buildingConstraint', v)),
    suitableUses: listCell(values.suitableUses)?.map((v) => code('suitableUse', v)),
    anbscCode: values.anbscCode,
    confiscationDecreeDate: values.confiscationDecreeDate,
    notes: values.notes,
    internalNotes: values.internalNotes,
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The DTO's (or a service error's) field → the template's column (a location problem is on lat/lon). */
const columnOf = (field: string) => (field === 'location.lon' ? 'lon' : field.startsWith('location') ? 'lat' : field.split('.')[0]);

/** A service's refusal (AppError with field details) as report problems; the error's code when a detail has none. */
function refusal(error: unknown): ImportProblem[] {
  if (!(error instanceof AppError)) throw error;
  const details = error.details ?? [];
  if (details.length === 0) return [{ field: 'row', code: error.code }];
  return details.map((d) => ({ field: columnOf(d.field), code: d.codes?.[0] ?? error.code }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Planned {
  report: ImportReportRow;
  content?: BuildingContent;
  municipality?: MunicipalityKey;
  /** the record an update writes over */
  target?: { id: string; version: number };
}

/**
 * The buildings' CSV import (docs/imports.md): a dry run reports what each row would do; the apply
 * does it all in one transaction, or nothing when a row is rejected (400 IMPORT_REJECTED with the
 * report). Rows are matched by the `id` column only (a building has no natural key that is always
 * known: the cadastral reference is often missing); each is checked as the API's create or update
 * would check it, and written by BuildingsService itself (audited, `import` and `row` in the entry).
 */
@Injectable()
export class BuildingsImportService {
  constructor(
    private readonly door: ScopedData,
    private readonly buildings: BuildingsRepository,
    private readonly service: BuildingsService,
    private readonly audit: AuditService,
  ) {}

  template(language: Language): string {
    return templateCsv(BUILDING_IMPORT_COLUMNS, language);
  }

  async importFile(
    scope: AccessScope,
    file: { buffer: Buffer; originalname?: string } | undefined,
    dryRun: boolean,
  ): Promise<ImportReport> {
    scope.requireRole('innovator', 'coordinator');
    if (!file) throw ImportErrors.IMPORT_FILE_INVALID('Send the CSV file as multipart/form-data in the field "file"');
    if (scope.tenantId === null) throw CommonErrors.FORBIDDEN('Imports are made by the staff of a metropolitan city');
    const tenantId = scope.tenantId;
    const csv = readCsv(file.buffer, BUILDING_IMPORT_COLUMNS);
    if (dryRun) {
      const planned = await this.door.transaction((tx) => this.plan(tx, scope, csv));
      return reportOf(
        planned.map((p) => p.report),
        true,
        false,
      );
    }
    const importId = randomUUID();
    return this.door.transaction(async (tx) => {
      const planned = await this.plan(tx, scope, csv);
      const rejected = () =>
        reportOf(
          planned.map((p) => p.report),
          false,
          false,
        );
      if (planned.some((p) => p.report.action === 'reject')) throw ImportErrors.IMPORT_REJECTED().withData({ report: rejected() });
      for (const p of planned) {
        try {
          await this.write(tx, scope, p, csv.fields, importId);
        } catch (error) {
          // a row the plan could not foresee (a race): the whole import stops, nothing is written
          p.report = { ...p.report, action: 'reject', errors: refusal(error) };
          throw ImportErrors.IMPORT_REJECTED().withData({ report: rejected() });
        }
      }
      const report = reportOf(
        planned.map((p) => p.report),
        false,
        true,
      );
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'building_import',
        entityId: importId,
        action: 'import',
        after: { file: (file.originalname ?? '').slice(0, 200), counts: report.counts, rows: csv.rows.length },
      });
      return report;
    });
  }

  /** What each row would do, checked as the API checks a create or an update (read in `tx`, locking the buildings to update). */
  private async plan(tx: ScopedTx, scope: AccessScope, csv: CsvRows): Promise<Planned[]> {
    const validated = await Promise.all(
      csv.rows.map(async (row) => ({ row, result: await validateRow(CreateBuildingDto, bodyOf(row.values), columnOf) })),
    );
    const seenIds = new Map<string, number>();
    const municipalities = new Map<string, MunicipalityKey | ImportProblem[]>();
    const out: Planned[] = [];
    for (const { row, result } of validated) {
      const missing = new Set(BUILDING_IMPORT_COLUMNS.filter((c) => c.required && row.values[c.field] === undefined).map((c) => c.field));
      // an empty required cell is REQUIRED, whatever else its validators say
      const errors: ImportProblem[] = [
        ...[...missing].map((field) => ({ field, code: 'REQUIRED' })),
        ...(['lat', 'lon'] as const)
          .filter((half) => row.values[half] === undefined && row.values[half === 'lat' ? 'lon' : 'lat'] !== undefined)
          .map((field) => ({ field, code: 'REQUIRED' })),
        ...('errors' in result ? result.errors.filter((e) => !missing.has(e.field)) : []),
      ];
      const id = row.values.id?.toLowerCase();
      let target: Planned['target'];
      let before: BuildingContent | undefined;
      if (id !== undefined) {
        if (seenIds.has(id)) errors.push({ field: 'id', code: 'DUPLICATE', params: { row: seenIds.get(id)! } });
        seenIds.set(id, row.line);
        const found = UUID.test(id) ? await this.lockForUpdate(tx, scope, id) : { problems: [{ field: 'id', code: 'BUILDING_NOT_FOUND' }] };
        if ('problems' in found) errors.push(...found.problems);
        else {
          target = { id: found.building.id, version: found.building.version };
          before = storedContent(found.building, found.istatCode);
        }
      }
      let content: BuildingContent | undefined;
      let municipality: MunicipalityKey | undefined;
      if ('value' in result && errors.length === 0) {
        const sent = contentOf(result.value);
        // an update changes only the columns the file has (an empty cell clears); a new building takes them all
        content = before ? patched(before, sent, csv.fields) : sent;
        try {
          requireConfiscation(content);
        } catch (error) {
          errors.push(...refusal(error));
        }
        const known = municipalities.get(content.municipality) ?? (await this.municipality(scope, content.municipality));
        municipalities.set(content.municipality, known);
        if (Array.isArray(known)) errors.push(...known);
        else {
          municipality = known;
          if (content.location) {
            await this.service.requirePointInside(scope, known.id, content.location).catch((error: unknown) => {
              errors.push(...refusal(error));
            });
          }
        }
      }
      const action = errors.length > 0 ? 'reject' : target ? 'update' : 'create';
      out.push({ report: { row: row.line, action, ...(target ? { id: target.id } : {}), errors }, content, municipality, target });
    }
    return out;
  }

  /** The building of an `id` cell, locked and editable by the caller; else the problem (unknown, or not in their territory). */
  private async lockForUpdate(
    tx: ScopedTx,
    scope: AccessScope,
    id: string,
  ): Promise<{ building: Building; istatCode: string } | { problems: ImportProblem[] }> {
    try {
      const building = await this.service.lockEditable(tx, scope, id);
      const row = await this.buildings.findReadable(scope, id, { internalNotes: true }, tx);
      return { building, istatCode: row?.municipalityIstat ?? '' };
    } catch (error) {
      return { problems: refusal(error).map((p) => ({ ...p, field: 'id' })) };
    }
  }

  /** The municipality of a row, in the tenant and the caller's territory (innovators: assigned to them); else the problem. */
  private async municipality(scope: AccessScope, istatCode: string): Promise<MunicipalityKey | ImportProblem[]> {
    try {
      return await this.service.assignedMunicipality(scope, istatCode);
    } catch (error) {
      return refusal(error);
    }
  }

  /** Writes one planned row through the service (create or update), its audit entry naming the import and the line. */
  private async write(tx: ScopedTx, scope: AccessScope, p: Planned, fields: readonly string[], importId: string): Promise<void> {
    const content = p.content!;
    const audit = { import: importId, row: p.report.row };
    if (p.target) {
      const sent = Object.fromEntries(contentFields(fields).map((f) => [f, content[f]]));
      await this.service.applyUpdate(tx, scope, p.target.id, { version: p.target.version, ...sent }, audit);
      return;
    }
    const { id } = await this.service.insert(tx, scope, p.municipality!, content, randomUUID(), audit);
    p.report = { ...p.report, id };
  }
}

/** The content fields the file's columns fill (lat/lon → location; id is no field). */
function contentFields(fields: readonly string[]): (keyof BuildingContent)[] {
  return [...new Set(fields.map((f) => (f === 'lat' || f === 'lon' ? 'location' : f)))].filter(
    (f): f is keyof BuildingContent => f !== 'id',
  );
}

/** `before` with the file's columns replaced by the row's values. */
function patched(before: BuildingContent, sent: BuildingContent, fields: readonly string[]): BuildingContent {
  const out: Record<string, unknown> = { ...before };
  for (const f of contentFields(fields)) out[f] = sent[f];
  return out as unknown as BuildingContent;
}
