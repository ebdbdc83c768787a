import { useMutation } from '@tanstack/react-query';
import type { ExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download, type DownloadedFile } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import type { ProjectExportQuery } from './types';

/** GET /projects/export with the list's filters, in the interface's language. */
export function exportProjects(query: ProjectExportQuery): Promise<DownloadedFile> {
  return download(api.GET('/api/projects/export', { params: { query }, parseAs: 'blob', headers: { Accept: '*/*' } }));
}

export function saveFile(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function useExportProjects() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async (query: Omit<ProjectExportQuery, 'lang' | 'format'> & { format: ExportFormat }) => {
      const file = await exportProjects({ ...query, lang: isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE });
      saveFile(file.blob, file.filename ?? `progetti.${query.format === 'xlsx' ? 'xlsx' : 'csv'}`);
      return file;
    },
  });
}
