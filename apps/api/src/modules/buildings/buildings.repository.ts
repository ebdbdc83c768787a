import { Injectable } from '@nestjs/common';
import type {
  AssignmentInstrument,
  BuildingAccessibility,
  BuildingCondition,
  BuildingConstraint,
  BuildingCurrentUse,
  BuildingOwnership,
  ReuseStage,
  SuitableUse,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { Bbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { createIdempotent } from '../../common/database/idempotent-create';
import { escapeLike } from '../../common/database/like';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { BuildingAssignment } from './building-assignment.entity';
import { BuildingStageChange } from './building-stage-change.entity';
import { Building } from './building.entity';
import { BuildingsPolicy } from './buildings.policy';

/** A building with what its response needs (municipality, social area, current assignment, verifier). */
export interface BuildingRow {
  id: string;
  tenantId: string;
  clientId: string;
  version: number;
  name: string;
  address: string | null;
  lat: number | null;
  lon: number | null;
  ownership: BuildingOwnership;
  owner: string | null;
  cadastralReference: string | null;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  condition: BuildingCondition;
  currentUse: BuildingCurrentUse;
  accessibility: BuildingAccessibility;
  constraints: BuildingConstraint[];
  suitableUses: SuitableUse[];
  stage: ReuseStage;
  openingDate: string | null;
  notes: string | null;
  /** absent when the query was asked to leave internal notes out */
  internalNotes?: string | null;
  anbscCode: string | null;
  confiscationDecreeDate: string | null;
  lastVerifiedAt: Date | null;
  lastVerifiedById: string | null;
  lastVerifiedByName: string | null;
  createdAt: Date;
  updatedAt: Date;
  municipalityId: string;
  municipalityIstat: string;
  municipalityName: string;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  assignmentOrganizationId: string | null;
  assignmentOrganizationName: string | null;
  assignmentInstrument: AssignmentInstrument | null;
  assignmentStartDate: string | null;
  assignmentEndDate: string | null;
}

/** The list's filters (BuildingFiltersQuery without paging); the caller's scope always applies on top. */
export interface BuildingFilters {
  /** ISTAT code */
  municipality?: string;
  /** social area code */
  socialArea?: string;
  /** part of the name or address, accents and case ignored (null or empty: no search) */
  q?: string | null;
  stage?: ReuseStage;
  ownership?: BuildingOwnership;
  condition?: BuildingCondition;
  currentUse?: BuildingCurrentUse;
  suitableUse?: SuitableUse;
  placed?: 'yes' | 'no';
  confiscated?: 'yes' | 'no';
  /** only the buildings whose point lies in this box (the map's viewport); served by buildings_point_idx */
  bbox?: Bbox;
}

export interface ReadOptions {
  /** false for callers who may not read internal notes: the column is not even read */
  internalNotes: boolean;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
  istatCode: string;
}

export interface StageChangeRow {
  id: string;
  fromStage: ReuseStage | null;
  toStage: ReuseStage;
  reason: string | null;
  at: Date;
  actorId: string | null;
  actorName: string | null;
}

type Query = ScopedSelectQueryBuilder<Building>;

const EXPORT_BATCH = 1000;
const LIST_ORDER = (alias: string) => `lower(${alias}.name) ASC, ${alias}.id ASC`;

/** `today` in Italy, as SQL. */
const TODAY = `(now() AT TIME ZONE 'Europe/Rome')::date`;

/**
 * Queries of the buildings register, each built through the door with BuildingsPolicy; other
 * features' rows only through their policies (municipalities, organizations, activities).
 */
@Injectable()
export class BuildingsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: BuildingsPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly organizationsPolicy: OrganizationsPolicy,
    private readonly activitiesPolicy: ActivitiesPolicy,
    private readonly initiativesPolicy: InitiativesPolicy,
  ) {}

  /**
   * The buildings the caller may read that match `filters`, on `alias`: a door-bound query with the
   * policy and the filters applied and nothing selected yet. The list, the export and the map layer
   * all start here, so the list's total and the map's counts agree. `filters` may be the query DTO
   * itself (`BuildingFiltersQuery`, or any query extending it): only the filter fields are read.
   */
  filtered(scope: AccessScope, filters: BuildingFilters, alias = 'b', reads: ScopedReads = this.door): Query {
    const qb = reads.select(scope, this.policy.readable, alias);
    if (filters.municipality) {
      const sub = qb
        .subquery(this.territoryPolicy.municipalities, `${alias}_fm`)
        .select(`${alias}_fm.id`)
        .andWhere(`${alias}_fm.istat_code = :${alias}FMunicipality`, { [`${alias}FMunicipality`]: filters.municipality });
      qb.andWhere(`${alias}.municipality_id IN ${sub.getQuery()}`);
    }
    if (filters.socialArea) {
      const sub = qb
        .subquery(this.territoryPolicy.municipalities, `${alias}_fs`)
        .select(`${alias}_fs.id`)
        .innerJoinSource(this.territoryPolicy.socialAreas, `${alias}_fsa`, `${alias}_fsa.id = ${alias}_fs.social_area_id`)
        .andWhere(`${alias}_fsa.code = :${alias}FSocialArea`, { [`${alias}FSocialArea`]: filters.socialArea });
      qb.andWhere(`${alias}.municipality_id IN ${sub.getQuery()}`);
    }
    if (filters.q) {
      // the stored, folded name and address (buildings_search_text_idx, migration 1764820000000): the same matches as ILIKE
      qb.andWhere(`${alias}.search_text LIKE '%' || lower(trama_unaccent(:${alias}FQ)) || '%'`, {
        [`${alias}FQ`]: escapeLike(filters.q),
      });
    }
    const equals = (column: string, value: string | undefined, name: string) => {
      if (value) qb.andWhere(`${alias}.${column} = :${alias}${name}`, { [`${alias}${name}`]: value });
    };
    equals('stage', filters.stage, 'FStage');
    equals('ownership', filters.ownership, 'FOwnership');
    equals('condition', filters.condition, 'FCondition');
    equals('current_use', filters.currentUse, 'FCurrentUse');
    if (filters.suitableUse) {
      qb.andWhere(`${alias}.suitable_uses @> ARRAY[:${alias}FSuitableUse]::text[]`, { [`${alias}FSuitableUse`]: filters.suitableUse });
    }
    if (filters.placed === 'yes') qb.andWhere(`${alias}.lat IS NOT NULL`);
    if (filters.placed === 'no') qb.andWhere(`${alias}.lat IS NULL`);
    if (filters.confiscated === 'yes') qb.andWhere(`${alias}.ownership = 'confiscated'`);
    if (filters.confiscated === 'no') qb.andWhere(`${alias}.ownership <> 'confiscated'`);
    if (filters.bbox) {
      // the form of buildings_point_idx (GiST on point(lon, lat), partial on lat IS NOT NULL)
      const [minLon, minLat, maxLon, maxLat] = filters.bbox;
      qb.andWhere(`${alias}.lat IS NOT NULL`).andWhere(
        `point(${alias}.lon, ${alias}.lat) <@ box(point(:${alias}FMinLon, :${alias}FMinLat), point(:${alias}FMaxLon, :${alias}FMaxLat))`,
        { [`${alias}FMinLon`]: minLon, [`${alias}FMinLat`]: minLat, [`${alias}FMaxLon`]: maxLon, [`${alias}FMaxLat`]: maxLat },
      );
    }
    return qb;
  }

  /** Selects a BuildingRow's columns on a query of alias `b`. */
  private withRowColumns(qb: Query, options: ReadOptions): Query {
    qb.innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = b.municipality_id AND m.tenant_id = b.tenant_id')
      .leftJoinSource(this.territoryPolicy.socialAreas, 'sa', 'sa.id = m.social_area_id AND sa.tenant_id = m.tenant_id')
      .leftJoin(BuildingAssignment, 'ba', 'ba.tenant_id = b.tenant_id AND ba.building_id = b.id AND ba.ended_at IS NULL')
      .leftJoinSource(this.organizationsPolicy.linkable, 'bo', 'bo.tenant_id = ba.tenant_id AND bo.id = ba.organization_id')
      // the verifier's name, as an activity's author's (docs/development.md, known follow-ups: UsersPolicy hides colleagues)
      .leftJoin('users', 'vu', 'vu.id = b.last_verified_by')
      .select('b.id', 'id');
    const columns: [string, string][] = [
      ['b.tenant_id', 'tenantId'],
      ['b.client_id', 'clientId'],
      ['b.version', 'version'],
      ['b.name', 'name'],
      ['b.address', 'address'],
      ['b.lat', 'lat'],
      ['b.lon', 'lon'],
      ['b.ownership', 'ownership'],
      ['b.owner', 'owner'],
      ['b.cadastral_reference', 'cadastralReference'],
      ['b.indoor_area_m2', 'indoorAreaM2'],
      ['b.outdoor_area_m2', 'outdoorAreaM2'],
      ['b.condition', 'condition'],
      ['b.current_use', 'currentUse'],
      ['b.accessibility', 'accessibility'],
      ['b.constraints', 'constraints'],
      ['b.suitable_uses', 'suitableUses'],
      ['b.stage', 'stage'],
      [`to_char(b.opening_date, 'YYYY-MM-DD')`, 'openingDate'],
      ['b.notes', 'notes'],
      ['b.anbsc_code', 'anbscCode'],
      [`to_char(b.confiscation_decree_date, 'YYYY-MM-DD')`, 'confiscationDecreeDate'],
      ['b.last_verified_at', 'lastVerifiedAt'],
      ['b.last_verified_by', 'lastVerifiedById'],
      ['vu.full_name', 'lastVerifiedByName'],
      ['b.created_at', 'createdAt'],
      ['b.updated_at', 'updatedAt'],
      ['m.id', 'municipalityId'],
      ['m.istat_code', 'municipalityIstat'],
      ['m.name', 'municipalityName'],
      ['sa.code', 'socialAreaCode'],
      ['sa.name', 'socialAreaName'],
      ['ba.organization_id', 'assignmentOrganizationId'],
      ['bo.name', 'assignmentOrganizationName'],
      ['ba.instrument', 'assignmentInstrument'],
      [`to_char(ba.start_date, 'YYYY-MM-DD')`, 'assignmentStartDate'],
      [`to_char(ba.end_date, 'YYYY-MM-DD')`, 'assignmentEndDate'],
    ];
    for (const [expression, alias] of columns) qb.addSelect(expression, alias);
    if (options.internalNotes) qb.addSelect('b.internal_notes', 'internalNotes');
    return qb;
  }

  async list(
    scope: AccessScope,
    filters: BuildingFilters,
    page: { offset: number; limit: number },
    options: ReadOptions,
  ): Promise<{ rows: BuildingRow[]; total: number }> {
    const matching = this.filtered(scope, filters, 'b');
    const count = async () =>
      (await this.door.run<{ n: number }>(matching.clone().select('b.id'), (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`))[0].n;
    if (filters.q) {
      const { ids, total } = await this.searchPage(matching, page);
      return { rows: await this.rowsOf(matching, ids, LIST_ORDER('b'), options), total: total ?? (await count()) };
    }
    const [total, rows] = await Promise.all([count(), this.page(matching, LIST_ORDER('b'), page, options)]);
    return { rows, total };
  }

  /**
   * One page of ids of a text search, and how many match, in one pass: the matches are found by
   * the trigram index (each candidate rechecked on the heap once, not once for the count and again
   * for the page), counted by a window and sorted by name. The `OFFSET 0` fence keeps the planner
   * from walking the name index in order and testing the text on each row until 50 match, which for
   * a common word clustered in the alphabet ("Scuola …") read most of the table. `total` is null on
   * a page past the last (no row to carry it): the caller counts then.
   */
  private async searchPage(matching: Query, page: { offset: number; limit: number }): Promise<{ ids: string[]; total: number | null }> {
    const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const found = await this.door.run<{ id: string; total: number }>(
      matching.clone().select('b.id', 'id').addSelect('lower(b.name)', 'sort_name'),
      (sql) => `SELECT s.id, (count(*) OVER ())::int AS total FROM (${sql} OFFSET 0) s ORDER BY s.sort_name ASC, s.id ASC ${slice}`,
    );
    if (found.length > 0) return { ids: found.map((r) => r.id), total: found[0].total };
    return { ids: [], total: page.offset === 0 ? 0 : null };
  }

  /**
   * One page of `matching` in `order`, in two steps: the page's ids first — a narrow query that the
   * order's index answers by itself (`buildings_name_idx` INCLUDEs what the rules and the sort read:
   * an index-only scan, so page 200 skips 9,950 index entries instead of joining and sorting every
   * match) —, then the rows of those ids with their joins, in the same order (docs/benchmarks.md,
   * "Deep pages").
   */
  private async page(
    matching: Query,
    order: string,
    page: { offset: number; limit: number },
    options: ReadOptions,
  ): Promise<BuildingRow[]> {
    const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const ids = await this.door.run<{ id: string }>(matching.clone().select('b.id', 'id'), (sql) => `${sql} ORDER BY ${order} ${slice}`);
    return this.rowsOf(
      matching,
      ids.map((r) => r.id),
      order,
      options,
    );
  }

  /**
   * The rows of `ids` (a page of `matching`) with their joins, in `order`. The caller's rule applies
   * again, the filters do not: the ids already passed them, and a filter repeated here let the
   * planner start from its index (the trigram candidates of a search, every building of a stage)
   * instead of the 50 ids (17 ms for "scuola", 16 ms for a stage, against ~2).
   */
  private async rowsOf(matching: Query, ids: string[], order: string, options: ReadOptions): Promise<BuildingRow[]> {
    if (ids.length === 0) return [];
    return this.door.run<BuildingRow>(
      this.withRowColumns(this.filtered(matching.scope, {}, 'b'), options).andWhere('b.id IN (:...pageIds)', { pageIds: ids }),
      (sql) => `${sql} ORDER BY ${order}`,
    );
  }

  async findReadable(scope: AccessScope, id: string, options: ReadOptions, reads: ScopedReads = this.door): Promise<BuildingRow | null> {
    const qb = this.withRowColumns(this.filtered(scope, {}, 'b', reads), options).andWhere('b.id = :buildingId', { buildingId: id });
    return (await qb.getRawOne<BuildingRow>()) ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<{ id: string; tenantId: string } | null> {
    const row = await this.door
      .select(scope, this.policy.readable, 'b')
      .select('b.id', 'id')
      .addSelect('b.tenant_id', 'tenantId')
      .andWhere('b.id = :buildingId', { buildingId: id })
      .getRawOne<{ id: string; tenantId: string }>();
    return row ?? null;
  }

  /** Locks a readable building for a change in the transaction; null when unknown or out of scope. */
  async lockReadable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Building | null> {
    return tx
      .select(scope, this.policy.readable, 'b')
      .andWhere('b.id = :buildingId', { buildingId: id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Whether the caller may change this building: it lies in their territory (an innovator's assigned municipalities). */
  async isTerritorial(tx: ScopedTx, scope: AccessScope, id: string): Promise<boolean> {
    return tx.select(scope, this.policy.territorial, 'b').andWhere('b.id = :buildingId', { buildingId: id }).getExists();
  }

  async createIfAbsent(
    tx: ScopedTx,
    scope: AccessScope,
    values: Partial<Building>,
    key: { clientId: string; body: unknown; conflict: () => Error },
  ): Promise<{ id: string; created: boolean }> {
    return createIdempotent(tx, scope, Building, { values, ...key });
  }

  async update(tx: ScopedTx, scope: AccessScope, building: Pick<Building, 'id' | 'tenantId'>, version: number, changes: Partial<Building>) {
    await tx.updateVersioned(scope, Building, { id: building.id, version, tenantId: building.tenantId }, changes);
  }

  async insertStageChange(tx: ScopedTx, scope: AccessScope, values: Partial<BuildingStageChange>): Promise<void> {
    await tx.insert(scope, BuildingStageChange, values);
  }

  async stageChanges(scope: AccessScope, buildingId: string): Promise<StageChangeRow[]> {
    const qb = this.door
      .select(scope, BuildingStageChange, 'sc')
      .leftJoin('users', 'su', 'su.id = sc.created_by')
      .select('sc.id', 'id')
      .addSelect('sc.from_stage', 'fromStage')
      .addSelect('sc.to_stage', 'toStage')
      .addSelect('sc.reason', 'reason')
      .addSelect('sc.at', 'at')
      .addSelect('sc.created_by', 'actorId')
      .addSelect('su.full_name', 'actorName');
    const readable = qb.subquery(this.policy.readable, 'sb').select('sb.id').andWhere('sb.id = :stagesOf', { stagesOf: buildingId });
    return qb
      .andWhere(`sc.building_id IN ${readable.getQuery()}`)
      .orderBy('sc.at', 'ASC')
      .addOrderBy('sc.id', 'ASC')
      .getRawMany<StageChangeRow>();
  }

  async currentAssignment(
    tx: ScopedTx,
    scope: AccessScope,
    building: Pick<Building, 'id' | 'tenantId'>,
  ): Promise<BuildingAssignment | null> {
    return tx
      .select(scope, BuildingAssignment, 'ba')
      .andWhere('ba.building_id = :assignmentOf AND ba.ended_at IS NULL', { assignmentOf: building.id })
      .getOne();
  }

  /**
   * An organization merge (OrganizationsService.registerLinkMover): every assignment (current or
   * ended) to `fromId` becomes an assignment to `toId`, each by its version. Returns how many moved.
   */
  async moveAssignments(tx: ScopedTx, scope: AccessScope, link: { tenantId: string; fromId: string; toId: string }): Promise<number> {
    const rows = await tx
      .select(scope, BuildingAssignment, 'ba')
      .select('ba.id', 'id')
      .addSelect('ba.version', 'version')
      .andWhere('ba.tenant_id = :moveTenant', { moveTenant: link.tenantId })
      .andWhere('ba.organization_id = :moveFrom', { moveFrom: link.fromId })
      .getRawMany<{ id: string; version: number }>();
    for (const row of rows) {
      await tx.updateVersioned(
        scope,
        BuildingAssignment,
        { id: row.id, version: row.version, tenantId: link.tenantId },
        { organizationId: link.toId },
      );
    }
    return rows.length;
  }

  async insertAssignment(tx: ScopedTx, scope: AccessScope, values: Partial<BuildingAssignment>): Promise<void> {
    await tx.insert(scope, BuildingAssignment, values);
  }

  async endAssignment(tx: ScopedTx, scope: AccessScope, assignment: BuildingAssignment): Promise<void> {
    await tx.updateVersioned(
      scope,
      BuildingAssignment,
      { id: assignment.id, version: assignment.version, tenantId: assignment.tenantId },
      { endedAt: (() => 'now()') as never },
    );
  }

  /** The municipalities of the caller's tenant with this ISTAT code (an admin may get one per tenant). */
  async findMunicipalities(scope: AccessScope, istatCode: string): Promise<MunicipalityKey[]> {
    return this.door
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .getRawMany<MunicipalityKey>();
  }

  /**
   * Monitoring: the approved activities held in the building that the caller may read
   * (ActivitiesPolicy.readable: municipality users read approved ones only anyway), and the people
   * they served (the sum of their participants).
   */
  async monitoring(scope: AccessScope, buildingId: string): Promise<{ activities: number; peopleServed: number; initiatives: number }> {
    const row = await this.door
      .select(scope, this.activitiesPolicy.readable, 'a')
      .select('count(*)::int', 'activities')
      .addSelect('coalesce(sum(a.participants_total), 0)::bigint', 'peopleServed')
      .andWhere(`a.status = 'approved'`)
      .andWhere('a.building_id = :heldIn', { heldIn: buildingId })
      .getRawOne<{ activities: number; peopleServed: string }>();
    // the initiatives it hosts that the caller may read (InitiativesPolicy.readable, never the table's rule)
    const initiatives = await this.door
      .select(scope, this.initiativesPolicy.readable, 'ih')
      .andWhere('ih.building_id = :hostedIn', { hostedIn: buildingId })
      .getCount();
    return { activities: row?.activities ?? 0, peopleServed: Number(row?.peopleServed ?? 0), initiatives };
  }

  /**
   * Current assignments of buildings in the caller's territory (BuildingsPolicy.territorial) that
   * end within `months`, or have ended already (overdue): overdue first, then by end date; one page
   * of them, with how many there are in all and how many are overdue. The page's ids come first (from
   * `building_assignments_expiry_idx`, in end-date order), then their rows, as the lists' pages.
   */
  async expiring(
    scope: AccessScope,
    months: number,
    page: { offset: number; limit: number },
  ): Promise<{ rows: (BuildingRow & { daysLeft: number })[]; total: number; overdue: number }> {
    const matching = () =>
      this.door
        .select(scope, this.policy.territorial, 'b')
        .innerJoin(BuildingAssignment, 'ba', 'ba.tenant_id = b.tenant_id AND ba.building_id = b.id AND ba.ended_at IS NULL')
        .andWhere(`b.stage IN ('assigned', 'active')`)
        .andWhere(`ba.end_date <= (${TODAY} + make_interval(months => :expiringMonths))::date`, { expiringMonths: months });
    const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const [[counts], ids] = await Promise.all([
      this.door.run<{ n: number; overdue: number }>(
        matching().select('ba.end_date', 'end_date'),
        (sql) => `SELECT count(*)::int AS n, (count(*) FILTER (WHERE c.end_date < ${TODAY}))::int AS overdue FROM (${sql}) c`,
      ),
      this.door.run<{ id: string }>(matching().select('b.id', 'id'), (sql) => `${sql} ORDER BY ba.end_date ASC, b.id ASC ${slice}`),
    ]);
    if (ids.length === 0) return { rows: [], total: counts.n, overdue: counts.overdue };
    const qb = this.withRowColumns(this.door.select(scope, this.policy.territorial, 'b'), { internalNotes: false })
      .addSelect(`(ba.end_date - ${TODAY})`, 'daysLeft')
      .andWhere('ba.id IS NOT NULL')
      .andWhere('b.id IN (:...expiringIds)', { expiringIds: ids.map((r) => r.id) });
    const rows = await this.door.run<BuildingRow & { daysLeft: number }>(qb, (sql) => `${sql} ORDER BY ba.end_date ASC, b.id ASC`);
    return { rows, total: counts.n, overdue: counts.overdue };
  }

  /** Buildings of the caller's territory not verified on site for `months` (never verified first); discarded ones are left out. */
  async stale(
    scope: AccessScope,
    months: number,
    page: { offset: number; limit: number },
    options: ReadOptions,
  ): Promise<{ rows: BuildingRow[]; total: number }> {
    const territorial = () => this.door.select(scope, this.policy.territorial, 'b').andWhere(`b.stage <> 'discarded'`);
    const matching = territorial().andWhere(
      '(b.last_verified_at IS NULL OR b.last_verified_at < now() - make_interval(months => :staleMonths))',
      {
        staleMonths: months,
      },
    );
    // counted as its two sides (never verified; verified before the limit), each a range of
    // buildings_verified_idx read index-only: the OR of both made the count a scan of the table
    const count = async (side: Query) =>
      (await this.door.run<{ n: number }>(side.select('b.id'), (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`))[0].n;
    const [never, before, rows] = await Promise.all([
      count(territorial().andWhere('b.last_verified_at IS NULL')),
      count(territorial().andWhere('b.last_verified_at < now() - make_interval(months => :staleMonths)', { staleMonths: months })),
      this.page(matching, `b.last_verified_at ASC NULLS FIRST, ${LIST_ORDER('b')}`, page, options),
    ]);
    return { rows, total: never + before };
  }

  /** Every readable building matching the filters, in list order, in batches from a cursor (flat memory). */
  streamReadable(scope: AccessScope, filters: BuildingFilters, options: ReadOptions): AsyncGenerator<BuildingRow[]> {
    const qb = this.withRowColumns(this.filtered(scope, filters, 'b'), options);
    return this.door.stream<BuildingRow>(qb, {
      shell: (sql) => `${sql} ORDER BY ${LIST_ORDER('b')}`,
      cursor: 'building_export',
      batchSize: EXPORT_BATCH,
    });
  }
}
