import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { type Language, PROJECT_PROGRAMMES, PROJECT_STATUSES } from '@trama/contracts';
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
  normalizeHeader,
  readCsv,
  reportOf,
  templateCsv,
  validateRow,
} from '../../common/import/csv-import';
import { ImportErrors } from '../../common/import/import.errors';
import { CreateProjectDto } from './dto/create-project.dto';
import { AddProjectProgressDto } from './dto/add-progress.dto';
import { checkProgress, contentOf, type ProjectContent, ProjectsService, todayInItaly } from './projects.service';

/**
 * The projects' CSV template, shaped like OpenCoesione's open-data project export (docs/projects.md,
 * "Import"): its column names are the headers (COD_LOCALE_PROGETTO, CUP, OC_TITOLO_PROGETTO,
 * FINANZ_TOTALE_PUBBLICO, IMPEGNI, TOT_PAGAMENTI, OC_DATA_INIZIO_PROGETTO,
 * OC_DATA_FINE_PROGETTO_PREVISTA…), with Italian/English words as aliases. Dates as OpenCoesione
 * writes them (YYYYMMDD) or YYYY-MM-DD or dd/mm/yyyy; amounts with a decimal comma or point.
 */
export const PROJECT_IMPORT_COLUMNS: ImportColumn[] = [
  {
    field: 'code',
    header: { it: 'COD_LOCALE_PROGETTO', en: 'COD_LOCALE_PROGETTO' },
    aliases: ['Codice', 'Code'],
    required: true,
    help: { it: 'obbligatorio: il codice del progetto nel programma', en: "required: the project's code in its programme" },
    example: 'BO3.3.1.b',
  },
  {
    field: 'cup',
    header: { it: 'CUP', en: 'CUP' },
    help: { it: '15 caratteri; obbligatorio salvo per un’idea', en: '15 characters; required unless an idea' },
    example: 'F39G16000350007',
  },
  {
    field: 'title',
    header: { it: 'OC_TITOLO_PROGETTO', en: 'OC_TITOLO_PROGETTO' },
    aliases: ['Titolo', 'Title'],
    required: true,
    help: { it: 'obbligatorio', en: 'required' },
    example: 'Accelerazione civica e collaborazione civica tra PA, scuola e imprese – Azioni di supporto',
  },
  {
    field: 'programme',
    header: { it: 'OC_CODICE_PROGRAMMA', en: 'OC_CODICE_PROGRAMMA' },
    aliases: ['Programma', 'Programme', 'OC_DESCRIZIONE_PROGRAMMA'],
    help: {
      it: `${PROJECT_PROGRAMMES.join(', ')}, la descrizione, o il codice CCI 2014IT16M2OP004 (PON Metro); vuoto: other`,
      en: `${PROJECT_PROGRAMMES.join(', ')}, the label, or the CCI code 2014IT16M2OP004 (PON Metro); empty: other`,
    },
    example: '2014IT16M2OP004',
  },
  {
    field: 'action',
    header: { it: 'AZIONE', en: 'AZIONE' },
    aliases: ['Azione', 'Action', 'OC_COD_ARTICOLAZ_PROGRAMMA'],
    help: { it: "l'azione del programma", en: "the programme's action" },
    example: 'Azione 3.3.1',
  },
  {
    field: 'implementingBody',
    header: { it: 'OC_DENOM_ATTUATORE', en: 'OC_DENOM_ATTUATORE' },
    aliases: ['Soggetto attuatore', 'Implementing body', 'DENOMINAZIONE_ATTUATORE'],
    help: { it: 'il soggetto attuatore', en: 'the implementing body' },
    example: 'Comune di Bologna',
  },
  {
    field: 'status',
    header: { it: 'OC_STATO_PROGETTO', en: 'OC_STATO_PROGETTO' },
    aliases: ['Stato', 'Status'],
    help: {
      it: `${PROJECT_STATUSES.join(', ')} o le parole di OpenCoesione (Non avviato, In corso, Liquidato, Concluso); vuoto: admitted (idea senza CUP)`,
      en: `${PROJECT_STATUSES.join(', ')} or OpenCoesione's words (Non avviato, In corso, Liquidato, Concluso); empty: admitted (idea without CUP)`,
    },
    example: 'Concluso',
  },
  {
    field: 'startDate',
    header: { it: 'OC_DATA_INIZIO_PROGETTO', en: 'OC_DATA_INIZIO_PROGETTO' },
    aliases: ['Data di inizio', 'Start date'],
    help: { it: 'AAAAMMGG, AAAA-MM-GG o gg/mm/aaaa', en: 'YYYYMMDD, YYYY-MM-DD or dd/mm/yyyy' },
    example: '20161101',
  },
  {
    field: 'endDate',
    header: { it: 'OC_DATA_FINE_PROGETTO_PREVISTA', en: 'OC_DATA_FINE_PROGETTO_PREVISTA' },
    aliases: ['Data di fine', 'End date', 'OC_DATA_FINE_PROGETTO_EFFETTIVA'],
    help: { it: 'AAAAMMGG, AAAA-MM-GG o gg/mm/aaaa', en: 'YYYYMMDD, YYYY-MM-DD or dd/mm/yyyy' },
    example: '20210330',
  },
  {
    field: 'municipalities',
    header: { it: 'COD_COMUNE', en: 'COD_COMUNE' },
    aliases: ['Comuni', 'Municipalities'],
    help: { it: 'codici ISTAT a 6 cifre, separati da ::: o ;', en: '6-digit ISTAT codes, separated by ::: or ;' },
    example: '037006',
  },
  {
    field: 'admitted',
    header: { it: 'FINANZ_TOTALE_PUBBLICO', en: 'FINANZ_TOTALE_PUBBLICO' },
    aliases: ['Ammesso', 'Admitted'],
    help: {
      it: 'euro: il finanziamento pubblico totale, registrato come programmato e ammesso',
      en: 'euros: the total public funding, recorded as programmed and admitted',
    },
    example: '412248,84',
  },
  {
    field: 'committed',
    header: { it: 'IMPEGNI', en: 'IMPEGNI' },
    aliases: ['Impegni', 'Committed'],
    help: { it: 'euro: impegni giuridicamente vincolanti', en: 'euros: legal commitments' },
    example: '412248,84',
  },
  {
    field: 'paid',
    header: { it: 'TOT_PAGAMENTI', en: 'TOT_PAGAMENTI' },
    aliases: ['Pagamenti', 'Paid'],
    help: { it: 'euro: pagamenti', en: 'euros: payments' },
    example: '412248,83',
  },
  {
    field: 'progressDate',
    header: { it: 'DATA_AGGIORNAMENTO', en: 'DATA_AGGIORNAMENTO' },
    aliases: ['OC_DATA_AGGIORNAMENTO', 'Data dei dati', 'Date of the figures'],
    help: { it: 'la data dei dati finanziari; vuoto: oggi', en: 'the date of the financial figures; empty: today' },
    example: '20211231',
  },
];

