import { Injectable } from '@nestjs/common';
import { ACTIVITY_COUNT_CAP, type ActivityStatus, type ActivityType, type Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { countCapped } from '../../common/database/capped-count';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesService } from '../initiatives/initiatives.service';
import type { OrganizationFiltersQuery } from '../organizations/dto/list-organizations.query';
import { OrganizationsService } from '../organizations/organizations.service';
import { TerritoryPolicy } from '../territory/territory.policy';
import { UsersPolicy } from '../users/users.policy';

/** An activity as a home lists it. */
export interface HomeActivityRow {
  id: string;
  title: string;
  date: string;
  type: ActivityType;
  status: ActivityStatus;
  themes: Theme[];
  municipalityIstat: string;
  municipalityName: string;
  authorId: string;
  authorName: string | null;
  reviewComment: string | null;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  updatedAt: Date;
}

export interface PointRow {
  id: string;
  title: string;
  date: string;
  type: ActivityType;
  lat: number;
  lon: number;
  municipalityName: string;
}

export interface UnvisitedRow {
  istatCode: string;
  name: string;
  lastVisit: string | null;
}

export interface InactiveRow {
  id: string;
  fullName: string;
  lastActivityDate: string | null;
  total: number;
}

/** The order of a home list: how recent its items are for the reader of that list. */
export type HomeListOrder = 'reviewedDesc' | 'updatedDesc' | 'submittedAsc' | 'dateDesc' | 'reviewedAsc';

const ORDERS: Record<HomeListOrder, string> = {
  reviewedDesc: 'a.reviewed_at DESC, a.id DESC',
  updatedDesc: 'a.updated_at DESC, a.id DESC',
  submittedAsc: 'a.submitted_at ASC, a.id ASC',
  dateDesc: 'a.date DESC, a.id DESC',
  reviewedAsc: 'a.reviewed_at ASC, a.id ASC',
};

/** What narrows a home list or count, on top of the caller's scope (ActivitiesPolicy.readable, always). */
export interface HomeFilter {
  status?: ActivityStatus;
  /** the author's user id: an innovator's own work */
  authorId?: string;
  /** YYYY-MM-DD, inclusive */
  from?: string;
  to?: string;
  /** returned before this instant (ISO): returned long ago */
  reviewedBefore?: string;
  /** only activities with a point */
  located?: boolean;
}

type Query = ReturnType<HomeRepository['readableQuery']>;

/**
 * Queries of the homes, all through the scoped data door and composed from the owners' policies:
 * activities through ActivitiesPolicy.readable (so a municipality user's counts are of approved
 * activities of their territory, an innovator's of what they may read), municipalities through
 * TerritoryPolicy, users and assignments through UsersPolicy. No other feature's table is named.
 *
 * Index use at 1M activities (docs/activities.md, bench scenario `home`):
 * - an innovator's own work (`author_id = me`, by status): activities_author_idx (tenant, author,
 *   date) INCLUDE (status, …), an index-only read of the author's entries (~25,000 at 1M);
 * - the review queue: count and oldest from the partial activities_review_queue_idx;
 * - returned long ago: the partial activities_returned_idx (tenant, reviewed_at) of this module;
 * - the week's output: a range of activities_output_idx (tenant, date) INCLUDE (status, type);
 * - a territory's approved activities: activities_municipality_idx (tenant, municipality, date)
 *   INCLUDE (status, type, themes), one range per municipality of the territory;
 * - last visit / last activity: `max(date)` probes answered by one descent of the municipality or
 *   author index each.
 */
