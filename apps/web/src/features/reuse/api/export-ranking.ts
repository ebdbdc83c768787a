import { useMutation } from '@tanstack/react-query';
import type { ExportFormat } from '@trama/contracts';
import { api, download } from '../../../lib/api/api-client';
import type { BuildingFilters } from '../../../lib/filters/buildings';
import { useLang } from './language';

function saveFile(blob: Blob, name: string): void {
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
