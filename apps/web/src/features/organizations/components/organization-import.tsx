import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../../../components/alert';
import { ScrollRegion } from '../../../components/scroll-region';
import { isApiRequestError } from '../../../lib/api/api-error';
import { errorMessage } from '../../../lib/api/error-message';
import { useDownloadTemplate, useImportOrganizations } from '../api/organizations';
import type { ImportReport } from '../api/types';
import '../organizations.css';

function ReportTable({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const field = (name: string): string =>
    name === 'row' || name === 'file'
      ? t('organizations.import.wholeRow')
      : t(`organizations.fields.${name}` as const, { defaultValue: name });
  return (
    <div className="stack-tight">
      <p role="status">
        {t('organizations.import.counts', { create: report.counts.create, update: report.counts.update, reject: report.counts.reject })}
      </p>
      <ScrollRegion label={t('organizations.import.reportLabel')}>
        <table className="import-report">
          <caption className="sr-only">{t('organizations.import.reportLabel')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('organizations.import.row')}</th>
              <th scope="col">{t('organizations.import.action')}</th>
              <th scope="col">{t('organizations.import.problems')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rows.map((r) => (
              <tr key={r.row}>
                <td>{r.row}</td>
                <td>
                  {t(`organizations.import.actions.${r.action}`)}
                  {r.id && r.action !== 'reject' && report.applied ? (
                    <>
                      {' '}
                      <Link to={`/organizzazioni/${r.id}`}>{t('organizations.import.open')}</Link>
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

/** Import organizations from a CSV: the template, a dry run with its report, then the apply (all rows or none). */
export function OrganizationImport() {
  const { t } = useTranslation();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const template = useDownloadTemplate();
  const importer = useImportOrganizations();
  const run = (dryRun: boolean) => {
    if (!file) return;
    importer.mutate(
      { file, dryRun },
      {
        onSuccess: setReport,
        onError: (error) => {
          const rejected = isApiRequestError(error) ? (error.data?.report as ImportReport | undefined) : undefined;
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
          {t('organizations.import.step1')}{' '}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => template.mutate()}
            disabled={template.isPending}
          >
            {t('organizations.import.template')}
          </button>
        </li>
        <li>{t('organizations.import.step2')}</li>
        <li>{t('organizations.import.step3')}</li>
      </ol>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {t('organizations.import.file')}
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
          {t('organizations.import.check')}
        </button>
        <button type="button" className="button button--secondary" disabled={!canApply || importer.isPending} onClick={() => run(false)}>
          {t('organizations.import.apply')}
        </button>
      </div>
      {importer.isError ? (
        <Alert tone="error" title={t('organizations.import.failed')}>
          {errorMessage(t, importer.error)}
        </Alert>
      ) : null}
      {report?.applied ? <Alert tone="success">{t('organizations.import.applied')}</Alert> : null}
      {report ? <ReportTable report={report} /> : null}
    </div>
  );
}
