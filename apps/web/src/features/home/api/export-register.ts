import { useMutation } from '@tanstack/react-query';
import type { RegisterExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download } from '../../../lib/api/api-client';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import { saveFile } from '../utils/csv';

/** The registers the territory home counts, each with its own export. */
export type HomeRegister = 'buildings' | 'organizations' | 'initiatives';

/** The territory's filter: a municipality user's municipality or social area (the registers' list names). */
export interface TerritoryFilter {
  municipality?: string;
  socialArea?: string;
}

const EXTENSIONS: Record<RegisterExportFormat, string> = { csv: 'csv', 'csv-it': 'csv', xlsx: 'xlsx', geojson: 'geojson' };
const NAMES: Record<HomeRegister, string> = { buildings: 'immobili', organizations: 'organizzazioni', initiatives: 'iniziative' };

function fetchExport(register: HomeRegister, query: TerritoryFilter & { format: RegisterExportFormat; lang: 'it' | 'en' }) {
  const options = { params: { query }, parseAs: 'blob' as const, headers: { Accept: '*/*' } };
  switch (register) {
    case 'buildings':
      return download(api.GET('/api/buildings/export', options));
    case 'organizations':
      return download(api.GET('/api/organizations/export', options));
    case 'initiatives':
      return download(api.GET('/api/initiatives/export', options));
  }
}

/** GET /api/<register>/export with the territory's filter, in the interface's language: the register's own streamed file. */
export function useRegisterExport() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async ({ register, filter, format }: { register: HomeRegister; filter: TerritoryFilter; format: RegisterExportFormat }) => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await fetchExport(register, { ...filter, format, lang });
      saveFile(file.blob, file.filename ?? `${NAMES[register]}.${EXTENSIONS[format]}`);
      return file;
    },
  });
}
