import type { IndicatorValuesQuery } from './types';

/** Query keys of the indicators feature: every query and invalidation goes through here. */
export const indicatorKeys = {
  all: ['indicators'] as const,
  definitions: () => [...indicatorKeys.all, 'definitions'] as const,
  definition: (code: string) => [...indicatorKeys.definitions(), code] as const,
  /** everything computed from values: a new or validated value changes them all */
  values: () => [...indicatorKeys.all, 'values'] as const,
  valuesOf: (code: string, query: IndicatorValuesQuery) => [...indicatorKeys.values(), code, query] as const,
  territory: (territory: string, period: string, drafts: boolean) =>
    [...indicatorKeys.values(), 'territory', territory, period, drafts] as const,
  queue: () => [...indicatorKeys.values(), 'queue'] as const,
};
