import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CsvImportReport } from '../../../components/csv-import';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import { indicatorKeys } from './indicator-keys';

/** POST /api/indicators/values/import?dryRun=: a dry run reports each row; an apply writes every row or none. */
export function importIndicatorValues(file: File, dryRun: boolean): Promise<CsvImportReport> {
  return uploadFile<CsvImportReport>(`/api/indicators/values/import?dryRun=${dryRun ? 'true' : 'false'}`, file);
}

export function useImportIndicatorValues() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) => importIndicatorValues(file, dryRun),
    onSuccess: (report) => (report.applied ? queryClient.invalidateQueries({ queryKey: indicatorKeys.values() }) : undefined),
  });
}

/** The template (headers in the interface's language, an example row), as the server writes it. */
export function useIndicatorImportTemplate() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/indicators/values/import/template', { params: { query: { lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      const url = URL.createObjectURL(file.blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = file.filename ?? 'modello-valori-indicatori.csv';
      link.style.display = 'none';
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 30_000);
      return file;
    },
  });
}
