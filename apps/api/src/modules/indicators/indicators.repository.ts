import { Injectable } from '@nestjs/common';
import type { IndicatorTerritoryKind, IndicatorValueStatus, PeriodGrain } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { countCapped } from '../../common/database/capped-count';
import { TerritoryPolicy } from '../territory/territory.policy';
import { IndicatorDefinition, IndicatorValue } from './indicator.entity';
import { IndicatorsPolicy } from './indicators.policy';

/** A territory of the tenant resolved from its code, with its display name. */
export interface TerritoryKey {
  kind: IndicatorTerritoryKind;
  socialAreaId: string | null;
  municipalityId: string | null;
  /** `tenant` | `socialArea:<code>` | `municipality:<istat>` */
  param: string;
  name: string;
}

/** What the responses of targets and values need to name their territory. */
interface TerritoryColumns {
  territoryKind: IndicatorTerritoryKind;
  socialAreaId: string | null;
  municipalityId: string | null;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  municipalityIstat: string | null;
  municipalityName: string | null;
}

export interface TargetRow extends TerritoryColumns {
  id: string;
  definitionId: string;
  year: number;
  value: number;
}

export interface ValueRow extends TerritoryColumns {
  id: string;
  tenantId: string;
  definitionId: string;
  definitionCode: string;
  period: string;
  grain: PeriodGrain;
  periodStart: string;
  periodEnd: string;
  value: number;
  note: string | null;
  status: IndicatorValueStatus;
  version: number;
  createdBy: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  validatedBy: string | null;
  validatedByName: string | null;
  validatedAt: Date | null;
}

export interface ValueFilters {
  tenantId: string;
  definitionIds?: readonly string[];
  status?: IndicatorValueStatus;
  territory?: { kind: IndicatorTerritoryKind; id: string | null };
  grain?: PeriodGrain;
  /** period_start ≥ from (ISO day) */
  from?: string;
  /** period_start ≤ to (ISO day) */
  to?: string;
  period?: string;
}

/** Sets of rows of one tenant: the admin's narrowing (the door binds a non-admin to their own tenant already). */
function inTenant<T extends ScopedSelectQueryBuilder<never>>(qb: T, alias: string, tenantId: string): T {
  qb.andWhere(`${alias}.tenant_id = :indicatorTenant`, { indicatorTenant: tenantId });
  return qb;
}

/**
 * Queries of the indicators, each through the door with the caller's scope: definitions (every
 * role of the tenant), targets and values (IndicatorsPolicy: municipality users only their
 * territory), municipalities and social areas through the territory's policy.
 */