/** OpenCoesione's own words for a project's state, and the CCI code of PON Metro 2014–2020. */
const OC_STATUSES: Record<string, string> = {
  nonavviato: 'admitted',
  incorso: 'running',
  liquidato: 'completed',
  concluso: 'completed',
};
const CCI_PROGRAMMES: Record<string, string> = { '2014it16m2op004': 'pon_metro' };

/** lower case, accents and everything but letters and digits dropped */
const compact = (value: string) => normalizeHeader(value).replace(/[^a-z0-9]/g, '');

function vocabularyCode(vocabulary: 'projectStatus' | 'projectProgramme', codes: readonly string[], value: string): string {
  const key = normalizeHeader(value);
  for (const code of codes) {
    if (normalizeHeader(code) === key) return code;
    for (const labels of Object.values(LABELS)) {
      const label = (labels as Record<string, string>)[`vocab.${vocabulary}.${code}`];
      if (label && normalizeHeader(label) === key) return code;
    }
  }
  return value;
}

/** YYYYMMDD and dd/mm/yyyy → YYYY-MM-DD; anything else left for the DTO to refuse. */
export function dateCell(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (compact) return `${compact[1]}-${compact[2]}-${compact[3]}`;
  const italian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (italian) return `${italian[3]}-${italian[2].padStart(2, '0')}-${italian[1].padStart(2, '0')}`;
  return value;
}

