import { Injectable } from '@nestjs/common';
import {
  ACTIVITY_COUNT_CAP,
  ACTIVITY_STATUSES,
  ACTIVITY_TYPES,
  EXPIRING_DEFAULT_MONTHS,
  HOME_DEFAULT_PERIOD_DAYS,
  INITIATIVE_STATUSES,
  ORGANIZATION_KINDS,
  REUSE_STAGES,
  HOME_LIST_LIMIT,
  HOME_MAX_INACTIVE,
  HOME_MAX_POINTS,
  THEMES,
  type InitiativeStatus,
  type OrganizationKind,
  type ReuseStage,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { cappedTotal } from '../../common/database/capped-count';
import { BuildingsService } from '../buildings/buildings.service';
import { MAX_EXPIRING } from '../buildings/dto/building.response';
import type { HomeStaleQueryDto, HomeTerritoryQueryDto } from './dto/home.query';
import type {
  CoordinatorHomeResponse,
  HomeActivityDto,
  HomeActivityListDto,
  HomeCountsResponse,
  InnovatorHomeResponse,
  MunicipalityHomeResponse,
} from './dto/home.response';
import { addDays, daysBetween, italianDate } from './home-dates';
import { type HomeActivityRow, type HomeFilter, type HomeListOrder, HomeRepository } from './home.repository';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function toActivity(r: HomeActivityRow): HomeActivityDto {
  return {
    id: r.id,
    title: r.title,
    date: r.date,
    type: r.type,
    status: r.status,
    themes: r.themes,
    municipality: { istatCode: r.municipalityIstat, name: r.municipalityName },
    authorName: r.authorName,
    reviewComment: r.reviewComment,
    submittedAt: iso(r.submittedAt),
    reviewedAt: iso(r.reviewedAt),
    updatedAt: iso(r.updatedAt)!,
  };
}

/** Every key of `keys` with its count (0 when absent). */
function countsOf<K extends string>(keys: readonly K[], rows: { key: K; n: number }[]): Record<K, number> {
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const r of rows) if (r.key in out) out[r.key] = r.n;
  return out;
}

/**
 * Each role's home (`/` in the web app): a summary of what waits for them, composed from the
 * activities', territory's and users' policies through HomeRepository. Every figure counts what
 * the caller may read and nothing else (ActivitiesPolicy.readable under the caller's scope);
 * "today" is the Italian date.
 */
@Injectable()
export class HomeService {
  constructor(
    private readonly repository: HomeRepository,
    private readonly buildings: BuildingsService,
  ) {}

  /** Building assignments of the caller's territory ending within EXPIRING_DEFAULT_MONTHS months or overdue (the buildings' expiry list). */
  private expiringAssignments(scope: AccessScope) {
    return this.buildings.expiringBuildings(scope, { months: EXPIRING_DEFAULT_MONTHS, page: 1, pageSize: MAX_EXPIRING });
  }

  /** `now` is injectable for tests of the dates; the API passes the clock. */
  private today(now = new Date()): string {
    return italianDate(now);
  }

  private async shortList(scope: AccessScope, f: HomeFilter, order: HomeListOrder): Promise<HomeActivityListDto> {
    const [n, rows] = await Promise.all([this.repository.count(scope, f), this.repository.list(scope, f, order, HOME_LIST_LIMIT)]);
    return { ...cappedTotal(n, ACTIVITY_COUNT_CAP), items: rows.map(toActivity) };
  }

  /** An innovator's work: returned (with the comment), drafts, awaiting review, municipalities not visited lately. */
  async innovatorHome(scope: AccessScope, query: HomeStaleQueryDto): Promise<InnovatorHomeResponse> {
    const me = scope.actor.id;
    const today = this.today();
    const since = addDays(today, -(query.staleDays - 1));
    const [returned, drafts, submitted, byStatus, assigned] = await Promise.all([
      this.shortList(scope, { authorId: me, status: 'returned' }, 'reviewedDesc'),
      this.shortList(scope, { authorId: me, status: 'draft' }, 'updatedDesc'),
      this.shortList(scope, { authorId: me, status: 'submitted' }, 'submittedAsc'),
      this.repository.countByStatus(scope, { authorId: me }),
      this.repository.assignedWithLastVisit(scope, me, today),
    ]);
    const unvisited = assigned
      .filter((m) => m.lastVisit === null || m.lastVisit < since)
      .sort((a, b) =>
        a.lastVisit === b.lastVisit
          ? a.name.localeCompare(b.name, 'it')
          : a.lastVisit === null
            ? -1
            : b.lastVisit === null
              ? 1
              : a.lastVisit.localeCompare(b.lastVisit),
      )
      .map((m) => ({ ...m, daysSince: m.lastVisit === null ? null : daysBetween(m.lastVisit, today) }));
    return {
      today,
      staleDays: query.staleDays,
      returned,
      drafts,
      submitted,
      approved: countsOf(ACTIVITY_STATUSES, byStatus).approved,
      assignedMunicipalities: assigned.length,
      unvisited,
    };
  }