@Injectable()
export class IndicatorsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: IndicatorsPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
  ) {}

  listDefinitions(scope: AccessScope, tenantId: string, filter: { active?: boolean } = {}): Promise<IndicatorDefinition[]> {
    const qb = inTenant(
      this.door.select(scope, this.policy.definitions, 'd') as never,
      'd',
      tenantId,
    ) as ScopedSelectQueryBuilder<IndicatorDefinition>;
    if (filter.active !== undefined) qb.andWhere('d.active = :active', { active: filter.active });
    return qb.orderBy('d.position', 'ASC').addOrderBy('d.code', 'ASC').getMany();
  }

  /** The definition with this code; `lock` (in a transaction) locks it until the transaction ends. */
  findDefinition(
    reads: ScopedReads,
    scope: AccessScope,
    tenantId: string,
    code: string,
    lock = false,
  ): Promise<IndicatorDefinition | null> {
    const qb = inTenant(
      reads.select(scope, this.policy.definitions, 'd') as never,
      'd',
      tenantId,
    ) as ScopedSelectQueryBuilder<IndicatorDefinition>;
    qb.andWhere('d.code = :code', { code });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  /** Definitions by codes (the import). */
  definitionsByCode(reads: ScopedReads, scope: AccessScope, tenantId: string, codes: readonly string[]): Promise<IndicatorDefinition[]> {
    if (codes.length === 0) return Promise.resolve([]);
    const qb = inTenant(
      reads.select(scope, this.policy.definitions, 'd') as never,
      'd',
      tenantId,
    ) as ScopedSelectQueryBuilder<IndicatorDefinition>;
    return qb.andWhere('d.code IN (:...codes)', { codes: [...codes] }).getMany();
  }

  private withTerritoryNames<T extends ScopedSelectQueryBuilder<never>>(qb: T, alias: string): T {
    qb.leftJoinSource(this.territoryPolicy.municipalities, 'tm', `tm.tenant_id = ${alias}.tenant_id AND tm.id = ${alias}.municipality_id`)
      .leftJoinSource(this.territoryPolicy.socialAreas, 'tsa', `tsa.tenant_id = ${alias}.tenant_id AND tsa.id = ${alias}.social_area_id`)
      .addSelect(`${alias}.territory_kind`, 'territoryKind')
      .addSelect(`${alias}.social_area_id`, 'socialAreaId')
      .addSelect(`${alias}.municipality_id`, 'municipalityId')
      .addSelect('tsa.code', 'socialAreaCode')
      .addSelect('tsa.name', 'socialAreaName')
      .addSelect('tm.istat_code', 'municipalityIstat')
      .addSelect('tm.name', 'municipalityName');
    return qb;
  }

  /** The targets of definitions the caller reads (municipality users: of their territory), by year and territory. */
  async targets(reads: ScopedReads, scope: AccessScope, tenantId: string, definitionIds: readonly string[]): Promise<TargetRow[]> {
    if (definitionIds.length === 0) return [];
    const qb = inTenant(reads.select(scope, this.policy.readableTargets, 't') as never, 't', tenantId) as ScopedSelectQueryBuilder<never>;
    qb.select('t.id', 'id')
      .addSelect('t.definition_id', 'definitionId')
      .addSelect('t.year', 'year')
      .addSelect('t.value::float8', 'value')
      .andWhere('t.definition_id IN (:...definitionIds)', { definitionIds: [...definitionIds] });
    this.withTerritoryNames(qb, 't');
    qb.orderBy('t.year', 'ASC')
      .addOrderBy(`CASE t.territory_kind WHEN 'tenant' THEN 0 WHEN 'social_area' THEN 1 ELSE 2 END`, 'ASC')
      .addOrderBy('tsa.code', 'ASC')
      .addOrderBy('tm.istat_code', 'ASC');
    return qb.getRawMany<TargetRow>();
  }

  private valuesQuery(reads: ScopedReads, scope: AccessScope, filter: ValueFilters): ScopedSelectQueryBuilder<never> {
    const qb = inTenant(
      reads.select(scope, this.policy.readableValues, 'v') as never,
      'v',
      filter.tenantId,
    ) as ScopedSelectQueryBuilder<never>;
    qb.innerJoinSource(this.policy.definitions, 'vd', 'vd.tenant_id = v.tenant_id AND vd.id = v.definition_id');
    if (filter.definitionIds) {
      if (filter.definitionIds.length === 0) qb.andWhere('1 = 0');
      else qb.andWhere('v.definition_id IN (:...definitionIds)', { definitionIds: [...filter.definitionIds] });
    }
    if (filter.status) qb.andWhere('v.status = :status', { status: filter.status });
    if (filter.grain) qb.andWhere('v.grain = :grain', { grain: filter.grain });
    if (filter.period) qb.andWhere('v.period = :period', { period: filter.period });
    if (filter.from) qb.andWhere('v.period_start >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('v.period_start <= :to', { to: filter.to });
    if (filter.territory) {
      qb.andWhere('v.territory_kind = :tkind', { tkind: filter.territory.kind });
      if (filter.territory.kind === 'municipality') qb.andWhere('v.municipality_id = :tid', { tid: filter.territory.id });
      if (filter.territory.kind === 'social_area') qb.andWhere('v.social_area_id = :tid', { tid: filter.territory.id });
    }
    return qb;
  }

  private selectValueColumns(qb: ScopedSelectQueryBuilder<never>): ScopedSelectQueryBuilder<never> {
    qb.select('v.id', 'id')
      .addSelect('v.tenant_id', 'tenantId')
      .addSelect('v.definition_id', 'definitionId')
      .addSelect('vd.code', 'definitionCode')
      .addSelect('v.period', 'period')
      .addSelect('v.grain', 'grain')
      .addSelect(`to_char(v.period_start, 'YYYY-MM-DD')`, 'periodStart')
      .addSelect(`to_char(v.period_end, 'YYYY-MM-DD')`, 'periodEnd')
      .addSelect('v.value::float8', 'value')
      .addSelect('v.note', 'note')
      .addSelect('v.status', 'status')
      .addSelect('v.version', 'version')
      .addSelect('v.created_by', 'createdBy')
      .addSelect('v.created_at', 'createdAt')
      .addSelect('v.updated_at', 'updatedAt')
      .addSelect('v.validated_by', 'validatedBy')
      .addSelect('v.validated_at', 'validatedAt')
      .addSelect('(SELECT cu.full_name FROM users cu WHERE cu.id = v.created_by)', 'createdByName')
      .addSelect('(SELECT vu.full_name FROM users vu WHERE vu.id = v.validated_by)', 'validatedByName');
    return this.withTerritoryNames(qb, 'v');
  }

  /** A page of values the caller reads, newest entry first; `total` capped. */
  async listValues(
    scope: AccessScope,
    filter: ValueFilters,
    page: { page: number; pageSize: number },
  ): Promise<{ rows: ValueRow[]; total: number }> {
    const qb = this.valuesQuery(this.door, scope, filter);
    const total = await countCapped(this.door, qb.clone() as never, 10_000);
    const rows = await this.selectValueColumns(qb)
      .orderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .offset((page.page - 1) * page.pageSize)
      .limit(page.pageSize)
      .getRawMany<ValueRow>();
    return { rows, total };
  }

  /** Every value matching `filter` the caller reads, by period then territory (the roll-up's input). */
  allValues(reads: ScopedReads, scope: AccessScope, filter: ValueFilters): Promise<ValueRow[]> {
    return this.selectValueColumns(this.valuesQuery(reads, scope, filter))
      .orderBy('v.period_start', 'ASC')
      .addOrderBy('v.territory_kind', 'ASC')
      .addOrderBy('v.id', 'ASC')
      .getRawMany<ValueRow>();
  }

  /** One value the caller reads (`writable`: one they may change), or null. */
  async findValue(reads: ScopedReads, scope: AccessScope, id: string, writable = false): Promise<ValueRow | null> {
    const qb = reads.select(scope, this.policy.readableValues, 'v') as unknown as ScopedSelectQueryBuilder<never>;
    qb.innerJoinSource(this.policy.definitions, 'vd', 'vd.tenant_id = v.tenant_id AND vd.id = v.definition_id').andWhere('v.id = :id', {
      id,
    });
    if (writable) qb.andWhereRule('v', this.policy.writableValues.rule);
    const [row] = await this.selectValueColumns(qb).getRawMany<ValueRow>();
    return row ?? null;
  }

  /** Existing values among (definition, territory, period) keys of one tenant (the import's duplicates). */
  async existingKeys(reads: ScopedReads, scope: AccessScope, tenantId: string, definitionIds: readonly string[]): Promise<Set<string>> {
    if (definitionIds.length === 0) return new Set();
    const qb = reads.select(scope, IndicatorValue, 'v') as unknown as ScopedSelectQueryBuilder<never>;
    inTenant(qb, 'v', tenantId)
      .select('v.definition_id', 'definitionId')
      .addSelect('v.territory_kind', 'kind')
      .addSelect(`coalesce(v.municipality_id, v.social_area_id)::text`, 'territoryId')
      .addSelect('v.period', 'period')
      .andWhere('v.definition_id IN (:...definitionIds)', { definitionIds: [...definitionIds] });
    const rows = await qb.getRawMany<{ definitionId: string; kind: string; territoryId: string | null; period: string }>();
    return new Set(rows.map((r) => valueKey(r.definitionId, r.kind, r.territoryId, r.period)));
  }

  /** The municipalities of the tenant the caller sees, by ISTAT code. */
  async municipalities(reads: ScopedReads, scope: AccessScope, tenantId: string, istatCodes?: readonly string[]) {
    const qb = inTenant(
      reads.select(scope, this.territoryPolicy.municipalities, 'm') as never,
      'm',
      tenantId,
    ) as ScopedSelectQueryBuilder<never>;
    qb.select('m.id', 'id')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect('m.social_area_id', 'socialAreaId');
    if (istatCodes) {
      if (istatCodes.length === 0) return [];
      qb.andWhere('m.istat_code IN (:...istatCodes)', { istatCodes: [...istatCodes] });
    }
    return qb.orderBy('m.istat_code', 'ASC').getRawMany<{ id: string; istatCode: string; name: string; socialAreaId: string | null }>();
  }

  /** The social areas of the tenant the caller sees, by code. */
  async socialAreas(reads: ScopedReads, scope: AccessScope, tenantId: string, codes?: readonly string[]) {
    const qb = inTenant(
      reads.select(scope, this.territoryPolicy.socialAreas, 'sa') as never,
      'sa',
      tenantId,
    ) as ScopedSelectQueryBuilder<never>;
    qb.select('sa.id', 'id').addSelect('sa.code', 'code').addSelect('sa.name', 'name');
    if (codes) {
      if (codes.length === 0) return [];
      qb.andWhere('sa.code IN (:...codes)', { codes: [...codes] });
    }
    return qb.orderBy('sa.code', 'ASC').getRawMany<{ id: string; code: string; name: string }>();
  }
}

/** The identity of a value: definition, territory, period. */
export function valueKey(definitionId: string, kind: string, territoryId: string | null, period: string): string {
  return `${definitionId}|${kind}|${territoryId ?? ''}|${period}`;
}
