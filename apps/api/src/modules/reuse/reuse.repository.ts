import { Injectable } from '@nestjs/common';
import type {
  BuildingAccessibility,
  BuildingCondition,
  BuildingConstraint,
  BuildingCurrentUse,
  BuildingOwnership,
  OrganizationSize,
  ReuseStage,
  ReuseWeights,
  SuitableUse,
  TargetGroup,
  Theme,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import { writeTenant } from '../../common/access/scope-rules';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { BuildingsMapLayer } from '../buildings/buildings.map-layer';
import type { BuildingFiltersQuery } from '../buildings/dto/building-filters.query';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { ReuseJob, ReuseScore, ReuseWeightsRow } from './reuse.entities';

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
  /** the stored parts as text (`encodeParts`), null when unscored */
  parts: string | null;
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
    return reads.select(scope, ReuseWeightsRow, 'w').andWhere('w.tenant_id = :weightsTenant', { weightsTenant: tenantId }).getOne();
  }

  async job(scope: AccessScope, tenantId: string, reads: ScopedReads = this.door): Promise<ReuseJob | null> {
    return reads.select(scope, ReuseJob, 'j').andWhere('j.tenant_id = :jobTenant', { jobTenant: tenantId }).getOne();
  }

  async insertJob(tx: ScopedTx, scope: AccessScope, tenantId: string): Promise<void> {
    await tx.insert(scope, ReuseJob, { tenantId, status: 'idle', run: 0 }, { orIgnore: true });
  }

  /**
   * Replaces the tenant's stored scores by a new run, in the caller's transaction: one DELETE and one
   * INSERT … SELECT FROM unnest(arrays) (50,000 rows in one statement, no per-row parameters).
   * `parts` are the stored parts as text (`encodeParts`: about 110 bytes a building).
   */
  async replaceScores(
    tx: ScopedTx,
    scope: AccessScope,
    tenantId: string,
    run: number,
    rows: { ids: readonly string[]; scores: readonly number[]; parts: readonly string[] },
  ): Promise<void> {
    // the tenant is one the caller reaches (the recompute's coordinator scope of that tenant)
    const tenant = writeTenant(scope, tenantId, 'replace of reuse_scores');
    await tx
      .unscoped('reuse recompute: the background job replaces the stored scores of the one tenant it computed')
      .query(`DELETE FROM reuse_scores WHERE tenant_id = $1`, [tenant]);
    if (rows.ids.length === 0) return;
    await tx.unscoped('reuse recompute: the background job replaces the stored scores of the one tenant it computed').query(
      `INSERT INTO reuse_scores (tenant_id, building_id, run, score, parts)
       SELECT $1, r.building_id, $2, r.score, r.parts FROM unnest($3::uuid[], $4::smallint[], $5::text[]) AS r(building_id, score, parts)`,
      [tenant, run, rows.ids, rows.scores, rows.parts],
    );
  }

  /* ---------- what a whole tenant's recompute reads ---------- */

  /** Every building of the tenant (a coordinator's scope). */
  async allBuildings(scope: AccessScope): Promise<ReuseBuildingRow[]> {
    const qb = this.door.select(scope, this.buildingsPolicy.readable, 'b').select('b.id', 'id');
    for (const [expression, alias] of BUILDING_COLUMNS.slice(1)) qb.addSelect(expression, alias);
    return (await qb.getRawMany<ReuseBuildingRow>()).map(normaliseBuilding);
  }

  /** The organizations that need space (active, not merged), of the scope; near a point (or in a municipality) when given. */
  async spaceSeekers(
    scope: AccessScope,
    near?: { municipalityId: string; lat: number | null; lon: number | null; km: number },
  ): Promise<SpaceSeekerRow[]> {
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
   * One page of the ranking, best first, and the total. Scored buildings by score then id, walked on
   * `reuse_scores_rank_idx (tenant_id, score DESC, building_id)` with the register's filters as a
   * semi-join (`building_id IN (filtered buildings)`), so a page reads about its own rows, not a sort
   * of every building; unscored buildings (new since the last recompute) after them, by name. Then the
   * page's rows. The total counts the filtered buildings alone; the scored ones are counted only on a
   * page the scores do not fill.
   */
  async rankingPage(
    scope: AccessScope,
    filters: BuildingFiltersQuery,
    page: { offset: number; limit: number },
  ): Promise<{ rows: RankedRow[]; total: number }> {
    const matching = await this.ranked(scope, filters);
    // the total: the filtered buildings alone (no join: the scores' heap is replaced whole at each run)
    const [{ n }] = await this.door.run<{ n: number }>(
      matching.clone().select('b.id'),
      (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`,
    );
    const offset = Math.trunc(page.offset);
    const limit = Math.trunc(page.limit);
    if (offset >= n) return { rows: [], total: n };
    const filtered = matching.clone().select('b.id');
    const byScore = this.door
      .select(scope, ReuseScore, 's')
      .select('s.building_id', 'id')
      .addSelect('s.score', 'score')
      .andWhere(`s.building_id IN (${filtered.getQuery()})`, filtered.getParameters());
    const ids = (
      await this.door.run<{ id: string }>(
        byScore,
        (sql) => `SELECT id FROM (${sql}) r ORDER BY score DESC, id ASC OFFSET ${offset} LIMIT ${limit}`,
      )
    ).map((r) => r.id);
    if (ids.length < limit && offset + ids.length < n) {
      // past the scored buildings: how many there are (only on these last pages), then the unscored by name
      const [{ scored }] = await this.door.run<{ scored: number }>(
        matching.clone().innerJoin(ReuseScore, 's', 's.tenant_id = b.tenant_id AND s.building_id = b.id').select('b.id'),
        (sql) => `SELECT count(*)::int AS scored FROM (${sql}) c`,
      );
      const unscored = matching
        .clone()
        .select('b.id', 'id')
        .addSelect('b.name', 'name')
        .andWhere('NOT EXISTS (SELECT 1 FROM reuse_scores us WHERE us.tenant_id = b.tenant_id AND us.building_id = b.id)');
      const rows = await this.door.run<{ id: string }>(
        unscored,
        (sql) => `SELECT id FROM (${sql}) r ORDER BY name ASC, id ASC OFFSET ${Math.max(0, offset - scored)} LIMIT ${limit - ids.length}`,
      );
      ids.push(...rows.map((r) => r.id));
    }
    if (ids.length === 0) return { rows: [], total: n };
    const rows = await this.door.run<RankedRow>(this.withRankColumns(matching.clone()).andWhere('b.id IN (:...rankIds)', { rankIds: ids }));
    const at = new Map(ids.map((id, i) => [id, i]));
    rows.sort((a, b) => at.get(a.id)! - at.get(b.id)!);
    return { rows: rows.map((r) => ({ ...normaliseBuilding(r), score: r.score === null ? null : Number(r.score) })), total: n };
  }

  /** The whole ranking (export), in batches from a cursor, in the order of the pages. */
  async *streamRanking(scope: AccessScope, filters: BuildingFiltersQuery): AsyncGenerator<RankedRow[]> {
    yield* this.door.stream<RankedRow>(this.withRankColumns(await this.ranked(scope, filters)), {
      shell: (sql) => `SELECT * FROM (${sql}) r ORDER BY score DESC NULLS LAST, CASE WHEN score IS NULL THEN name END ASC, id ASC`,
    });
  }

  /** One building of the caller's ranking territory, with its stored score. */
  async rankedOne(scope: AccessScope, id: string): Promise<RankedRow | null> {
    const rows = await this.door.run<RankedRow>(
      this.withRankColumns(await this.ranked(scope, {})).andWhere('b.id = :rankedId', { rankedId: id }),
    );
    return rows[0] ? { ...normaliseBuilding(rows[0]), score: rows[0].score === null ? null : Number(rows[0].score) } : null;
  }

  /**
   * One building of the caller's ranking territory with what its score reads besides the
   * organizations, in one statement: the tenant's weights (null: the defaults), the buildings already
   * reused in its municipality (it left out) and the themes of the municipality's initiatives in search
   * of a venue. The building's municipality is in the caller's territory, so these subqueries (bound
   * to the caller) count what a coordinator's would: a building scores the same for everyone.
   */
  async rankedOneWithSurroundings(
    scope: AccessScope,
    id: string,
  ): Promise<(RankedRow & { weights: Partial<ReuseWeights> | null; activeReused: number; venueThemes: Theme[][] }) | null> {
    const qb = this.withRankColumns(await this.ranked(scope, {})).andWhere('b.id = :rankedId', { rankedId: id });
    const weights = qb.subquery(ReuseWeightsRow, 'ow').select('ow.weights').andWhere('ow.tenant_id = b.tenant_id');
    const active = qb
      .subquery(this.buildingsPolicy.readable, 'ab')
      .select('count(*)::int')
      .andWhere(`ab.stage = 'active' AND ab.municipality_id = b.municipality_id AND ab.id <> b.id`);
    const venues = qb
      .subquery(this.initiativesPolicy.readable, 'vi')
      .select(`coalesce(json_agg(vi.themes), '[]'::json)`)
      .andWhere(`vi.status IN ('idea', 'planned') AND vi.building_id IS NULL AND vi.municipality_id = b.municipality_id`);
    qb.addSelect(weights.getQuery(), 'weights').addSelect(active.getQuery(), 'activeReused').addSelect(venues.getQuery(), 'venueThemes');
    const rows = await this.door.run<RankedRow & { weights: Partial<ReuseWeights> | null; activeReused: number; venueThemes: Theme[][] }>(
      qb,
    );
    const r = rows[0];
    return r ? { ...normaliseBuilding(r), score: r.score === null ? null : Number(r.score), activeReused: Number(r.activeReused) } : null;
  }

  /** An organization the caller reads (for its fitting buildings), or null. */
  async readableOrganization(
    scope: AccessScope,
    id: string,
  ): Promise<(SpaceSeekerRow & { tenantId: string; needs: string[]; active: boolean; mergedInto: string | null }) | null> {
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
  async openBuildingsNear(
    scope: AccessScope,
    near: { municipalityId: string; lat: number | null; lon: number | null; km: number },
  ): Promise<RankedRow[]> {
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
