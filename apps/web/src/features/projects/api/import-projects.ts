import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import { saveFile } from './export-projects';
import { projectKeys } from './project-keys';
import type { ProjectImportReport } from './types';

/** GET /projects/import/template in the interface's language. */
export function useDownloadProjectTemplate() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/projects/import/template', { params: { query: { lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveFile(file.blob, file.filename ?? 'modello-progetti.csv');
      return file;
    },
  });
}

/** POST /projects/import[?dryRun=true] (multipart `file`): the report; an apply refreshes every projects query. */
export function useImportProjects() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<ProjectImportReport>(`/api/projects/import${dryRun ? '?dryRun=true' : ''}`, file),
    onSuccess: (report) => {
      if (report.applied) void queryClient.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}