  /** A coordinator's desk: the queue and its oldest item, innovators not active lately, what is expiring, the last week's output. */
  async coordinatorHome(scope: AccessScope, query: HomeStaleQueryDto, now = new Date()): Promise<CoordinatorHomeResponse> {
    const today = this.today(now);
    const since = addDays(today, -(query.staleDays - 1));
    const weekFrom = addDays(today, -6);
    // returned before the start of the staleness window (Italian midnight): not resubmitted for staleDays days
    const returnedBefore = `${since}T00:00:00 Europe/Rome`;
    const [queueCount, [oldest], inactive, expiringReturned, weekStatus, weekType, assignments] = await Promise.all([
      this.repository.count(scope, { status: 'submitted' }),
      this.repository.list(scope, { status: 'submitted' }, 'submittedAsc', 1),
      this.repository.inactiveInnovators(scope, since, today, HOME_MAX_INACTIVE),
      this.shortList(scope, { status: 'returned', reviewedBefore: returnedBefore }, 'reviewedAsc'),
      this.repository.countByStatus(scope, { from: weekFrom, to: today }),
      this.repository.countByType(scope, { from: weekFrom, to: today }),
      this.expiringAssignments(scope),
    ]);
    const byStatus = countsOf(ACTIVITY_STATUSES, weekStatus);
    const waited = oldest?.submittedAt ? (now.getTime() - new Date(oldest.submittedAt).getTime()) / 3_600_000 : null;
    return {
      today,
      staleDays: query.staleDays,
      queue: {
        ...cappedTotal(queueCount, ACTIVITY_COUNT_CAP),
        oldest: oldest ? toActivity(oldest) : null,
        oldestWaitingHours: waited === null ? null : Math.max(0, Math.round(waited * 10) / 10),
      },
      inactiveTotal: inactive[0]?.total ?? 0,
      inactiveInnovators: inactive.map((u) => ({
        id: u.id,
        fullName: u.fullName,
        lastActivityDate: u.lastActivityDate,
        daysSince: u.lastActivityDate === null ? null : daysBetween(u.lastActivityDate, today),
      })),
      expiring: [
        { kind: 'returned_not_resubmitted', ...expiringReturned, assignments: [] },
        {
          kind: 'assignment_ending',
          total: assignments.items.length,
          capped: assignments.items.length >= MAX_EXPIRING,
          items: [],
          assignments: assignments.items.slice(0, HOME_LIST_LIMIT),
        },
      ],
      lastWeek: {
        from: weekFrom,
        to: today,
        total: Object.values(byStatus).reduce((sum, n) => sum + n, 0),
        byStatus,
        byType: countsOf(ACTIVITY_TYPES, weekType),
      },
    };
  }

  /**
   * A municipality's territory: approved activities of the period by type and theme, the latest,
   * their points; the registers of the territory per reuse stage, kind and status; the building
   * assignments ending soon or overdue.
   */
  async municipalityHome(scope: AccessScope, query: HomeTerritoryQueryDto): Promise<MunicipalityHomeResponse> {
    const to = query.to ?? this.today();
    const from = query.from ?? addDays(to, -(HOME_DEFAULT_PERIOD_DAYS - 1));
    // approved only, whatever the role (a municipality user reads nothing else anyway)
    const f: HomeFilter = { status: 'approved', from, to };
    const [n, byType, byTheme, latest, points, registers, expiring] = await Promise.all([
      this.repository.count(scope, f),
      this.repository.countByType(scope, f),
      this.repository.countByTheme(scope, f),
      this.repository.list(scope, f, 'dateDesc', HOME_LIST_LIMIT),
      this.repository.points(scope, f, HOME_MAX_POINTS + 1),
      this.repository.registerCounts(scope),
      this.expiringAssignments(scope),
    ]);
    const total = (rows: { n: number }[]) => rows.reduce((sum, r) => sum + r.n, 0);
    return {
      from,
      to,
      defaultPeriod: query.from === undefined && query.to === undefined,
      approved: cappedTotal(n, ACTIVITY_COUNT_CAP),
      byType: countsOf(ACTIVITY_TYPES, byType),
      byTheme: countsOf(THEMES, byTheme),
      latest: latest.map(toActivity),
      points: points.slice(0, HOME_MAX_POINTS).map((p) => ({ ...p, lat: Number(p.lat), lon: Number(p.lon) })),
      pointsCapped: points.length > HOME_MAX_POINTS,
      registers: {
        buildings: {
          total: total(registers.buildings),
          byStage: countsOf(REUSE_STAGES, registers.buildings as { key: ReuseStage; n: number }[]),
        },
        organizations: {
          total: total(registers.organizations),
          byKind: countsOf(ORGANIZATION_KINDS, registers.organizations as { key: OrganizationKind; n: number }[]),
        },
        initiatives: {
          total: total(registers.initiatives),
          byStatus: countsOf(INITIATIVE_STATUSES, registers.initiatives as { key: InitiativeStatus; n: number }[]),
        },
      },
      expiringAssignments: {
        months: expiring.months,
        total: expiring.items.length,
        overdue: expiring.items.filter((i) => i.overdue).length,
        items: expiring.items,
      },
    };
  }

  /** The navigation's badges: an innovator's returned activities, a coordinator's (admin's) review queue. */
  async counts(scope: AccessScope): Promise<HomeCountsResponse> {
    const innovator = scope.actor.role === 'innovator';
    const reviewer = scope.hasRole('coordinator');
    const [returned, reviewQueue] = await Promise.all([
      innovator ? this.repository.count(scope, { authorId: scope.actor.id, status: 'returned' }) : null,
      reviewer ? this.repository.count(scope, { status: 'submitted' }) : null,
    ]);
    const cap = (n: number | null) => (n === null ? null : Math.min(n, ACTIVITY_COUNT_CAP));
    return { returned: cap(returned), reviewQueue: cap(reviewQueue) };
  }
}
