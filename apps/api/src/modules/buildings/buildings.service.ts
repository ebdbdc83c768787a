import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BUILDING_CONSTRAINTS, canMoveReuseStage, REUSE_STAGE_TRANSITIONS, type ReuseStage, SUITABLE_USES } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { canonicalJson } from '../../common/database/idempotent-create';
import { CommonErrors } from '../../common/errors/app-error';
import type { ExportedFile } from '../../common/export/export-file';
import { exportRegisterFile } from '../../common/export/geojson';
import { pageOf } from '../../common/http/pagination';
import { OrganizationsService } from '../organizations/organizations.service';
import { TerritoryService } from '../territory/territory.service';
import type { Building } from './building.entity';
import { buildingsExport, buildingsGeoJson } from './buildings.export';
import { BuildingErrors } from './buildings.errors';
import { BuildingsPolicy } from './buildings.policy';
import { type BuildingRow, BuildingsRepository, type MunicipalityKey, type ReadOptions } from './buildings.repository';
import type { BuildingHistoryDto, BuildingResponseDto, BuildingsPageDto, ExpiringBuildingsDto } from './dto/building.response';
import { MAX_EXPIRING } from './dto/building.response';
import {
  buildingFiltersOf,
  type ExpiringBuildingsQuery,
  type ExportBuildingsQuery,
  type ListBuildingsQuery,
  type StaleBuildingsQuery,
} from './dto/building-filters.query';
import type { CreateBuildingDto } from './dto/create-building.dto';
import type { MoveStageDto } from './dto/stage-building.dto';
import type { UpdateBuildingDto } from './dto/update-building.dto';

/** The editable content of a building, in API terms: what creation hashes, updates diff and the audit records. */
export interface BuildingContent {
  municipality: string;
  name: string;
  address: string | null;
  location: { lat: number; lon: number } | null;
  ownership: Building['ownership'];
  owner: string | null;
  cadastralReference: string | null;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  condition: Building['condition'];
  currentUse: Building['currentUse'];
  accessibility: Building['accessibility'];
  constraints: string[];
  suitableUses: string[];
  notes: string | null;
  internalNotes: string | null;
  anbscCode: string | null;
  confiscationDecreeDate: string | null;
}

const ordered = (values: readonly string[], vocabulary: readonly string[]) =>
  [...values].sort((a, b) => vocabulary.indexOf(a) - vocabulary.indexOf(b));

export function contentOf(body: CreateBuildingDto): BuildingContent {
  return {
    municipality: body.municipality,
    name: body.name,
    address: body.address ?? null,
    location: body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
    ownership: body.ownership,
    owner: body.owner ?? null,
    cadastralReference: body.cadastralReference ?? null,
    indoorAreaM2: body.indoorAreaM2 ?? null,
    outdoorAreaM2: body.outdoorAreaM2 ?? null,
    condition: body.condition,
    currentUse: body.currentUse,
    accessibility: body.accessibility ?? 'unknown',
    constraints: ordered(body.constraints ?? [], BUILDING_CONSTRAINTS),
    suitableUses: ordered(body.suitableUses ?? [], SUITABLE_USES),
    notes: body.notes ?? null,
    internalNotes: body.internalNotes ?? null,
    anbscCode: body.anbscCode ?? null,
    confiscationDecreeDate: body.confiscationDecreeDate ?? null,
  };
}

export function storedContent(b: Building, municipalityIstat: string): BuildingContent {
  return {
    municipality: municipalityIstat,
    name: b.name,
    address: b.address,
    location: b.lat !== null && b.lon !== null ? { lat: b.lat, lon: b.lon } : null,
    ownership: b.ownership,
    owner: b.owner,
    cadastralReference: b.cadastralReference,
    indoorAreaM2: b.indoorAreaM2,
    outdoorAreaM2: b.outdoorAreaM2,
    condition: b.condition,
    currentUse: b.currentUse,
    accessibility: b.accessibility,
    constraints: ordered(b.constraints, BUILDING_CONSTRAINTS),
    suitableUses: ordered(b.suitableUses, SUITABLE_USES),
    notes: b.notes,
    internalNotes: b.internalNotes,
    anbscCode: b.anbscCode,
    confiscationDecreeDate: b.confiscationDecreeDate,
  };
}