/** Euros as written in Italy (`412.248,84`) or plainly (`412248.84`); anything else left for the DTO to refuse. */
export function amountCell(value: string | undefined): number | string | undefined {
  if (value === undefined) return undefined;
  let v = value.replace(/[\s€]/g, '');
  if (v.includes(',')) v = v.replace(/\./g, '').replace(',', '.');
  return /^-?[0-9]+(\.[0-9]+)?$/.test(v) ? Number(v) : value;
}

function projectBody(values: Record<string, string>): Record<string, unknown> {
  const cup = values.cup;
  const status = values.status
    ? (OC_STATUSES[compact(values.status)] ?? vocabularyCode('projectStatus', PROJECT_STATUSES, values.status))
    : cup
      ? 'admitted'
      : 'idea';
  const programme = values.programme
    ? (CCI_PROGRAMMES[compact(values.programme)] ?? vocabularyCode('projectProgramme', PROJECT_PROGRAMMES, values.programme))
    : 'other';
  const body: Record<string, unknown> = {
    clientId: randomUUID(),
    code: values.code,
    title: values.title,
    programme,
    action: values.action,
    implementingBody: values.implementingBody,
    cup,
    status,
    startDate: dateCell(values.startDate),
    endDate: dateCell(values.endDate),
    municipalities: values.municipalities
      ?.split(/:::|[;,|]/)
      .map((s) => s.trim())
      .filter(Boolean),
  };
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
}

function progressBody(values: Record<string, string>): Record<string, unknown> | null {
  if (values.admitted === undefined && values.committed === undefined && values.paid === undefined) return null;
  const admitted = amountCell(values.admitted) ?? 0;
  return {
    date: dateCell(values.progressDate) ?? todayInItaly(),
    programmed: admitted,
    admitted,
    committed: amountCell(values.committed) ?? 0,
    paid: amountCell(values.paid) ?? 0,
  };
}

const PROGRESS_FIELD: Record<string, string> = {
  programmed: 'admitted',
  admitted: 'admitted',
  committed: 'committed',
  paid: 'paid',
  date: 'progressDate',
};

function refusal(error: unknown, fieldOf: (f: string) => string = (f) => f): ImportProblem[] {
  if (!(error instanceof AppError)) throw error;
  const details = error.details ?? [];
  if (details.length === 0) return [{ field: 'row', code: error.code }];
  return details.map((d) => ({ field: fieldOf(d.field), code: d.codes?.[0] ?? error.code }));
}

interface Planned {
  report: ImportReportRow;
  content?: ProjectContent;
  progress?: { date: string; programmed: number; admitted: number; committed: number; paid: number } | null;
  target?: string;
}

/**
 * The projects' CSV import (docs/projects.md): a dry run reports each row; the apply writes all rows
 * in one transaction or none (400 IMPORT_REJECTED with the report). A row matches a project of the
 * tenant by CUP, else by code; a match is updated with the file's columns (an empty cell clears) and
 * gets the row's figures as a new snapshot; otherwise a project is created with its first snapshot.
 */
@Injectable()
export class ProjectsImportService {
  constructor(
    private readonly door: ScopedData,
    private readonly service: ProjectsService,
    private readonly audit: AuditService,
  ) {}

  template(language: Language): string {
    return templateCsv(PROJECT_IMPORT_COLUMNS, language);
  }

