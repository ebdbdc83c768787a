import type { ExportSpec } from '../../common/export/export-file';
import type { IndicatorValuePointDto } from './dto/indicator-values.response';

/** A row of an indicator view's export: the point with its indicator. */
export type IndicatorExportRow = IndicatorValuePointDto & { indicatorCode: string; indicatorName: string };

/** The columns of an indicator view's export (GET /api/indicators/<code>/values/export): what the table of the view shows. */
export const INDICATOR_VALUES_EXPORT: ExportSpec<IndicatorExportRow> = {
  file: 'exports.files.indicatorValues',
  sheet: 'indicatorExport.sheet',
  columns: [
    { key: 'indicator', header: 'indicatorExport.indicator', kind: 'code', width: 24, value: (r) => r.indicatorCode },
    { key: 'indicator_name', header: 'indicatorExport.indicatorName', kind: 'text', width: 36, value: (r) => r.indicatorName },
    { key: 'territory', header: 'indicatorExport.territory', kind: 'code', width: 24, value: (r) => r.territory },
    { key: 'territory_name', header: 'indicatorExport.territoryName', kind: 'text', width: 28, value: (r) => r.territoryName },
    { key: 'period', header: 'indicatorExport.period', kind: 'code', width: 10, value: (r) => r.period },
    { key: 'value', header: 'indicatorExport.value', kind: 'number', width: 14, value: (r) => r.value },
    { key: 'target', header: 'indicatorExport.target', kind: 'number', width: 14, value: (r) => r.target },
    { key: 'progress_share', header: 'indicatorExport.progressShare', kind: 'number', width: 14, value: (r) => r.progress?.share ?? null },
    {
      key: 'progress_status',
      header: 'indicatorExport.progressStatus',
      kind: 'label',
      vocabulary: 'indicatorProgress',
      width: 14,
      value: (r) => r.progress?.status ?? null,
    },
    { key: 'population', header: 'indicatorExport.population', kind: 'number', width: 12, value: (r) => r.population ?? null },
    { key: 'covered', header: 'indicatorExport.covered', kind: 'number', width: 10, value: (r) => r.covered },
    { key: 'expected', header: 'indicatorExport.expected', kind: 'number', width: 10, value: (r) => r.expected },
  ],
};
