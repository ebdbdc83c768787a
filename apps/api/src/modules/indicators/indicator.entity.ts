import type {
  ComputedIndicator,
  IndicatorAggregation,
  IndicatorComputationParams,
  IndicatorDirection,
  IndicatorKind,
  IndicatorSource,
  IndicatorTerritoryKind,
  IndicatorUnit,
  IndicatorValueStatus,
  PeriodGrain,
} from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** numeric(18,4) ↔ number (the driver reads numeric as text). */
const numeric = {
  to: (v: number | null | undefined) => v,
  from: (v: string | null) => (v === null || v === undefined ? null : Number(v)),
};

/** An indicator of a tenant (DESIGN.md, Indicators; docs/indicators.md). `code` never changes. */
@Entity({ name: 'indicator_definitions' })
export class IndicatorDefinition extends BaseRecord {
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'name_it', type: 'text' })
  nameIt: string;

  @Column({ name: 'name_en', type: 'text' })
  nameEn: string;

  @Column({ name: 'description_it', type: 'text', nullable: true })
  descriptionIt: string | null;

  @Column({ name: 'description_en', type: 'text', nullable: true })
  descriptionEn: string | null;

  @Column({ type: 'text' })
  unit: IndicatorUnit;

  @Column({ type: 'text' })
  kind: IndicatorKind;

  @Column({ name: 'time_aggregation', type: 'text' })
  timeAggregation: IndicatorAggregation;

  @Column({ name: 'territory_aggregation', type: 'text' })
  territoryAggregation: IndicatorAggregation;

  @Column({ type: 'text' })
  direction: IndicatorDirection;

  /** values shown per 1,000 inhabitants */
  @Column({ name: 'per_capita', type: 'boolean', default: false })
  perCapita: boolean;

  @Column({ type: 'smallint', default: 0 })
  decimals: number;

  @Column({ name: 'baseline_value', type: 'numeric', precision: 18, scale: 4, nullable: true, transformer: numeric })
  baselineValue: number | null;

  @Column({ name: 'baseline_year', type: 'smallint', nullable: true })
  baselineYear: number | null;

  @Column({ type: 'text' })
  source: IndicatorSource;

  /** a key of COMPUTED_INDICATORS when computed, null when manual */
  @Column({ type: 'text', nullable: true })
  computation: ComputedIndicator | null;

  @Column({ name: 'computation_params', type: 'jsonb', default: () => `'{}'` })
  computationParams: IndicatorComputationParams;

  /** display order */
  @Column({ type: 'int', default: 0 })
  position: number;

  @Column({ type: 'boolean', default: true })
  active: boolean;
}

/** A target of a definition for a year and a territory (tenant, social area or municipality). */
@Entity({ name: 'indicator_targets' })
export class IndicatorTarget extends BaseRecord {
  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId: string;

  @Column({ type: 'smallint' })
  year: number;

  @Column({ name: 'territory_kind', type: 'text' })
  territoryKind: IndicatorTerritoryKind;

  @Column({ name: 'social_area_id', type: 'uuid', nullable: true })
  socialAreaId: string | null;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: numeric })
  value: number;
}

/** A manual (entered or imported) value of a definition for a territory and a period; `createdBy` entered it. */
@Entity({ name: 'indicator_values' })
export class IndicatorValue extends BaseRecord {
  @Column({ name: 'definition_id', type: 'uuid' })
  definitionId: string;

  @Column({ name: 'territory_kind', type: 'text' })
  territoryKind: IndicatorTerritoryKind;

  @Column({ name: 'social_area_id', type: 'uuid', nullable: true })
  socialAreaId: string | null;

  @Column({ name: 'municipality_id', type: 'uuid', nullable: true })
  municipalityId: string | null;

  /** `2026`, `2026-Q3`, `2026-09` */
  @Column({ type: 'text' })
  period: string;

  @Column({ type: 'text' })
  grain: PeriodGrain;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ type: 'numeric', precision: 18, scale: 4, transformer: numeric })
  value: number;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'text' })
  status: IndicatorValueStatus;

  @Column({ name: 'validated_by', type: 'uuid', nullable: true })
  validatedBy: string | null;

  @Column({ name: 'validated_at', type: 'timestamptz', nullable: true })
  validatedAt: Date | null;
}