@Injectable()
export class HomeRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly activitiesPolicy: ActivitiesPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly usersPolicy: UsersPolicy,
    private readonly buildingsPolicy: BuildingsPolicy,
    private readonly organizations: OrganizationsService,
    private readonly initiatives: InitiativesService,
  ) {}

  /**
   * The registers of the caller's territory per category, each counted on what its list counts
   * without filters: buildings through BuildingsPolicy.readable (the buildings' `filtered` with no
   * filter is exactly that), organizations and initiatives through their services' `filtered(scope,
   * {}, alias)` (their policies; merged organizations left out). So the sums equal the lists' totals
   * and a category equals the list filtered by it (home-territory.int-spec.ts).
   */
  async registerCounts(scope: AccessScope): Promise<{
    buildings: { key: string; n: number }[];
    organizations: { key: string; n: number }[];
    initiatives: { key: string; n: number }[];
  }> {
    const [buildings, organizations, initiatives] = await Promise.all([
      this.door
        .select(scope, this.buildingsPolicy.readable, 'hb')
        .select('hb.stage', 'key')
        .addSelect('count(*)::int', 'n')
        .groupBy('hb.stage')
        .getRawMany(),
      this.organizations
        .filtered(scope, {} as OrganizationFiltersQuery, 'ho')
        .select('ho.kind', 'key')
        .addSelect('count(*)::int', 'n')
        .groupBy('ho.kind')
        .getRawMany(),
      this.initiatives
        .filtered(scope, {}, 'hi')
        .select('hi.status', 'key')
        .addSelect('count(*)::int', 'n')
        .groupBy('hi.status')
        .getRawMany(),
    ]);
    return { buildings, organizations, initiatives };
  }

  private readableQuery(scope: AccessScope) {
    return this.door.select(scope, this.activitiesPolicy.readable, 'a');
  }

  private readable(scope: AccessScope, f: HomeFilter): Query {
    const qb = this.readableQuery(scope);
    if (f.status) qb.andWhere('a.status = :hStatus', { hStatus: f.status });
    if (f.authorId) qb.andWhere('a.author_id = :hAuthor', { hAuthor: f.authorId });
    if (f.from) qb.andWhere('a.date >= CAST(:hFrom AS date)', { hFrom: f.from });
    if (f.to) qb.andWhere('a.date <= CAST(:hTo AS date)', { hTo: f.to });
    if (f.reviewedBefore) qb.andWhere('a.reviewed_at < CAST(:hReviewedBefore AS timestamptz)', { hReviewedBefore: f.reviewedBefore });
    if (f.located) qb.andWhere('a.lat IS NOT NULL AND a.lon IS NOT NULL');
    return qb;
  }

  /** The number of readable activities matching `f`, counted up to ACTIVITY_COUNT_CAP + 1. */
  async count(scope: AccessScope, f: HomeFilter): Promise<number> {
    return countCapped(this.door, this.readable(scope, f).select('a.id', 'id'), ACTIVITY_COUNT_CAP);
  }

  /** Readable activities per status (exact: used with a narrow filter, an author or a week). */
  async countByStatus(scope: AccessScope, f: HomeFilter): Promise<{ key: ActivityStatus; n: number }[]> {
    return this.readable(scope, f).select('a.status', 'key').addSelect('count(*)::int', 'n').groupBy('a.status').getRawMany();
  }

  /** Readable activities per type (exact). */
  async countByType(scope: AccessScope, f: HomeFilter): Promise<{ key: ActivityType; n: number }[]> {
    return this.readable(scope, f).select('a.type', 'key').addSelect('count(*)::int', 'n').groupBy('a.type').getRawMany();
  }

  /** Readable activities per theme (an activity counts once under each of its themes). */
  async countByTheme(scope: AccessScope, f: HomeFilter): Promise<{ key: Theme; n: number }[]> {
    const qb = this.readable(scope, f).select('a.themes', 'themes');
    return this.door.run(
      qb,
      (sql) => `SELECT t.theme AS key, count(*)::int AS n FROM (${sql}) x, unnest(x.themes) AS t(theme) GROUP BY t.theme`,
    );
  }

  /** Up to `limit` readable activities matching `f`, in `order`, with municipality and author names. */
  async list(scope: AccessScope, f: HomeFilter, order: HomeListOrder, limit: number): Promise<HomeActivityRow[]> {
    const qb = this.readable(scope, f)
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = a.municipality_id AND m.tenant_id = a.tenant_id')
      .leftJoinSource(this.usersPolicy.users, 'u', 'u.id = a.author_id AND u.tenant_id = a.tenant_id')
      .select('a.id', 'id')
      .addSelect('a.title', 'title')
      .addSelect(`to_char(a.date, 'YYYY-MM-DD')`, 'date')
      .addSelect('a.type', 'type')
      .addSelect('a.status', 'status')
      .addSelect('a.themes', 'themes')
      .addSelect('m.istat_code', 'municipalityIstat')
      .addSelect('m.name', 'municipalityName')
      .addSelect('a.author_id', 'authorId')
      .addSelect('u.full_name', 'authorName')
      .addSelect(this.activitiesPolicy.readsStaffFields(scope) ? 'a.review_comment' : 'NULL::text', 'reviewComment')
      .addSelect('a.submitted_at', 'submittedAt')
      .addSelect('a.reviewed_at', 'reviewedAt')
      .addSelect('a.updated_at', 'updatedAt');
    return this.door.run<HomeActivityRow>(qb, (sql) => `${sql} ORDER BY ${ORDERS[order]} LIMIT ${Math.trunc(limit)}`);
  }

  /** Up to `limit` readable activities with a point, latest first. */
  async points(scope: AccessScope, f: HomeFilter, limit: number): Promise<PointRow[]> {
    const qb = this.readable(scope, { ...f, located: true })
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = a.municipality_id AND m.tenant_id = a.tenant_id')
      .select('a.id', 'id')
      .addSelect('a.title', 'title')
      .addSelect(`to_char(a.date, 'YYYY-MM-DD')`, 'date')
      .addSelect('a.type', 'type')
      .addSelect('a.lat', 'lat')
      .addSelect('a.lon', 'lon')
      .addSelect('m.name', 'municipalityName');
    return this.door.run<PointRow>(qb, (sql) => `${sql} ORDER BY a.date DESC, a.id DESC LIMIT ${Math.trunc(limit)}`);
  }

  /**
   * The municipalities assigned to `userId` (as UsersPolicy lets the caller read them), with the
   * date of the user's last activity there up to `today` (null: never).
   */
  async assignedWithLastVisit(scope: AccessScope, userId: string, today: string): Promise<UnvisitedRow[]> {
    const qb = this.door.select(scope, this.usersPolicy.assignments, 'um');
    const lastVisit = qb
      .subquery(this.activitiesPolicy.readable, 'va')
      .select(`to_char(max(va.date), 'YYYY-MM-DD')`)
      .andWhere('va.tenant_id = um.tenant_id AND va.author_id = um.user_id AND va.municipality_id = um.municipality_id')
      .andWhere('va.date <= CAST(:hToday AS date)', { hToday: today });
    return qb
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = um.municipality_id AND m.tenant_id = um.tenant_id')
      .select('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect(lastVisit.getQuery(), 'lastVisit')
      .andWhere('um.user_id = :hUser', { hUser: userId })
      .getRawMany<UnvisitedRow>();
  }

  /**
   * Active innovators (as UsersPolicy lets the caller read them) whose last activity up to `today`
   * is before `since` or who have none: never active first, then the longest inactive; at most
   * `limit`, each row carrying the number of all of them (`total`).
   */
  async inactiveInnovators(scope: AccessScope, since: string, today: string, limit: number): Promise<InactiveRow[]> {
    const qb = this.door.select(scope, this.usersPolicy.users, 'u');
    const lastActivity = qb
      .subquery(this.activitiesPolicy.readable, 'la')
      .select('max(la.date)')
      .andWhere('la.tenant_id = u.tenant_id AND la.author_id = u.id')
      .andWhere('la.date <= CAST(:hToday AS date)', { hToday: today });
    const recent = qb
      .subquery(this.activitiesPolicy.readable, 'ra')
      .select('1')
      .andWhere('ra.tenant_id = u.tenant_id AND ra.author_id = u.id')
      .andWhere('ra.date >= CAST(:hSince AS date) AND ra.date <= CAST(:hToday AS date)', { hSince: since, hToday: today });
    qb.select('u.id', 'id')
      .addSelect('u.full_name', 'fullName')
      .addSelect(lastActivity.getQuery(), 'last')
      .andWhere(`u.role = 'innovator' AND u.active`)
      .andWhere(`NOT EXISTS ${recent.getQuery()}`);
    return this.door.run<InactiveRow>(
      qb,
      (sql) => `SELECT x.id AS "id", x."fullName" AS "fullName", to_char(x.last, 'YYYY-MM-DD') AS "lastActivityDate",
                       count(*) OVER ()::int AS total
                  FROM (${sql}) x
                 ORDER BY x.last ASC NULLS FIRST, lower(x."fullName"), x.id
                 LIMIT ${Math.trunc(limit)}`,
    );
  }
}
