import { useMutation } from '@tanstack/react-query';
import type { RegisterExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import type { BuildingFilters } from '../../../lib/filters/buildings';

const EXTENSIONS: Record<RegisterExportFormat, string> = { csv: 'csv', 'csv-it': 'csv', xlsx: 'xlsx', geojson: 'geojson' };

/** Hands a downloaded file to the browser, which saves it. */
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

/** GET /buildings/export with the list's filters, in the interface's language. */
export function useExportBuildings() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async (query: BuildingFilters & { format: RegisterExportFormat }) => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/buildings/export', { params: { query: { ...query, lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveFile(file.blob, file.filename ?? `immobili.${EXTENSIONS[query.format]}`);
      return file;
    },
  });
}
