import type { IndicatorDefinitionSummary, IndicatorValuePoint, IndicatorValuesResponse } from '@trama/contracts';

/** Fixtures of the indicator read API (the shapes of @trama/contracts), for the feature's component tests. */
export const initiativesRealised: IndicatorDefinitionSummary = {
  code: 'initiatives_realised',
  nameIt: 'N. iniziative realizzate',
  nameEn: 'No. of initiatives realised',
  unit: 'count',
  kind: 'output',
  timeAggregation: 'sum',
  territoryAggregation: 'sum',
  direction: 'higher',
  perCapita: true,
  decimals: 0,
  source: 'computed',
  computation: 'initiatives_realised',
  baselineValue: 0,
  baselineYear: 2020,
};

export const crimesReported: IndicatorDefinitionSummary = {
  ...initiativesRealised,
  code: 'crimes_reported',
  nameIt: 'N. delitti denunciati',
  nameEn: 'No. of crimes reported',
  kind: 'context',
  direction: 'lower',
  source: 'manual',
  computation: null,
};

export function point(
  territory: string,
  territoryName: string,
  value: number | null,
  extra: Partial<IndicatorValuePoint> = {},
): IndicatorValuePoint {
  return { territory, territoryName, period: '2025', value, target: null, progress: null, ...extra };
}

/** The municipalities of a social area in 2025: one without a value (missing, not zero), one with zero. */
export const byMunicipality: IndicatorValuePoint[] = [
  point('municipality:072029', 'Molfetta', 12, { target: 10, progress: { share: 1.2, status: 'reached' } }),
  point('municipality:072022', 'Giovinazzo', 4, { target: 8, progress: { share: 0.5, status: 'behind' } }),
  point('municipality:072043', 'Terlizzi', null),
  point('municipality:072011', 'Bitonto', 0),
  point('municipality:072006', 'Bari', 30),
];

export function valuesResponse(
  items: IndicatorValuePoint[],
  indicator: IndicatorDefinitionSummary = initiativesRealised,
): IndicatorValuesResponse {
  return { indicator, grain: 'year', perCapita: false, includeDrafts: false, items };
}
