import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import { buildingKeys } from './building-keys';
import { saveFile } from './export-buildings';
import type { BuildingImportReport } from './types';

/** GET /buildings/import/template in the interface's language (Italian headers by default). */
export function useDownloadBuildingTemplate() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/buildings/import/template', { params: { query: { lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveFile(file.blob, file.filename ?? 'modello-immobili.csv');
      return file;
    },
  });
}

/** POST /buildings/import[?dryRun=true] (multipart `file`): the report; an apply refreshes every buildings query. */
export function useImportBuildings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<BuildingImportReport>(`/api/buildings/import${dryRun ? '?dryRun=true' : ''}`, file),
    onSuccess: (report) => {
      if (report.applied) void queryClient.invalidateQueries({ queryKey: buildingKeys.all });
    },
  });
}
