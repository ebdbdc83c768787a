import { Injectable } from '@nestjs/common';
import type { IndicatorTerritoryKind } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { TerritoryPolicy } from '../territory/territory.policy';
import type { IndicatorDefinition } from './indicator.entity';
import { IndicatorsPolicy } from './indicators.policy';

export interface GeoMunicipalityRow {
  id: string;
  istatCode: string;
  name: string;
  socialAreaId: string | null;
  population: number;
  populationYear: number;
}

export interface GeoSocialAreaRow {
  id: string;
  code: string;
  name: string;
}

/** A stored value or target with its territory. */
export interface TerritoryFigure {
  territoryKind: IndicatorTerritoryKind;
  socialAreaId: string | null;
  municipalityId: string | null;
  value: number;
}

export interface ValueRow extends TerritoryFigure {
  period: string;
}

export interface TargetRow extends TerritoryFigure {
  year: number;
}

export interface PopulationRow {
  municipalityId: string;
  year: number;
  population: number;
}

/**
 * The read side of the indicators (docs/indicators-rollup.md): definitions, manual values, targets,
 * populations and the territory, each through the door with its feature's policy.
 */
@Injectable()
export class IndicatorValuesReadRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: IndicatorsPolicy,
    private readonly territory: TerritoryPolicy,
  ) {}

  /** The active definitions, in display order (the territory overview). */
  activeDefinitions(scope: AccessScope): Promise<IndicatorDefinition[]> {
    return this.door
      .select(scope, this.policy.definitions, 'd')
      .andWhere('d.active')
      .orderBy('d.position', 'ASC')
      .addOrderBy('d.code', 'ASC')
      .getMany();
  }

  async municipalities(scope: AccessScope): Promise<GeoMunicipalityRow[]> {
    const rows = await this.door
      .select(scope, this.territory.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect('m.social_area_id', 'socialAreaId')
      .addSelect('m.population', 'population')
      .addSelect('m.population_year', 'populationYear')
      .orderBy('m.name', 'ASC')
      .getRawMany<GeoMunicipalityRow>();
    return rows.map((r) => ({ ...r, population: Number(r.population), populationYear: Number(r.populationYear) }));
  }

  socialAreas(scope: AccessScope): Promise<GeoSocialAreaRow[]> {
    return this.door
      .select(scope, this.territory.socialAreas, 's')
      .select('s.id', 'id')
      .addSelect('s.code', 'code')
      .addSelect('s.name', 'name')
      .orderBy('s.name', 'ASC')
      .getRawMany<GeoSocialAreaRow>();
  }

  /**
   * The manual values of a definition whose period lies in [from, to] (any grain), validated ones
   * only unless `drafts`. Index `indicator_values_read_idx` (tenant_id, definition_id, grain,
   * period_start) INCLUDE (territory, value, status) answers it by three index ranges.
   */
  async values(scope: AccessScope, definitionId: string, from: string, to: string, drafts: boolean): Promise<ValueRow[]> {
    const qb = this.door
      .select(scope, this.policy.readableValues, 'v')
      .select('v.territory_kind', 'territoryKind')
      .addSelect('v.social_area_id', 'socialAreaId')
      .addSelect('v.municipality_id', 'municipalityId')
      .addSelect('v.period', 'period')
      .addSelect('v.value::float8', 'value')
      .andWhere('v.definition_id = :definitionId', { definitionId })
      .andWhere(`v.grain IN ('year', 'quarter', 'month')`)
      .andWhere('v.period_start BETWEEN :from AND :to', { from, to });
    if (!drafts) qb.andWhere(`v.status = 'validated'`);
    return qb.getRawMany<ValueRow>();
  }

  targets(scope: AccessScope, definitionId: string, fromYear: number, toYear: number): Promise<TargetRow[]> {
    return this.door
      .select(scope, this.policy.readableTargets, 't')
      .select('t.territory_kind', 'territoryKind')
      .addSelect('t.social_area_id', 'socialAreaId')
      .addSelect('t.municipality_id', 'municipalityId')
      .addSelect('t.year', 'year')
      .addSelect('t.value::float8', 'value')
      .andWhere('t.definition_id = :definitionId', { definitionId })
      .andWhere('t.year BETWEEN :fromYear AND :toYear', { fromYear, toYear })
      .getRawMany<TargetRow>();
  }

  /** Residents per municipality and year (the territory import and the indicators migration fill them). */
  populations(scope: AccessScope): Promise<PopulationRow[]> {
    return this.door
      .select(scope, this.territory.populations, 'p')
      .select('p.municipality_id', 'municipalityId')
      .addSelect('p.year', 'year')
      .addSelect('p.population', 'population')
      .getRawMany<PopulationRow>();
  }
}
