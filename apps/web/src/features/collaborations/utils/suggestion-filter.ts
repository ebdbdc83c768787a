import { THEMES, type Theme } from '@trama/contracts';

/** The suggestions' filters as the URL keeps them (the same names as the API's query). */
export interface SuggestionFilter {
  /** ISTAT code */
  municipality?: string;
  theme?: Theme;
  /** organization id */
  organization?: string;
}

const ISTAT = /^\d{6}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the filters and the page; anything malformed is ignored (a hand-edited link still works). */
export function suggestionFilterFromParams(params: URLSearchParams): SuggestionFilter & { page: number } {
  const municipality = params.get('municipality') ?? '';
  const theme = params.get('theme') ?? '';
  const organization = params.get('organization') ?? '';
  return {
    municipality: ISTAT.test(municipality) ? municipality : undefined,
    theme: (THEMES as readonly string[]).includes(theme) ? (theme as Theme) : undefined,
    organization: UUID.test(organization) ? organization.toLowerCase() : undefined,
    page: Math.max(1, Math.min(10_000, Number.parseInt(params.get('page') ?? '1', 10) || 1)),
  };
}

export function suggestionFilterToParams(filter: SuggestionFilter, page = 1): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.theme) params.set('theme', filter.theme);
  if (filter.organization) params.set('organization', filter.organization);
  if (page > 1) params.set('page', String(page));
  return params;
}

export function suggestionFilterCount(filter: SuggestionFilter): number {
  return [filter.municipality, filter.theme, filter.organization].filter(Boolean).length;
}