function columnsOf(c: BuildingContent): Partial<Building> {
  return {
    name: c.name,
    address: c.address,
    lat: c.location?.lat ?? null,
    lon: c.location?.lon ?? null,
    ownership: c.ownership,
    owner: c.owner,
    cadastralReference: c.cadastralReference,
    indoorAreaM2: c.indoorAreaM2,
    outdoorAreaM2: c.outdoorAreaM2,
    condition: c.condition,
    currentUse: c.currentUse,
    accessibility: c.accessibility,
    constraints: c.constraints as Building['constraints'],
    suitableUses: c.suitableUses as Building['suitableUses'],
    notes: c.notes,
    internalNotes: c.internalNotes,
    anbscCode: c.anbscCode,
    confiscationDecreeDate: c.confiscationDecreeDate,
  };
}

/** The fields whose filling makes the completeness score (docs/buildings.md). */
const COMPLETENESS: ((r: BuildingRow) => boolean)[] = [
  (r) => Boolean(r.address),
  (r) => r.lat !== null,
  (r) => Boolean(r.owner),
  (r) => Boolean(r.cadastralReference),
  (r) => r.indoorAreaM2 !== null,
  (r) => r.accessibility !== 'unknown',
  (r) => r.suitableUses.length > 0,
];

export function completenessOf(row: BuildingRow): number {
  return Math.round((100 * COMPLETENESS.filter((f) => f(row)).length) / COMPLETENESS.length);
}

/** Today in Italy, YYYY-MM-DD. */
function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

const ASSIGNMENT_FIELDS = ['organization', 'instrument', 'startDate', 'endDate'] as const;

/**
 * The buildings register (docs/buildings.md): rules, access checks, the reuse pipeline and the
 * mapping to responses. Every change is audited in its transaction (entity `building`).
 */
