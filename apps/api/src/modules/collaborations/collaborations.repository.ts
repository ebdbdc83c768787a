import { Injectable } from '@nestjs/common';
import { Brackets, type ObjectLiteral } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { DataVersions } from '../../common/database/data-versions';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { UsersPolicy } from '../users/users.policy';
import { CollaborationRun, CollaborationSettings, CollaborationSuggestion } from './collaboration.entity';
import { CollaborationsPolicy } from './collaborations.policy';
import { type Edge, type LinkArrays, numbering } from './model/network';
import { OPEN_LINE_COLUMNS } from './model/open-lines';
import type { OrganizationProfile } from './model/suggest';

export interface SuggestionRow {
  id: string;
  tenantId: string;
  organizationA: string;
  organizationB: string;
  municipalityA: string;
  municipalityB: string;
  score: number;
  /** jsonb, for rows written before migration 1764860000000 */
  reasons: unknown;
  reasonsText: string | null;
  reasonsKey: string;
  status: string;
  dismissReason: string | null;
  activityId: string | null;
  suggestedAt: Date;
  collaboratedAt: Date | null;
  version: number;
}

export interface OrganizationInfo {
  id: string;
  name: string;
  kind: string;
  municipalityId: string;
  istatCode: string;
  municipalityName: string;
}

export interface SuggestionFilters {
  municipalityId?: string;
  theme?: string;
  organization?: string;
  status: string;
}

/** An open suggestion's score and reasons in the open table, by its pair. */
interface OpenScore {
  a: string;
  b: string;
  score: number;
  reasonsText: string | null;
}

const OPEN_COLUMNS = ['o.organization_a AS a', 'o.organization_b AS b', 'o.score AS score', 'o.reasons_text AS "reasonsText"'];

const withOpenScore = (row: SuggestionRow, open: OpenScore): SuggestionRow => ({
  ...row,
  score: Number(open.score),
  reasonsText: open.reasonsText ?? row.reasonsText,
});

/** Which joint records link organizations: all of them, or only those involving some organizations. */
export interface PairRestriction {
  /** both organizations among these */
  among?: readonly string[];
  /** one of the two is this organization */
  involving?: string;
}

/**
 * Months between a record's date (`expr`, a date or timestamp) and today, as a double. `extract` answers
 * a numeric (PostgreSQL 14+), and `power` of a numeric is ~10× slower than of a float8: over 834,000
 * links that was 20 of the read's 24 s (EXPLAIN ANALYZE, docs/benchmarks.md). Ages count from the start
 * of today, not from this instant: the weights of an unchanged network are then the same all day, so a
 * recompute after a change of weights finds the same network and reuses its communities
 * (`rememberedCommunities`); a half-life in months needs no finer clock.
 */
const ageMonths = (expr: string) =>
  `greatest(0, extract(epoch FROM (date_trunc('day', now()) - (${expr})::timestamptz))::float8 / 2629746.0)`;

@Injectable()
export class CollaborationsRepository {
  /** Counts of open-suggestion queries, with the data version they were counted at (`openCount`); the oldest go past 1,000. */
  private readonly openCounts = new Map<string, { version: string; n: number }>();

  constructor(
    private readonly door: ScopedData,
    private readonly policy: CollaborationsPolicy,
    private readonly organizations: OrganizationsPolicy,
    private readonly activities: ActivitiesPolicy,
    private readonly initiatives: InitiativesPolicy,
    private readonly buildings: BuildingsPolicy,
    private readonly territory: TerritoryPolicy,
    private readonly users: UsersPolicy,
    private readonly versions: DataVersions,
  ) {}

  /* ---------- settings and runs ---------- */

  async settings(scope: AccessScope, tenantId: string): Promise<(CollaborationSettings & { updatedByName: string | null }) | null> {
    const row = await this.door.select(scope, CollaborationSettings, 's', {}).andWhere('s.tenant_id = :tenantId', { tenantId }).getOne();
    if (!row) return null;
    let updatedByName: string | null = null;
    if (row.updatedBy && row.version > 0) {
      const [user] = await this.door
        .select(scope, this.users.users, 'u')
        .select('u.full_name', 'name')
        .andWhere('u.id = :id', { id: row.updatedBy })
        .getRawMany<{ name: string }>();
      updatedByName = user?.name ?? null;
    }
    return Object.assign(row, { updatedByName });
  }

  async run(scope: AccessScope, tenantId: string): Promise<CollaborationRun | null> {
    return this.door.select(scope, CollaborationRun, 'r', {}).andWhere('r.tenant_id = :tenantId', { tenantId }).getOne();
  }

  /* ---------- suggestions read by the caller ---------- */

