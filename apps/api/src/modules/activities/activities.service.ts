import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ACTIVITY_UNDO_SECONDS, PARTICIPANT_GROUPS, type ParticipantGroup, THEMES, type Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { canonicalJson } from '../../common/database/idempotent-create';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { BuildingsService } from '../buildings/buildings.service';
import { InitiativesService } from '../initiatives/initiatives.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { FilesService } from '../files/files.service';
import { TerritoryService } from '../territory/territory.service';
import { ActivitiesRepository, type ActivityRow, type MunicipalityKey, type ReadOptions, type ReviewRow } from './activities.repository';
import { ActivityErrors } from './activities.errors';
import { ActivitiesPolicy } from './activities.policy';
import { ACTIVITY_FILE_OWNER } from './activity-attachments.service';
import { exportFile, type ExportedFile } from '../../common/export/export-file';
import { activitiesExport } from './activities.export';
import { type ActivityAction, isEditable, nextStatus, REVIEW_ACTIONS } from './activity-status';
import { Activity } from './activity.entity';
import type { CreateActivityDto } from './dto/create-activity.dto';
import type { ActivityHistoryEntryDto, ActivityPageDto, ActivityResponseDto, ActivityReviewDto } from './dto/activity.response';
import type { DuplicateActivityDto } from './dto/duplicate-activity.dto';
import type { EditReviewCommentDto, UndoReviewDto } from './dto/review-activity.dto';
import { activityFiltersOf, type ExportActivitiesQuery, type ListActivitiesQuery } from './dto/activity-filters.query';
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
  /** type, title, duration and participants: null while a draft lacks them */
  durationMinutes: number | null;
  type: string | null;
  title: string | null;
  description: string | null;
  participants: ParticipantsResponseDto | null;
  themes: string[];
  organizations: string[];
  location: { lat: number; lon: number } | null;
  outcomes: string | null;
  followUps: string | null;
  internalNotes: string | null;
  /** the linked initiative's id */
  initiative: string | null;
  /** the building where it took place */
  building: string | null;
}

/** Themes in the vocabulary's order: one order for storage, comparison and display. */
function orderedThemes(themes: readonly string[]): string[] {
  return [...themes].sort((a, b) => THEMES.indexOf(a as Theme) - THEMES.indexOf(b as Theme));
}

function normalizedParticipants(p: ParticipantsResponseDto | null | undefined): ParticipantsResponseDto | null {
  if (!p) return null;
  const out: ParticipantsResponseDto = { total: p.total };
  for (const g of PARTICIPANT_GROUPS) if (typeof p[g] === 'number') out[g] = p[g];
  return out;
}

function contentOf(body: CreateActivityDto): Content {
  return {
    municipality: body.municipality,
    date: body.date,
    durationMinutes: body.durationMinutes ?? null,
    type: body.type ?? null,
    title: body.title ?? null,
    description: body.description ?? null,
    participants: normalizedParticipants(body.participants),
    themes: orderedThemes(body.themes ?? []),
    organizations: [...(body.organizations ?? [])].map((id) => id.toLowerCase()).sort(),
    location: body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    outcomes: body.outcomes ?? null,
    followUps: body.followUps ?? null,
    internalNotes: body.internalNotes ?? null,
    initiative: body.initiative?.toLowerCase() ?? null,
    building: body.building?.toLowerCase() ?? null,
  };
}

function storedContent(a: Activity, municipalityIstat: string, organizations: string[]): Content {
  let participants: ParticipantsResponseDto | null = null;
  if (a.participantsTotal !== null) {
    participants = { total: a.participantsTotal };
    for (const g of PARTICIPANT_GROUPS) {
      const value = a[GROUP_COLUMNS[g]] as number | null;
      if (value !== null) participants[g] = value;
    }
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
    initiative: a.initiativeId,
    building: a.buildingId,
  };
}

