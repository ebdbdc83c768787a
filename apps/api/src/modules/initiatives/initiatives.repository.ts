import { Injectable } from '@nestjs/common';
import type { FundingSource, InitiativeStatus, Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { Bbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { createIdempotent } from '../../common/database/idempotent-create';
import { escapeLike } from '../../common/database/like';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import { Initiative, InitiativeMunicipality, InitiativeOrganization, InitiativeStatusChange } from './initiative.entity';
import { InitiativesPolicy } from './initiatives.policy';

/** An initiative with what its response needs. */
export interface InitiativeRow {
  id: string;
  tenantId: string;
  clientId: string;
  version: number;
  title: string;
  description: string | null;
  status: InitiativeStatus;
  municipalityId: string;
  municipalityIstat: string;
  municipalityName: string;
  /** every municipality, the main one first */
  municipalities: { id: string; istatCode: string; name: string }[];
  organizations: { id: string; name: string; role: 'lead' | 'partner' }[];
  buildingId: string | null;
  /** null when the caller may not read the building */
  buildingName: string | null;
  themes: Theme[];
  startDate: string | null;
  endDate: string | null;
  fundingSource: FundingSource | null;
  /** numeric, as text */
  fundingAmount: string | null;
  cup: string | null;
  beneficiariesCount: number | null;
  beneficiariesDescription: string | null;
  lat: number | null;
  lon: number | null;
  stopReason: string | null;
  /** absent when the query was asked to leave internal notes out */
  internalNotes?: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface StatusChangeRow {
  id: string;
  fromStatus: InitiativeStatus | null;
  toStatus: InitiativeStatus;
  effectiveDate: string | null;
  reason: string | null;
  at: Date;
  byId: string | null;
  byName: string | null;
}

/** The list's filters (InitiativeFiltersQuery without page or format); the caller's scope always applies on top. */
export interface InitiativeFilters {
  municipality?: string;
  socialArea?: string;
  q?: string | null;
  status?: InitiativeStatus;
  theme?: Theme;
  fundingSource?: FundingSource;
  organization?: string;
  building?: string;
  /** only the initiatives whose own point lies in this box (the map's viewport); served by initiatives_point_idx */
  bbox?: Bbox;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
  istatCode: string;
}

type Query = ScopedSelectQueryBuilder<Initiative>;

const EXPORT_BATCH = 1000;

/** The columns of InitiativeRow on alias `i` (main municipality `m`), as `[expression, alias]`. */
function rowColumns(a: string): [string, string][] {
  return [
    [`${a}.id`, 'id'],
    [`${a}.tenant_id`, 'tenantId'],
    [`${a}.client_id`, 'clientId'],
    [`${a}.version`, 'version'],
    [`${a}.title`, 'title'],
    [`${a}.description`, 'description'],
    [`${a}.status`, 'status'],
    [`${a}.municipality_id`, 'municipalityId'],
    ['m.istat_code', 'municipalityIstat'],
    ['m.name', 'municipalityName'],
    [
      // the main municipality first, then by name
      `coalesce((SELECT json_agg(json_build_object('id', im.id, 'istatCode', im.istat_code, 'name', im.name)
                                 ORDER BY (im.id = ${a}.municipality_id) DESC, im.name)
                   FROM initiative_municipalities x JOIN municipalities im ON im.tenant_id = x.tenant_id AND im.id = x.municipality_id
                  WHERE x.tenant_id = ${a}.tenant_id AND x.initiative_id = ${a}.id), '[]'::json)`,
      'municipalities',
    ],
    [
      // organizations of the initiative's own tenant (composite key): the names are not a territory matter
      `coalesce((SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'role', io.role) ORDER BY io.role, o.name, o.id)
                   FROM initiative_organizations io JOIN organizations o ON o.tenant_id = io.tenant_id AND o.id = io.organization_id
                  WHERE io.tenant_id = ${a}.tenant_id AND io.initiative_id = ${a}.id), '[]'::json)`,
      'organizations',
    ],
    [`${a}.building_id`, 'buildingId'],
    ['bld.name', 'buildingName'],
    [`${a}.themes`, 'themes'],
    [`to_char(${a}.start_date, 'YYYY-MM-DD')`, 'startDate'],
    [`to_char(${a}.end_date, 'YYYY-MM-DD')`, 'endDate'],
    [`${a}.funding_source`, 'fundingSource'],
    [`${a}.funding_amount::text`, 'fundingAmount'],
    [`${a}.cup`, 'cup'],
    [`${a}.beneficiaries_count`, 'beneficiariesCount'],
    [`${a}.beneficiaries_description`, 'beneficiariesDescription'],
    [`${a}.lat`, 'lat'],
    [`${a}.lon`, 'lon'],
    [`${a}.stop_reason`, 'stopReason'],
    [`${a}.created_at`, 'createdAt'],
    [`${a}.updated_at`, 'updatedAt'],
  ];
}

/**
 * Queries of the initiatives register, all through the scoped data door with InitiativesPolicy
 * (readable: the tenant; municipality users: ANY of the initiative's municipalities in their
 * territory). Other features' rows only through their policies or bound subqueries.
 */
@Injectable()
export class InitiativesRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: InitiativesPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly activitiesPolicy: ActivitiesPolicy,
    private readonly buildingsPolicy: BuildingsPolicy,
  ) {}

  /**
   * The initiatives the caller may read that match the filters, as a door-bound query on `alias`
   * (default `i`): the list, the export and the map layer select from it, so their counts agree.
   */
  filtered(scope: AccessScope, filters: InitiativeFilters, alias = 'i', db: ScopedReads = this.door): Query {
    const qb = db.select(scope, this.policy.readable, alias);
    const p = `f${alias}`;
    if (filters.municipality) {
      const sub = qb
        .subquery(InitiativeMunicipality, `${p}im`)
        .select(`${p}im.initiative_id`)
        .innerJoin('municipalities', `${p}m`, `${p}m.tenant_id = ${p}im.tenant_id AND ${p}m.id = ${p}im.municipality_id`)
        .andWhere(`${p}m.istat_code = :${p}Municipality`, { [`${p}Municipality`]: filters.municipality });
      qb.andWhere(`${alias}.id IN ${sub.getQuery()}`);
    }
    if (filters.socialArea) {
      const sub = qb
        .subquery(InitiativeMunicipality, `${p}sm`)
        .select(`${p}sm.initiative_id`)
        .innerJoin('municipalities', `${p}smm`, `${p}smm.tenant_id = ${p}sm.tenant_id AND ${p}smm.id = ${p}sm.municipality_id`)
        .innerJoin('social_areas', `${p}sa`, `${p}sa.id = ${p}smm.social_area_id`)
        .andWhere(`${p}sa.code = :${p}SocialArea`, { [`${p}SocialArea`]: filters.socialArea });
      qb.andWhere(`${alias}.id IN ${sub.getQuery()}`);
    }
    if (filters.organization) {
      const sub = qb
        .subquery(InitiativeOrganization, `${p}io`)
        .select(`${p}io.initiative_id`)
        .andWhere(`${p}io.organization_id = :${p}Organization`, { [`${p}Organization`]: filters.organization });
      qb.andWhere(`${alias}.id IN ${sub.getQuery()}`);
    }
    if (filters.q) {
      // accent- and case-insensitive substring of title or description: the stored, folded text
      // (initiatives_search_text_idx, migration 1764820000000), the same matches as ILIKE
      qb.andWhere(`${alias}.search_text LIKE '%' || lower(trama_unaccent(:${p}Q)) || '%'`, {
        [`${p}Q`]: escapeLike(filters.q),
      });
    }
    if (filters.status) qb.andWhere(`${alias}.status = :${p}Status`, { [`${p}Status`]: filters.status });
    if (filters.theme) qb.andWhere(`${alias}.themes @> ARRAY[:${p}Theme]::text[]`, { [`${p}Theme`]: filters.theme });
    if (filters.fundingSource) qb.andWhere(`${alias}.funding_source = :${p}Funding`, { [`${p}Funding`]: filters.fundingSource });
    if (filters.building) qb.andWhere(`${alias}.building_id = :${p}Building`, { [`${p}Building`]: filters.building });
    if (filters.bbox) {
      // the form of initiatives_point_idx (GiST on point(lon, lat), partial on lat IS NOT NULL); the
      // initiative's own point only, never its hosting building's (docs/initiatives.md, "Map")
      const [minLon, minLat, maxLon, maxLat] = filters.bbox;
      qb.andWhere(`${alias}.lat IS NOT NULL`).andWhere(
        `point(${alias}.lon, ${alias}.lat) <@ box(point(:${p}MinLon, :${p}MinLat), point(:${p}MaxLon, :${p}MaxLat))`,
        { [`${p}MinLon`]: minLon, [`${p}MinLat`]: minLat, [`${p}MaxLon`]: maxLon, [`${p}MaxLat`]: maxLat },
      );
    }
    return qb;
  }

  /** `lists` false: without the municipalities' and organizations' JSON lists (the export reads them per batch). */
  private withRowColumns(qb: Query, internalNotes: boolean, lists = true): Query {
    const [first, ...rest] = rowColumns('i').filter(([, alias]) => lists || (alias !== 'municipalities' && alias !== 'organizations'));
    qb.innerJoin('municipalities', 'm', 'm.tenant_id = i.tenant_id AND m.id = i.municipality_id')
      // the hosting building, when the caller may read it (BuildingsPolicy: its rule goes into the ON condition)
      .leftJoinSource(this.buildingsPolicy.readable, 'bld', 'bld.id = i.building_id AND bld.tenant_id = i.tenant_id')
      .select(first[0], first[1]);
    for (const [expression, alias] of rest) qb.addSelect(expression, alias);
    if (internalNotes) qb.addSelect('i.internal_notes', 'internalNotes');
    return qb;
  }

  /** How many initiatives match (count(*): the filters are IN subqueries, never joins, so no row repeats; TypeORM's getCount is a COUNT(DISTINCT id)). */
  private async count(scope: AccessScope, filters: InitiativeFilters): Promise<number> {
    const [{ n }] = await this.door.run<{ n: number }>(
      this.filtered(scope, filters).select('i.id', 'id'),
      (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`,
    );
    return n;
  }

  /** One page of matches, by title, and how many match. */
  async listPage(scope: AccessScope, filters: InitiativeFilters, page: { offset: number; limit: number }, internalNotes: boolean) {
    // the page's ids first: a narrow query that initiatives_title_idx answers by itself (it INCLUDEs
    // the title: an index-only scan, so page 200 skips 9,950 index entries instead of computing the
    // municipalities and organizations of every match and sorting them), then those rows
    // (docs/benchmarks.md, "Deep pages"). A text search finds its matches by the trigram index first,
    // counts them by a window and sorts them, in one pass (each candidate rechecked on the heap once,
    // not once for the count and again for the page); the `OFFSET 0` fence keeps the planner from
    // walking the title index in order and testing the text on each row until 50 match. Past the
    // last page no row carries the total: counted then.
    const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    let ids: string[];
    let total: number;
    if (filters.q) {
      const found = await this.door.run<{ id: string; total: number }>(
        this.filtered(scope, filters).select('i.id', 'id').addSelect('lower(i.title)', 'sort_title'),
        (sql) => `SELECT s.id, (count(*) OVER ())::int AS total FROM (${sql} OFFSET 0) s ORDER BY s.sort_title ASC, s.id ASC ${slice}`,
      );
      ids = found.map((r) => r.id);
      total = found.length > 0 ? found[0].total : page.offset === 0 ? 0 : await this.count(scope, filters);
    } else {
      const [n, found] = await Promise.all([
        this.count(scope, filters),
        this.door.run<{ id: string }>(
          this.filtered(scope, filters).select('i.id', 'id'),
          (sql) => `${sql} ORDER BY lower(i.title) ASC, i.id ASC ${slice}`,
        ),
      ]);
      ids = found.map((r) => r.id);
      total = n;
    }
    if (ids.length === 0) return { rows: [], total };
    const rows = await this.door.run<InitiativeRow>(
      // the rule again, not the filters: the ids passed them (a repeated search started from its trigram candidates)
      this.withRowColumns(this.filtered(scope, {}), internalNotes).andWhere('i.id IN (:...pageIds)', { pageIds: ids }),
      (sql) => `${sql} ORDER BY lower(i.title) ASC, i.id ASC`,
    );
    return { rows, total };
  }

  async findReadable(scope: AccessScope, id: string, internalNotes: boolean, tx?: ScopedTx): Promise<InitiativeRow | null> {
    const row = await this.withRowColumns(this.filtered(scope, {}, 'i', tx), internalNotes)
      .andWhere('i.id = :id', { id })
      .getRawOne<InitiativeRow>();
    return row ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<boolean> {
    return this.door.select(scope, this.policy.readable, 'i').andWhere('i.id = :id', { id }).getExists();
  }

  /** Locks a readable initiative for a change; null when unknown or out of scope. */
  async lockReadable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Initiative | null> {
    return tx.select(scope, this.policy.readable, 'i').andWhere('i.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** Whether the caller may edit this initiative (InitiativesPolicy.editable), in `tx`. */
  async isEditable(tx: ScopedTx, scope: AccessScope, id: string): Promise<boolean> {
    return tx.select(scope, this.policy.editable, 'i').andWhere('i.id = :id', { id }).getExists();
  }

  async createIfAbsent(
    tx: ScopedTx,
    scope: AccessScope,
    values: Partial<Initiative>,
    key: { clientId: string; body: unknown; conflict: () => Error },
  ): Promise<{ id: string; created: boolean }> {
    return createIdempotent(tx, scope, Initiative, { values, ...key });
  }

  async update(
    tx: ScopedTx,
    scope: AccessScope,
    initiative: Pick<Initiative, 'id' | 'tenantId'>,
    version: number,
    changes: Partial<Initiative>,
  ) {
    await tx.updateVersioned(scope, Initiative, { id: initiative.id, version, tenantId: initiative.tenantId }, changes);
  }

  async municipalityIds(tx: ScopedTx, scope: AccessScope, initiativeId: string): Promise<string[]> {
    const rows = await tx
      .select(scope, InitiativeMunicipality, 'x')
      .select('x.municipality_id', 'id')
      .andWhere('x.initiative_id = :initiativeId', { initiativeId })
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async replaceMunicipalities(tx: ScopedTx, scope: AccessScope, initiative: Pick<Initiative, 'id' | 'tenantId'>, ids: readonly string[]) {
    await tx.delete(scope, InitiativeMunicipality, { tenantId: initiative.tenantId, initiativeId: initiative.id });
    await tx.insert(
      scope,
      InitiativeMunicipality,
      ids.map((municipalityId) => ({ tenantId: initiative.tenantId, initiativeId: initiative.id, municipalityId })),
    );
  }

  async organizations(tx: ScopedTx, scope: AccessScope, initiativeId: string): Promise<{ id: string; role: 'lead' | 'partner' }[]> {
    return tx
      .select(scope, InitiativeOrganization, 'io')
      .select('io.organization_id', 'id')
      .addSelect('io.role', 'role')
      .andWhere('io.initiative_id = :initiativeId', { initiativeId })
      .getRawMany();
  }

  async replaceOrganizations(
    tx: ScopedTx,
    scope: AccessScope,
    initiative: Pick<Initiative, 'id' | 'tenantId'>,
    lead: string | null,
    partners: readonly string[],
  ) {
    await tx.delete(scope, InitiativeOrganization, { tenantId: initiative.tenantId, initiativeId: initiative.id });
    const rows = [
      ...(lead ? [{ organizationId: lead, role: 'lead' as const }] : []),
      ...partners.filter((p) => p !== lead).map((organizationId) => ({ organizationId, role: 'partner' as const })),
    ];
    if (rows.length === 0) return;
    await tx.insert(
      scope,
      InitiativeOrganization,
      rows.map((r) => ({ tenantId: initiative.tenantId, initiativeId: initiative.id, ...r })),
    );
  }

  /**
   * An organization merge: the initiative links (lead or partner) of the given organizations of
   * `tenantId`, by initiative. In the merge's transaction.
   */
  async organizationLinks(
    tx: ScopedTx,
    scope: AccessScope,
    tenantId: string,
    organizationIds: readonly string[],
  ): Promise<{ initiativeId: string; organizationId: string; role: 'lead' | 'partner' }[]> {
    return tx
      .select(scope, InitiativeOrganization, 'mo')
      .select('mo.initiative_id', 'initiativeId')
      .addSelect('mo.organization_id', 'organizationId')
      .addSelect('mo.role', 'role')
      .andWhere('mo.tenant_id = :mergeTenant', { mergeTenant: tenantId })
      .andWhere('mo.organization_id IN (:...mergeOrganizations)', { mergeOrganizations: organizationIds })
      .orderBy('mo.initiative_id')
      .addOrderBy('mo.organization_id')
      .getRawMany();
  }

  /**
   * An organization merge on one initiative: the rows of `fromId` and `toId` become one row of `toId`
   * with `role` (no second row, at most one lead: the unique keys hold).
   */
  async relinkOrganization(
    tx: ScopedTx,
    scope: AccessScope,
    link: { tenantId: string; initiativeId: string; fromId: string; toId: string; role: 'lead' | 'partner' },
  ): Promise<void> {
    for (const organizationId of [link.fromId, link.toId]) {
      await tx.delete(scope, InitiativeOrganization, { tenantId: link.tenantId, initiativeId: link.initiativeId, organizationId });
    }
    await tx.insert(scope, InitiativeOrganization, {
      tenantId: link.tenantId,
      initiativeId: link.initiativeId,
      organizationId: link.toId,
      role: link.role,
    });
  }

  async insertStatusChange(tx: ScopedTx, scope: AccessScope, values: Partial<InitiativeStatusChange>): Promise<void> {
    await tx.insert(scope, InitiativeStatusChange, values);
  }

  /** The status timeline of an initiative the caller may read, oldest first (empty when out of scope). */
  async statusChanges(scope: AccessScope, initiativeId: string): Promise<StatusChangeRow[]> {
    const qb = this.door
      .select(scope, InitiativeStatusChange, 's')
      .leftJoin('users', 'su', 'su.id = s.created_by')
      .select('s.id', 'id')
      .addSelect('s.from_status', 'fromStatus')
      .addSelect('s.to_status', 'toStatus')
      .addSelect(`to_char(s.effective_date, 'YYYY-MM-DD')`, 'effectiveDate')
      .addSelect('s.reason', 'reason')
      .addSelect('s.at', 'at')
      .addSelect('su.id', 'byId')
      .addSelect('su.full_name', 'byName');
    const readable = qb.subquery(this.policy.readable, 'ri').select('ri.id').andWhere('ri.id = :statusOf', { statusOf: initiativeId });
    return qb.andWhere(`s.initiative_id IN ${readable.getQuery()}`).orderBy('s.at', 'ASC').addOrderBy('s.id', 'ASC').getRawMany();
  }

  /** The municipalities of the caller's tenant with these ISTAT codes. */
  async findMunicipalities(scope: AccessScope, istatCodes: readonly string[]): Promise<MunicipalityKey[]> {
    if (istatCodes.length === 0) return [];
    return this.door
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.istat_code IN (:...istatCodes)', { istatCodes })
      .getRawMany<MunicipalityKey>();
  }

  /** For another feature (an activity's initiative): the initiatives among `ids` of `tenantId` the caller may read, with titles. */
  async findLinkable(scope: AccessScope, tenantId: string, ids: readonly string[]): Promise<{ id: string; title: string }[]> {
    if (ids.length === 0) return [];
    return this.door
      .select(scope, this.policy.readable, 'i')
      .select('i.id', 'id')
      .addSelect('i.title', 'title')
      .andWhere('i.id IN (:...linkIds)', { linkIds: ids })
      .andWhere('i.tenant_id = :linkTenant', { linkTenant: tenantId })
      .getRawMany();
  }

  /** The activities linked to an initiative that the caller may read (ActivitiesPolicy): how many, and the latest few. */
  async linkedActivities(scope: AccessScope, initiativeId: string, latest: number) {
    const base = () =>
      this.door.select(scope, this.activitiesPolicy.readable, 'la').andWhere('la.initiative_id = :linkedTo', { linkedTo: initiativeId });
    const [count, rows] = await Promise.all([
      base().getCount(),
      base()
        .select('la.id', 'id')
        .addSelect('la.title', 'title')
        .addSelect(`to_char(la.date, 'YYYY-MM-DD')`, 'date')
        .orderBy('la.date', 'DESC')
        .addOrderBy('la.id', 'DESC')
        .limit(latest)
        .getRawMany<{ id: string; title: string | null; date: string }>(),
    ]);
    return { count, latest: rows };
  }

  /**
   * Every match in title order, in batches from a server-side cursor (flat memory), for the export.
   * The cursor reads the initiatives' own columns only; each batch's municipalities and organizations
   * come after, by two queries on the batch's ids (plain rows, grouped here in the same order as the
   * list's JSON subqueries): the per-row subqueries building ~48,000 JSON objects made the cursor's
   * query 1.5–3.3 s for 20,000 initiatives (docs/benchmarks.md, "Lists at 1M"). The lists of a batch
   * are read when the batch is, outside the cursor's snapshot: a link changed meanwhile shows as it is.
   */
  async *streamFiltered(scope: AccessScope, filters: InitiativeFilters, internalNotes: boolean): AsyncGenerator<InitiativeRow[]> {
    const qb = this.withRowColumns(this.filtered(scope, filters), internalNotes, false);
    const batches = this.door.stream<InitiativeRow>(qb, {
      shell: (sql) => `${sql} ORDER BY lower(i.title), i.id`,
      cursor: 'initiative_export',
      batchSize: EXPORT_BATCH,
    });
    for await (const rows of batches) {
      const ids = rows.map((r) => r.id);
      const [places, organizations] = await Promise.all([this.municipalitiesOf(scope, ids), this.organizationsOf(scope, ids)]);
      yield rows.map((row) => {
        const own = places.get(row.id) ?? [];
        // the main municipality first, then by name (the subquery's order)
        const main = own.filter((m) => m.id === row.municipalityId);
        return {
          ...row,
          municipalities: [...main, ...own.filter((m) => m.id !== row.municipalityId)],
          organizations: organizations.get(row.id) ?? [],
        };
      });
    }
  }

  /** The municipalities of these initiatives, each list by name. */
  private async municipalitiesOf(scope: AccessScope, ids: string[]): Promise<Map<string, InitiativeRow['municipalities']>> {
    const rows = await this.door
      .select(scope, InitiativeMunicipality, 'x')
      .innerJoin('municipalities', 'im', 'im.tenant_id = x.tenant_id AND im.id = x.municipality_id')
      .select('x.initiative_id', 'initiativeId')
      .addSelect('im.id', 'id')
      .addSelect('im.istat_code', 'istatCode')
      .addSelect('im.name', 'name')
      .andWhere('x.initiative_id IN (:...placesOf)', { placesOf: ids })
      .orderBy('x.initiative_id')
      .addOrderBy('im.name')
      .getRawMany<{ initiativeId: string; id: string; istatCode: string; name: string }>();
    return groupBy(rows, ({ initiativeId, ...m }) => [initiativeId, m]);
  }

  /**
   * The organizations of these initiatives (of the initiative's own tenant), each list lead first,
   * then by name. The name is a subquery per link (an index lookup each, ~2,300 a batch): joined,
   * the planner hashed all 30,000 organizations for every batch (56–79 ms a batch at 1M).
   */
  private async organizationsOf(scope: AccessScope, ids: string[]): Promise<Map<string, InitiativeRow['organizations']>> {
    const qb = this.door
      .select(scope, InitiativeOrganization, 'io')
      .select('io.initiative_id', 'initiativeId')
      .addSelect('io.organization_id', 'id')
      .addSelect('(SELECT o.name FROM organizations o WHERE o.tenant_id = io.tenant_id AND o.id = io.organization_id)', 'name')
      .addSelect('io.role', 'role')
      .andWhere('io.initiative_id IN (:...organizationsOf)', { organizationsOf: ids });
    const rows = await this.door.run<{ initiativeId: string; id: string; name: string; role: 'lead' | 'partner' }>(
      qb,
      (sql) => `SELECT * FROM (${sql}) r ORDER BY r."initiativeId", r.role, r.name, r.id`,
    );
    return groupBy(rows, ({ initiativeId, ...o }) => [initiativeId, o]);
  }
}

function groupBy<R, K, V>(rows: R[], entry: (row: R) => [K, V]): Map<K, V[]> {
  const groups = new Map<K, V[]>();
  for (const row of rows) {
    const [key, value] = entry(row);
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}
