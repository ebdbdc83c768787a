import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { INDICATOR_IMPORT_MAX_ROWS, type Language, type ParsedPeriod } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import {
  type CsvRows,
  type ImportColumn,
  type ImportProblem,
  type ImportReport,
  type ImportReportRow,
  numberCell,
  readCsv,
  reportOf,
  templateCsv,
} from '../../common/import/csv-import';
import { ImportErrors } from '../../common/import/import.errors';
import type { IndicatorDefinition } from './indicator.entity';
import { IndicatorsPolicy } from './indicators.policy';
import { type TerritoryKey, valueKey } from './indicators.repository';
import { IndicatorsService } from './indicators.service';

/**
 * The manual values' CSV (docs/indicators.md, "Import"): one value per row. The territory is an
 * ISTAT municipality code, a social-area code, `tenant`, or the API's syntax
 * (`municipality:072006`, `socialArea:ATS_BA_BARI`).
 */
export const INDICATOR_IMPORT_COLUMNS: ImportColumn[] = [
  {
    field: 'indicator',
    header: { it: 'indicatore', en: 'indicator' },
    aliases: ['codice', 'code'],
    required: true,
    help: { it: "il codice dell'indicatore (es. crimes_reported)", en: 'the indicator code (e.g. crimes_reported)' },
    example: 'crimes_reported',
  },
  {
    field: 'territory',
    header: { it: 'territorio', en: 'territory' },
    required: true,
    help: {
      it: "codice ISTAT del comune, codice dell'ambito sociale, oppure tenant per l'intera città metropolitana",
      en: 'ISTAT code of the municipality, code of the social area, or tenant for the whole metropolitan city',
    },
    example: '072006',
  },
  {
    field: 'period',
    header: { it: 'periodo', en: 'period' },
    required: true,
    help: { it: 'anno (2025), trimestre (2025-Q3) o mese (2025-09)', en: 'year (2025), quarter (2025-Q3) or month (2025-09)' },
    example: '2025',
  },
  {
    field: 'value',
    header: { it: 'valore', en: 'value' },
    required: true,
    help: { it: 'numero, virgola o punto decimale', en: 'a number, decimal point or comma' },
    example: '11250',
  },
  {
    field: 'note',
    header: { it: 'nota', en: 'note' },
    aliases: ['fonte', 'source'],
    help: { it: 'la fonte del dato', en: 'the source of the figure' },
    example: 'ISTAT, delitti denunciati 2025',
  },
];

const ISTAT_MUNICIPALITY = /^[0-9]{6}$/;

/** A territory cell in the API's syntax. */
function territoryParam(cell: string): string {
  const t = cell.trim();
  if (t.toLowerCase() === 'tenant' || t.toLowerCase() === 'città metropolitana' || t.toLowerCase() === 'metropolitan city') return 'tenant';
  if (ISTAT_MUNICIPALITY.test(t)) return `municipality:${t}`;
  if (t.startsWith('municipality:') || t.startsWith('socialArea:')) return t;
  return `socialArea:${t}`;
}

interface PlannedRow {
  report: ImportReportRow;
  definition?: IndicatorDefinition;
  territory?: TerritoryKey;
  period?: ParsedPeriod;
  value?: number;
  note?: string | null;
}

/**
 * Imports manual values from a CSV: a dry run reports each row; an apply writes every row or
 * none (one transaction), each value audited like an entry (`import: <id>, row: <line>`), then one
 * `indicator_value_import` entry. Coordinators import validated values; innovators drafts for their
 * assigned municipalities (the same rules as an entry).
 */
@Injectable()
export class IndicatorsImportService {
  constructor(
    private readonly door: ScopedData,
    private readonly service: IndicatorsService,
    private readonly policy: IndicatorsPolicy,
    private readonly audit: AuditService,
  ) {}

  template(language: Language): string {
    return templateCsv(INDICATOR_IMPORT_COLUMNS, language);
  }

