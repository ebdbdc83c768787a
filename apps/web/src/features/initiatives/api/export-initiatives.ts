import { useMutation } from '@tanstack/react-query';
import type { RegisterExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download, type DownloadedFile } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import type { InitiativeExportQuery } from './types';

const EXTENSIONS: Record<RegisterExportFormat, string> = { csv: 'csv', 'csv-it': 'csv', xlsx: 'xlsx', geojson: 'geojson' };

/** GET /initiatives/export with the list's filters, in the interface's language. */
export function exportInitiatives(query: InitiativeExportQuery & { format: RegisterExportFormat }): Promise<DownloadedFile> {
  return download(api.GET('/api/initiatives/export', { params: { query }, parseAs: 'blob', headers: { Accept: '*/*' } }));
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

export function useExportInitiatives() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async (query: InitiativeExportQuery & { format: RegisterExportFormat }) => {
      const file = await exportInitiatives({ ...query, lang: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE });
      saveFile(file, `iniziative.${EXTENSIONS[query.format]}`);
      return file;
    },
  });
}
