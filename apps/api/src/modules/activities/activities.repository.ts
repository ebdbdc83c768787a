import { Injectable } from '@nestjs/common';
import { ACTIVITY_COUNT_CAP, type ActivitySort, type ActivityStatus, type ActivityType, type Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { Bbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { cappedTotal, countCapped } from '../../common/database/capped-count';
import { createIdempotent } from '../../common/database/idempotent-create';
import { inflections, searchWords, tsqueryOfStems, usesWebSearchSyntax } from './activities-search';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { ActivitiesPolicy } from './activities.policy';
import { ActivityOrganization } from './activity-organization.entity';
import { ActivityReview } from './activity-review.entity';
import { Activity } from './activity.entity';

/** An activity with what its response needs (municipality, social area, people, organizations). */
export interface ActivityRow {
  id: string;
  tenantId: string;
  clientId: string;
  status: ActivityStatus;
  version: number;
  date: string;
  durationMinutes: number | null;
  type: ActivityType | null;
  title: string | null;
  description: string | null;
  participantsTotal: number | null;
  participantsCitizens: number | null;
  participantsYouth: number | null;
  participantsFamilies: number | null;
  participantsEts: number | null;
  participantsBusinesses: number | null;
  participantsPublicStaff: number | null;
  themes: Theme[];
  lat: number | null;
  lon: number | null;
  outcomes: string | null;
  followUps: string | null;
  /** absent when the query was asked to leave internal notes out */
  internalNotes?: string | null;
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  municipalityIstat: string;
  municipalityName: string;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  authorId: string;
  authorName: string;
  reviewerId: string | null;
  reviewerName: string | null;
  organizations: { id: string; name: string }[];
  initiativeId: string | null;
  /** null when the caller may not read the linked initiative */
  initiativeTitle: string | null;
  buildingId: string | null;
  /** null when the caller may not read the building */
  buildingName: string | null;
}

/** One decision of the review thread, with its reviewer's name. */
export interface ReviewRow {
  id: string;
  tenantId: string;
  activityId: string;
  round: number;
  decision: ActivityReview['decision'];
  comment: string | null;
  reviewerId: string;
  reviewerName: string;
  at: Date;
  editedAt: Date | null;
  seenAt: Date | null;
  undoneAt: Date | null;
  version: number;
}

export interface ReadOptions {
  /** false for callers who may not see internal notes: the column is not even read */
  internalNotes: boolean;
}

/** What a list or an export filters by (the query's filters without the sort); the caller's scope always applies on top of them. */
export interface ActivityFilters {
  /** ISTAT code */
  municipality?: string;
  /** social area code */
  socialArea?: string;
  /** author's user id */
  innovator?: string;
  type?: ActivityType;
  status?: ActivityStatus;
  theme?: Theme;
  /** organization id */
  organization?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** free text, Italian-aware (accents, word forms); never matches internal notes */
  q?: string;
  /** only the activities whose point lies in this box (the list of what a map shows); served by activities_point_idx */
  bbox?: Bbox;
}

export interface PageRequest {
  sort: ActivitySort;
  offset: number;
  limit: number;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
  istatCode: string;
}

const EXPORT_BATCH = 1000;

/** The columns of ActivityRow, as `[expression, alias]`. */
const ROW_COLUMNS: [string, string][] = [
  ['a.id', 'id'],
  ['a.tenant_id', 'tenantId'],
  ['a.client_id', 'clientId'],
  ['a.status', 'status'],
  ['a.version', 'version'],
  [`to_char(a.date, 'YYYY-MM-DD')`, 'date'],
  ['a.duration_minutes', 'durationMinutes'],
  ['a.type', 'type'],
  ['a.title', 'title'],
  ['a.description', 'description'],
  ['a.participants_total', 'participantsTotal'],
  ['a.participants_citizens', 'participantsCitizens'],
  ['a.participants_youth', 'participantsYouth'],
  ['a.participants_families', 'participantsFamilies'],
  ['a.participants_ets', 'participantsEts'],
  ['a.participants_businesses', 'participantsBusinesses'],
  ['a.participants_public_staff', 'participantsPublicStaff'],
  ['a.themes', 'themes'],
  ['a.lat', 'lat'],
  ['a.lon', 'lon'],
  ['a.outcomes', 'outcomes'],
  ['a.follow_ups', 'followUps'],
  ['a.review_comment', 'reviewComment'],
  ['a.submitted_at', 'submittedAt'],
  ['a.reviewed_at', 'reviewedAt'],
  ['a.created_at', 'createdAt'],
  ['a.updated_at', 'updatedAt'],
  ['m.istat_code', 'municipalityIstat'],
  ['m.name', 'municipalityName'],
  ['sa.code', 'socialAreaCode'],
  ['sa.name', 'socialAreaName'],
  ['au.id', 'authorId'],
  ['au.full_name', 'authorName'],
  ['rv.id', 'reviewerId'],
  ['rv.full_name', 'reviewerName'],
  ['a.initiative_id', 'initiativeId'],
  ['ini.title', 'initiativeTitle'],
  ['a.building_id', 'buildingId'],
  ['bld.name', 'buildingName'],
  [
    `coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY o.name, o.id)
                 FROM activity_organizations ao JOIN organizations o ON o.tenant_id = ao.tenant_id AND o.id = ao.organization_id
                WHERE ao.tenant_id = a.tenant_id AND ao.activity_id = a.id), '[]'::json)`,
    'organizations',
  ],
];

/** The `q` filter, resolved (stop words dropped by the database's Italian dictionary). */
type TextSearch = { kind: 'none' } | { kind: 'nothing' } | { kind: 'websearch'; text: string } | { kind: 'tsquery'; text: string };

/**
 * Filters that no date-ordered btree covers and that can be rare (text, organization, bbox): their page is computed from the
 * matches when those are few. A theme is not one of them: it is dense (a closed vocabulary) and the
 * ordered indexes carry `themes`, so the ordered walk tests it from the index.
 */
function hasSparseFilter(f: ActivityFilters, search: TextSearch): boolean {
  // a bbox is served by the GiST point index: a small area's matches are few, a large one's dense
  return search.kind !== 'none' || Boolean(f.organization) || Boolean(f.bbox);
}

type Query = ScopedSelectQueryBuilder<Activity>;

/**
 * `sort=submitted` (the review queue, status=submitted): oldest submission first, walked in
 * activities_review_queue_idx. The matches a sparse filter collects carry only id and date: there
 * (any alias but `a`) submitted_at is read back by primary key.
 */
function submittedOrder(alias: string): string {
  const submittedAt = alias === 'a' ? 'a.submitted_at' : `(SELECT s.submitted_at FROM activities s WHERE s.id = ${alias}.id)`;
  return `${submittedAt} ASC, ${alias}.id ASC`;
}

function orderBy(sort: ActivitySort, alias = 'a'): string {
  if (sort === 'submitted') return submittedOrder(alias);
  const direction = sort === 'date' ? 'ASC' : 'DESC';
  return `${alias}.date ${direction}, ${alias}.id ${direction}`;
}

/**
 * Queries of the activity log, all through the scoped data door. Every method takes the caller's
 * AccessScope: the activities are read through ActivitiesPolicy.readable (tenant, territory, and
 * the feature's rules: a draft is private to its author, municipality users read approved
 * activities only), the municipality and organization subqueries of the filters are bound by the
 * door too, and writes go through the transaction's ScopedTx.
 */
@Injectable()
export class ActivitiesRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ActivitiesPolicy,
    private readonly initiativesPolicy: InitiativesPolicy,
    private readonly buildingsPolicy: BuildingsPolicy,
  ) {}

  /** Activities the caller may read, as a query on alias `a` (in `db`'s transaction when given). */
  private readable(scope: AccessScope, db: ScopedReads = this.door): Query {
    return db.select(scope, this.policy.readable, 'a');
  }

  /** Resolves `q`: web-search syntax as typed, otherwise the words minus Italian stop words, with their inflections. */
  private async textSearch(q: string | undefined): Promise<TextSearch> {
    if (!q) return { kind: 'none' };
    if (usesWebSearchSyntax(q)) return { kind: 'websearch', text: q };
    const words = searchWords(q);
    if (words.length === 0) return { kind: 'none' };
    // stems of each word's forms, deduplicated; words that are stop words are dropped
    const forms = words.flatMap((w, i) => inflections(w).map((form) => ({ form, i })));
    const stems: { i: number; stems: string[] }[] = await this.door.unscoped('text-search dictionary lookup: touches no table').query(
      `WITH kept AS (SELECT (u.i - 1)::int AS i FROM unnest($1::text[]) WITH ORDINALITY AS u(w, i) WHERE ts_lexize('italian_stem', u.w) <> '{}')
       SELECT f.i, array_agg(DISTINCT x.stem ORDER BY x.stem) AS stems
         FROM unnest($2::text[], $3::int[]) AS f(form, i)
         JOIN kept ON kept.i = f.i
         CROSS JOIN LATERAL unnest(ts_lexize('italian_stem', f.form)) AS x(stem)
        GROUP BY f.i ORDER BY f.i`,
      [words, forms.map((f) => f.form), forms.map((f) => f.i)],
    );
    return stems.length === 0 ? { kind: 'nothing' } : { kind: 'tsquery', text: tsqueryOfStems(stems.map((s) => s.stems)) };
  }

  /**
   * THE filter function of the activities: the list, the export and the map layer apply it, so
   * that what the map counts is what the list lists. `a` is the alias of the bound activities.
   */
  private applyFilters(qb: Query, f: ActivityFilters, search: TextSearch, a = 'a'): Query {
    if (f.municipality) {
      const sub = qb
        .subquery('municipalities', 'fm')
        .select('fm.id')
        .andWhere('fm.istat_code = :fMunicipality', { fMunicipality: f.municipality });
      qb.andWhere(`${a}.municipality_id IN ${sub.getQuery()}`);
    }
    if (f.socialArea) {
      const sub = qb
        .subquery('municipalities', 'fs')
        .select('fs.id')
        .innerJoin('social_areas', 'fsa', 'fsa.id = fs.social_area_id')
        .andWhere('fsa.code = :fSocialArea', { fSocialArea: f.socialArea });
      qb.andWhere(`${a}.municipality_id IN ${sub.getQuery()}`);
    }
    if (f.organization) {
      const sub = qb
        .subquery('activity_organizations', 'fo')
        .select('fo.activity_id')
        .andWhere('fo.organization_id = :fOrganization', { fOrganization: f.organization });
      qb.andWhere(`${a}.id IN ${sub.getQuery()}`);
    }
    if (f.innovator) qb.andWhere(`${a}.author_id = :fInnovator`, { fInnovator: f.innovator });
    if (f.type) qb.andWhere(`${a}.type = :fType`, { fType: f.type });
    if (f.status) qb.andWhere(`${a}.status = :fStatus`, { fStatus: f.status });
    if (f.theme) qb.andWhere(`${a}.themes @> ARRAY[:fTheme]::text[]`, { fTheme: f.theme });
    if (f.from) qb.andWhere(`${a}.date >= :fFrom`, { fFrom: f.from });
    if (f.to) qb.andWhere(`${a}.date <= :fTo`, { fTo: f.to });
    if (f.bbox) {
      // the form of activities_point_idx (GiST on point(lon, lat), partial on lat IS NOT NULL)
      const [minLon, minLat, maxLon, maxLat] = f.bbox;
      qb.andWhere(`${a}.lat IS NOT NULL`).andWhere(
        `point(${a}.lon, ${a}.lat) <@ box(point(:fMinLon, :fMinLat), point(:fMaxLon, :fMaxLat))`,
        { fMinLon: minLon, fMinLat: minLat, fMaxLon: maxLon, fMaxLat: maxLat },
      );
    }
    if (search.kind === 'websearch')
      qb.andWhere(`${a}.search @@ websearch_to_tsquery('italian', trama_unaccent(:fQ))`, { fQ: search.text });
    // quoted [a-z0-9] stems and our own operators only: nothing typed is tsquery syntax
    if (search.kind === 'tsquery') qb.andWhere(`${a}.search @@ CAST(:fQ AS tsquery)`, { fQ: search.text });
    // only stop words: nothing matches, as with websearch_to_tsquery
    if (search.kind === 'nothing') qb.andWhere('1 = 0');
    return qb;
  }

  /**
   * The activities the caller may read (ActivitiesPolicy.readable) that match the filters, as a
   * bound query on `alias` selecting nothing yet: the map layer selects its points or its grid
   * cells from it (modules/map), as the list selects its page, so both count the same rows.
   */
  async filtered(scope: AccessScope, filters: ActivityFilters, alias = 'a'): Promise<Query> {
    const search = await this.textSearch(filters.q);
    return this.applyFilters(this.door.select(scope, this.policy.readable, alias), filters, search, alias);
  }

  private withRowColumns(qb: Query, options: ReadOptions): Query {
    qb.innerJoin('municipalities', 'm', 'm.id = a.municipality_id')
      .leftJoin('social_areas', 'sa', 'sa.id = m.social_area_id')
      .innerJoin('users', 'au', 'au.id = a.author_id')
      .leftJoin('users', 'rv', 'rv.id = a.reviewed_by')
      // the linked initiative, when the caller may read it (InitiativesPolicy: its rule goes into the ON condition)
      .leftJoinSource(this.initiativesPolicy.readable, 'ini', 'ini.id = a.initiative_id AND ini.tenant_id = a.tenant_id')
      // the building where it took place, when the caller may read it (BuildingsPolicy)
      .leftJoinSource(this.buildingsPolicy.readable, 'bld', 'bld.id = a.building_id AND bld.tenant_id = a.tenant_id')
      .select(ROW_COLUMNS[0][0], ROW_COLUMNS[0][1]);
    for (const [expression, alias] of ROW_COLUMNS.slice(1)) qb.addSelect(expression, alias);
    if (options.internalNotes) qb.addSelect('a.internal_notes', 'internalNotes');
    return qb;
  }

  /**
   * One page of the ids the caller may read that match the filters, in list order, and the number
   * of matches counted up to ACTIVITY_COUNT_CAP (`capped` when there are more). See docs/activities.md.
   */
  async listPage(
    scope: AccessScope,
    filters: ActivityFilters,
    page: PageRequest,
  ): Promise<{ ids: string[]; total: number; capped: boolean }> {
    const search = await this.textSearch(filters.q);
    const matching = this.applyFilters(this.readable(scope), filters, search).select('a.id', 'id');
    const window = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const counted = (n: number) => cappedTotal(n, ACTIVITY_COUNT_CAP);
    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
    // the page in list order straight from a (tenant, …, date, id) index: stops after `LIMIT` rows
    const ordered = () => this.door.run<{ id: string }>(matching.clone(), (sql) => `${sql} ORDER BY ${orderBy(page.sort)} ${window}`);

    if (!hasSparseFilter(filters, search)) {
      const [rows, n] = await Promise.all([ordered(), this.countMatches(scope, matching)]);
      return { ids: idsOf(rows), ...counted(n) };
    }
    // a filter served by a GIN index (text, theme) or by the join table (organization): collect
    // the matches once, up to the cap; when they are all there, count and sort them; when there
    // are more, they are dense enough for the ordered index walk to find a page quickly
    const collected = matching
      .clone()
      .addSelect('a.date', 'date')
      .limit(ACTIVITY_COUNT_CAP + 1);
    const [{ n, ids }] = await this.door.run<{ n: number; ids: string[] }>(
      collected,
      (matchSql) => `WITH matched AS MATERIALIZED (${matchSql})
       SELECT (SELECT count(*) FROM matched)::int AS n,
              coalesce((SELECT json_agg(p.id ORDER BY ${orderBy(page.sort, 'p')})
                          FROM (SELECT m.id, m.date FROM matched m ORDER BY ${orderBy(page.sort, 'm')} ${window}) p), '[]'::json) AS ids`,
    );
    if (n <= ACTIVITY_COUNT_CAP) return { ids, ...counted(n) };
    return { ids: idsOf(await ordered()), ...counted(n) };
  }

  /**
   * The number of matches, counted up to ACTIVITY_COUNT_CAP + 1. For an innovator the readable set
   * is "own OR colleagues' non-draft in the assigned municipalities" (ActivitiesPolicy), and that OR
   * keeps a single count on the date index (~100k entries walked at 1M rows). The two sides are
   * disjoint by author, so they are counted apart (`policy.countParts`), each with predicates it
   * already implies spelled out (author; or status and the assigned municipalities) so that each is
   * an index-only range read of the author or the municipality index. These predicates only
   * narrow `matching`, which keeps the access rule: they can never widen what is counted.
   */
  private async countMatches(scope: AccessScope, matching: Query): Promise<number> {
    const parts = this.policy.countParts(scope);
    if (!parts) return countCapped(this.door, matching, ACTIVITY_COUNT_CAP);
    const counts = await Promise.all(
      parts.map((part) => countCapped(this.door, matching.clone().andWhereRule('a', part), ACTIVITY_COUNT_CAP)),
    );
    return counts.reduce((sum, n) => sum + n, 0);
  }

  /** The activities among `ids` that the caller may read, with what their responses need (any order). */
  async findManyReadable(scope: AccessScope, ids: readonly string[], options: ReadOptions, tx?: ScopedTx): Promise<ActivityRow[]> {
    if (ids.length === 0) return [];
    const qb = this.withRowColumns(this.readable(scope, tx), options).andWhere('a.id IN (:...rowIds)', { rowIds: ids });
    return qb.getRawMany<ActivityRow>();
  }

  async findReadable(scope: AccessScope, id: string, options: ReadOptions, tx?: ScopedTx): Promise<ActivityRow | null> {
    const [row] = await this.findManyReadable(scope, [id], options, tx);
    return row ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<boolean> {
    return this.readable(scope).andWhere('a.id = :id', { id }).getExists();
  }

  /** Locks a readable activity for a change in the transaction; null when unknown or out of scope. */
  async lockReadable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Activity | null> {
    return this.readable(scope, tx).andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Creates the activity unless its tenant already has one with this clientId: then the same body
   * (`body`, the author included) returns it (`created: false`), another body throws `conflict()`.
   * Safe under concurrency (common/database/idempotent-create.ts).
   */
  async createIfAbsent(
    tx: ScopedTx,
    scope: AccessScope,
    values: Partial<Activity>,
    key: { clientId: string; body: unknown; conflict: () => Error },
  ): Promise<{ id: string; created: boolean; hash: string }> {
    return createIdempotent(tx, scope, Activity, { values, ...key });
  }

  /** Optimistic update of a locked activity (409 STALE_VERSION when `version` is not current). */
  async update(
    tx: ScopedTx,
    scope: AccessScope,
    activity: Pick<Activity, 'id' | 'tenantId'>,
    version: number,
    changes: Partial<Activity>,
  ): Promise<void> {
    await tx.updateVersioned(scope, Activity, { id: activity.id, version, tenantId: activity.tenantId }, changes);
  }

  async organizationIds(tx: ScopedTx, scope: AccessScope, activity: Pick<Activity, 'id' | 'tenantId'>): Promise<string[]> {
    const rows = await tx
      .select(scope, ActivityOrganization, 'ao')
      .select('ao.organization_id', 'id')
      .andWhere('ao.activity_id = :activityId', { activityId: activity.id })
      .orderBy('ao.organization_id')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async replaceOrganizations(
    tx: ScopedTx,
    scope: AccessScope,
    activity: Pick<Activity, 'id' | 'tenantId'>,
    organizationIds: readonly string[],
  ): Promise<void> {
    await tx.delete(scope, ActivityOrganization, { tenantId: activity.tenantId, activityId: activity.id });
    if (organizationIds.length === 0) return;
    await tx.insert(
      scope,
      ActivityOrganization,
      organizationIds.map((organizationId) => ({ tenantId: activity.tenantId, activityId: activity.id, organizationId })),
    );
  }

  /**
   * An organization merge (OrganizationsService.registerLinkMover): every activity linked to
   * `fromId` is linked to `toId` instead (once: an activity linked to both keeps one link). Returns
   * the number of activities whose link moved. Runs in the merge's transaction.
   */
  async moveOrganizationLinks(tx: ScopedTx, scope: AccessScope, link: { tenantId: string; fromId: string; toId: string }): Promise<number> {
    const linked = (organizationId: string) =>
      tx
        .select(scope, ActivityOrganization, 'ao')
        .select('ao.activity_id', 'activityId')
        .andWhere('ao.tenant_id = :moveTenant', { moveTenant: link.tenantId })
        .andWhere('ao.organization_id = :moveOrganization', { moveOrganization: organizationId })
        .getRawMany<{ activityId: string }>();
    const from = (await linked(link.fromId)).map((r) => r.activityId);
    if (from.length === 0) return 0;
    const already = new Set((await linked(link.toId)).map((r) => r.activityId));
    await tx.delete(scope, ActivityOrganization, { tenantId: link.tenantId, organizationId: link.fromId });
    const moved = from.filter((id) => !already.has(id));
    if (moved.length > 0) {
      await tx.insert(
        scope,
        ActivityOrganization,
        moved.map((activityId) => ({ tenantId: link.tenantId, activityId, organizationId: link.toId })),
      );
    }
    return from.length;
  }

  /**
   * The review thread of an activity the caller may read (through ActivitiesPolicy.readable), oldest
   * first; empty when the activity is out of scope. In `tx` when given (after a change in it).
   */
  async reviews(scope: AccessScope, activityId: string, tx?: ScopedTx): Promise<ReviewRow[]> {
    const qb = (tx ?? this.door)
      .select(scope, ActivityReview, 'r')
      .innerJoin('users', 'ru', 'ru.id = r.reviewer_id')
      .select('r.id', 'id')
      .addSelect('r.tenant_id', 'tenantId')
      .addSelect('r.activity_id', 'activityId')
      .addSelect('r.round', 'round')
      .addSelect('r.decision', 'decision')
      .addSelect('r.comment', 'comment')
      .addSelect('r.reviewer_id', 'reviewerId')
      .addSelect('ru.full_name', 'reviewerName')
      .addSelect('r.at', 'at')
      .addSelect('r.edited_at', 'editedAt')
      .addSelect('r.seen_at', 'seenAt')
      .addSelect('r.undone_at', 'undoneAt')
      .addSelect('r.version', 'version');
    const readable = qb.subquery(this.policy.readable, 'ra').select('ra.id').andWhere('ra.id = :reviewsOf', { reviewsOf: activityId });
    return qb.andWhere(`r.activity_id IN ${readable.getQuery()}`).orderBy('r.at', 'ASC').addOrderBy('r.id', 'ASC').getRawMany<ReviewRow>();
  }

  async insertReview(tx: ScopedTx, scope: AccessScope, values: Partial<ActivityReview>): Promise<void> {
    await tx.insert(scope, ActivityReview, values);
  }

  /** Optimistic update of one review decision (409 STALE_VERSION when `version` is not current). */
  async updateReview(
    tx: ScopedTx,
    scope: AccessScope,
    review: Pick<ReviewRow, 'id' | 'tenantId' | 'version'>,
    changes: Partial<ActivityReview>,
  ): Promise<void> {
    await tx.updateVersioned(scope, ActivityReview, { id: review.id, version: review.version, tenantId: review.tenantId }, changes);
  }

  /** The municipalities of the caller's tenant with this ISTAT code (an admin may get one per tenant). */
  async findMunicipalities(scope: AccessScope, istatCode: string, tx?: ScopedTx): Promise<MunicipalityKey[]> {
    return (tx ?? this.door)
      .select(scope, 'municipalities', 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .getRawMany<MunicipalityKey>();
  }

  async municipalityIstat(tx: ScopedTx, scope: AccessScope, municipalityId: string): Promise<string | null> {
    const row = await tx
      .select(scope, 'municipalities', 'm')
      .select('m.istat_code', 'istatCode')
      .andWhere('m.id = :municipalityId', { municipalityId })
      .getRawOne<{ istatCode: string }>();
    return row?.istatCode ?? null;
  }

  /**
   * Every readable activity matching the filters, in list order, in batches read from a server-side
   * cursor inside one read-only REPEATABLE READ transaction (a consistent snapshot). The next batch
   * is fetched only when the consumer asks for it, so memory stays flat whatever the size; stopping
   * early (client gone) closes the cursor and returns the connection to the pool.
   */
  async *streamReadable(
    scope: AccessScope,
    filters: ActivityFilters,
    sort: ActivitySort,
    options: ReadOptions,
  ): AsyncGenerator<ActivityRow[]> {
    const search = await this.textSearch(filters.q);
    const qb = this.withRowColumns(this.applyFilters(this.readable(scope), filters, search), options);
    if (hasSparseFilter(filters, search)) {
      // as in listPage: few matches of a GIN-served filter are collected first (OFFSET 0 keeps the
      // subquery from being flattened), so that the cursor never walks the whole date index for them
      const matching = this.applyFilters(this.readable(scope), filters, search).select('a.id', 'id');
      const n = await countCapped(this.door, matching, ACTIVITY_COUNT_CAP);
      if (n <= ACTIVITY_COUNT_CAP) {
        const matched = this.applyFilters(qb.subquery(this.policy.readable, 'a'), filters, search).select('a.id', 'id').offset(0);
        qb.andWhere(`a.id IN (SELECT matched.id FROM ${matched.getQuery()} matched)`);
      }
    }
    yield* this.door.stream<ActivityRow>(qb, {
      shell: (sql) => `${sql} ORDER BY ${orderBy(sort)}`,
      cursor: 'activity_export',
      batchSize: EXPORT_BATCH,
    });
  }
}