/** Content → entity columns (municipality and organizations are resolved separately). */
function columnsOf(content: Omit<Content, 'municipality' | 'organizations'>): Partial<Activity> {
  const columns: Partial<Activity> = {
    initiativeId: content.initiative,
    buildingId: content.building,
    date: content.date,
    durationMinutes: content.durationMinutes,
    type: content.type as Activity['type'],
    title: content.title,
    description: content.description,
    participantsTotal: content.participants?.total ?? null,
    themes: content.themes as Activity['themes'],
    lat: content.location?.lat ?? null,
    lon: content.location?.lon ?? null,
    outcomes: content.outcomes,
    followUps: content.followUps,
    internalNotes: content.internalNotes,
  };
  for (const g of PARTICIPANT_GROUPS) (columns as Record<string, unknown>)[GROUP_COLUMNS[g]] = content.participants?.[g] ?? null;
  return columns;
}

/** What a report needs besides municipality and date; a draft may lack them, submission may not. */
const REQUIRED_TO_SUBMIT = ['type', 'title', 'durationMinutes', 'participants'] as const;

function missingToSubmit(content: Pick<Content, (typeof REQUIRED_TO_SUBMIT)[number]>): string[] {
  return REQUIRED_TO_SUBMIT.filter((field) => content[field] === null);
}

function incomplete(missing: string[]): Error {
  return ActivityErrors.ACTIVITY_INCOMPLETE(
    `missing: ${missing.join(', ')}`,
    missing.map((field) => ({ field, messages: [`${field} is required to submit the activity`], codes: ['REQUIRED'] })),
  );
}

/** Today in Italy, YYYY-MM-DD: the default date of a duplicate. */
function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The review decisions that can be undone, and the status each one leaves. */
const UNDOABLE: Partial<Record<ReviewRow['decision'], Activity['status']>> = { approve: 'approved', return: 'returned' };

const isoOrNull = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function reviewDto(r: ReviewRow): ActivityReviewDto {
  return {
    id: r.id,
    round: r.round,
    decision: r.decision,
    comment: r.comment,
    reviewer: { id: r.reviewerId, fullName: r.reviewerName },
    at: new Date(r.at).toISOString(),
    editedAt: isoOrNull(r.editedAt),
    seenAt: isoOrNull(r.seenAt),
    undoneAt: isoOrNull(r.undoneAt),
  };
}

/** The decision in force: the latest one not undone (the thread is oldest first). */
function latestDecision<T extends { undoneAt: unknown }>(thread: readonly T[]): T | undefined {
  return [...thread].reverse().find((r) => r.undoneAt === null);
}

/**
 * The activity log and its review. Owns the rules (who may do what, in which status) and the
 * mapping to ActivityResponseDto; every query goes through ActivitiesRepository with the caller's scope,
 * every change is audited in its transaction. See docs/activities.md.
 */
