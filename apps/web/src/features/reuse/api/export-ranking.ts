import { useMutation } from '@tanstack/react-query';
import type { ExportFormat } from '@trama/contracts';
import { api, download } from '../../../lib/api/api-client';
import type { BuildingFilters } from '../../../lib/filters/buildings';
import { saveFile } from '../../../lib/files/save-file';
import { useLang } from './language';

/** GET /reuse/buildings/export with the ranking's filters, in the interface's language. */
export function useExportRanking() {
  const lang = useLang();
  return useMutation({
    mutationFn: async (query: BuildingFilters & { format: ExportFormat }) => {
      const file = await download(
        api.GET('/api/reuse/buildings/export', { params: { query: { ...query, lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveFile(file.blob, file.filename ?? `riuso.${query.format === 'xlsx' ? 'xlsx' : 'csv'}`);
      return file;
    },
  });
}