@Injectable()
export class BuildingsService implements OnModuleInit {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: BuildingsPolicy,
    private readonly buildings: BuildingsRepository,
    private readonly organizations: OrganizationsService,
    private readonly territory: TerritoryService,
    private readonly audit: AuditService,
  ) {}

  /** A merge of two organizations moves the buildings' assignments too (in the merge's transaction). */
  onModuleInit(): void {
    this.organizations.registerLinkMover('buildingAssignments', (tx, scope, link) => this.buildings.moveAssignments(tx, scope, link));
  }

  private readOptions(scope: AccessScope): ReadOptions {
    return { internalNotes: this.policy.readsStaffFields(scope) };
  }

  toDto(scope: AccessScope, row: BuildingRow): BuildingResponseDto {
    const staff = this.policy.readsStaffFields(scope);
    return {
      id: row.id,
      clientId: row.clientId,
      version: row.version,
      municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
      socialArea: row.socialAreaCode ? { code: row.socialAreaCode, name: row.socialAreaName ?? row.socialAreaCode } : null,
      name: row.name,
      address: row.address,
      location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
      ownership: row.ownership,
      owner: this.policy.readsOwner(scope, row.ownership) ? row.owner : null,
      cadastralReference: row.cadastralReference,
      indoorAreaM2: row.indoorAreaM2,
      outdoorAreaM2: row.outdoorAreaM2,
      condition: row.condition,
      currentUse: row.currentUse,
      accessibility: row.accessibility,
      constraints: ordered(row.constraints, BUILDING_CONSTRAINTS) as BuildingResponseDto['constraints'],
      suitableUses: ordered(row.suitableUses, SUITABLE_USES) as BuildingResponseDto['suitableUses'],
      stage: row.stage,
      openingDate: row.openingDate,
      assignment:
        row.assignmentOrganizationId && row.assignmentInstrument && row.assignmentStartDate && row.assignmentEndDate
          ? {
              organization: { id: row.assignmentOrganizationId, name: row.assignmentOrganizationName ?? '' },
              instrument: row.assignmentInstrument,
              startDate: row.assignmentStartDate,
              endDate: row.assignmentEndDate,
            }
          : null,
      notes: row.notes,
      ...(staff ? { internalNotes: row.internalNotes ?? null } : {}),
      anbscCode: row.anbscCode,
      confiscationDecreeDate: row.confiscationDecreeDate,
      lastVerifiedAt: iso(row.lastVerifiedAt),
      lastVerifiedBy: row.lastVerifiedById ? { id: row.lastVerifiedById, fullName: row.lastVerifiedByName ?? '' } : null,
      completeness: completenessOf(row),
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  async listBuildings(scope: AccessScope, query: ListBuildingsQuery): Promise<BuildingsPageDto> {
    const { rows, total } = await this.buildings.list(
      scope,
      buildingFiltersOf(query),
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      this.readOptions(scope),
    );
    return pageOf(
      rows.map((r) => this.toDto(scope, r)),
      total,
      query,
    );
  }

  /** One building with its monitoring (activities held there, people served, initiatives hosted). */
  async getBuilding(scope: AccessScope, id: string): Promise<BuildingResponseDto> {
    const row = await this.buildings.findReadable(scope, id, this.readOptions(scope));
    if (!row) throw BuildingErrors.BUILDING_NOT_FOUND();
    const held = await this.buildings.monitoring(scope, id);
    return { ...this.toDto(scope, row), monitoring: held };
  }

  /** Creates a building (stage `mapped`); idempotent by clientId (the same author and body: the same building). */
  async createBuilding(scope: AccessScope, body: CreateBuildingDto): Promise<{ building: BuildingResponseDto; created: boolean }> {
    scope.requireRole('innovator', 'coordinator');
    const content = contentOf(body);
    requireConfiscation(content);
    const municipality = await this.assignedMunicipality(scope, content.municipality);
    await this.requirePointInside(scope, municipality.id, content.location);
    const outcome = await this.door.transaction((tx) => this.insert(tx, scope, municipality, content, body.clientId));
    return { building: await this.getBuilding(scope, outcome.id), created: outcome.created };
  }

  /**
   * Inserts a checked building (stage `mapped`, its first stage change and the `create` audit entry;
   * `audit` adds to the entry, e.g. the import that made it). For the API's create and the CSV import.
   */
  async insert(
    tx: ScopedTx,
    scope: AccessScope,
    municipality: MunicipalityKey,
    content: BuildingContent,
    clientId: string,
    audit: Record<string, unknown> = {},
  ): Promise<{ id: string; created: boolean }> {
    const { id, created } = await this.buildings.createIfAbsent(
      tx,
      scope,
      { ...columnsOf(content), tenantId: municipality.tenantId, municipalityId: municipality.id, stage: 'mapped' },
      {
        clientId,
        body: { author: scope.actor.id, ...content },
        conflict: () =>
          BuildingErrors.BUILDING_CLIENT_ID_CONFLICT(undefined, [
            { field: 'clientId', messages: ['this clientId was already used for a different building'] },
          ]),
      },
    );
    if (!created) return { id, created: false };
    await this.buildings.insertStageChange(tx, scope, {
      tenantId: municipality.tenantId,
      buildingId: id,
      fromStage: null,
      toStage: 'mapped',
    });
    await this.audit.record(tx, scope, {
      tenantId: municipality.tenantId,
      entity: 'building',
      entityId: id,
      action: 'create',
      after: { stage: 'mapped', clientId, ...content, ...audit },
    });
    return { id, created: true };
  }

  /** Edits at the version the caller loaded, by whoever works in the building's municipality. Audits the changed fields. */
  async updateBuilding(scope: AccessScope, id: string, body: UpdateBuildingDto): Promise<BuildingResponseDto> {
    await this.door.transaction((tx) => this.applyUpdate(tx, scope, id, body));
    return this.getBuilding(scope, id);
  }

  /**
   * An edit in `tx`: locks the building (404 / 403 as any write), checks the version and the rules, writes
   * the changed fields and audits them (`audit` adds to the entry). For the API's PATCH and the CSV import.
   */
  async applyUpdate(
    tx: ScopedTx,
    scope: AccessScope,
    id: string,
    body: Omit<UpdateBuildingDto, 'clientId'>,
    audit: Record<string, unknown> = {},
  ): Promise<void> {
    const building = await this.lockEditable(tx, scope, id);
    if (building.version !== body.version) throw CommonErrors.STALE_VERSION();
    const current = await this.buildings.findReadable(scope, id, { internalNotes: true }, tx);
    const before = storedContent(building, current?.municipalityIstat ?? '');
    const pick = <K extends keyof BuildingContent>(key: K, value: BuildingContent[K] | undefined): BuildingContent[K] =>
      value === undefined ? before[key] : value;
    const after: BuildingContent = {
      municipality: pick('municipality', body.municipality),
      name: pick('name', body.name),
      address: pick('address', body.address),
      location: body.location === undefined ? before.location : body.location ? { lat: body.location.lat, lon: body.location.lon } : null,
      ownership: pick('ownership', body.ownership),
      owner: pick('owner', body.owner),
      cadastralReference: pick('cadastralReference', body.cadastralReference),
      indoorAreaM2: pick('indoorAreaM2', body.indoorAreaM2),
      outdoorAreaM2: pick('outdoorAreaM2', body.outdoorAreaM2),
      condition: pick('condition', body.condition),
      currentUse: pick('currentUse', body.currentUse),
      accessibility: pick('accessibility', body.accessibility),
      constraints: body.constraints ? ordered(body.constraints, BUILDING_CONSTRAINTS) : before.constraints,
      suitableUses: body.suitableUses ? ordered(body.suitableUses, SUITABLE_USES) : before.suitableUses,
      notes: pick('notes', body.notes),
      internalNotes: pick('internalNotes', body.internalNotes),
      anbscCode: pick('anbscCode', body.anbscCode),
      confiscationDecreeDate: pick('confiscationDecreeDate', body.confiscationDecreeDate),
    };
    const changed = (Object.keys(after) as (keyof BuildingContent)[]).filter((k) => canonicalJson(before[k]) !== canonicalJson(after[k]));
    if (changed.length === 0) return;
    requireConfiscation(after);
    const changes: Partial<Building> = columnsOf(after);
    if (changed.includes('municipality')) changes.municipalityId = (await this.assignedMunicipality(scope, after.municipality)).id;
    if (changed.includes('location') || changed.includes('municipality')) {
      await this.requirePointInside(scope, changes.municipalityId ?? building.municipalityId, after.location);
    }
    await this.buildings.update(tx, scope, building, body.version, changes);
    await this.audit.record(tx, scope, {
      tenantId: building.tenantId,
      entity: 'building',
      entityId: building.id,
      action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...audit },
    });
  }

  /**
   * One move of the reuse pipeline (REUSE_STAGE_TRANSITIONS, canMoveReuseStage): `discarded` needs a
   * reason; `assigned` the assignment (every field; the organization of the same tenant); `active`
   * records the opening day; leaving `assigned`/`active` for `discarded` ends the assignment.
   * Recorded in the stage history and the audit, in one transaction.
   */
  async moveStage(scope: AccessScope, id: string, body: MoveStageDto): Promise<BuildingResponseDto> {
    await this.door.transaction(async (tx) => {
      const building = await this.lockEditable(tx, scope, id);
      if (building.version !== body.version) throw CommonErrors.STALE_VERSION();
      const from = building.stage;
      const to = body.to;
      if (!REUSE_STAGE_TRANSITIONS[from].includes(to)) {
        throw BuildingErrors.BUILDING_INVALID_STAGE(`a building cannot move from ${from} to ${to}`);
      }
      if (!canMoveReuseStage(scope.role, from, to))
        throw CommonErrors.FORBIDDEN(`only a coordinator can move a building from ${from} to ${to}`);
      if (to === 'discarded' && !body.reason) {
        throw BuildingErrors.BUILDING_STAGE_DATA_MISSING('a reason is required to discard a building', [
          { field: 'reason', messages: ['reason is required to discard a building'], codes: ['REQUIRED'] },
        ]);
      }
      const assignment = body.assignment ?? {};
      if (to === 'assigned') {
        const missing = ASSIGNMENT_FIELDS.filter((f) => !assignment[f]);
        if (missing.length > 0) {
          throw BuildingErrors.BUILDING_STAGE_DATA_MISSING(
            `missing: ${missing.map((f) => `assignment.${f}`).join(', ')}`,
            missing.map((f) => ({
              field: `assignment.${f}`,
              messages: [`assignment.${f} is required to assign a building`],
              codes: ['REQUIRED'],
            })),
          );
        }
        const organization = assignment.organization as string;
        const found = await this.organizations.findLinkable(scope, building.tenantId, [organization], tx);
        if (found.length !== 1) {
          throw BuildingErrors.BUILDING_ORGANIZATION_UNKNOWN(undefined, [
            { field: 'assignment.organization', messages: [`unknown organization: ${organization}`] },
          ]);
        }
      }
      const changes: Partial<Building> = { stage: to };
      const openingDate = to === 'active' ? (body.openingDate ?? todayInItaly()) : undefined;
      if (openingDate) changes.openingDate = openingDate;
      if (to === 'mapped') changes.openingDate = null;
      const current = await this.buildings.currentAssignment(tx, scope, building);
      if (current && (to === 'discarded' || to === 'assigned')) await this.buildings.endAssignment(tx, scope, current);
      await this.buildings.update(tx, scope, building, building.version, changes);
      if (to === 'assigned') {
        await this.buildings.insertAssignment(tx, scope, {
          tenantId: building.tenantId,
          buildingId: building.id,
          organizationId: (assignment.organization as string).toLowerCase(),
          instrument: assignment.instrument,
          startDate: assignment.startDate,
          endDate: assignment.endDate,
        });
      }
      await this.buildings.insertStageChange(tx, scope, {
        tenantId: building.tenantId,
        buildingId: building.id,
        fromStage: from,
        toStage: to,
        reason: body.reason ?? null,
      });
      await this.audit.record(tx, scope, {
        tenantId: building.tenantId,
        entity: 'building',
        entityId: building.id,
        action: 'stage',
        before: { stage: from },
        after: {
          stage: to,
          ...(body.reason ? { reason: body.reason } : {}),
          ...(to === 'assigned' ? { assignment } : {}),
          ...(openingDate ? { openingDate } : {}),
          ...(current && (to === 'discarded' || to === 'assigned') ? { endedAssignment: current.id } : {}),
        },
      });
    });
    return this.getBuilding(scope, id);
  }

  /** "Verified on site": sets lastVerifiedAt/By (nothing else does), at the version the caller read. Audited. */
  async verifyBuilding(scope: AccessScope, id: string, version: number): Promise<BuildingResponseDto> {
    await this.door.transaction(async (tx) => {
      const building = await this.lockEditable(tx, scope, id);
      if (building.version !== version) throw CommonErrors.STALE_VERSION();
      await this.buildings.update(tx, scope, building, version, {
        lastVerifiedAt: (() => 'now()') as never,
        lastVerifiedBy: scope.actor.id,
      });
      await this.audit.record(tx, scope, {
        tenantId: building.tenantId,
        entity: 'building',
        entityId: building.id,
        action: 'verify',
        before: { lastVerifiedAt: iso(building.lastVerifiedAt) },
        after: { verifiedBy: scope.actor.id },
      });
    });
    return this.getBuilding(scope, id);
  }

  /**
   * The stage timeline (everyone who reads the building) and the audit entries (staff only: they
   * hold internal notes and a private owner's name; municipality users get an empty list).
   */
  async getHistory(scope: AccessScope, id: string): Promise<BuildingHistoryDto> {
    if (!(await this.buildings.existsReadable(scope, id))) throw BuildingErrors.BUILDING_NOT_FOUND();
    const stages = await this.buildings.stageChanges(scope, id);
    const audit = this.policy.readsStaffFields(scope) ? await this.audit.history(scope, 'building', id) : [];
    return {
      stages: stages.map((s) => ({
        id: s.id,
        from: s.fromStage,
        to: s.toStage,
        reason: s.reason,
        at: new Date(s.at).toISOString(),
        actor: s.actorId ? { id: s.actorId, fullName: s.actorName ?? '' } : null,
      })),
      audit: audit.map((row) => ({
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '' } : null,
        action: row.action,
        before: row.before ?? null,
        after: row.after ?? null,
      })),
    };
  }

  /** Assignments of the caller's territory ending within `months`, and the overdue ones. */
  async expiringBuildings(scope: AccessScope, query: ExpiringBuildingsQuery): Promise<ExpiringBuildingsDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? MAX_EXPIRING;
    const { rows, total, overdue } = await this.buildings.expiring(scope, query.months, {
      offset: (page - 1) * pageSize,
      limit: pageSize,
    });
    const items = rows.flatMap((row) => {
      const assignment = this.toDto(scope, row).assignment;
      if (!assignment) return [];
      const daysLeft = Number(row.daysLeft);
      return [
        {
          id: row.id,
          name: row.name,
          version: row.version,
          municipality: { istatCode: row.municipalityIstat, name: row.municipalityName },
          stage: row.stage,
          assignment,
          daysLeft,
          overdue: daysLeft < 0,
        },
      ];
    });
    return { items, months: query.months, total, overdue, page, pageSize };
  }

  /** Buildings of the caller's territory not verified on site for `months` months. */
  async staleBuildings(scope: AccessScope, query: StaleBuildingsQuery): Promise<BuildingsPageDto> {
    const { rows, total } = await this.buildings.stale(
      scope,
      query.months,
      { offset: (query.page - 1) * query.pageSize, limit: query.pageSize },
      this.readOptions(scope),
    );
    return pageOf(
      rows.map((r) => this.toDto(scope, r)),
      total,
      query,
    );
  }

  /** The filtered list as a file (csv, csv-it, xlsx, geojson), streamed from a cursor; the same scope and filters as the list. */
  exportBuildings(scope: AccessScope, query: ExportBuildingsQuery): ExportedFile {
    const options = this.readOptions(scope);
    const toRow = (row: BuildingRow): BuildingRow => ({ ...row, owner: this.policy.readsOwner(scope, row.ownership) ? row.owner : null });
    const source = this.buildings.streamReadable(scope, buildingFiltersOf(query), options);
    async function* batches(): AsyncGenerator<BuildingRow[]> {
      for await (const rows of source) yield rows.map(toRow);
    }
    return exportRegisterFile(
      buildingsExport({ internalNotes: options.internalNotes }),
      buildingsGeoJson(),
      { format: query.format ?? 'csv', language: query.lang ?? 'it' },
      batches(),
    );
  }

  /**
   * For the photos (and the other writes): the building locked in `tx`, readable (else 404) and in
   * the caller's territory (innovators: their assigned municipalities; else 403 BUILDING_NOT_EDITABLE).
   */
  async lockEditable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Building> {
    const building = await this.buildings.lockReadable(tx, scope, id);
    if (!building) throw BuildingErrors.BUILDING_NOT_FOUND();
    if (!this.policy.writes(scope)) throw CommonErrors.FORBIDDEN();
    if (!(await this.buildings.isTerritorial(tx, scope, id))) throw BuildingErrors.BUILDING_NOT_EDITABLE();
    return building;
  }

  /** The building's key if the caller reads it (else 404): the owner of its photos. */
  async readableKey(scope: AccessScope, id: string): Promise<{ id: string; tenantId: string }> {
    const key = await this.buildings.existsReadable(scope, id);
    if (!key) throw BuildingErrors.BUILDING_NOT_FOUND();
    return key;
  }

  /** The municipality a building may be mapped in: in the tenant (else 400 unknown), in the caller's territory (else 400 not assigned). */
  async assignedMunicipality(scope: AccessScope, istatCode: string): Promise<MunicipalityKey> {
    const found = await this.buildings.findMunicipalities(scope, istatCode);
    if (found.length !== 1) {
      const why =
        found.length === 0 ? `no municipality ${istatCode} in your tenant` : `municipality ${istatCode} exists in several tenants`;
      throw BuildingErrors.BUILDING_MUNICIPALITY_UNKNOWN(undefined, [{ field: 'municipality', messages: [why] }]);
    }
    const [municipality] = found;
    if (!scope.canReachMunicipality(municipality.tenantId, municipality.id, 'assigned')) {
      throw BuildingErrors.BUILDING_MUNICIPALITY_NOT_ASSIGNED(undefined, [
        { field: 'municipality', messages: [`municipality ${istatCode} is not assigned to you`] },
      ]);
    }
    return municipality;
  }

  /** A point outside the boundary of its municipality is refused (when the municipality has a boundary). */
  async requirePointInside(scope: AccessScope, municipalityId: string, location: BuildingContent['location']): Promise<void> {
    if (!location) return;
    if ((await this.territory.municipalityContains(scope, municipalityId, location)) !== false) return;
    throw BuildingErrors.BUILDING_POINT_OUTSIDE_MUNICIPALITY(undefined, [
      { field: 'location', messages: ['the point is outside the boundary of the municipality'] },
    ]);
  }
}

/** A confiscated building carries the ANBSC code and the decree date. */
export function requireConfiscation(content: BuildingContent): void {
  if (content.ownership !== 'confiscated') return;
  const missing = (['anbscCode', 'confiscationDecreeDate'] as const).filter((f) => !content[f]);
  if (missing.length === 0) return;
  throw BuildingErrors.BUILDING_CONFISCATION_INCOMPLETE(
    `missing: ${missing.join(', ')}`,
    missing.map((field) => ({ field, messages: [`${field} is required for a confiscated building`], codes: ['REQUIRED'] })),
  );
}

/** The stages a role may move a building to from `from` (for the web's buttons and the docs). */
export function nextStages(role: AccessScope['role'], from: ReuseStage): ReuseStage[] {
  return REUSE_STAGE_TRANSITIONS[from].filter((to) => canMoveReuseStage(role, from, to));
}