  async importFile(
    scope: AccessScope,
    file: { buffer: Buffer; originalname?: string } | undefined,
    dryRun: boolean,
  ): Promise<ImportReport> {
    if (!this.policy.entersValues(scope)) throw CommonErrors.FORBIDDEN();
    if (!file) throw ImportErrors.IMPORT_FILE_INVALID('Send the CSV file as multipart/form-data in the field "file"');
    if (scope.tenantId === null) throw CommonErrors.FORBIDDEN('Imports are made by the staff of a metropolitan city');
    const tenantId = scope.tenantId;
    const csv = readCsv(file.buffer, INDICATOR_IMPORT_COLUMNS, { maxRows: INDICATOR_IMPORT_MAX_ROWS });
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
        try {
          p.report.id = await this.service.insertValue(
            tx,
            scope,
            tenantId,
            p.definition!,
            p.territory!,
            p.period!,
            p.value!,
            p.note ?? null,
            {
              import: importId,
              row: p.report.row,
            },
          );
        } catch (error) {
          // a row the plan could not foresee (a value entered meanwhile): the whole import stops
          if (!(error instanceof AppError)) throw error;
          p.report = { ...p.report, action: 'reject', errors: [{ field: 'row', code: error.code }] };
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
        entity: 'indicator_value_import',
        entityId: importId,
        action: 'import',
        after: { file: (file.originalname ?? '').slice(0, 200), counts: report.counts, rows: csv.rows.length },
      });
      return report;
    });
  }

  /** Checks every row as an entry would be checked, plus duplicates inside the file and against stored values. */
  private async plan(tx: ScopedTx, scope: AccessScope, tenantId: string, csv: CsvRows): Promise<PlannedRow[]> {
    const codes = [...new Set(csv.rows.map((r) => (r.values.indicator ?? '').trim()).filter(Boolean))];
    const definitions = new Map((await this.service.definitionsByCode(tx, scope, tenantId, codes)).map((d) => [d.code, d]));
    const territories = await this.service.resolveTerritories(
      tx,
      scope,
      tenantId,
      csv.rows.map((r) => territoryParam(r.values.territory ?? '')),
    );
    const stored = await this.service.existingValueKeys(
      tx,
      scope,
      tenantId,
      [...definitions.values()].map((d) => d.id),
    );
    const inFile = new Map<string, number>();
    return csv.rows.map((r, i) => {
      const errors: ImportProblem[] = [];
      const planned: PlannedRow = { report: { row: r.line, action: 'create', errors } };
      const code = (r.values.indicator ?? '').trim();
      const definition = definitions.get(code);
      if (!code) errors.push({ field: 'indicator', code: 'REQUIRED' });
      else if (!definition) errors.push({ field: 'indicator', code: 'INDICATOR_NOT_FOUND', params: { value: code.slice(0, 80) } });
      else if (definition.source === 'computed') errors.push({ field: 'indicator', code: 'INDICATOR_COMPUTED', params: { value: code } });
      else if (!definition.active) errors.push({ field: 'indicator', code: 'INDICATOR_INACTIVE', params: { value: code } });
      const territory = territories[i];
      if (!r.values.territory) errors.push({ field: 'territory', code: 'REQUIRED' });
      else if (!territory)
        errors.push({ field: 'territory', code: 'INDICATOR_TERRITORY_UNKNOWN', params: { value: r.values.territory.slice(0, 80) } });
      else {
        try {
          this.service.requireEnterable(scope, territory);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({ field: 'territory', code: error.code, params: { value: territory.param } });
        }
      }
      let period: ParsedPeriod | null = null;
      if (!r.values.period) errors.push({ field: 'period', code: 'REQUIRED' });
      else {
        try {
          period = definition
            ? this.service.checkEntry({ ...definition, source: 'manual', active: true } as IndicatorDefinition, r.values.period)
            : null;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          errors.push({ field: 'period', code: error.code, params: { value: r.values.period.slice(0, 20) } });
        }
        if (!definition && !/^[0-9]{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(r.values.period))
          errors.push({ field: 'period', code: 'INDICATOR_PERIOD_INVALID', params: { value: r.values.period.slice(0, 20) } });
      }
      const value = numberCell(r.values.value);
      if (r.values.value === undefined) errors.push({ field: 'value', code: 'REQUIRED' });
      else if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > 1e13)
        errors.push({ field: 'value', code: 'WRONG_TYPE', params: { value: r.values.value.slice(0, 40) } });
      const note = r.values.note ?? null;
      if (note !== null && note.length > 2000) errors.push({ field: 'note', code: 'TOO_LONG', params: { max: 2000 } });
      if (definition && territory && period) {
        const key = valueKey(definition.id, territory.kind, territory.municipalityId ?? territory.socialAreaId, period.code);
        if (stored.has(key))
          errors.push({ field: 'row', code: 'INDICATOR_VALUE_DUPLICATE', params: { value: `${code} ${territory.param} ${period.code}` } });
        else if (inFile.has(key)) errors.push({ field: 'row', code: 'DUPLICATE', params: { row: inFile.get(key)! } });
        else inFile.set(key, r.line);
      }
      if (errors.length > 0) {
        planned.report.action = 'reject';
        return planned;
      }
      return { ...planned, definition, territory: territory!, period: period!, value: value as number, note };
    });
  }
}
