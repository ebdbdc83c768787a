import { Injectable } from '@nestjs/common';
import type {
  BuildingAccessibility,
  BuildingCondition,
  BuildingConstraint,
  BuildingCurrentUse,
  BuildingOwnership,
  OrganizationSize,
  ReuseStage,
  SuitableUse,
  TargetGroup,
  Theme,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { BuildingsMapLayer } from '../buildings/buildings.map-layer';
import type { BuildingFiltersQuery } from '../buildings/dto/building-filters.query';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { ReuseJob, ReuseScore, ReuseWeightsRow } from './reuse.entities';
import type { StoredPart } from './reuse-score';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Query = ScopedSelectQueryBuilder<any>;

/** What the score and the matching read of a building. */
export interface ReuseBuildingRow {
  id: string;
  tenantId: string;
  version: number;
  name: string;
  municipalityId: string;
  lat: number | null;
  lon: number | null;
  condition: BuildingCondition;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  accessibility: BuildingAccessibility;
  constraints: BuildingConstraint[];
  ownership: BuildingOwnership;
  currentUse: BuildingCurrentUse;
  stage: ReuseStage;
  suitableUses: SuitableUse[];
  createdAt: Date;
}

/** A ranked building with what the ranking shows of it. */
export interface RankedRow extends ReuseBuildingRow {
  municipalityIstat: string;
  municipalityName: string;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  score: number | null;
  parts: StoredPart[] | null;
}

/** An organization that needs space. */
export interface SpaceSeekerRow {
  id: string;
  name: string;
  kind: string;
  municipalityId: string;
  lat: number | null;
  lon: number | null;
  themes: Theme[];
  targetGroups: TargetGroup[];
  size: OrganizationSize | null;
}

/** An initiative in search of a venue (idea or planned, no building). */
export interface VenueSeekerRow {
  municipalityId: string;
  themes: Theme[];
}

const BUILDING_COLUMNS: [string, string][] = [
  ['b.id', 'id'],
  ['b.tenant_id', 'tenantId'],
  ['b.version', 'version'],
  ['b.name', 'name'],
  ['b.municipality_id', 'municipalityId'],
  ['b.lat', 'lat'],
  ['b.lon', 'lon'],
  ['b.condition', 'condition'],
  ['b.indoor_area_m2', 'indoorAreaM2'],
  ['b.outdoor_area_m2', 'outdoorAreaM2'],
  ['b.accessibility', 'accessibility'],
  ['b.constraints', 'constraints'],
  ['b.ownership', 'ownership'],
  ['b.current_use', 'currentUse'],
  ['b.stage', 'stage'],
  ['b.suitable_uses', 'suitableUses'],
  ['b.created_at', 'createdAt'],
];

/** What the matching reads of an organization (alias `o`). */
function withSeekerColumns(qb: Query): Query {
  return qb
    .select('o.id', 'id')
    .addSelect('o.name', 'name')
    .addSelect('o.kind', 'kind')
    .addSelect('o.municipality_id', 'municipalityId')
    .addSelect('o.lat', 'lat')
    .addSelect('o.lon', 'lon')
    .addSelect('o.themes', 'themes')
    .addSelect('o.target_groups', 'targetGroups')
    .addSelect('o.size', 'size');
}

/** A box of `km` around a point, in degrees. */
function boxAround(lat: number, lon: number, km: number): [number, number, number, number] {
  const dLat = km / 111.2;
  const dLon = km / (111.2 * Math.cos((lat * Math.PI) / 180));
  return [lon - dLon, lat - dLat, lon + dLon, lat + dLat];
}

/**
 * Queries of the reuse model: its own tables (weights, stored scores, the job row) and the
 * buildings, organizations and initiatives it reads, each through its feature's policy.
 */
@Injectable()
export class ReuseRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly buildingsPolicy: BuildingsPolicy,
    private readonly buildingsLayer: BuildingsMapLayer,
    private readonly organizationsPolicy: OrganizationsPolicy,
    private readonly initiativesPolicy: InitiativesPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
  ) {}

  /* ---------- weights and the job row ---------- */

  async weights(scope: AccessScope, tenantId: string, reads: ScopedReads = this.door): Promise<ReuseWeightsRow | null> {
    return reads
      .select(scope, ReuseWeightsRow, 'w')
      .andWhere('w.tenant_id = :weightsTenant', { weightsTenant: tenantId })
      .getOne();
  }

  async job(scope: AccessScope, tenantId: string, reads: ScopedReads = this.door): Promise<ReuseJob | null> {
    return reads.select(scope, ReuseJob, 'j').andWhere('j.tenant_id = :jobTenant', { jobTenant: tenantId }).getOne();
  }

  async insertJob(tx: ScopedTx, scope: AccessScope, tenantId: string): Promise<void> {
    await tx.insert(scope, ReuseJob, { tenantId, status: 'idle', run: 0 }, { orIgnore: true });
  }

  /** The stored runs of a tenant's scores (normally one). */
  async storedRuns(tx: ScopedTx, scope: AccessScope): Promise<number[]> {
    const rows = await tx.select(scope, ReuseScore, 's').select('DISTINCT s.run', 'run').getRawMany<{ run: number }>();
    return rows.map((r) => Number(r.run));
  }

  async deleteRun(tx: ScopedTx, scope: AccessScope, tenantId: string, run: number): Promise<void> {
    await tx.delete(scope, ReuseScore, { tenantId, run });
  }

  async insertScores(tx: ScopedTx, scope: AccessScope, rows: Partial<ReuseScore>[]): Promise<void> {
    // 5 parameters a row: 6,000 rows stay under PostgreSQL's 65,535 parameters
    for (let i = 0; i < rows.length; i += 6000) await tx.insert(scope, ReuseScore, rows.slice(i, i + 6000));
  }

  /* ---------- what a whole tenant's recompute reads ---------- */

  /** Every building of the tenant (a coordinator's scope). */
  async allBuildings(scope: AccessScope): Promise<ReuseBuildingRow[]> {
    const qb = this.door.select(scope, this.buildingsPolicy.readable, 'b').select('b.id', 'id');
    for (const [expression, alias] of BUILDING_COLUMNS.slice(1)) qb.addSelect(expression, alias);
    return (await qb.getRawMany<ReuseBuildingRow>()).map(normaliseBuilding);
  }

  /** The organizations that need space (active, not merged), of the scope; near a point (or in a municipality) when given. */
  async spaceSeekers(scope: AccessScope, near?: { municipalityId: string; lat: number | null; lon: number | null; km: number }): Promise<SpaceSeekerRow[]> {
    const qb = withSeekerColumns(this.door.select(scope, this.organizationsPolicy.readable, 'o'))
      .andWhere(`'space' = ANY(o.needs)`)
      .andWhere('o.active')
      .andWhere('o.merged_into IS NULL');
    if (near) {
      if (near.lat !== null && near.lon !== null) {
        const [minLon, minLat, maxLon, maxLat] = boxAround(near.lat, near.lon, near.km);
        qb.andWhere(
          `((o.lat IS NOT NULL AND point(o.lon, o.lat) <@ box(point(:nMinLon, :nMinLat), point(:nMaxLon, :nMaxLat))) OR (o.lat IS NULL AND o.municipality_id = :nMunicipality))`,
          { nMinLon: minLon, nMinLat: minLat, nMaxLon: maxLon, nMaxLat: maxLat, nMunicipality: near.municipalityId },
        );
      } else qb.andWhere('o.municipality_id = :nMunicipality', { nMunicipality: near.municipalityId });
    }
    return qb.getRawMany<SpaceSeekerRow>();
  }

  /** The initiatives in search of a venue (idea or planned, no building), of one municipality when given. */
  async venueSeekers(scope: AccessScope, municipalityId?: string): Promise<VenueSeekerRow[]> {
    const qb = this.door
      .select(scope, this.initiativesPolicy.readable, 'i')
      .select('i.municipality_id', 'municipalityId')
      .addSelect('i.themes', 'themes')
      .andWhere(`i.status IN ('idea', 'planned')`)
      .andWhere('i.building_id IS NULL');
    if (municipalityId) qb.andWhere('i.municipality_id = :vMunicipality', { vMunicipality: municipalityId });
    return qb.getRawMany<VenueSeekerRow>();
  }

  /** Buildings already reused (stage active) in a municipality. */
  async activeIn(scope: AccessScope, municipalityId: string, except: string): Promise<number> {
    const qb = this.door
      .select(scope, this.buildingsPolicy.readable, 'b')
      .select('count(*)::int', 'n')
      .andWhere(`b.stage = 'active'`)
      .andWhere('b.municipality_id = :aMunicipality', { aMunicipality: municipalityId })
      .andWhere('b.id <> :aExcept', { aExcept: except });
    const row = await qb.getRawOne<{ n: number }>();
    return row?.n ?? 0;
  }

  /**
   * What the stored scores depend on, in one line: the count and the last change of the tenant's
   * buildings, organizations and initiatives. A different line: the scores are stale.
   */
  async fingerprint(scope: AccessScope): Promise<string> {
    const of = async (qb: Query, alias: string) => {
      const row = await qb
        .select('count(*)::int', 'n')
        .addSelect(`coalesce(to_char(max(${alias}.updated_at), 'YYYYMMDDHH24MISSUS'), '-')`, 'at')
        .getRawOne<{ n: number; at: string }>();
      return `${row?.n ?? 0}@${row?.at ?? '-'}`;
    };
    const parts = await Promise.all([
      of(this.door.select(scope, this.buildingsPolicy.readable, 'b'), 'b'),
      of(this.door.select(scope, this.organizationsPolicy.readable, 'o'), 'o'),
      of(this.door.select(scope, this.initiativesPolicy.readable, 'i'), 'i'),
    ]);
    return parts.join('|');
  }

  /* ---------- reads for a caller ---------- */

  /**
   * The buildings of the ranking: the register's filters, in the caller's own territory (innovators:
   * their municipalities; municipality users: theirs; coordinators: the tenant).
   */
  private async ranked(scope: AccessScope, filters: BuildingFiltersQuery): Promise<Query> {
    // the register's filters and read rule, as BuildingsModule exports them (through its map layer: no bbox here)
    const qb: Query = await this.buildingsLayer.filtered(scope, { ...filters, bbox: undefined as unknown as string, zoom: 0 }, 'b');
    const mine = qb.subquery(this.territoryPolicy.assignedMunicipalities, 'rm').select('rm.id');
    qb.andWhere(`b.municipality_id IN ${mine.getQuery()}`);
    return qb;
  }

  private withRankColumns(qb: Query): Query {
    qb.innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = b.municipality_id AND m.tenant_id = b.tenant_id')
      .leftJoinSource(this.territoryPolicy.socialAreas, 'sa', 'sa.id = m.social_area_id AND sa.tenant_id = m.tenant_id')
      .leftJoin(ReuseScore, 's', 's.tenant_id = b.tenant_id AND s.building_id = b.id')
      .select('b.id', 'id');
    for (const [expression, alias] of BUILDING_COLUMNS.slice(1)) qb.addSelect(expression, alias);
    qb.addSelect('m.istat_code', 'municipalityIstat')
      .addSelect('m.name', 'municipalityName')
      .addSelect('sa.code', 'socialAreaCode')
      .addSelect('sa.name', 'socialAreaName')
      .addSelect('s.score', 'score')
      .addSelect('s.parts', 'parts');
    return qb;
  }

  /**
   * One page of the ranking, best first (unscored buildings, new since the last recompute, last), and
   * the total. The page's ids come first from the scores' index, then their rows.
   */
  async rankingPage(scope: AccessScope, filters: BuildingFiltersQuery, page: { offset: number; limit: number }): Promise<{ rows: RankedRow[]; total: number }> {
    const matching = await this.ranked(scope, filters);
    const [{ n }] = await this.door.run<{ n: number }>(matching.clone().select('b.id'), (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`);
    const order = 'score DESC NULLS LAST, name ASC, id ASC';
    const ids = await this.door.run<{ id: string }>(
      matching
        .clone()
        .leftJoin(ReuseScore, 's', 's.tenant_id = b.tenant_id AND s.building_id = b.id')
        .select('b.id', 'id')
        .addSelect('s.score', 'score')
        .addSelect('b.name', 'name'),
      (sql) => `SELECT id FROM (${sql}) r ORDER BY ${order} OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`,
    );
    if (ids.length === 0) return { rows: [], total: n };
    const rows = await this.door.run<RankedRow>(
      this.withRankColumns(matching.clone()).andWhere('b.id IN (:...rankIds)', { rankIds: ids.map((r) => r.id) }),
      (sql) => `SELECT * FROM (${sql}) r ORDER BY ${order}`,
    );
    return { rows: rows.map((r) => ({ ...normaliseBuilding(r), score: r.score === null ? null : Number(r.score) })), total: n };
  }

  /** The whole ranking (export), in batches from a cursor, best first. */
  async *streamRanking(scope: AccessScope, filters: BuildingFiltersQuery): AsyncGenerator<RankedRow[]> {
    yield* this.door.stream<RankedRow>(this.withRankColumns(await this.ranked(scope, filters)), {
      shell: (sql) => `SELECT * FROM (${sql}) r ORDER BY score DESC NULLS LAST, name ASC, id ASC`,
    });
  }

  /** One building of the caller's ranking territory, with its stored score. */
  async rankedOne(scope: AccessScope, id: string): Promise<RankedRow | null> {
    const rows = await this.door.run<RankedRow>(this.withRankColumns(await this.ranked(scope, {})).andWhere('b.id = :rankedId', { rankedId: id }));
    return rows[0] ? { ...normaliseBuilding(rows[0]), score: rows[0].score === null ? null : Number(rows[0].score) } : null;
  }

  /** An organization the caller reads (for its fitting buildings), or null. */
  async readableOrganization(scope: AccessScope, id: string): Promise<SpaceSeekerRow & { tenantId: string; needs: string[]; active: boolean; mergedInto: string | null } | null> {
    const row = await withSeekerColumns(this.door.select(scope, this.organizationsPolicy.readable, 'o'))
      .addSelect('o.tenant_id', 'tenantId')
      .addSelect('o.needs', 'needs')
      .addSelect('o.active', 'active')
      .addSelect('o.merged_into', 'mergedInto')
      .andWhere('o.id = :orgId', { orgId: id })
      .getRawOne();
    return row ?? null;
  }

  /** Buildings of the caller's ranking territory still open to a new use (mapped, assessed, planned), near a point or in a municipality. */
  async openBuildingsNear(scope: AccessScope, near: { municipalityId: string; lat: number | null; lon: number | null; km: number }): Promise<RankedRow[]> {
    const qb = this.withRankColumns(await this.ranked(scope, {})).andWhere(`b.stage IN ('mapped', 'assessed', 'planned')`);
    if (near.lat !== null && near.lon !== null) {
      const [minLon, minLat, maxLon, maxLat] = boxAround(near.lat, near.lon, near.km);
      qb.andWhere(
        `((b.lat IS NOT NULL AND point(b.lon, b.lat) <@ box(point(:bMinLon, :bMinLat), point(:bMaxLon, :bMaxLat))) OR (b.lat IS NULL AND b.municipality_id = :bMunicipality))`,
        { bMinLon: minLon, bMinLat: minLat, bMaxLon: maxLon, bMaxLat: maxLat, bMunicipality: near.municipalityId },
      );
    } else qb.andWhere('b.municipality_id = :bMunicipality', { bMunicipality: near.municipalityId });
    const rows = await this.door.run<RankedRow>(qb);
    return rows.map((r) => ({ ...normaliseBuilding(r), score: r.score === null ? null : Number(r.score) }));
  }
}

/** node-postgres returns double precision as numbers and dates as Dates; arrays may come as text when empty. */
function normaliseBuilding<R extends ReuseBuildingRow>(r: R): R {
  return {
    ...r,
    indoorAreaM2: r.indoorAreaM2 === null ? null : Number(r.indoorAreaM2),
    outdoorAreaM2: r.outdoorAreaM2 === null ? null : Number(r.outdoorAreaM2),
    createdAt: new Date(r.createdAt),
  };
}
