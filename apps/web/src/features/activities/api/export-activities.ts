import { useMutation } from '@tanstack/react-query';
import type { ExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download, type DownloadedFile } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import type { ActivityExportQuery } from './types';

const EXTENSIONS: Record<ExportFormat, string> = { csv: 'csv', 'csv-it': 'csv', xlsx: 'xlsx' };

/**
 * GET /activities/export with the list's filters: the file, fetched with the session's token, in
 * the interface's language (`lang`: headers, labels and file name; docs/i18n.md).
 */
export function exportActivities(query: ActivityExportQuery & { format: ExportFormat }): Promise<DownloadedFile> {
  return download(api.GET('/api/activities/export', { params: { query }, parseAs: 'blob', headers: { Accept: '*/*' } }));
}

/** Hands a downloaded file to the browser, which saves it. */
export function saveFile(file: DownloadedFile, fallbackName: string): void {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename ?? fallbackName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function useExportActivities() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async (query: ActivityExportQuery & { format: ExportFormat }) => {
      const file = await exportActivities({ ...query, lang: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE });
      saveFile(file, `attivita.${EXTENSIONS[query.format]}`);
      return file;
    },
  });
}
