import { Injectable } from '@nestjs/common';
import type { ActivityStatus, ActivityType } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { SyncPolicy } from '../sync/sync.policy';

/** Review times are measured over the activities whose review happened on a day of the period, in Italian time. */
export const PERIOD_TIME_ZONE = 'Europe/Rome';

/** The statuses whose activities have been reviewed (`reviewed_at` holds the last review). */
const REVIEWED_STATUSES: ActivityStatus[] = ['approved', 'returned'];

export interface TenantRow {
  id: string;
  istatCode: string;
  name: string;
}

/** One group of the period's activities: (author, status, type). bigint sums come back as strings. */
export interface PeriodGroupRow {
  authorId: string;
  status: ActivityStatus;
  /** null: a draft not yet complete */
  type: ActivityType | null;
  count: number;
  minutes: string | number;
  participants: string | number;
}

/** Review times of one author, or of the whole tenant (authorId null: the grand total of GROUPING SETS). */
export interface ReviewTimeRow {
  authorId: string | null;
  reviewed: number;
  medianHours: number | null;
  p90Hours: number | null;
}

export interface StaffRow {
  id: string;
  fullName: string;
  active: boolean;
  hiredOn: string | null;
  contractEnd: string | null;
  /** YYYY-MM-DD or null */
  lastActivityDate: string | null;
  /** the last complete sync of any of the user's devices (field mode), or null */
  lastSyncAt: Date | null;
}

export interface AssignmentRow {
  userId: string;
  istatCode: string;
  name: string;
  /** the user's last activity in the municipality up to the end of the period, YYYY-MM-DD or null */
  lastVisit: string | null;
}

export interface OutputTarget {
  /** the tenant the dashboard is about, resolved through the scope (findTenants) */
  tenantId: string;
  from: string;
  to: string;
}

/**
 * Queries of the staff-output dashboard, through the scoped data door. The activities are read
 * through ActivitiesPolicy.readable (the activities' own rule: for the coordinators and admins of
 * this dashboard, every activity of the tenant, drafts included), so this module never names their
 * table; users, assignments and tenants are bound by the door. Every query is narrowed to the
 * target tenant the service resolved through the same scope (an admin's scope spans tenants; a
 * coordinator's already is that tenant).
 *
 * Index use (migration 1764310000000-staff-output-indexes, figures in this module's README): the
 * period aggregate is an index-only range scan of `activities_output_idx` (tenant_id, date) INCLUDE
 * (author, status, type, duration, participants); review times an index-only range scan of the
 * partial `activities_review_idx` (tenant_id, reviewed_at); the last activity and the last visit per
 * assignment are `max(date)` probes that PostgreSQL answers with one descent of
 * `activities_author_idx` / `activities_municipality_idx` each (LIMIT 1 plans).
 */
