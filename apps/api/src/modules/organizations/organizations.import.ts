import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Language, ORGANIZATION_KINDS, ORGANIZATION_SIZES, RESOURCES, TARGET_GROUPS, THEMES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { LABELS } from '../../common/export/labels';
import {
  booleanCell,
  type CsvRows,
  type ImportColumn,
  type ImportProblem,
  type ImportReport,
  type ImportReportRow,
  listCell,
  normalizeHeader,
  numberCell,
  problemsOf,
  readCsv,
  reportOf,
  templateCsv,
  validateRow,
} from '../../common/import/csv-import';
import { ImportErrors } from '../../common/import/import.errors';
import { CreateOrganizationDto } from './dto/create-organization.dto';
import type { Organization } from './organization.entity';
import { OrganizationsRepository } from './organizations.repository';
import { contentOf, type OrganizationContent, OrganizationsService, patched } from './organizations.service';

/**
 * The organizations' CSV template (docs/imports.md): one column per field of the create request,
 * Italian headers first. Vocabulary cells take the code or its label in either language; lists
 * are separated by `;` (or `,` or `|` inside a quoted cell).
 */
export const ORGANIZATION_IMPORT_COLUMNS: ImportColumn[] = [
  {
    field: 'id',
    header: { it: 'ID', en: 'ID' },
    help: {
      it: "vuoto per una nuova organizzazione; l'ID di Trama per aggiornarne una",
      en: 'empty for a new organisation; the Trama ID to update one',
    },
    example: '',
  },
  {
    field: 'name',
    header: { it: 'Nome', en: 'Name' },
    required: true,
    help: { it: 'obbligatorio', en: 'required' },
    example: 'APS Orti Urbani Bari',
  },
  {
    field: 'kind',
    header: { it: 'Tipo', en: 'Kind' },
    required: true,
    help: {
      it: `obbligatorio: ${ORGANIZATION_KINDS.join(', ')} (o la descrizione)`,
      en: `required: ${ORGANIZATION_KINDS.join(', ')} (or the label)`,
    },
    example: 'aps',
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
    field: 'taxCode',
    header: { it: 'Codice fiscale', en: 'Tax code' },
    aliases: ['tax_code', 'Codice fiscale / partita IVA', 'Partita IVA'],
    help: {
      it: '11 cifre o 16 caratteri; se esiste già, la riga aggiorna quella organizzazione',
      en: '11 digits or 16 characters; when it exists, the row updates that organisation',
    },
    example: '93012340720',
  },
  {
    field: 'address',
    header: { it: 'Indirizzo', en: 'Address' },
    help: { it: 'via e numero civico', en: 'street and number' },
    example: 'Via Sparano 10',
  },
  {
    field: 'lat',
    header: { it: 'Latitudine', en: 'Latitude' },
    aliases: ['latitude'],
    help: {
      it: 'gradi decimali (WGS84), con punto o virgola; insieme alla longitudine',
      en: 'decimal degrees (WGS84); with the longitude',
    },
    example: '41,1225',
  },
  {
    field: 'lon',
    header: { it: 'Longitudine', en: 'Longitude' },
    aliases: ['longitude'],
    help: { it: 'gradi decimali (WGS84)', en: 'decimal degrees (WGS84)' },
    example: '16,8694',
  },
  {
    field: 'description',
    header: { it: 'Descrizione', en: 'Description' },
    help: { it: 'testo libero', en: 'free text' },
    example: 'Orti condivisi nel quartiere Libertà',
  },
  {
    field: 'themes',
    header: { it: 'Temi', en: 'Themes' },
    help: { it: `separati da ; — ${THEMES.join(', ')}`, en: `separated by ; — ${THEMES.join(', ')}` },
    example: 'environment; social_inclusion',
  },
  {
    field: 'targetGroups',
    header: { it: 'Destinatari', en: 'Target groups' },
    aliases: ['target_groups'],
    help: { it: `separati da ; — ${TARGET_GROUPS.join(', ')}`, en: `separated by ; — ${TARGET_GROUPS.join(', ')}` },
    example: 'families; elderly',
  },
  {
    field: 'offers',
    header: { it: 'Offre', en: 'Offers' },
    help: { it: `separati da ; — ${RESOURCES.join(', ')}`, en: `separated by ; — ${RESOURCES.join(', ')}` },
    example: 'space; volunteers',
  },
  {
    field: 'needs',
    header: { it: 'Cerca', en: 'Needs' },
    help: { it: `separati da ; — ${RESOURCES.join(', ')}`, en: `separated by ; — ${RESOURCES.join(', ')}` },
    example: 'funding',
  },
  {
    field: 'size',
    header: { it: 'Dimensione', en: 'Size' },
    help: { it: ORGANIZATION_SIZES.join(', '), en: ORGANIZATION_SIZES.join(', ') },
    example: 'small',
  },
  {
    field: 'website',
    header: { it: 'Sito web', en: 'Website' },
    help: { it: 'con https://', en: 'with https://' },
    example: 'https://ortiurbani.example.org',
  },
  {
    field: 'contactName',
    header: { it: 'Referente', en: 'Contact person' },
    aliases: ['contact_name'],
    help: { it: 'solo con il consenso del referente', en: "only with the contact person's consent" },
    example: 'Maria Rossi',
  },
  {
    field: 'contactEmail',
    header: { it: 'E-mail del referente', en: "Contact person's e-mail" },
    aliases: ['contact_email'],
    help: { it: 'solo con il consenso', en: 'only with consent' },
    example: 'maria.rossi@example.org',
  },
  {
    field: 'contactPhone',
    header: { it: 'Telefono del referente', en: "Contact person's phone" },
    aliases: ['contact_phone'],
    help: { it: 'solo con il consenso', en: 'only with consent' },
    example: '+39 080 1234567',
  },
  {
    field: 'contactConsent',
    header: { it: 'Consenso del referente', en: "Contact person's consent" },
    aliases: ['contact_consent'],
    help: { it: 'sì / no: il referente ha acconsentito a essere registrato', en: 'yes / no: the contact person agreed to be recorded' },
    example: 'sì',
  },
  { field: 'notes', header: { it: 'Note', en: 'Notes' }, help: { it: 'visibili ai Comuni', en: 'shown to municipalities' }, example: '' },
  {
    field: 'internalNotes',
    header: { it: 'Note interne', en: 'Internal notes' },
    aliases: ['internal_notes'],
    help: { it: 'mai mostrate ai Comuni', en: 'never shown to municipalities' },
    example: '',
  },
  {
    field: 'active',
    header: { it: 'Attiva', en: 'Active' },
    help: { it: 'sì / no (vuoto: sì)', en: 'yes / no (empty: yes)' },
    example: 'sì',
  },
];

