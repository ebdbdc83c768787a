import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../../common/access/access-scope';
import { ScopedData } from '../../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../../common/access/scoped-query-builder';
import { BuildingsPolicy } from '../../buildings/buildings.policy';
import { InitiativesPolicy } from '../../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../../organizations/organizations.policy';
import { TerritoryPolicy } from '../../territory/territory.policy';
import { UsersPolicy } from '../../users/users.policy';

/** One figure of a month at one level: a municipality, a social area (by id) or the tenant (id null). */
export interface LevelRow {
  level: 'municipality' | 'socialArea' | 'tenant';
  id: string | null;
  /** `YYYY-MM` */
  month: string;
  value: number;
}

/** An innovator's employment and one of their assigned municipalities (null: none assigned). */
export interface InnovatorPlace {
  userId: string;
  hiredOn: string | null;
  contractEnd: string | null;
  municipalityId: string | null;
  socialAreaId: string | null;
}

const ROME_MONTH = (column: string) => `to_char(${column} AT TIME ZONE 'Europe/Rome', 'YYYY-MM')`;

/**
 * Signed events of records of several municipalities (`item`, `municipality_id`, `social_area_id`,
 * `month`, `sign`) added up at the three levels: per municipality as they are (one row per record and
 * municipality), per social area and for the tenant after a hashed DISTINCT, so a record of several
 * municipalities counts once in a social area and once in the tenant, never as a sum of its places.
 */
function distinctLevels(events: (sql: string) => string) {
  return (sql: string) => `
    WITH e AS MATERIALIZED (${events(sql)})
    SELECT 'municipality' AS level, e.municipality_id::text AS id, e.month, sum(e.sign)::float8 AS value
      FROM e GROUP BY e.municipality_id, e.month
    UNION ALL
    SELECT 'socialArea', d.social_area_id::text, d.month, sum(d.sign)::float8
      FROM (SELECT DISTINCT e.item, e.social_area_id, e.month, e.sign FROM e WHERE e.social_area_id IS NOT NULL) d
     GROUP BY d.social_area_id, d.month
    UNION ALL
    SELECT 'tenant', NULL, d.month, sum(d.sign)::float8
      FROM (SELECT DISTINCT e.item, e.month, e.sign FROM e) d GROUP BY d.month`;
}

/**
 * Groups `x` (rows with `municipality_id`, `month`) per municipality and month only: for records of
 * exactly one municipality (activities, buildings, organizations) the engine adds municipalities up
 * into social areas and the tenant itself, so the query stays one small aggregate.
 */
function byMunicipality(value: string, from: (sql: string) => string = (sql) => `(${sql}) x`) {
  return (sql: string) => `
    SELECT 'municipality' AS level, x.municipality_id::text AS id, x.month, (${value})::float8 AS value
      FROM ${from(sql)}
     GROUP BY x.municipality_id, x.month`;
}

