import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/alert';
import { errorMessage } from '../../../lib/api/error-message';
import { INDICATOR_EXPORT_FORMATS, useExportIndicatorValues } from '../api/export-indicator-values';
import type { IndicatorValuesQuery } from '../api/types';

/** CSV, CSV for Italian Excel and XLSX of what a section shows (the same parameters as its query). */
export function ExportButtons({ code, query, label }: { code: string; query: IndicatorValuesQuery; label: string }) {
  const { t } = useTranslation();
  const exporter = useExportIndicatorValues();
  return (
    <div className="indicator-tight">
      <div className="indicator-exports" role="group" aria-label={label}>
        {INDICATOR_EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary button--small"
            disabled={exporter.isPending}
            onClick={() => exporter.mutate({ code, query, format })}
          >
            {t(`indicators.export.${format}`)}
          </button>
        ))}
      </div>
      {exporter.isError ? <Alert tone="error">{errorMessage(t, exporter.error)}</Alert> : null}
    </div>
  );
}