type VocabularyName = 'organizationKind' | 'theme' | 'targetGroup' | 'resource' | 'organizationSize';

/** label or code (any language, accents and case ignored) → code, per vocabulary. */
const VOCABULARY_CODES: Record<VocabularyName, Map<string, string>> = (() => {
  const out = {} as Record<VocabularyName, Map<string, string>>;
  const vocabularies: Record<VocabularyName, readonly string[]> = {
    organizationKind: ORGANIZATION_KINDS,
    theme: THEMES,
    targetGroup: TARGET_GROUPS,
    resource: RESOURCES,
    organizationSize: ORGANIZATION_SIZES,
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

const code = (name: VocabularyName, value: string) => VOCABULARY_CODES[name].get(normalizeHeader(value)) ?? value;

/** A row of the file as the create request's body (cells converted; what they cannot convert is left for the DTO to refuse). */
function bodyOf(values: Record<string, string>): Record<string, unknown> {
  const lat = numberCell(values.lat);
  const lon = numberCell(values.lon);
  const body: Record<string, unknown> = {
    name: values.name,
    kind: values.kind === undefined ? undefined : code('organizationKind', values.kind),
    municipality: values.municipality,
    taxCode: values.taxCode,
    address: values.address,
    description: values.description,
    // half a point is reported as the missing half (plan), not as a location problem
    location: lat === undefined || lon === undefined ? undefined : { lat, lon },
    themes: listCell(values.themes)?.map((v) => code('theme', v)),
    targetGroups: listCell(values.targetGroups)?.map((v) => code('targetGroup', v)),
    offers: listCell(values.offers)?.map((v) => code('resource', v)),
    needs: listCell(values.needs)?.map((v) => code('resource', v)),
    size: values.size === undefined ? undefined : code('organizationSize', values.size),
    website: values.website,
    contactName: values.contactName,
    contactEmail: values.contactEmail,
    contactPhone: values.contactPhone,
    contactConsent: booleanCell(values.contactConsent),
    notes: values.notes,
    internalNotes: values.internalNotes,
    active: booleanCell(values.active),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

/** The DTO's field → the template's column (a location problem is on lat/lon). */
const columnOf = (field: string) => (field === 'location.lon' ? 'lon' : field.startsWith('location') ? 'lat' : field.split('.')[0]);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Planned {
  report: ImportReportRow;
  content?: OrganizationContent;
  /** the content fields the file has a column for (an update changes only those) */
  fields: (keyof OrganizationContent)[];
  /** the record an update writes over */
  target?: { id: string; version: number };
}

/**
 * The organizations' CSV import (docs/imports.md): a dry run reports what each row would do; the
 * apply does it all in one transaction, or nothing when a row is rejected (400 IMPORT_REJECTED with
 * the report). Each row is checked as the API's create or update would check it, by the same service.
 */
@Injectable()
export class OrganizationsImportService {
  constructor(
    private readonly door: ScopedData,
    private readonly organizations: OrganizationsRepository,
    private readonly service: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  template(language: Language): string {
    return templateCsv(ORGANIZATION_IMPORT_COLUMNS, language);
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
    const csv = readCsv(file.buffer, ORGANIZATION_IMPORT_COLUMNS);
    if (dryRun) {
      const planned = await this.door.transaction((tx) => this.plan(tx, scope, tenantId, csv));
      return reportOf(
        planned.map((p) => p.report),
        true,
        false,
      );
    }
    const importId = randomUUID();
    return this.door.transaction(async (tx) => {
      const planned = await this.plan(tx, scope, tenantId, csv);
      const rejected = reportOf(
        planned.map((p) => p.report),
        false,
        false,
      );
      if (rejected.counts.reject > 0) throw ImportErrors.IMPORT_REJECTED().withData({ report: rejected });
      for (const p of planned) {
        const outcome = await this.write(tx, scope, p, importId).catch((error: unknown) => {
          // a row the plan could not foresee (a similar name inside the file, a race): the whole import stops
          const problems = error instanceof AppError && error.details ? problemsOf(error.details) : [];
          p.report = {
            ...p.report,
            action: 'reject',
            errors: problems.length > 0 ? problems : [{ field: 'row', code: error instanceof AppError ? error.code : 'INVALID' }],
          };
          if (error instanceof AppError) return null;
          throw error;
        });
        if (outcome === null) {
          throw ImportErrors.IMPORT_REJECTED().withData({
            report: reportOf(
              planned.map((q) => q.report),
              false,
              false,
            ),
          });
        }
      }
      const report = reportOf(
        planned.map((p) => p.report),
        false,
        true,
      );
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'organization_import',
        entityId: importId,
        action: 'import',
        after: { file: (file.originalname ?? '').slice(0, 200), counts: report.counts, rows: csv.rows.length },
      });
      return report;
    });
  }

  /** What each row would do, checked as the API checks a create or an update (read in `tx`, locking the records to update). */
  private async plan(tx: ScopedTx, scope: AccessScope, tenantId: string, csv: CsvRows): Promise<Planned[]> {
    const rows = csv.rows;
    const fields = [...new Set(csv.fields.map((f) => (f === 'lat' || f === 'lon' ? 'location' : f)))].filter(
      (f): f is keyof OrganizationContent => f !== 'id',
    );
    const municipalities = new Map((await this.organizations.municipalitiesOf(scope, tenantId)).map((m) => [m.istatCode, m]));
    const validated = await Promise.all(
      rows.map(async (row) => ({ row, result: await validateRow(CreateOrganizationDto, bodyOf(row.values), columnOf) })),
    );
    const ids = rows.map((r) => r.values.id).filter((id): id is string => id !== undefined && UUID.test(id));
    const taxCodes = validated.flatMap(({ result }) => ('value' in result && result.value.taxCode ? [result.value.taxCode] : []));
    const existing = await this.organizations.findForImport(scope, tenantId, { ids, taxCodes }, tx);
    const byId = new Map(existing.map((e) => [e.id.toLowerCase(), e]));
    const byTaxCode = new Map(existing.filter((e) => e.taxCode).map((e) => [e.taxCode as string, e]));
    const seenTaxCodes = new Map<string, number>();
    const seenIds = new Map<string, number>();
    const out: Planned[] = [];
    for (const { row, result } of validated) {
      const missing = new Set(
        ORGANIZATION_IMPORT_COLUMNS.filter((c) => c.required && row.values[c.field] === undefined).map((c) => c.field),
      );
      // an empty required cell is REQUIRED, whatever else its validators say
      const errors: ImportProblem[] = [
        ...[...missing].map((field) => ({ field, code: 'REQUIRED' })),
        ...(['lat', 'lon'] as const)
          .filter((half) => row.values[half] === undefined && row.values[half === 'lat' ? 'lon' : 'lat'] !== undefined)
          .map((field) => ({ field, code: 'REQUIRED' })),
        ...('errors' in result ? result.errors.filter((e) => !missing.has(e.field)) : []),
      ];
      const id = row.values.id?.toLowerCase();
      let target: Pick<Organization, 'id' | 'taxCode' | 'mergedInto' | 'municipalityId' | 'version'> | undefined;
      if (id !== undefined) {
        target = UUID.test(id) ? byId.get(id) : undefined;
        if (!target) errors.push({ field: 'id', code: 'ORGANIZATION_NOT_FOUND' });
        else if (seenIds.has(id)) errors.push({ field: 'id', code: 'DUPLICATE', params: { row: seenIds.get(id)! } });
        seenIds.set(id, row.line);
      }
      let content: OrganizationContent | undefined;
      if ('value' in result) {
        content = contentOf(result.value);
        const taxCode = content.taxCode;
        if (taxCode) {
          const holder = byTaxCode.get(taxCode);
          if (!target && holder) target = holder;
          else if (target && holder && holder.id !== target.id) errors.push({ field: 'taxCode', code: 'ORGANIZATION_TAX_CODE_TAKEN' });
          if (seenTaxCodes.has(taxCode)) errors.push({ field: 'taxCode', code: 'DUPLICATE', params: { row: seenTaxCodes.get(taxCode)! } });
          seenTaxCodes.set(taxCode, row.line);
        }
        const municipality = municipalities.get(content.municipality);
        if (!municipality) errors.push({ field: 'municipality', code: 'ORGANIZATION_MUNICIPALITY_UNKNOWN' });
        else if (!scope.canReachMunicipality(tenantId, municipality.id, 'assigned')) {
          errors.push({ field: 'municipality', code: 'ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED' });
        } else if (content.location) {
          await this.service.requirePointInside(scope, municipality.id, content.location).catch(() => {
            errors.push({ field: 'lat', code: 'ORGANIZATION_POINT_OUTSIDE_MUNICIPALITY' });
          });
        }
        errors.push(...this.consent(content));
      }
      if (target?.mergedInto) errors.push({ field: id !== undefined ? 'id' : 'taxCode', code: 'ORGANIZATION_MERGED' });
      else if (target && !scope.canReachMunicipality(tenantId, target.municipalityId, 'assigned')) {
        errors.push({ field: 'municipality', code: 'ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED' });
      }
      const action = errors.length > 0 ? 'reject' : target ? 'update' : 'create';
      out.push({
        report: { row: row.line, action, ...(target ? { id: target.id } : {}), errors },
        content,
        fields,
        target: target ? { id: target.id, version: target.version } : undefined,
      });
    }
    return out;
  }

  private consent(content: OrganizationContent): ImportProblem[] {
    try {
      this.service.requireConsent(content);
      return [];
    } catch (error) {
      return error instanceof AppError && error.details
        ? problemsOf(error.details)
        : [{ field: 'contactConsent', code: 'ORGANIZATION_CONTACT_CONSENT_REQUIRED' }];
    }
  }

  /** Writes one planned row (create or update) with its audit entry naming the import. */
  private async write(tx: ScopedTx, scope: AccessScope, p: Planned, importId: string): Promise<true> {
    const content = p.content!;
    const audit = { import: importId, row: p.report.row };
    if (p.target) {
      const { organization, before } = await this.service.lockEditable(tx, scope, p.target.id, p.target.version);
      // the columns the file has replace the stored values (an empty cell clears); the others stay
      const sent = Object.fromEntries(p.fields.map((f) => [f, content[f]])) as Partial<CreateOrganizationDto>;
      await this.service.applyUpdate(tx, scope, organization, organization.version, before, patched(before, sent), {
        acknowledgeDuplicates: true,
        audit,
      });
      return true;
    }
    const municipality = await this.service.editableMunicipality(scope, content.municipality, tx);
    const { id } = await this.service.insert(tx, scope, municipality, content, randomUUID(), audit);
    p.report = { ...p.report, id };
    return true;
  }
}
