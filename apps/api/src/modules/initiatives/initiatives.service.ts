import { Injectable, type OnModuleInit } from '@nestjs/common';
import {
  INITIATIVE_STATUS_TRANSITIONS,
  INITIATIVE_STATUSES_NEEDING_CUP,
  type InitiativeStatus,
  PUBLIC_FUNDING_SOURCES,
  THEMES,
  type Theme,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { parseBbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import type { FieldProblem } from '../../common/errors/app-error';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import type { ExportedFile } from '../../common/export/export-file';
import { exportRegisterFile } from '../../common/export/geojson';
import { BuildingsService } from '../buildings/buildings.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { TerritoryService } from '../territory/territory.service';
import type { ChangeInitiativeStatusDto } from './dto/change-initiative-status.dto';
import type { CreateInitiativeDto } from './dto/create-initiative.dto';
import type { ExportInitiativesQuery, InitiativeFiltersQuery, ListInitiativesQuery } from './dto/initiative-filters.query';
import type { InitiativeHistoryDto, InitiativePageDto, InitiativeResponseDto, InitiativeStatusChangeDto } from './dto/initiative.response';
import type { UpdateInitiativeDto } from './dto/update-initiative.dto';
import { Initiative } from './initiative.entity';
import { InitiativeErrors } from './initiatives.errors';
import { initiativesExport, initiativesGeoJson } from './initiatives.export';
import { InitiativesPolicy } from './initiatives.policy';
import {
  type InitiativeFilters,
  type InitiativeRow,
  InitiativesRepository,
  type MunicipalityKey,
  type StatusChangeRow,
} from './initiatives.repository';

/** The editable content of an initiative, in API terms: what creation hashes, updates diff and the audit records. */
interface Content {
  title: string;
  description: string | null;
  /** ISTAT code of the main municipality */
  municipality: string;
  /** every municipality's ISTAT code (the main one included), sorted */
  municipalities: string[];
  leadOrganization: string | null;
  partnerOrganizations: string[];
  /** the hosting building's id */
  building: string | null;
  themes: Theme[];
  startDate: string | null;
  endDate: string | null;
  fundingSource: Initiative['fundingSource'];
  fundingAmount: number | null;
  cup: string | null;
  beneficiariesCount: number | null;
  beneficiariesDescription: string | null;
  location: { lat: number; lon: number } | null;
  internalNotes: string | null;
}

const LATEST_ACTIVITIES = 5;

function orderedThemes(themes: readonly string[]): Theme[] {
  return [...themes].sort((a, b) => THEMES.indexOf(a as Theme) - THEMES.indexOf(b as Theme)) as Theme[];
}

function normalized(c: Content): Content {
  const lead = c.leadOrganization?.toLowerCase() ?? null;
  return {
    ...c,
    municipalities: [...new Set([c.municipality, ...c.municipalities])].sort(),
    leadOrganization: lead,
    partnerOrganizations: [...new Set(c.partnerOrganizations.map((id) => id.toLowerCase()))].filter((id) => id !== lead).sort(),
    themes: orderedThemes(c.themes),
  };
}

function contentOf(body: CreateInitiativeDto): Content {
  return normalized({
    title: body.title,
    description: body.description ?? null,
    municipality: body.municipality,
    municipalities: body.municipalities ?? [],
    leadOrganization: body.leadOrganization ?? null,
    partnerOrganizations: body.partnerOrganizations ?? [],
    building: body.building?.toLowerCase() ?? null,
    themes: body.themes ?? [],
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    fundingSource: body.fundingSource ?? null,
    fundingAmount: body.fundingAmount ?? null,
    cup: body.cup ?? null,
    beneficiariesCount: body.beneficiariesCount ?? null,
    beneficiariesDescription: body.beneficiariesDescription ?? null,
    location: body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    internalNotes: body.internalNotes ?? null,
  });
}

function storedContent(row: InitiativeRow): Content {
  const lead = row.organizations.find((o) => o.role === 'lead');
  return normalized({
    title: row.title,
    description: row.description,
    municipality: row.municipalityIstat,
    municipalities: row.municipalities.map((m) => m.istatCode),
    leadOrganization: lead?.id ?? null,
    partnerOrganizations: row.organizations.filter((o) => o.role === 'partner').map((o) => o.id),
    building: row.buildingId,
    themes: row.themes,
    startDate: row.startDate,
    endDate: row.endDate,
    fundingSource: row.fundingSource,
    fundingAmount: row.fundingAmount === null ? null : Number(row.fundingAmount),
    cup: row.cup,
    beneficiariesCount: row.beneficiariesCount,
    beneficiariesDescription: row.beneficiariesDescription,
    location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    internalNotes: row.internalNotes ?? null,
  });
}

/** Content → entity columns (municipalities and organizations are written to their join tables). */
function columnsOf(c: Content): Partial<Initiative> {
  return {
    title: c.title,
    description: c.description,
    buildingId: c.building,
    themes: c.themes,
    startDate: c.startDate,
    endDate: c.endDate,
    fundingSource: c.fundingSource,
    fundingAmount: c.fundingAmount === null ? null : c.fundingAmount.toFixed(2),
    cup: c.cup,
    beneficiariesCount: c.beneficiariesCount,
    beneficiariesDescription: c.beneficiariesDescription,
    lat: c.location?.lat ?? null,
    lon: c.location?.lon ?? null,
    internalNotes: c.internalNotes,
  };
}

const problem = (field: string, message: string, code?: string): FieldProblem[] => [
  { field, messages: [message], ...(code ? { codes: [code] } : {}) },
];

/** Today in Italy, YYYY-MM-DD: the default date of a status change. */
function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The rules of content that do not need the database: dates in order, funding source with its amount, CUP when publicly funded. */
function checkContent(c: Content, status: InitiativeStatus): void {
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    throw InitiativeErrors.INITIATIVE_DATES_ORDER(
      undefined,
      problem('endDate', 'endDate must not be before startDate', 'INITIATIVE_DATES_ORDER'),
    );
  }
  if (c.fundingAmount !== null && c.fundingSource === null) {
    throw InitiativeErrors.INITIATIVE_FUNDING_SOURCE_REQUIRED(
      undefined,
      problem('fundingSource', 'a funding amount needs its source', 'INITIATIVE_FUNDING_SOURCE_REQUIRED'),
    );
  }
  if (needsCup(c, status) && !c.cup) {
    throw InitiativeErrors.INITIATIVE_CUP_REQUIRED(
      undefined,
      problem('cup', 'a publicly funded initiative needs its CUP once running or completed', 'INITIATIVE_CUP_REQUIRED'),
    );
  }
}

function needsCup(c: Pick<Content, 'fundingSource'>, status: InitiativeStatus): boolean {
  return c.fundingSource !== null && PUBLIC_FUNDING_SOURCES.includes(c.fundingSource) && INITIATIVE_STATUSES_NEEDING_CUP.includes(status);
}

function changeDto(r: StatusChangeRow): InitiativeStatusChangeDto {
  return {
    id: r.id,
    from: r.fromStatus,
    to: r.toStatus,
    date: r.effectiveDate,
    reason: r.reason,
    at: new Date(r.at).toISOString(),
    by: r.byId ? { id: r.byId, fullName: r.byName ?? '' } : null,
  };
}

/** Drops internal notes from an audited snapshot (municipality users read the history without them). */
function withoutNotes(value: unknown): unknown {
  if (!value || typeof value !== 'object') return value ?? null;
  const { internalNotes: _dropped, ...rest } = value as Record<string, unknown>;
  return rest;
}

export function filtersOf(query: InitiativeFiltersQuery & { bbox?: string }): InitiativeFilters {
  const bbox = query.bbox === undefined ? null : parseBbox(query.bbox);
  return {
    ...(bbox ? { bbox } : {}),
    municipality: query.municipality,
    socialArea: query.socialArea,
    q: query.q ?? undefined,
    status: query.status,
    theme: query.theme,
    fundingSource: query.fundingSource,
    organization: query.organization,
    building: query.building,
  };
}

/**
 * The initiatives register (docs/initiatives.md): read by every role within InitiativesPolicy.readable,
 * created and edited by innovators when at least one of its municipalities is assigned to them and
 * by coordinators anywhere in the tenant; the status moves along INITIATIVE_STATUS_TRANSITIONS.
 * Every change is audited in its transaction.
 */
@Injectable()
export class InitiativesService implements OnModuleInit {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: InitiativesPolicy,
    private readonly initiatives: InitiativesRepository,
    private readonly organizations: OrganizationsService,
    private readonly buildings: BuildingsService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  /** A merge of two organizations moves the initiatives' lead and partner links too (in the merge's transaction). */
  onModuleInit(): void {
    this.organizations.registerLinkMover('initiatives', (tx, scope, link) => this.moveOrganizationLinks(tx, scope, link));
  }

  /**
   * An organization merge (OrganizationsService.registerLinkMover): every initiative linked to the
   * duplicate `fromId` is linked to the survivor `toId` instead, with one row per initiative: the
   * survivor is the lead when either of the two was (an initiative has at most one lead, so both
   * cannot be; a survivor already partner of an initiative the duplicate leads becomes its lead), else a
   * partner. Each initiative changed gets a new version (an edit begun before the merge answers 409)
   * and an `organization_merge` audit entry with its organizations before and after. Returns how many
   * initiatives' links moved.
   */
  private async moveOrganizationLinks(tx: ScopedTx, scope: AccessScope, link: { tenantId: string; fromId: string; toId: string }) {
    const links = await this.initiatives.organizationLinks(tx, scope, link.tenantId, [link.fromId, link.toId]);
    const moving = links.filter((l) => l.organizationId === link.fromId);
    for (const from of moving) {
      // in initiative id order (the query's), so that two merges lock initiatives in one order
      const initiative = await this.initiatives.lockReadable(tx, scope, from.initiativeId);
      if (!initiative) throw new Error(`organization merge: initiative ${from.initiativeId} is not readable`);
      const survivor = links.find((l) => l.initiativeId === from.initiativeId && l.organizationId === link.toId);
      const role = from.role === 'lead' || survivor?.role === 'lead' ? 'lead' : 'partner';
      const before = await this.initiatives.organizations(tx, scope, from.initiativeId);
      await this.initiatives.relinkOrganization(tx, scope, { ...link, initiativeId: from.initiativeId, role });
      const after = await this.initiatives.organizations(tx, scope, from.initiativeId);
      await this.initiatives.update(tx, scope, initiative, initiative.version, {});
      const shape = (rows: { id: string; role: 'lead' | 'partner' }[]) => ({
        leadOrganization: rows.find((r) => r.role === 'lead')?.id ?? null,
        partnerOrganizations: rows
          .filter((r) => r.role === 'partner')
          .map((r) => r.id)
          .sort(),
      });
      const [b, a] = [shape(before), shape(after)];
      const changed = (['leadOrganization', 'partnerOrganizations'] as const).filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
      await this.audit.record(tx, scope, {
        tenantId: link.tenantId,
        entity: 'initiative',
        entityId: from.initiativeId,
        action: 'organization_merge',
        before: { ...Object.fromEntries(changed.map((k) => [k, b[k]])), organization: link.fromId },
        after: { ...Object.fromEntries(changed.map((k) => [k, a[k]])), organization: link.toId },
      });
    }
    return moving.length;
  }

  toDto(scope: AccessScope, row: InitiativeRow): InitiativeResponseDto {
    const lead = row.organizations.find((o) => o.role === 'lead');
    return {
      id: row.id,
      clientId: row.clientId,
      version: row.version,
      title: row.title,
      description: row.description,
      status: row.status,
      municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
      municipalities: row.municipalities.map((m) => ({ istatCode: m.istatCode, name: m.name })),
      leadOrganization: lead ? { id: lead.id, name: lead.name } : null,
      partnerOrganizations: row.organizations.filter((o) => o.role === 'partner').map((o) => ({ id: o.id, name: o.name })),
      building: row.buildingId && row.buildingName ? { id: row.buildingId, name: row.buildingName } : null,
      themes: orderedThemes(row.themes),
      startDate: row.startDate,
      endDate: row.endDate,
      fundingSource: row.fundingSource,
      fundingAmount: row.fundingAmount === null ? null : Number(row.fundingAmount),
      cup: row.cup,
      beneficiariesCount: row.beneficiariesCount,
      beneficiariesDescription: row.beneficiariesDescription,
      location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
      stopReason: row.stopReason,
      ...(this.policy.readsInternalNotes(scope) ? { internalNotes: row.internalNotes ?? null } : {}),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  async listInitiatives(scope: AccessScope, query: ListInitiativesQuery): Promise<InitiativePageDto> {
    const { rows, total } = await this.initiatives.listPage(
      scope,
      filtersOf(query),
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      this.policy.readsInternalNotes(scope),
    );
    return { items: rows.map((r) => this.toDto(scope, r)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One initiative with its status timeline and the activities linked to it that the caller may read. */
  async getInitiative(scope: AccessScope, id: string): Promise<InitiativeResponseDto> {
    const row = await this.initiatives.findReadable(scope, id, this.policy.readsInternalNotes(scope));
    if (!row) throw InitiativeErrors.INITIATIVE_NOT_FOUND();
    const [changes, activities] = await Promise.all([
      this.initiatives.statusChanges(scope, id),
      this.initiatives.linkedActivities(scope, id, LATEST_ACTIVITIES),
    ]);
    return { ...this.toDto(scope, row), statusChanges: changes.map(changeDto), activities };
  }

  /**
   * Creates an initiative; idempotent by clientId: the same clientId with the same body (from the
   * same author) returns the existing one (`created: false`), with anything else it is a 409.
   */
  async createInitiative(scope: AccessScope, body: CreateInitiativeDto): Promise<{ initiative: InitiativeResponseDto; created: boolean }> {
    scope.requireRole('innovator', 'coordinator');
    const content = contentOf(body);
    checkContent(content, body.status);
    const municipalities = await this.resolveMunicipalities(scope, content);
    const tenantId = municipalities[0].tenantId;
    await this.requireOrganizations(scope, tenantId, content);
    await this.requireBuilding(scope, tenantId, content.building);
    await this.requirePointInside(scope, municipalities, content.location);
    const main = municipalities.find((m) => m.istatCode === content.municipality)!;
    const outcome = await this.door.transaction(async (tx) => {
      const { id, created } = await this.initiatives.createIfAbsent(
        tx,
        scope,
        { ...columnsOf(content), tenantId, municipalityId: main.id, status: body.status, stopReason: null },
        {
          clientId: body.clientId,
          body: { author: scope.actor.id, status: body.status, ...content, building: content.building ?? undefined },
          conflict: () =>
            InitiativeErrors.INITIATIVE_CLIENT_ID_CONFLICT(
              undefined,
              problem('clientId', 'this clientId was already used for a different initiative'),
            ),
        },
      );
      if (!created) return { id, created: false };
      const key = { id, tenantId };
      await this.initiatives.replaceMunicipalities(
        tx,
        scope,
        key,
        municipalities.map((m) => m.id),
      );
      await this.initiatives.replaceOrganizations(tx, scope, key, content.leadOrganization, content.partnerOrganizations);
      await this.initiatives.insertStatusChange(tx, scope, {
        tenantId,
        initiativeId: id,
        fromStatus: null,
        toStatus: body.status,
        effectiveDate: null,
        reason: null,
      });
      await this.audit.record(tx, scope, {
        tenantId,
        entity: 'initiative',
        entityId: id,
        action: 'create',
        after: { status: body.status, clientId: body.clientId, ...content },
      });
      return { id, created: true };
    });
    return { initiative: await this.getInitiative(scope, outcome.id), created: outcome.created };
  }

  /** Changes the fields sent (optimistic locking on `version`); audited with the fields that changed. */
  async updateInitiative(scope: AccessScope, id: string, body: UpdateInitiativeDto): Promise<InitiativeResponseDto> {
    await this.door.transaction(async (tx) => {
      const { row, initiative } = await this.lockEditable(tx, scope, id);
      if (body.version !== initiative.version) throw CommonErrors.STALE_VERSION();
      const before = storedContent(row);
      const sent = (key: keyof UpdateInitiativeDto) => Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined;
      const pick = <K extends keyof Content>(key: K, value: Content[K]): Content[K] =>
        sent(key as keyof UpdateInitiativeDto) ? value : before[key];
      const after = normalized({
        title: pick('title', body.title as string),
        description: pick('description', body.description ?? null),
        municipality: pick('municipality', body.municipality as string),
        // a new main municipality without a new list keeps the others
        municipalities: sent('municipalities')
          ? (body.municipalities ?? [])
          : before.municipalities.filter((m) => m !== before.municipality),
        leadOrganization: pick('leadOrganization', body.leadOrganization ?? null),
        partnerOrganizations: pick('partnerOrganizations', body.partnerOrganizations ?? []),
        building: pick('building', body.building?.toLowerCase() ?? null),
        themes: pick('themes', body.themes ?? []),
        startDate: pick('startDate', body.startDate ?? null),
        endDate: pick('endDate', body.endDate ?? null),
        fundingSource: pick('fundingSource', body.fundingSource ?? null),
        fundingAmount: pick('fundingAmount', body.fundingAmount ?? null),
        cup: pick('cup', body.cup ?? null),
        beneficiariesCount: pick('beneficiariesCount', body.beneficiariesCount ?? null),
        beneficiariesDescription: pick('beneficiariesDescription', body.beneficiariesDescription ?? null),
        location: pick('location', body.location ? { lat: body.location.lat, lon: body.location.lon } : null),
        internalNotes: pick('internalNotes', body.internalNotes ?? null),
      });
      checkContent(after, initiative.status);
      const municipalities = await this.resolveMunicipalities(scope, after, initiative.tenantId);
      await this.requireOrganizations(scope, initiative.tenantId, after, tx);
      if (after.building !== before.building) await this.requireBuilding(scope, initiative.tenantId, after.building);
      await this.requirePointInside(scope, municipalities, after.location);
      const changed = (Object.keys(after) as (keyof Content)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
      if (changed.length === 0) return;
      const main = municipalities.find((m) => m.istatCode === after.municipality)!;
      await this.initiatives.update(tx, scope, initiative, body.version, { ...columnsOf(after), municipalityId: main.id });
      if (changed.includes('municipalities') || changed.includes('municipality')) {
        await this.initiatives.replaceMunicipalities(
          tx,
          scope,
          initiative,
          municipalities.map((m) => m.id),
        );
      }
      if (changed.includes('leadOrganization') || changed.includes('partnerOrganizations')) {
        await this.initiatives.replaceOrganizations(tx, scope, initiative, after.leadOrganization, after.partnerOrganizations);
      }
      await this.audit.record(tx, scope, {
        tenantId: initiative.tenantId,
        entity: 'initiative',
        entityId: id,
        action: 'update',
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      });
    });
    return this.getInitiative(scope, id);
  }

  /**
   * One move of the status machine (INITIATIVE_STATUS_TRANSITIONS; any other is a 409 naming both
   * ends). `running` records the start date when none is set; `completed` and `stopped` the end date;
   * `stopped` needs a reason; a publicly funded initiative needs its CUP to run or complete.
   */
  async changeStatus(scope: AccessScope, id: string, body: ChangeInitiativeStatusDto): Promise<InitiativeResponseDto> {
    await this.door.transaction(async (tx) => {
      const { row, initiative } = await this.lockEditable(tx, scope, id);
      if (body.version !== initiative.version) throw CommonErrors.STALE_VERSION();
      const from = initiative.status;
      if (!INITIATIVE_STATUS_TRANSITIONS[from].includes(body.to)) {
        throw InitiativeErrors.INITIATIVE_INVALID_TRANSITION(`cannot move an initiative from ${from} to ${body.to}`);
      }
      const reason = body.reason ?? null;
      if (body.to === 'stopped' && !reason) {
        throw InitiativeErrors.INITIATIVE_REASON_REQUIRED(undefined, problem('reason', 'a reason is required to stop', 'REQUIRED'));
      }
      const date = body.date ?? todayInItaly();
      const changes: Partial<Initiative> = { status: body.to };
      if (body.to === 'running' && !initiative.startDate) changes.startDate = date;
      if (body.to === 'completed' || body.to === 'stopped') changes.endDate = date;
      if (body.to === 'planned' && from === 'stopped') changes.endDate = null;
      changes.stopReason = body.to === 'stopped' ? reason : null;
      const content = {
        ...storedContent(row),
        startDate: changes.startDate ?? initiative.startDate,
        endDate: changes.endDate === undefined ? initiative.endDate : changes.endDate,
      };
      if (content.startDate && content.endDate && content.endDate < content.startDate) {
        throw InitiativeErrors.INITIATIVE_DATES_ORDER(
          undefined,
          problem('date', `the end date cannot be before the start date ${content.startDate}`, 'INITIATIVE_DATES_ORDER'),
        );
      }
      if (needsCup(content, body.to) && !content.cup) {
        throw InitiativeErrors.INITIATIVE_CUP_REQUIRED(
          undefined,
          problem('cup', 'add the CUP before this change', 'INITIATIVE_CUP_REQUIRED'),
        );
      }
      await this.initiatives.update(tx, scope, initiative, body.version, changes);
      await this.initiatives.insertStatusChange(tx, scope, {
        tenantId: initiative.tenantId,
        initiativeId: id,
        fromStatus: from,
        toStatus: body.to,
        effectiveDate: date,
        reason,
      });
      await this.audit.record(tx, scope, {
        tenantId: initiative.tenantId,
        entity: 'initiative',
        entityId: id,
        action: 'status',
        before: { status: from, startDate: initiative.startDate, endDate: initiative.endDate },
        after: { status: body.to, startDate: content.startDate, endDate: content.endDate, reason, date },
      });
    });
    return this.getInitiative(scope, id);
  }

  /** The audit entries and the status timeline, oldest first; internal notes left out for municipality users. */
  async getHistory(scope: AccessScope, id: string): Promise<InitiativeHistoryDto> {
    if (!(await this.initiatives.existsReadable(scope, id))) throw InitiativeErrors.INITIATIVE_NOT_FOUND();
    const notes = this.policy.readsInternalNotes(scope);
    const [rows, changes] = await Promise.all([this.audit.history(scope, 'initiative', id), this.initiatives.statusChanges(scope, id)]);
    return {
      entries: rows.map((row) => ({
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '' } : null,
        action: row.action,
        before: notes ? (row.before ?? null) : withoutNotes(row.before),
        after: notes ? (row.after ?? null) : withoutNotes(row.after),
      })),
      statusChanges: changes.map(changeDto),
    };
  }

  /** The filtered list as a file (csv, csv-it, xlsx, geojson), streamed from a cursor; the same scope as the list. */
  exportInitiatives(scope: AccessScope, query: ExportInitiativesQuery): ExportedFile {
    const notes = this.policy.readsInternalNotes(scope);
    const batches = this.initiatives.streamFiltered(scope, filtersOf(query), notes);
    return exportRegisterFile(
      initiativesExport({ internalNotes: notes }),
      initiativesGeoJson,
      { format: query.format ?? 'csv', language: query.lang ?? 'it' },
      batches,
    );
  }

  /**
   * For another feature (the map layer, indicators): the initiatives the caller may read that match
   * the list's filters, as a door-bound query on `alias` (InitiativesRepository.filtered), so that a
   * layer's counts and the list's total agree. Select the columns you need from it.
   */
  filtered(scope: AccessScope, filters: InitiativeFilters, alias = 'i') {
    return this.initiatives.filtered(scope, filters, alias);
  }

  /**
   * For another feature (an activity's initiative): the initiatives among `ids` of `tenantId` that the
   * caller may read, with their titles; unknown, unreadable and other tenants' ids are absent.
   */
  findLinkable(scope: AccessScope, tenantId: string, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
    return this.initiatives.findLinkable(scope, tenantId, ids);
  }

  /** A readable initiative locked for a change, that the caller may edit: 404 when unreadable, 403 when read-only. */
  private async lockEditable(tx: ScopedTx, scope: AccessScope, id: string): Promise<{ row: InitiativeRow; initiative: Initiative }> {
    const initiative = await this.initiatives.lockReadable(tx, scope, id);
    if (!initiative) throw InitiativeErrors.INITIATIVE_NOT_FOUND();
    if (!this.policy.writes(scope) || !(await this.initiatives.isEditable(tx, scope, id))) throw InitiativeErrors.INITIATIVE_NOT_EDITABLE();
    const row = await this.initiatives.findReadable(scope, id, true, tx);
    if (!row) throw InitiativeErrors.INITIATIVE_NOT_FOUND();
    return { row, initiative };
  }

  /**
   * The municipalities of the content, all in one tenant (`tenantId` when editing): unknown codes are a
   * 400 naming the field; an innovator must keep at least one of their assigned municipalities.
   */
  private async resolveMunicipalities(scope: AccessScope, c: Content, tenantId?: string): Promise<MunicipalityKey[]> {
    const found = await this.initiatives.findMunicipalities(scope, c.municipalities);
    const mainCandidates = found.filter((m) => m.istatCode === c.municipality && (tenantId === undefined || m.tenantId === tenantId));
    if (mainCandidates.length !== 1) {
      const why =
        mainCandidates.length === 0
          ? `no municipality ${c.municipality} in your tenant`
          : `municipality ${c.municipality} exists in several tenants`;
      throw InitiativeErrors.INITIATIVE_MUNICIPALITY_UNKNOWN(undefined, problem('municipality', why, 'INITIATIVE_MUNICIPALITY_UNKNOWN'));
    }
    const tenant = mainCandidates[0].tenantId;
    const inTenant = found.filter((m) => m.tenantId === tenant);
    const missing = c.municipalities.filter((code) => !inTenant.some((m) => m.istatCode === code));
    if (missing.length > 0) {
      throw InitiativeErrors.INITIATIVE_MUNICIPALITY_UNKNOWN(
        undefined,
        problem('municipalities', `unknown municipalities: ${missing.join(', ')}`, 'INITIATIVE_MUNICIPALITY_UNKNOWN'),
      );
    }
    if (!inTenant.some((m) => scope.canReachMunicipality(m.tenantId, m.id, 'assigned'))) {
      throw InitiativeErrors.INITIATIVE_MUNICIPALITY_NOT_ASSIGNED(
        undefined,
        problem('municipalities', 'none of these municipalities is assigned to you', 'INITIATIVE_MUNICIPALITY_NOT_ASSIGNED'),
      );
    }
    return inTenant;
  }

  private async requireOrganizations(scope: AccessScope, tenantId: string, c: Content, tx?: ScopedTx): Promise<void> {
    const ids = [...(c.leadOrganization ? [c.leadOrganization] : []), ...c.partnerOrganizations];
    const found = new Set((await this.organizations.findLinkable(scope, tenantId, ids, tx)).map((o) => o.id));
    if (c.leadOrganization && !found.has(c.leadOrganization)) {
      throw InitiativeErrors.INITIATIVE_ORGANIZATION_UNKNOWN(
        undefined,
        problem('leadOrganization', 'unknown organization', 'INITIATIVE_ORGANIZATION_UNKNOWN'),
      );
    }
    const missing = c.partnerOrganizations.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw InitiativeErrors.INITIATIVE_ORGANIZATION_UNKNOWN(
        undefined,
        problem('partnerOrganizations', `unknown organizations: ${missing.join(', ')}`, 'INITIATIVE_ORGANIZATION_UNKNOWN'),
      );
    }
  }

  /** The hosting building must be one the caller may read, of the initiative's tenant (else 400 naming `building`). */
  private async requireBuilding(scope: AccessScope, tenantId: string, id: string | null): Promise<void> {
    if (!id) return;
    const key = await this.buildings.readableKey(scope, id).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (key && key.tenantId === tenantId) return;
    throw InitiativeErrors.INITIATIVE_BUILDING_UNKNOWN(undefined, problem('building', 'unknown building', 'INITIATIVE_BUILDING_UNKNOWN'));
  }

  /** A point must lie inside one of the initiative's municipalities (those without a boundary accept any point). */
  private async requirePointInside(scope: AccessScope, municipalities: MunicipalityKey[], location: Content['location']): Promise<void> {
    if (!location) return;
    for (const m of municipalities) if ((await this.territory.municipalityContains(scope, m.id, location)) !== false) return;
    throw InitiativeErrors.INITIATIVE_POINT_OUTSIDE_MUNICIPALITY(
      undefined,
      problem('location', 'the point is outside the municipalities of the initiative', 'INITIATIVE_POINT_OUTSIDE_MUNICIPALITY'),
    );
  }
}
