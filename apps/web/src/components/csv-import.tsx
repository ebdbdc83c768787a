import type { ResponseOf } from '@trama/api-client';
import type { UseMutationResult } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiRequestError } from '../lib/api/api-error';
import { errorMessage } from '../lib/api/error-message';
import { Alert } from './alert';
import { ScrollRegion } from './scroll-region';
import './csv-import.css';

/** The row-by-row report of a register's CSV import (the API's ImportReport, the same for every register). */
export type CsvImportReport = ResponseOf<'importOrganizations'>;

export interface CsvImportProps {
  /**
   * The i18n prefix of the register's texts (e.g. `organizations.import`): step1…3, template, file,
   * check, apply, failed, applied, counts, reportLabel, row, action, problems, actions.{create,update,reject},
   * open, wholeRow. Each register words them (an organization is "nuova", a building "nuovo").
   */
  texts: string;
  /** a template column's label (the report names the template's columns) */
  fieldLabel: (field: string) => string;
  /** where a created or updated record opens */
  recordPath: (id: string) => string;
  /** downloads the template */
  template: Pick<UseMutationResult<unknown, Error, void>, 'mutate' | 'isPending'>;
  /** the register's import (dry run or apply; invalidates its lists after an apply) */
  importer: UseMutationResult<CsvImportReport, Error, { file: File; dryRun: boolean }>;
}

function ReportTable({
  report,
  texts,
  fieldLabel,
  recordPath,
}: { report: CsvImportReport } & Omit<CsvImportProps, 'template' | 'importer'>) {
  const { t } = useTranslation();
  const field = (name: string): string => (name === 'row' || name === 'file' ? t(`${texts}.wholeRow`) : fieldLabel(name));
  return (
    <div className="stack-tight">
      <p role="status">
        {t(`${texts}.counts`, { create: report.counts.create, update: report.counts.update, reject: report.counts.reject })}
      </p>
      <ScrollRegion label={t(`${texts}.reportLabel`)}>
        <table className="import-report">
          <caption className="sr-only">{t(`${texts}.reportLabel`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t(`${texts}.row`)}</th>
              <th scope="col">{t(`${texts}.action`)}</th>
              <th scope="col">{t(`${texts}.problems`)}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  {t(`${texts}.actions.${r.action}`)}
                  {r.id && r.action !== 'reject' && report.applied ? (
                    <>
                      {' '}
                      <Link to={recordPath(r.id)}>{t(`${texts}.open`)}</Link>
                    </>
                  ) : null}
                </td>
                <td>
                  {r.errors.length ? (
                    <ul className="plain-list">
                      {r.errors.map((e, i) => (
                        <li key={i}>
                          {field(e.field)}:{' '}
                          {t(
                            [`errors.${e.code}`, `validation.server.${e.code}`, 'validation.server.INVALID'],
                            (e.params ?? {}) as Record<string, unknown>,
                          )}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}

/**
 * A register's CSV import page body (docs/imports.md): the template, a dry run with its row-by-row
 * report, then the apply (all rows or none). The register hands in its texts, labels and mutations.
 */
export function CsvImport({ texts, fieldLabel, recordPath, template, importer }: CsvImportProps) {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<CsvImportReport | null>(null);
  const run = (dryRun: boolean) => {
    if (!file) return;
    importer.mutate(
      { file, dryRun },
      {
        onSuccess: setReport,
        onError: (error) => {
          const rejected = isApiRequestError(error) ? (error.data?.report as CsvImportReport | undefined) : undefined;
          setReport(rejected ?? null);
        },
      },
    );
  };
  const canApply = report !== null && report.dryRun && report.counts.reject === 0;
  return (
    <div className="stack">
      <ol className="stack-tight">
        <li>
          {t(`${texts}.step1`)}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => template.mutate()}
            disabled={template.isPending}
          >
            {t(`${texts}.template`)}
          </button>
        </li>
        <li>{t(`${texts}.step2`)}</li>
        <li>{t(`${texts}.step3`)}</li>
      </ol>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t(`${texts}.file`)}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setReport(null);
            importer.reset();
          }}
        />
      </div>
      <div className="cluster">
        <button type="button" className="button button--primary" disabled={!file || importer.isPending} onClick={() => run(true)}>
          {t(`${texts}.check`)}
        </button>
        <button type="button" className="button button--secondary" disabled={!canApply || importer.isPending} onClick={() => run(false)}>
          {t(`${texts}.apply`)}
        </button>
      </div>
      {importer.isError ? (
        <Alert tone="error" title={t(`${texts}.failed`)}>
          {errorMessage(t, importer.error)}
        </Alert>
      ) : null}
      {report?.applied ? <Alert tone="success">{t(`${texts}.applied`)}</Alert> : null}
      {report ? <ReportTable report={report} texts={texts} fieldLabel={fieldLabel} recordPath={recordPath} /> : null}
    </div>
  );
}
