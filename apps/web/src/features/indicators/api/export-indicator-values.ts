import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download, type DownloadedFile } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import type { IndicatorValuesQuery } from './types';

export const INDICATOR_EXPORT_FORMATS = ['csv', 'csv-it', 'xlsx'] as const;
export type IndicatorExportFormat = (typeof INDICATOR_EXPORT_FORMATS)[number];

/**
 * GET /api/indicators/<code>/values/export with the view's own parameters, in the interface's
 * language. Fetched as a file, not followed as a link: a link cannot carry the session's token.
 */
export function exportIndicatorValues(
  code: string,
  query: IndicatorValuesQuery & { format: IndicatorExportFormat; lang: 'it' | 'en' },
): Promise<DownloadedFile> {
  return download(
    api.GET('/api/indicators/{code}/values/export', { params: { path: { code }, query }, parseAs: 'blob', headers: { Accept: '*/*' } }),
  );
}

function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function useExportIndicatorValues() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ code, query, format }: { code: string; query: IndicatorValuesQuery; format: IndicatorExportFormat }) => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await exportIndicatorValues(code, { ...query, format, lang });
      saveFile(file, `${code}.${format === 'xlsx' ? 'xlsx' : 'csv'}`);
      return file;
    },
  });
}
