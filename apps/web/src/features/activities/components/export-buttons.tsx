import { EXPORT_FORMATS, type ExportFormat } from '@trama/contracts';
import type { ActivityFilters, ActivitySort } from '../api/types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { useExportActivities } from '../api/export-activities';

interface ExportButtonsProps {
  /** the list's current filters: the file holds what the list shows, all pages */
  filters: ActivityFilters & { sort?: ActivitySort };
}

/** Downloads the filtered activities as CSV, CSV for Italian Excel, or XLSX. */
export function ExportButtons({ filters }: ExportButtonsProps) {
  const { t } = useTranslation();
  const exporter = useExportActivities();
  const [format, setFormat] = useState<ExportFormat | null>(null);
  const run = (next: ExportFormat) => {
    setFormat(next);
    exporter.mutate({ ...filters, format: next });
  };
  return (
    <div className="stack-tight">
      <div className="export" role="group" aria-label={t('activities.export.label')}>
        <span className="export__label" aria-hidden="true">
          {t('activities.export.label')}:
        </span>
        {EXPORT_FORMATS.map((f) => (
          <button
            key={f}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => run(f)}
          >
            {exporter.isPending && format === f ? t('activities.export.preparing') : t(`activities.export.formats.${f}`)}
          </button>
        ))}
      </div>
      <p className="sr-only" role="status">
        {exporter.isPending ? t('activities.export.preparing') : exporter.isSuccess ? t('activities.export.done') : ''}
      </p>
      {exporter.isError ? (
        <Alert tone="error" title={t('activities.export.failed')}>
          {errorMessage(t, exporter.error)}
        </Alert>
      ) : null}
    </div>
  );
}