@Injectable()
export class StaffOutputRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly activitiesPolicy: ActivitiesPolicy,
    private readonly syncPolicy: SyncPolicy,
  ) {}

  /** The tenants in scope, narrowed to one ISTAT code when given. */
  async findTenants(scope: AccessScope, istatCode?: string): Promise<TenantRow[]> {
    const qb = this.door
      .select(scope, 'tenants', 't')
      .select('t.tenant_id', 'id')
      .addSelect('t.istat_code', 'istatCode')
      .addSelect('t.name', 'name');
    if (istatCode) qb.andWhere('t.istat_code = :istatCode', { istatCode });
    return qb.orderBy('t.istat_code').limit(2).getRawMany<TenantRow>();
  }

  /** Counts, minutes and participants of the period's activities, per (author, status, type): one GROUP BY over the date range. */
  async periodGroups(scope: AccessScope, target: OutputTarget): Promise<PeriodGroupRow[]> {
    return this.door
      .select(scope, this.activitiesPolicy.readable, 'a')
      .select('a.author_id', 'authorId')
      .addSelect('a.status', 'status')
      .addSelect('a.type', 'type')
      .addSelect('count(*)::int', 'count')
      .addSelect('sum(a.duration_minutes)', 'minutes')
      .addSelect('sum(a.participants_total)', 'participants')
      .andWhere('a.tenant_id = :tenantId', { tenantId: target.tenantId })
      .andWhere('a.date >= CAST(:from AS date) AND a.date <= CAST(:to AS date)', { from: target.from, to: target.to })
      .groupBy('a.author_id')
      .addGroupBy('a.status')
      .addGroupBy('a.type')
      .getRawMany<PeriodGroupRow>();
  }

  /**
   * Hours from submission to review of the activities reviewed (approved or returned) on a day of
   * the period, per author and for the whole tenant (GROUPING SETS: one scan, exact percentiles).
   * `reviewed_at >= submitted_at` leaves out rows where the two stamps belong to different rounds. Only the last review
   * of each activity is stored: earlier rounds (returned, corrected, submitted again) are not measured.
   */
  async reviewTimes(scope: AccessScope, target: OutputTarget): Promise<ReviewTimeRow[]> {
    const hours = 'extract(epoch from (a.reviewed_at - a.submitted_at)) / 3600.0';
    return (
      this.door
        .select(scope, this.activitiesPolicy.readable, 'a')
        .select('a.author_id', 'authorId')
        .addSelect('count(*)::int', 'reviewed')
        .addSelect(`percentile_cont(0.5) WITHIN GROUP (ORDER BY ${hours})`, 'medianHours')
        .addSelect(`percentile_cont(0.9) WITHIN GROUP (ORDER BY ${hours})`, 'p90Hours')
        .andWhere('a.tenant_id = :tenantId', { tenantId: target.tenantId })
        .andWhere('a.status IN (:...reviewedStatuses)', { reviewedStatuses: REVIEWED_STATUSES })
        .andWhere(`a.reviewed_at >= (CAST(:from AS date)::timestamp AT TIME ZONE '${PERIOD_TIME_ZONE}')`, { from: target.from })
        .andWhere(`a.reviewed_at < ((CAST(:to AS date) + 1)::timestamp AT TIME ZONE '${PERIOD_TIME_ZONE}')`, { to: target.to })
        .andWhere('a.submitted_at IS NOT NULL AND a.reviewed_at >= a.submitted_at')
        // A reopen (approved → returned) also stamps reviewed_at, but it ends no submission: leave out the activities whose
        // last review was a reopen (its audit entry is written in the same transaction, so with the same now()). A correlated
        // lookup by the keys of the bound row.
        .andWhere(
          `(a.status = 'approved' OR NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.tenant_id = a.tenant_id AND l.entity = 'activity'
           AND l.entity_id = a.id::text AND l.action = 'reopen' AND l.at >= a.reviewed_at))`,
        )
        .groupBy('GROUPING SETS ((a.author_id), ())')
        .getRawMany<ReviewTimeRow>()
    );
  }

  /**
   * The staff of the dashboard: every innovator of the tenant (active or not), plus any other user
   * who authored an activity of the period (an innovator whose role changed), with the date of
   * their last activity up to the end of the period.
   */
  async staff(scope: AccessScope, target: OutputTarget): Promise<StaffRow[]> {
    const qb = this.door.select(scope, 'users', 'u');
    const lastActivity = qb
      .subquery(this.activitiesPolicy.readable, 'la')
      .select('max(la.date)::text')
      .andWhere('la.tenant_id = u.tenant_id AND la.author_id = u.id')
      .andWhere('la.date <= CAST(:to AS date)', { to: target.to });
    // the primary key (tenant_id, user_id, device_id) answers it: one short range per user
    const lastSync = qb
      .subquery(this.syncPolicy.devices, 'sd')
      .select('max(sd.last_sync_at)')
      .andWhere('sd.tenant_id = u.tenant_id AND sd.user_id = u.id');
    qb.select('u.id', 'id')
      .addSelect('u.full_name', 'fullName')
      .addSelect('u.active', 'active')
      .addSelect('u.hired_on::text', 'hiredOn')
      .addSelect('u.contract_end::text', 'contractEnd')
      .addSelect(lastActivity.getQuery(), 'lastActivityDate')
      .addSelect(lastSync.getQuery(), 'lastSyncAt')
      .andWhere('u.tenant_id = :tenantId', { tenantId: target.tenantId });
    const authored = qb
      .subquery(this.activitiesPolicy.readable, 'pa')
      .select('1')
      .andWhere('pa.tenant_id = u.tenant_id AND pa.author_id = u.id')
      .andWhere('pa.date >= CAST(:from AS date) AND pa.date <= CAST(:to AS date)', { from: target.from, to: target.to });
    qb.andWhere(`(u.role = 'innovator' OR EXISTS ${authored.getQuery()})`);
    return qb.orderBy(`lower(unaccent(u.full_name)) COLLATE "C"`).addOrderBy('u.id').getRawMany<StaffRow>();
  }

  /** Current assignments of the tenant's users, with the user's last activity in each municipality up to the end of the period. */
  async assignments(scope: AccessScope, target: OutputTarget): Promise<AssignmentRow[]> {
    const qb = this.door.select(scope, 'user_municipalities', 'um', { municipality: 'um.municipality_id', rule: 'visible' });
    const lastVisit = qb
      .subquery(this.activitiesPolicy.readable, 'va')
      .select('max(va.date)::text')
      .andWhere('va.tenant_id = um.tenant_id AND va.author_id = um.user_id AND va.municipality_id = um.municipality_id')
      .andWhere('va.date <= CAST(:to AS date)', { to: target.to });
    return qb
      .innerJoin('municipalities', 'm', 'm.id = um.municipality_id AND m.tenant_id = um.tenant_id')
      .select('um.user_id', 'userId')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect(lastVisit.getQuery(), 'lastVisit')
      .andWhere('um.tenant_id = :tenantId', { tenantId: target.tenantId })
      .orderBy(`lower(unaccent(m.name)) COLLATE "C"`)
      .addOrderBy('m.istat_code')
      .getRawMany<AssignmentRow>();
  }
}
