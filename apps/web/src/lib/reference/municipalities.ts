import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { MAX_PAGE_SIZE } from '@trama/contracts';
import { api, unwrap } from '../api/api-client';
import type { MunicipalityRef } from '../api/types';
import { referenceKeys } from './reference-keys';
import type { ReferenceOption } from './reference-option';

export type MunicipalityDto = ResponseOf<'getMunicipality'>;

/** Every municipality in the caller's scope (the tenant, or a municipality user's territory), all pages (Bari has 41, Bologna 55). */
export async function listAllMunicipalities(signal?: AbortSignal): Promise<MunicipalityDto[]> {
  const items: MunicipalityDto[] = [];
  for (let page = 1; ; page++) {
    const result = await unwrap(api.GET('/api/municipalities', { params: { query: { page, pageSize: MAX_PAGE_SIZE } }, signal }));
    items.push(...result.items);
    if (result.items.length === 0 || items.length >= result.total) return items;
  }
}

/** One query for every view of the municipalities: the territory list, filter choices, assignment and territory options. */
export const municipalitiesQueryOptions = queryOptions({
  queryKey: referenceKeys.municipalities(),
  queryFn: ({ signal }) => listAllMunicipalities(signal),
  staleTime: 5 * 60_000,
});

/** As `{istatCode, name}` (filters, the activity form). */
export const asMunicipalityRefs = (items: MunicipalityDto[]): MunicipalityRef[] =>
  items.map((m) => ({ istatCode: m.istatCode, name: m.name }));

/** As choices grouped by social area (assignments of innovators, territory of municipality users). */
export const asMunicipalityOptions = (items: MunicipalityDto[]): ReferenceOption[] =>
  items.map((m) => ({ code: m.istatCode, name: m.name, group: m.socialArea?.name }));

/** The municipalities, whole or through a selector (`asMunicipalityRefs`, `asMunicipalityOptions`); idle while `enabled` is false. */
export function useMunicipalities<T = MunicipalityDto[]>(options: { enabled?: boolean; select?: (items: MunicipalityDto[]) => T } = {}) {
  return useQuery({ ...municipalitiesQueryOptions, enabled: options.enabled ?? true, select: options.select });
}