  /** Decided suggestions (accepted, dismissed) of the caller's territory, from the table of every pair. */
  private filtered(scope: AccessScope, f: SuggestionFilters): ScopedSelectQueryBuilder<CollaborationSuggestion> {
    const qb = this.door.select(scope, this.policy.readable, 's').andWhere('s.status = :status', { status: f.status });
    return this.filters(qb, 's', f);
  }

  /** Open suggestions of the caller's territory: the last recompute's, from their own table (migration 1764870000000). */
  private filteredOpen(scope: AccessScope, f: SuggestionFilters): ScopedSelectQueryBuilder<never> {
    return this.filters(this.door.select(scope, this.policy.open, 'o') as ScopedSelectQueryBuilder<never>, 'o', f);
  }

  private filters<T extends ObjectLiteral>(qb: ScopedSelectQueryBuilder<T>, x: string, f: SuggestionFilters): ScopedSelectQueryBuilder<T> {
    if (f.municipalityId) {
      qb.andWhere(new Brackets((w) => w.where(`${x}.municipality_a = :fm`, { fm: f.municipalityId }).orWhere(`${x}.municipality_b = :fm`)));
    }
    if (f.organization) {
      qb.andWhere(new Brackets((w) => w.where(`${x}.organization_a = :fo`, { fo: f.organization }).orWhere(`${x}.organization_b = :fo`)));
    }
    if (f.theme) qb.andWhere(`${x}.themes @> ARRAY[:theme]::text[]`, { theme: f.theme });
    return qb;
  }

