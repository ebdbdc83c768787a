import { Injectable } from '@nestjs/common';
import { PARTICIPANT_GROUPS, type ParticipantGroup, THEMES, type Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { canonicalJson } from '../../common/database/idempotent-create';
import { CommonErrors } from '../../common/errors/app-error';
import { OrganizationsService } from '../organizations/organizations.service';
import {
  ActivitiesRepository,
  type ActivityFilters,
  type ActivityRow,
  type MunicipalityKey,
  type ReadOptions,
} from './activities.repository';
import { ActivityErrors } from './activities.errors';
import { ActivitiesPolicy } from './activities.policy';
import { exportFile, type ExportedFile } from '../../common/export/export-file';
import { activitiesExport } from './activities.export';
import { type ActivityAction, isEditable, nextStatus, REVIEW_ACTIONS } from './activity-status';
import { Activity } from './activity.entity';
import type { CreateActivityDto } from './dto/create-activity.dto';
import type { ActivityHistoryEntryDto, ActivityPageDto, ActivityResponseDto } from './dto/activity.response';
import type { ActivityFiltersQuery, ExportActivitiesQuery, ListActivitiesQuery } from './dto/activity-filters.query';
import type { ParticipantsResponseDto } from './dto/participants.dto';
import type { UpdateActivityDto } from './dto/update-activity.dto';

/** Participant group (API name) → column (entity property). */
const GROUP_COLUMNS: Record<ParticipantGroup, keyof Activity> = {
  citizens: 'participantsCitizens',
  youth: 'participantsYouth',
  families: 'participantsFamilies',
  ets: 'participantsEts',
  businesses: 'participantsBusinesses',
  publicStaff: 'participantsPublicStaff',
};

/** The editable content of an activity, in API terms: what creation hashes, updates diff and the audit records. */
interface Content {
  municipality: string;
  date: string;
  durationMinutes: number;
  type: string;
  title: string;
  description: string | null;
  participants: ParticipantsResponseDto;
  themes: string[];
  organizations: string[];
  location: { lat: number; lon: number } | null;
  outcomes: string | null;
  followUps: string | null;
  internalNotes: string | null;
}

/** Themes in the vocabulary's order: one order for storage, comparison and display. */
function orderedThemes(themes: readonly string[]): string[] {
  return [...themes].sort((a, b) => THEMES.indexOf(a as Theme) - THEMES.indexOf(b as Theme));
}

function normalizedParticipants(p: ParticipantsResponseDto): ParticipantsResponseDto {
  const out: ParticipantsResponseDto = { total: p.total };
  for (const g of PARTICIPANT_GROUPS) if (typeof p[g] === 'number') out[g] = p[g];
  return out;
}

function contentOf(body: CreateActivityDto): Content {
  return {
    municipality: body.municipality,
    date: body.date,
    durationMinutes: body.durationMinutes,
    type: body.type,
    title: body.title,
    description: body.description ?? null,
    participants: normalizedParticipants(body.participants),
    themes: orderedThemes(body.themes ?? []),
    organizations: [...(body.organizations ?? [])].map((id) => id.toLowerCase()).sort(),
    location: body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    outcomes: body.outcomes ?? null,
    followUps: body.followUps ?? null,
    internalNotes: body.internalNotes ?? null,
  };
}

function storedContent(a: Activity, municipalityIstat: string, organizations: string[]): Content {
  const participants: ParticipantsResponseDto = { total: a.participantsTotal };
  for (const g of PARTICIPANT_GROUPS) {
    const value = a[GROUP_COLUMNS[g]] as number | null;
    if (value !== null) participants[g] = value;
  }
  return {
    municipality: municipalityIstat,
    date: a.date,
    durationMinutes: a.durationMinutes,
    type: a.type,
    title: a.title,
    description: a.description,
    participants,
    themes: orderedThemes(a.themes),
    organizations: [...organizations].sort(),
    location: a.lat !== null && a.lon !== null ? { lat: a.lat, lon: a.lon } : null,
    outcomes: a.outcomes,
    followUps: a.followUps,
    internalNotes: a.internalNotes,
  };
}

/** Content → entity columns (municipality and organizations are resolved separately). */
function columnsOf(content: Omit<Content, 'municipality' | 'organizations'>): Partial<Activity> {
  const columns: Partial<Activity> = {
    date: content.date,
    durationMinutes: content.durationMinutes,
    type: content.type as Activity['type'],
    title: content.title,
    description: content.description,
    participantsTotal: content.participants.total,
    themes: content.themes as Activity['themes'],
    lat: content.location?.lat ?? null,
    lon: content.location?.lon ?? null,
    outcomes: content.outcomes,
    followUps: content.followUps,
    internalNotes: content.internalNotes,
  };
  for (const g of PARTICIPANT_GROUPS) (columns as Record<string, unknown>)[GROUP_COLUMNS[g]] = content.participants[g] ?? null;
  return columns;
}

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/**
 * The activity log and its review. Owns the rules (who may do what, in which status) and the
 * mapping to ActivityResponseDto; every query goes through ActivitiesRepository with the caller's scope,
 * every change is audited in its transaction. See docs/activities.md.
 */
@Injectable()
export class ActivitiesService {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ActivitiesPolicy,
    private readonly activities: ActivitiesRepository,
    private readonly organizations: OrganizationsService,
    private readonly audit: AuditService,
  ) {}

  /** Municipality users read neither internal notes nor the review (comment, reviewer): staff matters (ActivitiesPolicy). */
  private readOptions(scope: AccessScope): ReadOptions {
    return { internalNotes: this.policy.readsStaffFields(scope) };
  }

  toDto(scope: AccessScope, row: ActivityRow): ActivityResponseDto {
    const staff = this.policy.readsStaffFields(scope);
    const participants: ParticipantsResponseDto = { total: row.participantsTotal };
    const groups: Record<ParticipantGroup, number | null> = {
      citizens: row.participantsCitizens,
      youth: row.participantsYouth,
      families: row.participantsFamilies,
      ets: row.participantsEts,
      businesses: row.participantsBusinesses,
      publicStaff: row.participantsPublicStaff,
    };
    for (const g of PARTICIPANT_GROUPS) if (groups[g] !== null) participants[g] = groups[g] as number;
    return {
      id: row.id,
      clientId: row.clientId,
      status: row.status,
      version: row.version,
      municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
      socialArea: row.socialAreaCode ? { code: row.socialAreaCode, name: row.socialAreaName ?? row.socialAreaCode } : null,
      author: { id: row.authorId, fullName: row.authorName },
      date: row.date,
      durationMinutes: row.durationMinutes,
      type: row.type,
      title: row.title,
      description: row.description,
      participants,
      themes: row.themes,
      organizations: row.organizations,
      building: null,
      initiative: null,
      location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
      outcomes: row.outcomes,
      followUps: row.followUps,
      ...(staff ? { internalNotes: row.internalNotes ?? null } : {}),
      reviewComment: staff ? row.reviewComment : null,
      submittedAt: isoOrNull(row.submittedAt),
      reviewedAt: isoOrNull(row.reviewedAt),
      reviewedBy: staff && row.reviewerId ? { id: row.reviewerId, fullName: row.reviewerName ?? '' } : null,
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  async getActivity(scope: AccessScope, id: string): Promise<ActivityResponseDto> {
    const row = await this.activities.findReadable(scope, id, this.readOptions(scope));
    if (!row) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    return this.toDto(scope, row);
  }

  async listActivities(scope: AccessScope, query: ListActivitiesQuery): Promise<ActivityPageDto> {
    const { ids, total, capped } = await this.activities.listPage(scope, filtersOf(query), {
      sort: query.sort ?? '-date',
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    const rows = await this.activities.findManyReadable(scope, ids, this.readOptions(scope));
    const byId = new Map(rows.map((r) => [r.id, r]));
    const items = ids.flatMap((id) => {
      const row = byId.get(id);
      return row ? [this.toDto(scope, row)] : [];
    });
    return { items, total, page: query.page, pageSize: query.pageSize, totalCapped: capped };
  }

  /**
   * Creates a draft; idempotent by clientId: the same clientId with the same body (from the same
   * author) returns the existing activity (`created: false`), with anything else it is a 409.
   */
  async createActivity(scope: AccessScope, body: CreateActivityDto): Promise<{ activity: ActivityResponseDto; created: boolean }> {
    if (scope.role !== 'innovator') throw ActivityErrors.ACTIVITY_AUTHOR_ROLE();
    const content = contentOf(body);
    const municipality = await this.assignedMunicipality(scope, content.municipality);
    await this.requireOrganizations(scope, municipality.tenantId, content.organizations);
    const outcome = await this.door.transaction(async (tx) => {
      const { id, created } = await this.activities.createIfAbsent(
        tx,
        scope,
        {
          ...columnsOf(content),
          tenantId: municipality.tenantId,
          authorId: scope.actor.id,
          municipalityId: municipality.id,
          status: 'draft',
        },
        {
          clientId: body.clientId,
          // the same author and the same normalised content: what a retry of this clientId must match
          body: { author: scope.actor.id, ...content },
          conflict: () =>
            ActivityErrors.ACTIVITY_CLIENT_ID_CONFLICT(undefined, [
              { field: 'clientId', messages: ['this clientId was already used for a different activity'] },
            ]),
        },
      );
      if (!created) return { id, created: false };
      await this.activities.replaceOrganizations(tx, scope, { id, tenantId: municipality.tenantId }, content.organizations);
      await this.audit.record(tx, scope, {
        tenantId: municipality.tenantId,
        entity: 'activity',
        entityId: id,
        action: 'create',
        after: { status: 'draft', clientId: body.clientId, ...content },
      });
      return { id, created: true };
    });
    return { activity: await this.getActivity(scope, outcome.id), created: outcome.created };
  }

  /** Edits by the author, while draft or returned, at the version they loaded. Audits the changed fields. */
  async updateActivity(scope: AccessScope, id: string, body: UpdateActivityDto): Promise<ActivityResponseDto> {
    await this.door.transaction(async (tx) => {
      const activity = await this.activities.lockReadable(tx, scope, id);
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
      if (activity.authorId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_AUTHOR();
      if (!isEditable(activity.status)) {
        throw ActivityErrors.ACTIVITY_LOCKED(
          activity.status === 'approved'
            ? 'An approved activity is locked: a coordinator can reopen it'
            : 'This activity is under review (submitted): it can be edited again if it is returned',
        );
      }
      if (activity.version !== body.version) throw CommonErrors.STALE_VERSION();

      const istat = (await this.activities.municipalityIstat(tx, scope, activity.municipalityId)) ?? '';
      const before = storedContent(activity, istat, await this.activities.organizationIds(tx, scope, activity));
      const after: Content = {
        municipality: body.municipality ?? before.municipality,
        date: body.date ?? before.date,
        durationMinutes: body.durationMinutes ?? before.durationMinutes,
        type: body.type ?? before.type,
        title: body.title ?? before.title,
        description: body.description === undefined ? before.description : body.description,
        participants: body.participants ? normalizedParticipants(body.participants) : before.participants,
        themes: body.themes ? orderedThemes(body.themes) : before.themes,
        organizations: body.organizations ? body.organizations.map((o) => o.toLowerCase()).sort() : before.organizations,
        location: body.location === undefined ? before.location : body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
        outcomes: body.outcomes === undefined ? before.outcomes : body.outcomes,
        followUps: body.followUps === undefined ? before.followUps : body.followUps,
        internalNotes: body.internalNotes === undefined ? before.internalNotes : body.internalNotes,
      };
      const changed = (Object.keys(after) as (keyof Content)[]).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
      if (changed.length === 0) return;

      const changes: Partial<Activity> = columnsOf(after);
      if (changed.includes('municipality')) changes.municipalityId = (await this.assignedMunicipality(scope, after.municipality)).id;
      if (changed.includes('organizations')) await this.requireOrganizations(scope, activity.tenantId, after.organizations);
      await this.activities.update(tx, scope, activity, body.version, changes);
      if (changed.includes('organizations')) await this.activities.replaceOrganizations(tx, scope, activity, after.organizations);
      await this.audit.record(tx, scope, {
        tenantId: activity.tenantId,
        entity: 'activity',
        entityId: activity.id,
        action: 'update',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    });
    return this.getActivity(scope, id);
  }

  /**
   * A move of the status machine (activity-status.ts). `submit` belongs to the author; `approve`,
   * `return` and `reopen` to coordinators and admins. Any other move is a 409 naming both ends.
   */
  async transition(
    scope: AccessScope,
    id: string,
    action: ActivityAction,
    body: { comment?: string | null; version?: number },
  ): Promise<ActivityResponseDto> {
    const review = REVIEW_ACTIONS.includes(action);
    if (review) scope.requireRole('coordinator');
    await this.door.transaction(async (tx) => {
      const activity = await this.activities.lockReadable(tx, scope, id);
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
      if (!review && activity.authorId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_AUTHOR();
      if (body.version !== undefined && body.version !== activity.version) throw CommonErrors.STALE_VERSION();
      const to = nextStatus(activity.status, action);
      if (to === null) {
        throw ActivityErrors.ACTIVITY_INVALID_TRANSITION(`cannot ${action} an activity in status ${activity.status}`);
      }
      const now = () => 'now()';
      const changes: Partial<Activity> = review
        ? ({ status: to, reviewComment: body.comment ?? null, reviewedAt: now, reviewedBy: scope.actor.id } as never)
        : ({ status: to, submittedAt: now, submittedBy: scope.actor.id } as never);
      await this.activities.update(tx, scope, activity, activity.version, changes);
      await this.audit.record(tx, scope, {
        tenantId: activity.tenantId,
        entity: 'activity',
        entityId: activity.id,
        action,
        before: { status: activity.status },
        after: review ? { status: to, comment: body.comment ?? null } : { status: to },
      });
    });
    return this.getActivity(scope, id);
  }

  /** The audit entries of an activity, oldest first. Municipality users get 404 (the history holds staff matters). */
  async getHistory(scope: AccessScope, id: string): Promise<ActivityHistoryEntryDto[]> {
    if (!this.policy.readsHistory(scope) || !(await this.activities.existsReadable(scope, id))) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    const rows = await this.audit.history(scope, 'activity', id);
    return rows.map((row) => ({
      id: String(row.id),
      at: new Date(row.at).toISOString(),
      actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '' } : null,
      entity: 'activity',
      entityId: id,
      action: row.action,
      before: row.before ?? null,
      after: row.after ?? null,
    }));
  }

  /** The filtered list as a file, streamed from a cursor; the same scope as the list. */
  exportActivities(scope: AccessScope, query: ExportActivitiesQuery): ExportedFile {
    const options = this.readOptions(scope);
    const spec = activitiesExport({ internalNotes: options.internalNotes, review: this.policy.readsStaffFields(scope) });
    const batches = this.activities.streamReadable(scope, filtersOf(query), query.sort ?? '-date', options);
    return exportFile(spec, { format: query.format ?? 'csv', language: query.lang ?? 'it' }, batches);
  }

  /** The municipality an innovator logs in: in the tenant (else 400 unknown), assigned to them (else 400 not assigned). */
  private async assignedMunicipality(scope: AccessScope, istatCode: string): Promise<MunicipalityKey> {
    const found = await this.activities.findMunicipalities(scope, istatCode);
    if (found.length !== 1) {
      throw ActivityErrors.ACTIVITY_MUNICIPALITY_UNKNOWN(undefined, [
        { field: 'municipality', messages: [`no municipality ${istatCode} in your tenant`] },
      ]);
    }
    const [municipality] = found;
    if (!scope.canReachMunicipality(municipality.tenantId, municipality.id, 'assigned')) {
      throw ActivityErrors.ACTIVITY_MUNICIPALITY_NOT_ASSIGNED(undefined, [
        { field: 'municipality', messages: [`municipality ${istatCode} is not assigned to you`] },
      ]);
    }
    return municipality;
  }

  private async requireOrganizations(scope: AccessScope, tenantId: string, ids: readonly string[]): Promise<void> {
    const found = new Set((await this.organizations.findLinkable(scope, tenantId, ids)).map((o) => o.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw ActivityErrors.ACTIVITY_ORGANIZATION_UNKNOWN(undefined, [
        { field: 'organizations', messages: [`unknown organizations: ${missing.join(', ')}`] },
      ]);
    }
  }
}

function filtersOf(query: ActivityFiltersQuery): ActivityFilters {
  return {
    municipality: query.municipality,
    socialArea: query.socialArea,
    innovator: query.innovator,
    type: query.type,
    status: query.status,
    theme: query.theme,
    organization: query.organization,
    from: query.from,
    to: query.to,
    q: query.q ?? undefined,
  };
}