  async importFile(
    scope: AccessScope,
    file: { buffer: Buffer; originalname?: string } | undefined,
    dryRun: boolean,
  ): Promise<ImportReport> {
    this.service.requireWriter(scope);
    if (!file) throw ImportErrors.IMPORT_FILE_INVALID('Send the CSV file as multipart/form-data in the field "file"');
    if (scope.tenantId === null) throw CommonErrors.FORBIDDEN('Imports are made by the staff of a metropolitan city');
    const tenantId = scope.tenantId;
    const csv = readCsv(file.buffer, PROJECT_IMPORT_COLUMNS);
    if (dryRun) {
      const planned = await this.plan(scope, csv);
      return reportOf(
        planned.map((p) => p.report),
        true,
        false,
      );
    }
    const importId = randomUUID();
    return this.door.transaction(async (tx) => {
      const planned = await this.plan(scope, csv);
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
          // what the plan could not foresee (a race, a rule checked only on write): everything stops
          p.report = { ...p.report, action: 'reject', errors: refusal(error, (f) => PROGRESS_FIELD[f] ?? f) };
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
        entity: 'project_import',
        entityId: importId,
        action: 'import',
        after: { file: (file.originalname ?? '').slice(0, 200), counts: report.counts, rows: csv.rows.length },
      });
      return report;
    });
  }

  /** What each row would do: validated by the API's DTOs and checked by the service's rules (no write). */
  private async plan(scope: AccessScope, csv: CsvRows): Promise<Planned[]> {
    const out: Planned[] = [];
    const seen = new Map<string, number>();
    for (const row of csv.rows) {
      const errors: ImportProblem[] = [];
      const missing = PROJECT_IMPORT_COLUMNS.filter((c) => c.required && row.values[c.field] === undefined).map((c) => c.field);
      errors.push(...missing.map((field) => ({ field, code: 'REQUIRED' })));
      const project = await validateRow(CreateProjectDto, projectBody(row.values));
      if ('errors' in project) errors.push(...project.errors.filter((e) => !missing.includes(e.field)));
      const rawProgress = progressBody(row.values);
      let progress: Planned['progress'] = null;
      if (rawProgress) {
        const checked = await validateRow(AddProjectProgressDto, rawProgress, (f) => PROGRESS_FIELD[f.split('.')[0]] ?? f);
        if ('errors' in checked) errors.push(...checked.errors);
        else {
          progress = checked.value;
          try {
            checkProgress(checked.value);
            if (checked.value.date > todayInItaly()) errors.push({ field: 'progressDate', code: 'PROJECT_PROGRESS_DATE_FUTURE' });
          } catch (error) {
            errors.push(...refusal(error));
          }
        }
      }
      let content: ProjectContent | undefined;
      let target: string | undefined;
      if ('value' in project && errors.length === 0) {
        content = contentOf(project.value);
        for (const key of [content.cup ? `cup:${content.cup}` : null, `code:${content.code.toLowerCase()}`]) {
          if (!key) continue;
          if (seen.has(key))
            errors.push({ field: key.startsWith('cup') ? 'cup' : 'code', code: 'DUPLICATE', params: { row: seen.get(key)! } });
          seen.set(key, row.line);
        }
        target = (await this.service.findByKey(scope, { cup: content.cup, code: content.code })) ?? undefined;
        // what the service would refuse on write (dates, CUP past the idea, municipalities, a code or CUP of another project)
        await this.service.checkStored(scope, content, target ?? null).catch((error: unknown) => {
          errors.push(...refusal(error));
        });
      }
      const action = errors.length > 0 ? 'reject' : target ? 'update' : 'create';
      out.push({ report: { row: row.line, action, ...(target ? { id: target } : {}), errors }, content, progress, target });
    }
    return out;
  }

  /** Writes one planned row through the service (create or update, then the snapshot), audited with the import and the line. */
  private async write(tx: ScopedTx, scope: AccessScope, p: Planned, fields: readonly string[], importId: string): Promise<void> {
    const content = p.content!;
    const audit = { import: importId, row: p.report.row };
    let id = p.target;
    if (id) {
      const current = await this.service.lockWritable(tx, scope, id);
      const sent = Object.fromEntries(fields.filter((f): f is keyof ProjectContent => f in content).map((f) => [f, content[f]]));
      await this.service.applyUpdate(tx, scope, id, { version: current.version, ...sent }, audit);
    } else {
      id = (await this.service.insert(tx, scope, content, randomUUID(), audit)).id;
      p.report = { ...p.report, id };
    }
    if (p.progress) {
      const project = await this.service.lockWritable(tx, scope, id);
      await this.service.insertProgress(tx, scope, project, p.progress, audit);
    }
  }
}
