import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_COUNT_CAP,
  type ActivityFilters,
  type ActivitySort,
  type ActivityStatus,
  type ActivityType,
  type Theme,
} from '@trama/contracts';
import { Brackets, DataSource, EntityManager, type ObjectLiteral, SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import type { AccessScope } from '../../common/access/access-scope';
import { AuditEntry } from '../../common/audit/audit-entry.entity';
import { updateVersioned } from '../../common/database/versioned-update';
import { inflections, searchWords, tsqueryOfStems, usesWebSearchSyntax } from './activities-search';
import { ActivityOrganization } from './activity-organization.entity';
import { Activity } from './activity.entity';

/** An activity with what its response needs (municipality, social area, people, organizations). */
export interface ActivityRow {
  id: string;
  tenantId: string;
  clientId: string;
  status: ActivityStatus;
  version: number;
  date: string;
  durationMinutes: number;
  type: ActivityType;
  title: string;
  description: string | null;
  participantsTotal: number;
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
}

export interface ReadOptions {
  /** false for callers who may not see internal notes: the column is not even read */
  internalNotes: boolean;
}

export interface PageRequest {
  sort: ActivitySort;
  offset: number;
  limit: number;
}

export interface HistoryRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
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
 * Filters that no date-ordered btree covers and that can be rare: their page is computed from the
 * matches when those are few. A theme is not one of them: it is dense (a closed vocabulary) and the
 * ordered indexes carry `themes`, so the ordered walk tests it from the index.
 */
function hasSparseFilter(f: ActivityFilters, search: TextSearch): boolean {
  return search.kind !== 'none' || Boolean(f.organization);
}

/** TypeORM hands Brackets a builder of the outer query's class (sharing its parameters): a SelectQueryBuilder here. */
function asSelect(where: WhereExpressionBuilder): SelectQueryBuilder<Activity> {
  if (!(where instanceof SelectQueryBuilder)) throw new Error('expected a SelectQueryBuilder inside Brackets');
  return where as SelectQueryBuilder<Activity>;
}

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
 * Queries of the activity log. Every method takes the caller's AccessScope: tenant and territory
 * are bound by `scope.apply` (on the activity, and on the municipality subqueries that filters and
 * the innovators' rule use); the feature's own visibility rules (a draft is private to its author,
 * municipality users read approved activities only) are added in `readable`, and nowhere else.
 */
@Injectable()
export class ActivitiesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Activities the caller may read, as a query on alias `a`. */
  private readable(scope: AccessScope, manager?: EntityManager): SelectQueryBuilder<Activity> {
    const qb = (manager ?? this.dataSource.manager).createQueryBuilder(Activity, 'a');
    // tenant (admins: every tenant), and a municipality user's territory
    scope.apply(qb, 'a', { municipality: 'a.municipality_id', territory: 'visible' });
    if (scope.role === 'municipality') {
      qb.andWhere(`a.status = 'approved'`);
    } else if (scope.role === 'innovator') {
      // their own activities (any status, any municipality), and the colleagues' activities in
      // the municipalities assigned to them, except drafts (private to their author). The assigned
      // municipalities are bound by scope.apply inside the OR branch, as a literal list: the planner
      // estimates it from statistics and can combine the author and municipality indexes.
      qb.andWhere(
        new Brackets((w) =>
          w.where('a.author_id = :readableActor', { readableActor: scope.actor.id }).orWhere(
            new Brackets((colleagues) => {
              colleagues.where(`a.status <> 'draft'`);
              scope.apply(asSelect(colleagues), 'a', { municipality: 'a.municipality_id', territory: 'assigned' });
            }),
          ),
        ),
      );
    }
    return qb;
  }

  /** A builder for a subquery (its SQL and parameters are merged into the outer query by the caller). */
  private sub(): SelectQueryBuilder<ObjectLiteral> {
    return this.dataSource.createQueryBuilder();
  }

  /** Adds a scoped subquery's SQL in a condition and its parameters to the outer query. */
  private whereIn<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, column: string, sub: SelectQueryBuilder<ObjectLiteral>): void {
    qb.andWhere(`${column} IN (${sub.getQuery()})`);
    qb.setParameters({ ...qb.getParameters(), ...sub.getParameters() });
  }

  /** Resolves `q`: web-search syntax as typed, otherwise the words minus Italian stop words, with their inflections. */
  private async textSearch(q: string | undefined): Promise<TextSearch> {
    if (!q) return { kind: 'none' };
    if (usesWebSearchSyntax(q)) return { kind: 'websearch', text: q };
    const words = searchWords(q);
    if (words.length === 0) return { kind: 'none' };
    // stems of each word's forms, deduplicated; words that are stop words are dropped
    const forms = words.flatMap((w, i) => inflections(w).map((form) => ({ form, i })));
    const stems: { i: number; stems: string[] }[] = await this.dataSource.query(
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

  private applyFilters(
    qb: SelectQueryBuilder<Activity>,
    scope: AccessScope,
    f: ActivityFilters,
    search: TextSearch,
  ): SelectQueryBuilder<Activity> {
    if (f.municipality) {
      const sub = this.sub()
        .select('fm.id')
        .from('municipalities', 'fm')
        .where('fm.istat_code = :fMunicipality', { fMunicipality: f.municipality });
      this.whereIn(qb, 'a.municipality_id', scope.apply(sub, 'fm'));
    }
    if (f.socialArea) {
      const sub = this.sub()
        .select('fs.id')
        .from('municipalities', 'fs')
        .innerJoin('social_areas', 'fsa', 'fsa.id = fs.social_area_id')
        .where('fsa.code = :fSocialArea', { fSocialArea: f.socialArea });
      this.whereIn(qb, 'a.municipality_id', scope.apply(sub, 'fs'));
    }
    if (f.organization) {
      const sub = this.sub()
        .select('fo.activity_id')
        .from('activity_organizations', 'fo')
        .where('fo.organization_id = :fOrganization', { fOrganization: f.organization });
      this.whereIn(qb, 'a.id', scope.apply(sub, 'fo'));
    }
    if (f.innovator) qb.andWhere('a.author_id = :fInnovator', { fInnovator: f.innovator });
    if (f.type) qb.andWhere('a.type = :fType', { fType: f.type });
    if (f.status) qb.andWhere('a.status = :fStatus', { fStatus: f.status });
    if (f.theme) qb.andWhere('a.themes @> ARRAY[:fTheme]::text[]', { fTheme: f.theme });
    if (f.from) qb.andWhere('a.date >= :fFrom', { fFrom: f.from });
    if (f.to) qb.andWhere('a.date <= :fTo', { fTo: f.to });
    if (search.kind === 'websearch') qb.andWhere(`a.search @@ websearch_to_tsquery('italian', trama_unaccent(:fQ))`, { fQ: search.text });
    // quoted [a-z0-9] stems and our own operators only: nothing typed is tsquery syntax
    if (search.kind === 'tsquery') qb.andWhere(`a.search @@ CAST(:fQ AS tsquery)`, { fQ: search.text });
    // only stop words: nothing matches, as with websearch_to_tsquery
    if (search.kind === 'nothing') qb.andWhere('1 = 0');
    return qb;
  }

  private withRowColumns(qb: SelectQueryBuilder<Activity>, options: ReadOptions): SelectQueryBuilder<Activity> {
    qb.innerJoin('municipalities', 'm', 'm.id = a.municipality_id')
      .leftJoin('social_areas', 'sa', 'sa.id = m.social_area_id')
      .innerJoin('users', 'au', 'au.id = a.author_id')
      .leftJoin('users', 'rv', 'rv.id = a.reviewed_by')
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
    const matching = this.applyFilters(this.readable(scope), scope, filters, search).select('a.id', 'id');
    const window = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const counted = (n: number) => ({ total: Math.min(n, ACTIVITY_COUNT_CAP), capped: n > ACTIVITY_COUNT_CAP });
    const idsOf = (rows: { id: string }[]) => rows.map((r) => r.id);
    // the page in list order straight from a (tenant, …, date, id) index: stops after `LIMIT` rows
    const [orderedSql, orderedParams] = matching.clone().getQueryAndParameters();
    const ordered = () => this.dataSource.query(`${orderedSql} ORDER BY ${orderBy(page.sort)} ${window}`, orderedParams);

    if (!hasSparseFilter(filters, search)) {
      const [rows, n] = await Promise.all([ordered(), this.countCapped(scope, matching)]);
      return { ids: idsOf(rows), ...counted(n) };
    }
    // a filter served by a GIN index (text, theme) or by the join table (organization): collect
    // the matches once, up to the cap; when they are all there, count and sort them; when there
    // are more, they are dense enough for the ordered index walk to find a page quickly
    const [matchSql, matchParams] = matching
      .clone()
      .addSelect('a.date', 'date')
      .limit(ACTIVITY_COUNT_CAP + 1)
      .getQueryAndParameters();
    const [{ n, ids }] = await this.dataSource.query(
      `WITH matched AS MATERIALIZED (${matchSql})
       SELECT (SELECT count(*) FROM matched)::int AS n,
              coalesce((SELECT json_agg(p.id ORDER BY ${orderBy(page.sort, 'p')})
                          FROM (SELECT m.id, m.date FROM matched m ORDER BY ${orderBy(page.sort, 'm')} ${window}) p), '[]'::json) AS ids`,
      matchParams,
    );
    if (n <= ACTIVITY_COUNT_CAP) return { ids: ids as string[], ...counted(n) };
    return { ids: idsOf(await ordered()), ...counted(n) };
  }

  /**
   * The number of matches, counted up to ACTIVITY_COUNT_CAP + 1. For an innovator the readable set
   * is "own OR colleagues' non-draft in the assigned municipalities" (`readable`), and that OR keeps
   * a single count on the date index (~100k entries walked at 1M rows). The two sides are disjoint
   * by author, so they are counted apart, each with predicates it already implies spelled out
   * (author; or status and the assigned municipalities) so that each is an index-only range read
   * of the author or the municipality index. These predicates only narrow `matching`, which keeps
   * the access rule: they can never widen what is counted.
   */
  private async countCapped(scope: AccessScope, matching: SelectQueryBuilder<Activity>): Promise<number> {
    const count = async (qb: SelectQueryBuilder<Activity>): Promise<number> => {
      const [sql, params] = qb.limit(ACTIVITY_COUNT_CAP + 1).getQueryAndParameters();
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) counted`, params);
      return n;
    };
    const assigned = scope.municipalityIds('assigned');
    if (scope.role !== 'innovator' || assigned === null) return count(matching.clone());
    const own = count(matching.clone().andWhere('a.author_id = :countActor', { countActor: scope.actor.id }));
    const colleagues =
      assigned.length === 0
        ? Promise.resolve(0)
        : count(
            matching
              .clone()
              .andWhere('a.author_id <> :countActor', { countActor: scope.actor.id })
              .andWhere(`a.status <> 'draft'`)
              .andWhere('a.municipality_id IN (:...countMunicipalities)', { countMunicipalities: [...assigned] }),
          );
    const [a, b] = await Promise.all([own, colleagues]);
    return a + b;
  }

  /** The activities among `ids` that the caller may read, with what their responses need (any order). */
  async findManyReadable(
    scope: AccessScope,
    ids: readonly string[],
    options: ReadOptions,
    manager?: EntityManager,
  ): Promise<ActivityRow[]> {
    if (ids.length === 0) return [];
    const qb = this.withRowColumns(this.readable(scope, manager), options).andWhere('a.id IN (:...rowIds)', { rowIds: ids });
    return qb.getRawMany<ActivityRow>();
  }

  async findReadable(scope: AccessScope, id: string, options: ReadOptions, manager?: EntityManager): Promise<ActivityRow | null> {
    const [row] = await this.findManyReadable(scope, [id], options, manager);
    return row ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<boolean> {
    return this.readable(scope).andWhere('a.id = :id', { id }).getExists();
  }

  /** Locks a readable activity for a change in `manager`'s transaction; null when unknown or out of scope. */
  async lockReadable(manager: EntityManager, scope: AccessScope, id: string): Promise<Activity | null> {
    return this.readable(scope, manager).andWhere('a.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /**
   * Inserts the activity unless its tenant already has one with this clientId (then null). Safe
   * under concurrency: the unique index (tenant_id, client_id) decides, a concurrent twin waits
   * for the first insert to commit and then does nothing.
   */
  async insertIfAbsent(manager: EntityManager, scope: AccessScope, values: Partial<Activity>): Promise<string | null> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Activity)
      .values({ ...values, createdBy: scope.actor.id, updatedBy: scope.actor.id } as never)
      .orIgnore()
      .returning('id')
      .execute();
    const raw = result.raw as { id: string }[];
    return raw.length > 0 ? raw[0].id : null;
  }

  /** The activity of the caller's tenant holding this clientId, whoever its author (to tell a retry from a clash). */
  async findByClientId(
    manager: EntityManager,
    scope: AccessScope,
    clientId: string,
  ): Promise<Pick<Activity, 'id' | 'authorId' | 'clientHash'> | null> {
    const qb = manager
      .createQueryBuilder(Activity, 'a')
      .select(['a.id', 'a.authorId', 'a.clientHash'])
      .where('a.client_id = :clientId', { clientId });
    return (await scope.apply(qb, 'a').getOne()) ?? null;
  }

  /** Optimistic update of a locked activity (409 STALE_VERSION when `version` is not current). */
  async update(
    manager: EntityManager,
    scope: AccessScope,
    activity: Pick<Activity, 'id' | 'tenantId'>,
    version: number,
    changes: Partial<Activity>,
  ): Promise<void> {
    if (!scope.canReachTenant(activity.tenantId)) throw new Error('update outside the caller tenant');
    await updateVersioned(
      manager,
      Activity,
      { id: activity.id, tenantId: activity.tenantId, version },
      { ...changes, updatedBy: scope.actor.id },
    );
  }

  async organizationIds(manager: EntityManager, scope: AccessScope, activity: Pick<Activity, 'id' | 'tenantId'>): Promise<string[]> {
    const qb = manager
      .createQueryBuilder(ActivityOrganization, 'ao')
      .select('ao.organization_id', 'id')
      .where('ao.activity_id = :activityId', { activityId: activity.id })
      .orderBy('ao.organization_id');
    const rows = await scope.apply(qb, 'ao').getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async replaceOrganizations(
    manager: EntityManager,
    scope: AccessScope,
    activity: Pick<Activity, 'id' | 'tenantId'>,
    organizationIds: readonly string[],
  ): Promise<void> {
    if (!scope.canReachTenant(activity.tenantId)) throw new Error('link outside the caller tenant');
    await manager.delete(ActivityOrganization, { tenantId: activity.tenantId, activityId: activity.id });
    if (organizationIds.length === 0) return;
    await manager.insert(
      ActivityOrganization,
      organizationIds.map((organizationId) => ({ tenantId: activity.tenantId, activityId: activity.id, organizationId })),
    );
  }

  /** The municipalities of the caller's tenant with this ISTAT code (an admin may get one per tenant). */
  async findMunicipalities(scope: AccessScope, istatCode: string, manager?: EntityManager): Promise<MunicipalityKey[]> {
    const qb = (manager ?? this.dataSource.manager)
      .createQueryBuilder()
      .from('municipalities', 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .where('m.istat_code = :istatCode', { istatCode });
    return scope.apply(qb, 'm').getRawMany<MunicipalityKey>();
  }

  async municipalityIstat(manager: EntityManager, scope: AccessScope, municipalityId: string): Promise<string | null> {
    const qb = manager
      .createQueryBuilder()
      .from('municipalities', 'm')
      .select('m.istat_code', 'istatCode')
      .where('m.id = :municipalityId', { municipalityId });
    const row = await scope.apply(qb, 'm').getRawOne<{ istatCode: string }>();
    return row?.istatCode ?? null;
  }

  /** The audit entries of one activity, oldest first, with the actors' names. */
  async history(scope: AccessScope, activityId: string): Promise<HistoryRow[]> {
    const qb = this.dataSource
      .createQueryBuilder(AuditEntry, 'al')
      .leftJoin('users', 'actor', 'actor.id = al.actor_id')
      .select('al.id::text', 'id')
      .addSelect('al.at', 'at')
      .addSelect('al.actor_id', 'actorId')
      .addSelect('actor.full_name', 'actorName')
      .addSelect('al.action', 'action')
      .addSelect('al.before', 'before')
      .addSelect('al.after', 'after')
      .where(`al.entity = 'activity'`)
      .andWhere('al.entity_id = :activityId', { activityId });
    return scope.apply(qb, 'al').orderBy('al.at', 'ASC').addOrderBy('al.id', 'ASC').getRawMany<HistoryRow>();
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
    const qb = this.withRowColumns(this.applyFilters(this.readable(scope), scope, filters, search), options);
    if (hasSparseFilter(filters, search)) {
      // as in listPage: few matches of a GIN-served filter are collected first (OFFSET 0 keeps the
      // subquery from being flattened), so that the cursor never walks the whole date index for them
      const matching = this.applyFilters(this.readable(scope), scope, filters, search).select('a.id', 'id');
      const [countSql, countParams] = matching
        .clone()
        .limit(ACTIVITY_COUNT_CAP + 1)
        .getQueryAndParameters();
      const [{ n }] = await this.dataSource.query(`SELECT count(*)::int AS n FROM (${countSql}) counted`, countParams);
      if (n <= ACTIVITY_COUNT_CAP) {
        qb.andWhere(`a.id IN (SELECT matched.id FROM (${matching.getQuery()} OFFSET 0) matched)`);
      }
    }
    const [sql, params] = qb.getQueryAndParameters();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let open = false;
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      open = true;
      await runner.query(`DECLARE activity_export NO SCROLL CURSOR FOR ${sql} ORDER BY ${orderBy(sort)}`, params);
      for (;;) {
        const rows: ActivityRow[] = await runner.query(`FETCH ${EXPORT_BATCH} FROM activity_export`);
        if (rows.length === 0) break;
        yield rows;
      }
      await runner.query('COMMIT');
      open = false;
    } finally {
      try {
        if (open) await runner.query('ROLLBACK');
      } finally {
        await runner.release();
      }
    }
  }
}