@Injectable()
export class ActivitiesService implements OnModuleInit {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ActivitiesPolicy,
    private readonly activities: ActivitiesRepository,
    private readonly organizations: OrganizationsService,
    private readonly initiatives: InitiativesService,
    private readonly buildings: BuildingsService,
    private readonly territory: TerritoryService,
    private readonly files: FilesService,
    private readonly audit: AuditService,
  ) {}

  /** A merge of two organizations moves the activities' links too (in the merge's transaction). */
  onModuleInit(): void {
    this.organizations.registerLinkMover('activities', (tx, scope, link) => this.activities.moveOrganizationLinks(tx, scope, link));
  }

  /** Municipality users read neither internal notes nor the review (comment, reviewer): staff matters (ActivitiesPolicy). */
  private readOptions(scope: AccessScope): ReadOptions {
    return { internalNotes: this.policy.readsStaffFields(scope) };
  }

  toDto(scope: AccessScope, row: ActivityRow): ActivityResponseDto {
    const staff = this.policy.readsStaffFields(scope);
    const participants: ParticipantsResponseDto | null = row.participantsTotal === null ? null : { total: row.participantsTotal };
    const groups: Record<ParticipantGroup, number | null> = {
      citizens: row.participantsCitizens,
      youth: row.participantsYouth,
      families: row.participantsFamilies,
      ets: row.participantsEts,
      businesses: row.participantsBusinesses,
      publicStaff: row.participantsPublicStaff,
    };
    if (participants) for (const g of PARTICIPANT_GROUPS) if (groups[g] !== null) participants[g] = groups[g] as number;
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
      building: row.buildingId && row.buildingName ? { id: row.buildingId, name: row.buildingName } : null,
      initiative: row.initiativeId && row.initiativeTitle ? { id: row.initiativeId, title: row.initiativeTitle } : null,
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

  /** One activity with its review thread (staff and its author: municipality users get an empty thread). */
  async getActivity(scope: AccessScope, id: string): Promise<ActivityResponseDto> {
    const row = await this.activities.findReadable(scope, id, this.readOptions(scope));
    if (!row) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    const reviews = this.policy.readsStaffFields(scope) ? await this.activities.reviews(scope, id) : [];
    return { ...this.toDto(scope, row), reviews: reviews.map(reviewDto) };
  }

  /**
   * The detail page's read. When the author opens their returned activity, the latest return (or
   * reopen) is marked seen: from then on its reviewer can no longer undo it or edit its comment.
   */
  async openActivity(scope: AccessScope, id: string): Promise<ActivityResponseDto> {
    const activity = await this.getActivity(scope, id);
    if (activity.status !== 'returned' || activity.author.id !== scope.actor.id) return activity;
    const latest = latestDecision(activity.reviews ?? []);
    if (!latest || latest.seenAt !== null || latest.decision === 'approve') return activity;
    const marked = await this.door
      .transaction(async (tx) => {
        const [row] = (await this.activities.reviews(scope, id, tx)).filter((r) => r.id === latest.id);
        if (!row || row.seenAt !== null) return false;
        await this.activities.updateReview(tx, scope, row, { seenAt: (() => 'now()') as never });
        return true;
      })
      // a reviewer's edit at the same moment wins; the next opening records the view
      .catch((error: unknown) => {
        if (error instanceof AppError && error.code === CommonErrors.STALE_VERSION.code) return false;
        throw error;
      });
    return marked ? this.getActivity(scope, id) : activity;
  }

  async listActivities(scope: AccessScope, query: ListActivitiesQuery): Promise<ActivityPageDto> {
    const { ids, total, capped } = await this.activities.listPage(scope, activityFiltersOf(query), {
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
    await this.requireInitiative(scope, municipality.tenantId, content.initiative);
    await this.requireBuilding(scope, municipality.tenantId, content.building);
    await this.requirePointInside(scope, municipality.id, content.location);
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
          // (no initiative: left out, so that the hashes of bodies from before the link existed still match)
          body: {
            author: scope.actor.id,
            ...content,
            initiative: content.initiative ?? undefined,
            building: content.building ?? undefined,
          },
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
        durationMinutes: body.durationMinutes === undefined ? before.durationMinutes : body.durationMinutes,
        type: body.type === undefined ? before.type : body.type,
        title: body.title === undefined ? before.title : body.title,
        description: body.description === undefined ? before.description : body.description,
        participants: body.participants === undefined ? before.participants : normalizedParticipants(body.participants),
        themes: body.themes ? orderedThemes(body.themes) : before.themes,
        organizations: body.organizations ? body.organizations.map((o) => o.toLowerCase()).sort() : before.organizations,
        location: body.location === undefined ? before.location : body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
        outcomes: body.outcomes === undefined ? before.outcomes : body.outcomes,
        followUps: body.followUps === undefined ? before.followUps : body.followUps,
        internalNotes: body.internalNotes === undefined ? before.internalNotes : body.internalNotes,
        initiative: body.initiative === undefined ? before.initiative : (body.initiative?.toLowerCase() ?? null),
        building: body.building === undefined ? before.building : (body.building?.toLowerCase() ?? null),
      };
      const changed = (Object.keys(after) as (keyof Content)[]).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
      if (changed.length === 0) return;
      // a returned activity has been submitted once: it stays complete
      const missing = activity.status === 'draft' ? [] : missingToSubmit(after);
      if (missing.length > 0) throw incomplete(missing);

      const changes: Partial<Activity> = columnsOf(after);
      if (changed.includes('municipality')) changes.municipalityId = (await this.assignedMunicipality(scope, after.municipality)).id;
      if (changed.includes('organizations')) await this.requireOrganizations(scope, activity.tenantId, after.organizations);
      if (changed.includes('initiative')) await this.requireInitiative(scope, activity.tenantId, after.initiative);
      if (changed.includes('building')) await this.requireBuilding(scope, activity.tenantId, after.building);
      if (changed.includes('location') || changed.includes('municipality')) {
        await this.requirePointInside(scope, changes.municipalityId ?? activity.municipalityId, after.location);
      }
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
      if (action === 'submit') {
        const missing = missingToSubmit(storedContent(activity, '', []));
        if (missing.length > 0) throw incomplete(missing);
      }
      const now = () => 'now()';
      const changes: Partial<Activity> = review
        ? ({ status: to, reviewComment: body.comment ?? null, reviewedAt: now, reviewedBy: scope.actor.id } as never)
        : ({ status: to, submittedAt: now, submittedBy: scope.actor.id, reviewRound: activity.reviewRound + 1 } as never);
      await this.activities.update(tx, scope, activity, activity.version, changes);
      if (review) {
        await this.activities.insertReview(tx, scope, {
          tenantId: activity.tenantId,
          activityId: activity.id,
          round: Math.max(1, activity.reviewRound),
          decision: action as ReviewRow['decision'],
          comment: body.comment ?? null,
          reviewerId: scope.actor.id,
        });
      }
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

  /**
   * Undoes the caller's latest approve or return: the activity is submitted again, as before the
   * decision, which stays in the thread marked undone (and in the history). Only its reviewer, within
   * ACTIVITY_UNDO_SECONDS, while the author has not acted: `version` must be the one the decision
   * returned (an edit or resubmission since is a 409 STALE_VERSION) and a return must not have been
   * opened by the author (409 ACTIVITY_REVIEW_SEEN). Past the window an approved activity is reopened instead.
   */
  async undoReview(scope: AccessScope, id: string, body: UndoReviewDto): Promise<ActivityResponseDto> {
    scope.requireRole('coordinator');
    await this.door.transaction(async (tx) => {
      const activity = await this.activities.lockReadable(tx, scope, id);
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
      const thread = await this.activities.reviews(scope, id, tx);
      const latest = latestDecision(thread);
      if (!latest || UNDOABLE[latest.decision] === undefined || UNDOABLE[latest.decision] !== activity.status) {
        throw ActivityErrors.ACTIVITY_NOTHING_TO_UNDO();
      }
      if (latest.reviewerId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_REVIEWER();
      if (latest.seenAt !== null) throw ActivityErrors.ACTIVITY_REVIEW_SEEN();
      if (body.version !== activity.version) throw CommonErrors.STALE_VERSION();
      // The version sent proves nothing (a reviewer who re-reads the activity sends the current one): the
      // row itself must still be as the reviewer left it — the decision or their comment correction is its
      // last write. An edit by the author since (updated_by) ends the undo.
      if (activity.updatedBy !== scope.actor.id) throw CommonErrors.STALE_VERSION();
      // an attachment added or removed by the author since is acting too (it does not touch the activity's row)
      const owner = { kind: ACTIVITY_FILE_OWNER, id: activity.id, tenantId: activity.tenantId };
      if (await this.files.changedSince(tx, scope, owner, new Date(latest.at))) throw CommonErrors.STALE_VERSION();
      if (Date.now() - new Date(latest.at).getTime() > ACTIVITY_UNDO_SECONDS * 1000) throw ActivityErrors.ACTIVITY_UNDO_EXPIRED();
      // the activity's review columns go back to the decision before (an earlier round), or to none
      const previous = latestDecision(thread.filter((r) => r.id !== latest.id));
      await this.activities.update(tx, scope, activity, activity.version, {
        status: 'submitted',
        reviewComment: previous?.comment ?? null,
        reviewedAt: previous ? new Date(previous.at) : null,
        reviewedBy: previous?.reviewerId ?? null,
      });
      await this.activities.updateReview(tx, scope, latest, { undoneAt: (() => 'now()') as never });
      await this.audit.record(tx, scope, {
        tenantId: activity.tenantId,
        entity: 'activity',
        entityId: activity.id,
        action: 'undo_review',
        before: { status: activity.status, decision: latest.decision, comment: latest.comment },
        after: { status: 'submitted' },
      });
    });
    return this.getActivity(scope, id);
  }

  /**
   * Its reviewer corrects the comment of the latest return (or reopen) while the activity is still
   * returned and its author has not opened it (then 409 ACTIVITY_REVIEW_SEEN). Audited; the thread
   * shows when it was edited.
   */
  async editReviewComment(scope: AccessScope, id: string, body: EditReviewCommentDto): Promise<ActivityResponseDto> {
    scope.requireRole('coordinator');
    await this.door.transaction(async (tx) => {
      const activity = await this.activities.lockReadable(tx, scope, id);
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
      const latest = latestDecision(await this.activities.reviews(scope, id, tx));
      if (!latest || latest.decision === 'approve' || activity.status !== 'returned') throw ActivityErrors.ACTIVITY_REVIEW_NOT_EDITABLE();
      if (latest.reviewerId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_REVIEWER();
      // the author has acted on the return: opened it, or edited the activity since (its last write is theirs)
      if (latest.seenAt !== null || activity.updatedBy !== scope.actor.id) throw ActivityErrors.ACTIVITY_REVIEW_SEEN();
      if (body.version !== activity.version) throw CommonErrors.STALE_VERSION();
      if (body.comment === latest.comment) return;
      await this.activities.update(tx, scope, activity, activity.version, { reviewComment: body.comment });
      await this.activities.updateReview(tx, scope, latest, { comment: body.comment, editedAt: (() => 'now()') as never });
      await this.audit.record(tx, scope, {
        tenantId: activity.tenantId,
        entity: 'activity',
        entityId: activity.id,
        action: 'edit_review_comment',
        before: { comment: latest.comment },
        after: { comment: body.comment },
      });
    });
    return this.getActivity(scope, id);
  }

  /**
   * Soft-deletes a draft of the caller's (`status = 'deleted'`, stamped and audited): from then on
   * it is read by nobody (ActivitiesPolicy.readable), so it is gone from every list, count, export,
   * staff output and detail (404). Submitted work is never deleted (409 ACTIVITY_NOT_DRAFT).
   */
  async deleteActivity(scope: AccessScope, id: string, version: number): Promise<void> {
    await this.door.transaction(async (tx) => {
      const activity = await this.activities.lockReadable(tx, scope, id);
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND();
      if (activity.authorId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_AUTHOR();
      if (activity.status !== 'draft') throw ActivityErrors.ACTIVITY_NOT_DRAFT();
      if (activity.version !== version) throw CommonErrors.STALE_VERSION();
      await this.activities.update(tx, scope, activity, version, {
        status: 'deleted',
        deletedAt: (() => 'now()') as never,
        deletedBy: scope.actor.id,
      });
      await this.audit.record(tx, scope, {
        tenantId: activity.tenantId,
        entity: 'activity',
        entityId: activity.id,
        action: 'delete',
        before: { status: 'draft' },
        after: { status: 'deleted' },
      });
    });
  }

  /**
   * A new draft of the caller with the content of one of their own activities (a recurring meeting):
   * everything but status, review and date (`date`, or today in Italy). The municipality must still
   * be assigned to them. Idempotent by clientId, like creation. Audited as a `create` naming its source.
   */
  async duplicateActivity(
    scope: AccessScope,
    id: string,
    body: DuplicateActivityDto,
  ): Promise<{ activity: ActivityResponseDto; created: boolean }> {
    if (scope.role !== 'innovator') throw ActivityErrors.ACTIVITY_AUTHOR_ROLE();
    const source = await this.activities.findReadable(scope, id, { internalNotes: true });
    if (!source) throw ActivityErrors.ACTIVITY_NOT_FOUND();
    if (source.authorId !== scope.actor.id) throw ActivityErrors.ACTIVITY_NOT_AUTHOR('Only your own activities can be duplicated');
    const municipality = await this.assignedMunicipality(scope, source.municipalityIstat);
    const dto = this.toDto(scope, source);
    const content: Content = {
      municipality: source.municipalityIstat,
      date: body.date ?? todayInItaly(),
      durationMinutes: dto.durationMinutes,
      type: dto.type,
      title: dto.title,
      description: dto.description,
      participants: dto.participants,
      themes: orderedThemes(dto.themes),
      organizations: dto.organizations.map((o) => o.id).sort(),
      location: dto.location,
      outcomes: dto.outcomes,
      followUps: dto.followUps,
      internalNotes: source.internalNotes ?? null,
      initiative: dto.initiative?.id ?? null,
      building: source.buildingId,
    };
    const outcome = await this.door.transaction(async (tx) => {
      const { id: newId, created } = await this.activities.createIfAbsent(
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
          body: { author: scope.actor.id, duplicateOf: id, date: content.date },
          conflict: () =>
            ActivityErrors.ACTIVITY_CLIENT_ID_CONFLICT(undefined, [
              { field: 'clientId', messages: ['this clientId was already used for a different activity'] },
            ]),
        },
      );
      if (!created) return { id: newId, created: false };
      await this.activities.replaceOrganizations(tx, scope, { id: newId, tenantId: municipality.tenantId }, content.organizations);
      await this.audit.record(tx, scope, {
        tenantId: municipality.tenantId,
        entity: 'activity',
        entityId: newId,
        action: 'create',
        after: { status: 'draft', clientId: body.clientId, duplicateOf: id, ...content },
      });
      return { id: newId, created: true };
    });
    return { activity: await this.getActivity(scope, outcome.id), created: outcome.created };
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
    const batches = this.activities.streamReadable(scope, activityFiltersOf(query), query.sort ?? '-date', options);
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

  /** A point outside the boundary of its municipality is refused (when the municipality has a boundary). */
  private async requirePointInside(scope: AccessScope, municipalityId: string, location: Content['location']): Promise<void> {
    if (!location) return;
    if ((await this.territory.municipalityContains(scope, municipalityId, location)) !== false) return;
    throw ActivityErrors.ACTIVITY_POINT_OUTSIDE_MUNICIPALITY(undefined, [
      { field: 'location', messages: ['the point is outside the boundary of the municipality'] },
    ]);
  }

  /** The linked initiative must be one the caller may read, of the activity's tenant (else 400 naming `initiative`). */
  private async requireInitiative(scope: AccessScope, tenantId: string, id: string | null): Promise<void> {
    if (!id) return;
    const [found] = await this.initiatives.findLinkable(scope, tenantId, [id]);
    if (found) return;
    throw ActivityErrors.ACTIVITY_INITIATIVE_UNKNOWN(undefined, [
      { field: 'initiative', messages: ['unknown initiative'], codes: ['ACTIVITY_INITIATIVE_UNKNOWN'] },
    ]);
  }

  /** The building must be one the caller may read, of the activity's tenant (else 400 naming `building`). */
  private async requireBuilding(scope: AccessScope, tenantId: string, id: string | null): Promise<void> {
    if (!id) return;
    const key = await this.buildings.readableKey(scope, id).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (key && key.tenantId === tenantId) return;
    throw ActivityErrors.ACTIVITY_BUILDING_UNKNOWN(undefined, [
      { field: 'building', messages: ['unknown building'], codes: ['ACTIVITY_BUILDING_UNKNOWN'] },
    ]);
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
