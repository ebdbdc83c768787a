import type { ResponseOf, Schema } from '@trama/api-client';
import type { IndicatorValuesResponse, PeriodGrain } from '@trama/contracts';

/** The indicators' shapes, named from the generated client (its schemas and operations) and the shared contracts. */
export type IndicatorDefinitionDto = Schema<'IndicatorDefinition'>;
export type IndicatorList = Schema<'IndicatorDefinitionList'>;
export type CreateIndicatorRequest = Schema<'CreateIndicatorRequest'>;
export type UpdateIndicatorRequest = Schema<'UpdateIndicatorRequest'>;
export type PutTargetsRequest = Schema<'PutIndicatorTargetsRequest'>;
export type TargetInput = Schema<'IndicatorTargetInput'>;
export type CreateValueRequest = Schema<'CreateIndicatorValueRequest'>;
export type UpdateValueRequest = Schema<'UpdateIndicatorValueRequest'>;
export type IndicatorValueDto = Schema<'IndicatorValue'>;
export type IndicatorValuePage = Schema<'IndicatorValuePage'>;
export type TerritoryOverview = ResponseOf<'readIndicatorTerritory'>;
export type { IndicatorValuesResponse };

/** What the indicator page asks for: a territory, and either one period (`period`) or a range (`from`–`to`). */
export interface IndicatorValuesQuery {
  territory: string;
  by?: 'municipality' | 'socialArea';
  period?: string;
  from?: string;
  to?: string;
  grain: PeriodGrain;
  perCapita?: boolean;
  drafts?: boolean;
}