  /**
   * A page of suggestions, best first. Open ones: the open table's index `(tenant, score DESC,
   * suggestion_id) INCLUDE (the territory's and the filters' columns)` gives the page and its count,
   * then the page's pairs are read by id. Decided ones: the partial index
   * `collaboration_suggestions_rank_idx` (tenant, status, score DESC, id) of the table of every pair.
   */
  async page(scope: AccessScope, f: SuggestionFilters, offset: number, limit: number): Promise<{ rows: SuggestionRow[]; total: number }> {
    if (f.status === 'open') {
      const [found, total] = await Promise.all([
        this.filteredOpen(scope, f)
          .select(OPEN_COLUMNS)
          .orderBy('o.score', 'DESC')
          .addOrderBy('o.organization_a', 'ASC')
          .addOrderBy('o.organization_b', 'ASC')
          .offset(offset)
          .limit(limit)
          .getRawMany<OpenScore>(),
        this.openCount(scope, this.filteredOpen(scope, f).select('1', 'one')),
      ]);
      const pairs = await this.pairs(scope, found);
      const rows = found.flatMap((o) => {
        const pair = pairs.get(`${o.a}|${o.b}`);
        // (a pair decided while a recompute ran is out of the open table by the recompute's end)
        return pair?.status === 'open' ? [withOpenScore(pair, o)] : [];
      });
      return { rows, total };
    }
    const qb = this.filtered(scope, f);
    const [rows, total] = await Promise.all([
      qb.clone().orderBy('s.score', 'DESC').addOrderBy('s.id', 'ASC').offset(offset).limit(limit).getMany(),
      this.door
        .run<{ n: number }>(this.filtered(scope, f).select('1', 'one'), (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`)
        .then(([r]) => r.n),
    ]);
    return { rows, total };
  }

  /**
   * The count of a query of open suggestions (the caller's rule and filters are in its SQL and
   * parameters), kept per process while the tenant's `map_versions.collaboration_open` is unchanged
   * (migration 1764880000000: bumped at the commit of any change of which pairs are open, or of their
   * municipalities or themes). The version is read before counting, so a change committed meanwhile
   * makes the next page count again. A change of weights moves every score and no count.
   */
  private async openCount(scope: AccessScope, qb: ScopedSelectQueryBuilder<never>): Promise<number> {
    const [sql, parameters] = qb.getQueryAndParameters();
    const key = JSON.stringify([sql, parameters]);
    const version = scope.tenantId ? await this.dataVersion(scope.tenantId, 'collaboration_open') : null;
    const kept = this.openCounts.get(key);
    if (version !== null && kept?.version === version) return kept.n;
    const [{ n }] = await this.door.run<{ n: number }>(qb, (inner) => `SELECT count(*)::int AS n FROM (${inner}) c`);
    if (version !== null) {
      this.openCounts.delete(key);
      this.openCounts.set(key, { version, n });
      if (this.openCounts.size > 1_000) this.openCounts.delete(this.openCounts.keys().next().value!);
    }
    return n;
  }

  /** The rows of some pairs (the caller's readable ones), by `a|b`. */
  private async pairs(scope: AccessScope, of: readonly { a: string; b: string }[]): Promise<Map<string, SuggestionRow>> {
    if (of.length === 0) return new Map();
    const rows = await this.door
      .select(scope, this.policy.readable, 's')
      .andWhere('(s.organization_a, s.organization_b) IN (SELECT * FROM unnest(:pa::uuid[], :pb::uuid[]))', {
        pa: of.map((p) => p.a),
        pb: of.map((p) => p.b),
      })
      .getMany();
    return new Map(rows.map((r) => [`${r.organizationA}|${r.organizationB}`, r]));
  }

  /** An open suggestion's score and reasons are the last recompute's, in the open table. */
  private async withOpenScores(scope: AccessScope, row: SuggestionRow | null): Promise<SuggestionRow | null> {
    if (!row || row.status !== 'open') return row;
    const [open] = await this.door
      .select(scope, this.policy.open, 'o')
      .select(OPEN_COLUMNS)
      .andWhere('o.organization_a = :oa AND o.organization_b = :ob', { oa: row.organizationA, ob: row.organizationB })
      .getRawMany<OpenScore>();
    return open ? withOpenScore(row, open) : row;
  }

  async findReadable(scope: AccessScope, id: string): Promise<SuggestionRow | null> {
    return this.withOpenScores(scope, await this.door.select(scope, this.policy.readable, 's').andWhere('s.id = :id', { id }).getOne());
  }

  /** The suggestion if the caller may decide it (innovators: an organization of an assigned municipality). */
  async findDecidable(scope: AccessScope, id: string): Promise<SuggestionRow | null> {
    return this.withOpenScores(scope, await this.door.select(scope, this.policy.decidable, 's').andWhere('s.id = :id', { id }).getOne());
  }

  /**
   * Decides a suggestion (its row leaves the open table by trigger, in the same transaction); the
   * score and reasons it was decided on, the open table's, stay on its row for the decided lists.
   */
  async decide(tx: ScopedTx, scope: AccessScope, row: SuggestionRow, changes: Partial<CollaborationSuggestion>): Promise<void> {
    const seen = row.reasonsText !== null ? { score: row.score, reasonsText: row.reasonsText, reasons: null } : { score: row.score };
    await tx.updateVersioned(
      scope,
      CollaborationSuggestion,
      { id: row.id, version: row.version, tenantId: row.tenantId },
      { ...seen, ...changes },
    );
  }

  /** Names, kinds and municipalities of organizations (as the caller may read them). */
  async organizationInfo(scope: AccessScope, ids: readonly string[]): Promise<Map<string, OrganizationInfo>> {
    if (ids.length === 0) return new Map();
    const rows = await this.door
      .select(scope, this.organizations.readable, 'o')
      .innerJoinSource(this.territory.municipalities, 'm', 'm.id = o.municipality_id')
      .select(['o.id AS id', 'o.name AS name', 'o.kind AS kind', 'o.municipality_id AS "municipalityId"'])
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'municipalityName')
      .andWhere('o.id IN (:...ids)', { ids: [...ids] })
      .getRawMany<OrganizationInfo>();
    return new Map(rows.map((r) => [r.id, { ...r, istatCode: String(r.istatCode).trim() }]));
  }

  async municipalityByIstat(scope: AccessScope, istatCode: string): Promise<{ id: string; tenantId: string } | null> {
    const [row] = await this.door
      .select(scope, this.territory.municipalities, 'm')
      .select(['m.id AS id', 'm.tenant_id AS "tenantId"'])
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .getRawMany<{ id: string; tenantId: string }>();
    return row ?? null;
  }

  /* ---------- what the model reads (a tenant-wide scope) ---------- */

  async profiles(scope: AccessScope): Promise<OrganizationProfile[]> {
    const rows = await this.door
      .select(scope, this.organizations.readable, 'o')
      .select([
        'o.id AS id',
        'o.name AS name',
        'o.kind AS kind',
        'o.municipality_id AS "municipalityId"',
        'o.themes AS themes',
        'o.target_groups AS "targetGroups"',
        'o.offers AS offers',
        'o.needs AS needs',
      ])
      .andWhere('o.active')
      .orderBy('o.id')
      .getRawMany<OrganizationProfile>();
    return rows;
  }

  async neighbours(scope: AccessScope): Promise<Map<string, string[]>> {
    const rows = await this.door
      .select(scope, 'municipality_neighbours', 'n', {})
      .select(['n.municipality_id AS m', 'n.neighbour_id AS n'])
      .getRawMany<{ m: string; n: string }>();
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.m, [...(out.get(r.m) ?? []), r.n]);
    return out;
  }

  async municipalityNames(scope: AccessScope): Promise<Map<string, string>> {
    const rows = await this.door
      .select(scope, this.territory.municipalities, 'm')
      .select(['m.id AS id', 'm.name AS name'])
      .getRawMany<{ id: string; name: string }>();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /**
   * The links of the network, aggregated in PostgreSQL: pairs of organizations with the count and
   * the recency-weighted sum (0.5^(months/half-life)) of their joint approved activities, joint
   * initiatives (lead/partners; planned, running or completed) and shared buildings (two
   * assignments of one building), each read through its feature's policy.
   */
  async edges(scope: AccessScope, halfLifeMonths: number, restrict: PairRestriction = {}): Promise<Edge[]> {
    if (scope.role === 'coordinator' && scope.visibleMunicipalityIds === null) return this.tenantEdges(scope, halfLifeMonths, restrict);
    return this.edgesThroughPolicies(scope, halfLifeMonths, restrict);
  }

  /**
   * The links of the whole tenant (the recompute, a coordinator's network) from `collaboration_links`,
   * kept by triggers in the transaction of each change (migration 1764850000000): one row per pair and
   * day with the number of joint records, so the half-life applies here. The same sources as
   * `edgesThroughPolicies` read with a tenant-wide scope (every record of the tenant is readable then).
   */
  private async tenantEdges(scope: AccessScope, halfLifeMonths: number, restrict: PairRestriction): Promise<Edge[]> {
    const qb = this.door
      .select(scope, 'collaboration_links', 'l', {})
      .select('l.organization_a', 'a')
      .addSelect('l.organization_b', 'b')
      .addSelect(`sum(l.n * power(0.5, ${ageMonths('l.day')} / ${Number(halfLifeMonths)}))::float8`, 'weight')
      .addSelect('sum(l.n)::int', 'count')
      .groupBy('l.organization_a')
      .addGroupBy('l.organization_b')
      // ordered, the planner scans and sorts the table (2.3 s at load 7) rather than walking the index on b (4.4 s)
      .orderBy('l.organization_a')
      .addOrderBy('l.organization_b');
    if (restrict.among) {
      const ids = restrict.among.length > 0 ? [...restrict.among] : ['00000000-0000-0000-0000-000000000000'];
      qb.andWhere('l.organization_a = ANY(:among::uuid[]) AND l.organization_b = ANY(:among::uuid[])', { among: ids });
    }
    if (restrict.involving) qb.andWhere('(l.organization_a = :inv OR l.organization_b = :inv)', { inv: restrict.involving });
    const rows = await this.door.run<Edge>(qb);
    return rows.map((e) => ({ a: e.a, b: e.b, weight: Number(e.weight), count: Number(e.count) }));
  }

  /**
   * The recompute's read of the whole tenant's links, as arrays (`LinkArrays`): the rows of
   * `tenantEdges`, each organization's id kept once.
   */
  async tenantLinks(scope: AccessScope, halfLifeMonths: number): Promise<LinkArrays> {
    const edges = await this.tenantEdges(scope, halfLifeMonths, {});
    const ids = numbering();
    const links: LinkArrays = {
      ids: ids.values,
      a: new Int32Array(edges.length),
      b: new Int32Array(edges.length),
      weight: new Float64Array(edges.length),
      count: new Int32Array(edges.length),
    };
    edges.forEach((e, i) => {
      links.a[i] = ids.of(e.a);
      links.b[i] = ids.of(e.b);
      links.weight[i] = e.weight;
      links.count[i] = e.count;
    });
    return links;
  }

  /**
   * A data version of the tenant's collaboration data (migration 1764880000000), with the day: the
   * links' (`collaboration_links`: bumped at the commit of every write of `collaboration_links`; their
   * ages count from the start of the day) or the open pairs' (`collaboration_open`). Null when the
   * tenant has no version row yet.
   */
  async dataVersion(tenantId: string, of: 'collaboration_links' | 'collaboration_open'): Promise<string | null> {
    const read = await this.versions.read(tenantId, of);
    return read ? `${read.version}@${read.day}` : null;
  }

  /** The links as the caller may read their records: each source joined through its feature's policy. */
  private async edgesThroughPolicies(scope: AccessScope, halfLifeMonths: number, restrict: PairRestriction): Promise<Edge[]> {
    const weight = (date: string) => `sum(power(0.5, ${ageMonths(date)} / ${Number(halfLifeMonths)}))::float8`;
    const among = (qb: ScopedSelectQueryBuilder<never>, x: string, y: string) => {
      if (restrict.among) {
        const ids = restrict.among.length > 0 ? [...restrict.among] : ['00000000-0000-0000-0000-000000000000'];
        qb.andWhere(`${x}.organization_id = ANY(:among::uuid[]) AND ${y}.organization_id = ANY(:among::uuid[])`, { among: ids });
      }
      if (restrict.involving) {
        qb.andWhere(`(${x}.organization_id = :inv OR ${y}.organization_id = :inv)`, { inv: restrict.involving });
      }
      return qb;
    };
    const pairs = (qb: ScopedSelectQueryBuilder<never>, x: string, y: string, date: string) =>
      qb
        .select(`${x}.organization_id`, 'a')
        .addSelect(`${y}.organization_id`, 'b')
        .addSelect(weight(date), 'weight')
        .addSelect('count(*)::int', 'count')
        .groupBy(`${x}.organization_id`)
        .addGroupBy(`${y}.organization_id`);

    const fromActivities = among(
      this.door
        .select(scope, this.activities.readable, 'a')
        .innerJoinSource(this.activities.organizations, 'x', 'x.activity_id = a.id')
        .innerJoinSource(this.activities.organizations, 'y', 'y.activity_id = a.id AND x.organization_id < y.organization_id')
        .andWhere(`a.status = 'approved'`) as ScopedSelectQueryBuilder<never>,
      'x',
      'y',
    );
    const fromInitiatives = among(
      this.door
        .select(scope, this.initiatives.readable, 'i')
        .innerJoinSource(this.initiatives.organizations, 'x', 'x.initiative_id = i.id')
        .innerJoinSource(this.initiatives.organizations, 'y', 'y.initiative_id = i.id AND x.organization_id < y.organization_id')
        .andWhere(`i.status IN ('planned', 'running', 'completed')`) as ScopedSelectQueryBuilder<never>,
      'x',
      'y',
    );
    const fromBuildings = among(
      this.door
        .select(scope, this.buildings.readable, 'bu')
        .innerJoinSource(this.buildings.assignments, 'x', 'x.building_id = bu.id')
        .innerJoinSource(
          this.buildings.assignments,
          'y',
          'y.building_id = bu.id AND x.organization_id < y.organization_id',
        ) as ScopedSelectQueryBuilder<never>,
      'x',
      'y',
    );
    const [acts, inits, blds] = await Promise.all([
      this.door.run<Edge>(pairs(fromActivities, 'x', 'y', 'a.date')),
      this.door.run<Edge>(pairs(fromInitiatives, 'x', 'y', 'coalesce(i.start_date, i.created_at)')),
      this.door.run<Edge>(pairs(fromBuildings, 'x', 'y', 'greatest(x.start_date, y.start_date)')),
    ]);
    const byPair = new Map<string, Edge>();
    for (const e of [...acts, ...inits, ...blds]) {
      const key = `${e.a}|${e.b}`;
      const seen = byPair.get(key);
      if (seen) {
        seen.weight += e.weight;
        seen.count += e.count;
      } else byPair.set(key, { a: e.a, b: e.b, weight: Number(e.weight), count: Number(e.count) });
    }
    return [...byPair.values()];
  }

  /** Organizations for the network drawn: the caller's readable ones matching the filters (at most `limit`). */
  async networkNodes(
    scope: AccessScope,
    f: { municipalityId?: string; theme?: string; ids?: readonly string[] },
    limit: number,
  ): Promise<{ id: string; name: string; kind: string; istatCode: string }[]> {
    const qb = this.door
      .select(scope, this.organizations.readable, 'o')
      .innerJoinSource(this.territory.municipalities, 'm', 'm.id = o.municipality_id')
      .select(['o.id AS id', 'o.name AS name', 'o.kind AS kind'])
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('o.active');
    if (f.municipalityId) qb.andWhere('o.municipality_id = :nm', { nm: f.municipalityId });
    if (f.theme) qb.andWhere('o.themes @> ARRAY[:nt]::text[]', { nt: f.theme });
    if (f.ids) qb.andWhere('o.id = ANY(:nids::uuid[])', { nids: [...f.ids] });
    const rows = await qb.orderBy('o.id').limit(limit).getRawMany<{ id: string; name: string; kind: string; istatCode: string }>();
    return rows.map((r) => ({ ...r, istatCode: String(r.istatCode).trim() }));
  }

  async communities(scope: AccessScope, ids: readonly string[]): Promise<Map<string, number>> {
    if (ids.length === 0) return new Map();
    const rows = await this.door
      .select(scope, 'collaboration_communities', 'c', {})
      .select(['c.organization_id AS id', 'c.community AS community'])
      .andWhere('c.organization_id = ANY(:cids::uuid[])', { cids: [...ids] })
      .getRawMany<{ id: string; community: number }>();
    return new Map(rows.map((r) => [r.id, r.community]));
  }

  /** Open suggestions among some organizations (the dashed links of the network drawn). */
  async openAmong(scope: AccessScope, ids: readonly string[]): Promise<{ id: string; a: string; b: string }[]> {
    if (ids.length === 0) return [];
    const open = await this.door
      .select(scope, this.policy.open, 'o')
      .select(['o.organization_a AS a', 'o.organization_b AS b'])
      .andWhere('o.organization_a = ANY(:sids::uuid[]) AND o.organization_b = ANY(:sids::uuid[])', { sids: [...ids] })
      .getRawMany<{ a: string; b: string }>();
    const pairs = await this.pairs(scope, open);
    return open.flatMap((o) => {
      const pair = pairs.get(`${o.a}|${o.b}`);
      return pair ? [{ id: pair.id, a: o.a, b: o.b }] : [];
    });
  }

  /* ---------- the recompute's writes (a background job of one tenant) ---------- */

  /**
   * Starts replacing the tenant's open suggestions in the caller's transaction: a DELETE of its rows,
   * then a `COPY … FROM STDIN` (pg-copy-streams; PostgreSQL's COPY parser took the reasons 2.5× faster
   * than json_to_recordset, docs/benchmarks.md) fed the model's lines as it finds them (`write`), so
   * PostgreSQL deletes and loads on its own core while the model computes. The rows it replaces are
   * held until the commit: a decision taken meanwhile does not wait for them (the triggers that take a
   * decided pair out of the open table skip locked rows, migration 1764890000001), and the recompute
   * takes the pairs decided by then out of its new rows at its end. `done` ends the COPY (or answers the
   * first error of the DELETE or the COPY); `abort` fails it (the model failed: the transaction can then
   * roll back, which an open COPY would hold up).
   *
   * A COPY that PostgreSQL refuses midway (pg-copy-streams emits its error and drops the connection) is
   * destroyed at once: its queued chunks are dropped, so none is flushed to a connection it no longer
   * has (a TypeError in a socket's 'drain' listener, which nothing would catch), and the error listener
   * stays for the stream's life (a second error event with no listener ends the process).
   */
  async openLoader(
    tx: ScopedTx,
    tenantId: string,
  ): Promise<{ write: (chunk: string) => void; done: () => Promise<void>; abort: (error: Error) => Promise<void> }> {
    const copy = await tx.copyIn(
      'collaboration recompute: the background job replaces the open suggestions of the one tenant it computed by those it computes',
      `COPY collaboration_open_suggestions (${OPEN_LINE_COLUMNS.join(', ')}) FROM STDIN`,
      { sql: `DELETE FROM collaboration_open_suggestions WHERE tenant_id = $1`, params: [tenantId] },
    );
    const deleted = copy.before;
    let failed: Error | null = null;
    let settle: { resolve: () => void; reject: (error: Error) => void };
    const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
    finished.catch(() => undefined); // answered by done() or abort()
    copy.once('finish', () => settle.resolve());
    copy.on('error', (error: Error) => {
      if (failed) return; // the destroy below, or a later echo of the first error
      failed = error;
      settle.reject(error);
      try {
        copy.destroy(); // drops the queued chunks (a CopyFail PostgreSQL ignores after its own error)
      } catch {
        // pg-copy-streams without its connection: nothing left to send
      }
    });
    return {
      write: (chunk) => {
        // backpressure is not waited for: the whole output is ~30 MB at 124,000 suggestions, and the
        // model's slices give the event loop back, so the socket drains while it computes
        if (!failed) copy.write(chunk);
      },
      done: async () => {
        await deleted;
        if (!failed) copy.end();
        await finished;
      },
      abort: async (error) => {
        if (!failed) copy.destroy(error); // pg-copy-streams answers CopyFail: PostgreSQL ends the COPY with an error
        await Promise.allSettled([deleted, finished]);
      },
    };
  }

  /**
   * After the open table is loaded (`openLoader`), in the caller's transaction: new or changed pairs are
   * upserted into the table of every pair (each keeps its row and id); a dismissed pair whose reasons
   * changed opens again; the decided pairs leave the open table; the communities are written. The caller bumps the open pairs' data version last
   * (`touchOpen`).
   */
  async storeSuggestions(
    tx: ScopedTx,
    tenantId: string,
    actorId: string | null,
    communities: ReadonlyMap<string, number>,
  ): Promise<Record<string, number>> {
    // the time of each step, for the benchmark's log (docs/benchmarks.md)
    const steps: Record<string, number> = {};
    let mark = Date.now();
    const step = (name: string) => {
      const now = Date.now();
      steps[name] = (steps[name] ?? 0) + now - mark;
      mark = now;
    };
    // the join below matches every loaded pair to its row: PostgreSQL estimates few matches (the pair's two
    // columns are correlated) and picks a nested loop of 124,000 index probes; hashed it is ~1 s less, and
    // in one batch (the table of every pair's side is ~50 MB at 140,000 pairs) ~0.2 s less again
    await tx
      .unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed')
      .query(`SET LOCAL enable_nestloop = off`);
    await tx
      .unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed')
      .query(`SET LOCAL work_mem = '128MB'`);
    // the table of every pair: only what changes there. An open pair whose score and reasons alone moved
    // (every pair, after a change of weights) is not written: its score and reasons are the open table's;
    // nor is a pair that left and came back unchanged (whether a pair is suggested is the open table's).
    // A decided pair keeps the last score and reasons; a pair stored before the short form gets it once.
    const changed = (o: string, n: { ma: string; mb: string; th: string; sc: string; r: string; k: string }) =>
      `${o}.reasons_key IS DISTINCT FROM ${n.k} OR ${o}.reasons_text IS NULL
          OR ${o}.themes IS DISTINCT FROM ${n.th}
          OR ${o}.municipality_a IS DISTINCT FROM ${n.ma} OR ${o}.municipality_b IS DISTINCT FROM ${n.mb}
          OR (${o}.status = 'dismissed' AND ${o}.dismissed_key IS DISTINCT FROM ${n.k})
          OR (${o}.status <> 'open' AND (${o}.score IS DISTINCT FROM ${n.sc} OR ${o}.reasons_text IS DISTINCT FROM ${n.r}))`;
    await tx.unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed').query(
      `INSERT INTO collaboration_suggestions AS s (tenant_id, organization_a, organization_b, municipality_a, municipality_b, themes,
                                                score, reasons_text, reasons_key, created_by, updated_by)
       SELECT $1, n.organization_a, n.organization_b, n.municipality_a, n.municipality_b, n.themes, n.score, n.reasons_text, n.reasons_key,
              $2, $2
         FROM collaboration_open_suggestions n
         LEFT JOIN collaboration_suggestions o
                ON o.tenant_id = $1 AND o.organization_a = n.organization_a AND o.organization_b = n.organization_b
        -- an unchanged pair is left out here: ON CONFLICT … WHERE would still lock (and so write) its row
        WHERE n.tenant_id = $1
          AND (o.id IS NULL OR ${changed('o', { ma: 'n.municipality_a', mb: 'n.municipality_b', th: 'n.themes', sc: 'n.score', r: 'n.reasons_text', k: 'n.reasons_key' })})
       ON CONFLICT (tenant_id, organization_a, organization_b) DO UPDATE SET
         municipality_a = EXCLUDED.municipality_a, municipality_b = EXCLUDED.municipality_b, themes = EXCLUDED.themes,
         score = EXCLUDED.score, reasons = NULL, reasons_text = EXCLUDED.reasons_text, reasons_key = EXCLUDED.reasons_key,
         status = CASE WHEN s.status = 'dismissed' AND s.dismissed_key IS DISTINCT FROM EXCLUDED.reasons_key THEN 'open' ELSE s.status END,
         decided_at = CASE WHEN s.status = 'dismissed' AND s.dismissed_key IS DISTINCT FROM EXCLUDED.reasons_key THEN NULL ELSE s.decided_at END,
         updated_at = now()
       WHERE ${changed('s', {
         ma: 'EXCLUDED.municipality_a',
         mb: 'EXCLUDED.municipality_b',
         th: 'EXCLUDED.themes',
         sc: 'EXCLUDED.score',
         r: 'EXCLUDED.reasons_text',
         k: 'EXCLUDED.reasons_key',
       })}`,
      [tenantId, actorId],
    );
    step('upsert');
    await tx
      .unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed')
      .query(`SET LOCAL enable_nestloop = on`);
    // the decided pairs are not open (a dismissed pair whose reasons changed is open again by now)
    await tx.unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed').query(
      `DELETE FROM collaboration_open_suggestions o USING collaboration_suggestions s
        WHERE s.tenant_id = $1 AND s.status <> 'open'
          AND o.tenant_id = $1 AND o.organization_a = s.organization_a AND o.organization_b = s.organization_b`,
      [tenantId],
    );
    step('decided');
    // the communities: Louvain is seeded, so a change of weights alone leaves them as they were (no write)
    const ids = [...communities.keys()];
    await tx.unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed').query(
      `DELETE FROM collaboration_communities c
        WHERE c.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM unnest($2::uuid[]) AS o(id) WHERE o.id = c.organization_id)`,
      [tenantId, ids],
    );
    for (let i = 0; i < ids.length; i += 50_000) {
      const part = ids.slice(i, i + 50_000);
      await tx.unscoped('collaboration recompute: the background job writes the suggestions of the one tenant it computed').query(
        `INSERT INTO collaboration_communities AS c (tenant_id, organization_id, community)
         SELECT $1, x.o, x.n FROM unnest($2::uuid[], $3::int[]) AS x(o, n)
          WHERE NOT EXISTS (SELECT 1 FROM collaboration_communities e WHERE e.tenant_id = $1 AND e.organization_id = x.o AND e.community = x.n)
         ON CONFLICT (tenant_id, organization_id) DO UPDATE SET community = EXCLUDED.community WHERE c.community <> EXCLUDED.community`,
        [tenantId, part, part.map((id) => communities.get(id))],
      );
    }
    step('communities');
    return steps;
  }

  /**
   * Bumps the tenant's `map_versions.collaboration_open` (the page's count is kept per data version:
   * `openCount`): a recompute replaced the open pairs, and those that left or came back wrote nothing in
   * the table of every pair to bump it. The last statement of the recompute's transaction.
   */
  async touchOpen(tx: ScopedTx, tenantId: string): Promise<void> {
    await this.versions.bump(tx, tenantId, 'collaboration_open');
  }

  /**
   * After a recompute: a pass rewrites most rows, which clears their pages in the visibility map, and
   * the page's count is index-only only on all-visible pages (docs/benchmarks.md); autovacuum would
   * come later. Outside any transaction (VACUUM cannot run in one).
   */
  async vacuum(): Promise<void> {
    await this.door
      .unscoped('collaboration recompute: VACUUM of the tables it rewrote (all tenants; no rows read or written)')
      .query(`VACUUM (ANALYZE) collaboration_suggestions, collaboration_open_suggestions, collaboration_communities`);
  }

  /** Takes the tenant's recompute lock for the transaction, or answers false when another replica holds it. */
  async tryLock(tx: ScopedTx, tenantId: string): Promise<boolean> {
    const [{ locked }] = await tx
      .unscoped('collaboration recompute: an advisory lock per tenant, so one replica computes at a time')
      .query(`SELECT pg_try_advisory_xact_lock(hashtext('collaborations'), hashtext($1)) AS locked`, [tenantId]);
    return locked === true;
  }

  /** Run bookkeeping (its own short statements, so progress is visible while the recompute's transaction runs). */
  async updateRun(tenantId: string, changes: Record<string, unknown>): Promise<void> {
    const keys = Object.keys(changes);
    const sets = keys.map((k, i) => `${k} = $${i + 2}`).join(', ');
    await this.door.unscoped('collaboration recompute: the progress of the background job of one tenant').query(
      `INSERT INTO collaboration_runs AS r (tenant_id, ${keys.join(', ')}) VALUES ($1, ${keys.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (tenant_id) DO UPDATE SET ${sets}`,
      [tenantId, ...keys.map((k) => changes[k])],
    );
  }

  /** Asks for a recompute at `version` (kept if a newer one was asked); returns nothing. */
  async requestRun(tenantId: string, version: number): Promise<void> {
    await this.door.unscoped('collaboration recompute: queues the background job of one tenant').query(
      `INSERT INTO collaboration_runs AS r (tenant_id, requested_version, state) VALUES ($1, $2, 'pending')
         ON CONFLICT (tenant_id) DO UPDATE SET requested_version = greatest(r.requested_version, EXCLUDED.requested_version),
           state = CASE WHEN r.state = 'running' THEN 'running' ELSE 'pending' END`,
      [tenantId, version],
    );
  }

  /** Inserts the defaults row (version 0) if missing, so that a versioned update has a row to check. */
  async ensureSettings(tx: ScopedTx, scope: AccessScope, tenantId: string, values: Partial<CollaborationSettings>): Promise<void> {
    await tx.insert(scope, CollaborationSettings, { ...values, tenantId, version: 0 }, { orIgnore: true });
  }

  async updateSettings(
    tx: ScopedTx,
    scope: AccessScope,
    key: { id: string; version: number; tenantId: string },
    values: Partial<CollaborationSettings>,
  ) {
    await tx.updateVersioned(scope, CollaborationSettings, key, values);
  }

  async settingsInTx(tx: ScopedTx, scope: AccessScope, tenantId: string): Promise<CollaborationSettings | null> {
    return tx.select(scope, CollaborationSettings, 's', {}).andWhere('s.tenant_id = :tenantId', { tenantId }).getOne();
  }

  /** New collaborations per municipality and month (the `new_collaborations` indicator), in the caller's territory. */
  async newCollaborations(
    scope: AccessScope,
    from: string,
    to: string,
  ): Promise<{ municipalityId: string; month: string; value: number }[]> {
    return this.door
      .select(scope, CollaborationSuggestion, 's', { municipality: 's.collaboration_municipality_id', rule: 'visible' })
      .select('s.collaboration_municipality_id', 'municipalityId')
      .addSelect(`to_char(s.collaborated_at AT TIME ZONE 'Europe/Rome', 'YYYY-MM')`, 'month')
      .addSelect('count(*)::int', 'value')
      .andWhere('s.collaborated_at IS NOT NULL')
      .andWhere(`s.collaborated_at >= (:from::date)::timestamp AT TIME ZONE 'Europe/Rome'`, { from })
      .andWhere(`s.collaborated_at < ((:to::date) + 1)::timestamp AT TIME ZONE 'Europe/Rome'`, { to })
      .groupBy('s.collaboration_municipality_id')
      .addGroupBy('2')
      .getRawMany();
  }
}