@Injectable()
export class ComputedIndicatorsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly territory: TerritoryPolicy,
    private readonly initiatives: InitiativesPolicy,
    private readonly buildings: BuildingsPolicy,
    private readonly organizations: OrganizationsPolicy,
    private readonly users: UsersPolicy,
  ) {}

  private withPlace<T extends object>(qb: ScopedSelectQueryBuilder<T>, alias: string, column = 'municipality_id') {
    return qb
      .innerJoinSource(this.territory.municipalities, 'm', `m.tenant_id = ${alias}.tenant_id AND m.id = ${alias}.${column}`)
      .addSelect(`${alias}.${column}`, 'municipality_id')
      .addSelect('m.social_area_id', 'social_area_id');
  }

  private async levels(qb: ScopedSelectQueryBuilder<object>, shell: (sql: string) => string): Promise<LevelRow[]> {
    const rows = await this.door.run<{ level: LevelRow['level']; id: string | null; month: string; value: number }>(qb, shell);
    return rows.filter((r) => r.level !== 'socialArea' || r.id !== null).map((r) => ({ ...r, value: Number(r.value) }));
  }

  /**
   * Approved activities (or their participants) per month, optionally of some types: from the
   * summary `indicator_activity_months`, kept by triggers in the approval's own transaction. Its
   * primary key (tenant_id, month, …) serves the month range.
   */
  activities(scope: AccessScope, from: string, to: string, measure: 'activities' | 'participants', types: readonly string[] | null) {
    const qb = this.door
      .select(scope, 'indicator_activity_months', 's', { municipality: 's.municipality_id', rule: 'visible' })
      .select(`to_char(s.month, 'YYYY-MM')`, 'month')
      .addSelect(measure === 'activities' ? 's.activities' : 's.participants', 'n')
      .addSelect('s.municipality_id', 'municipality_id')
      .andWhere('s.month BETWEEN :from AND :to', { from, to });
    if (types) qb.andWhere('s.type IN (:...types)', { types });
    return this.levels(qb, byMunicipality('sum(x.n)'));
  }

  /** Initiatives completed in each month (by their end date, which completing sets), once per territory. */
  initiativesRealised(scope: AccessScope, from: string, to: string) {
    const qb = this.door
      .select(scope, this.initiatives.places, 'im')
      .innerJoinSource(this.initiatives.readable, 'i', 'i.tenant_id = im.tenant_id AND i.id = im.initiative_id')
      .select('im.initiative_id', 'item')
      .addSelect(`to_char(i.end_date, 'YYYY-MM')`, 'month')
      .andWhere(`i.status = 'completed'`)
      .andWhere('i.end_date BETWEEN :from AND :to', { from, to });
    return this.levels(
      this.withPlace(qb, 'im'),
      distinctLevels((sql) => `SELECT y.item, y.municipality_id, y.social_area_id, y.month, 1 AS sign FROM (${sql}) y`),
    );
  }

  /**
   * Initiatives running at each month's end, as increments: +1 in the month an initiative started
   * (running, completed or stopped ones: they ran), −1 in the month it ended. Distinct per territory.
   */
  initiativesRunning(scope: AccessScope, to: string) {
    const qb = this.door
      .select(scope, this.initiatives.places, 'im')
      .innerJoinSource(this.initiatives.readable, 'i', 'i.tenant_id = im.tenant_id AND i.id = im.initiative_id')
      .select('im.initiative_id', 'item')
      .addSelect(`to_char(i.start_date, 'YYYY-MM')`, 'started')
      .addSelect(`to_char(i.end_date, 'YYYY-MM')`, 'ended')
      .andWhere(`i.status IN ('running', 'completed', 'stopped')`)
      .andWhere('i.start_date <= :to', { to });
    const events = (sql: string) =>
      `SELECT y.item, y.municipality_id, y.social_area_id, v.month, v.sign FROM (${sql}) y
         CROSS JOIN LATERAL (VALUES (y.started, 1), (y.ended, -1)) AS v(month, sign) WHERE v.month IS NOT NULL`;
    return this.levels(this.withPlace(qb, 'im'), distinctLevels(events));
  }

  /** Buildings mapped: +1 in the month each entered the register (a stock at each month's end). */
  buildingsMapped(scope: AccessScope, to: string) {
    const qb = this.door
      .select(scope, this.buildings.readable, 'b')
      .select(ROME_MONTH('b.created_at'), 'month')
      .addSelect('b.municipality_id', 'municipality_id')
      .andWhere(`b.created_at < (CAST(:to AS date) + 2)`, { to });
    return this.levels(qb, byMunicipality('count(*)'));
  }

  /**
   * Buildings in a reuse stage at each month's end, as increments from the stage history: each
   * change is +1 for the stage it enters and −1 for the stage it leaves, in its month (indexes
   * `building_stage_changes_indicator_idx` on to_stage and `…_from_idx` on from_stage: a BitmapOr).
   */
  buildingsInStage(scope: AccessScope, stage: string, to: string) {
    const qb = this.door
      .select(scope, this.buildings.stageChanges, 'c')
      .innerJoinSource(this.buildings.readable, 'b', 'b.tenant_id = c.tenant_id AND b.id = c.building_id')
      .select(ROME_MONTH('c.at'), 'month')
      .addSelect('b.municipality_id', 'municipality_id')
      .addSelect(`CASE WHEN c.to_stage = :stage THEN 1 ELSE 0 END - CASE WHEN c.from_stage = :stage THEN 1 ELSE 0 END`, 'sign')
      .andWhere('(c.to_stage = :stage OR c.from_stage = :stage)', { stage })
      .andWhere(`c.at < (CAST(:to AS date) + 2)`, { to });
    return this.levels(qb, byMunicipality('sum(x.sign)'));
  }

  /** Buildings that became active in each month (a building reactivated twice in a month counts once). */
  buildingsActivated(scope: AccessScope, from: string, to: string) {
    const qb = this.door
      .select(scope, this.buildings.stageChanges, 'c')
      .innerJoinSource(this.buildings.readable, 'b', 'b.tenant_id = c.tenant_id AND b.id = c.building_id')
      .select('c.building_id', 'item')
      .addSelect(ROME_MONTH('c.at'), 'month')
      .addSelect('b.municipality_id', 'municipality_id')
      .andWhere(`c.to_stage = 'active'`)
      .andWhere(`c.at >= CAST(:from AS date) AND c.at < (CAST(:to AS date) + 2)`, { from, to });
    return this.levels(qb, byMunicipality('count(DISTINCT x.item)'));
  }

  /** Organizations mapped: +1 in the month each was registered, −1 in the month it was merged into another. */
  organizationsMapped(scope: AccessScope, to: string) {
    const qb = this.door
      .select(scope, this.organizations.readable, 'o')
      .select(ROME_MONTH('o.created_at'), 'created')
      .addSelect(ROME_MONTH('o.merged_at'), 'merged')
      .addSelect('o.municipality_id', 'municipality_id')
      .andWhere(`o.created_at < (CAST(:to AS date) + 2)`, { to });
    const events = (sql: string) =>
      `(SELECT y.municipality_id, e.month, e.sign FROM (${sql}) y
          CROSS JOIN LATERAL (VALUES (y.created, 1), (y.merged, -1)) AS e(month, sign) WHERE e.month IS NOT NULL) x`;
    return this.levels(qb, byMunicipality('sum(x.sign)', events));
  }

  /** The tenant's innovators with their employment dates and each assigned municipality in the caller's territory. */
  async innovators(scope: AccessScope): Promise<InnovatorPlace[]> {
    const qb = this.door
      .select(scope, this.users.countedInnovators, 'u')
      .leftJoinSource(this.users.countedAssignments, 'um', 'um.tenant_id = u.tenant_id AND um.user_id = u.id')
      .leftJoinSource(this.territory.municipalities, 'm', 'm.tenant_id = um.tenant_id AND m.id = um.municipality_id')
      .select('u.id', 'userId')
      .addSelect(`to_char(u.hired_on, 'YYYY-MM-DD')`, 'hiredOn')
      .addSelect(`to_char(u.contract_end, 'YYYY-MM-DD')`, 'contractEnd')
      .addSelect('m.id', 'municipalityId')
      .addSelect('m.social_area_id', 'socialAreaId')
      .andWhere('u.hired_on IS NOT NULL');
    return qb.getRawMany<InnovatorPlace>();
  }
}
