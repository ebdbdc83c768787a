import { Injectable } from '@nestjs/common';
import type { OrganizationKind, OrganizationSize, Resource, TargetGroup, Theme } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import type { Bbox } from '../../common/geo/bbox';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { createIdempotent } from '../../common/database/idempotent-create';
import { escapeLike } from '../../common/database/like';
import { TerritoryPolicy } from '../territory/territory.policy';
import { Organization } from './organization.entity';
import { OrganizationsPolicy } from './organizations.policy';

/** An organization with what its response needs. */
export interface OrganizationRow {
  id: string;
  tenantId: string;
  clientId: string;
  name: string;
  kind: OrganizationKind;
  taxCode: string | null;
  active: boolean;
  description: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  themes: Theme[];
  targetGroups: TargetGroup[];
  offers: Resource[];
  needs: Resource[];
  size: OrganizationSize | null;
  website: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  contactConsent: boolean;
  contactConsentAt: Date | null;
  notes: string | null;
  internalNotes: string | null;
  lastVerifiedAt: Date | null;
  lastVerifiedById: string | null;
  lastVerifiedByName: string | null;
  mergedIntoId: string | null;
  mergedIntoName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  municipalityIstat: string;
  municipalityName: string;
  socialAreaCode: string | null;
  socialAreaName: string | null;
}

/** The register's list filters (OrganizationFiltersQuery), as the repository reads them. */
export interface OrganizationFilters {
  /** ISTAT code */
  municipality?: string;
  /** social area code */
  socialArea?: string;
  /** part of the name (accents and case ignored) or a tax code */
  q?: string;
  kind?: OrganizationKind;
  theme?: Theme;
  offer?: Resource;
  need?: Resource;
  targetGroup?: TargetGroup;
  active?: boolean;
  /** with a point (true) or without (false) */
  placed?: boolean;
  /** only the organizations whose point lies in this box (the map's viewport); served by organizations_point_idx */
  bbox?: Bbox;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
  istatCode: string;
}

export interface DuplicateRow {
  id: string;
  name: string;
  taxCode: string | null;
  municipalityIstat: string;
  municipalityName: string;
  similarity: number;
  sameTaxCode: boolean;
}

/**
 * Names at least this similar (pg_trgm's `similarity` of the unaccented names, 0–1) are possible
 * duplicates. 0.45 catches "APS Orti Urbani Bari" ~ "Orti urbani di Bari" and typing slips, and
 * leaves apart names that only share a kind ("Associazione …") and a town (docs/organizations.md).
 */
export const DUPLICATE_NAME_SIMILARITY = 0.45;
const DUPLICATE_LIMIT = 20;
const EXPORT_BATCH = 1000;

const ROW_COLUMNS: [string, string][] = [
  ['id', 'id'],
  ['tenant_id', 'tenantId'],
  ['client_id', 'clientId'],
  ['name', 'name'],
  ['kind', 'kind'],
  ['tax_code', 'taxCode'],
  ['active', 'active'],
  ['description', 'description'],
  ['address', 'address'],
  ['lat', 'lat'],
  ['lon', 'lon'],
  ['themes', 'themes'],
  ['target_groups', 'targetGroups'],
  ['offers', 'offers'],
  ['needs', 'needs'],
  ['size', 'size'],
  ['website', 'website'],
  ['contact_name', 'contactName'],
  ['contact_email', 'contactEmail'],
  ['contact_phone', 'contactPhone'],
  ['contact_consent', 'contactConsent'],
  ['contact_consent_at', 'contactConsentAt'],
  ['notes', 'notes'],
  ['internal_notes', 'internalNotes'],
  ['last_verified_at', 'lastVerifiedAt'],
  ['last_verified_by', 'lastVerifiedById'],
  ['merged_into', 'mergedIntoId'],
  ['version', 'version'],
  ['created_at', 'createdAt'],
  ['updated_at', 'updatedAt'],
];

type Query = ScopedSelectQueryBuilder<Organization>;

/** Queries of the organizations register, each built through the door with the register's policy. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: OrganizationsPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
  ) {}

  /**
   * The organizations the caller may read (OrganizationsPolicy.readable) that match the filters,
   * merged duplicates left out, on `alias`: what the list counts, the export streams and the map
   * layer draws (so their totals agree). Selects nothing yet.
   */
  filtered(scope: AccessScope, filters: OrganizationFilters, alias = 'o', db: ScopedReads = this.door): Query {
    const qb = db.select(scope, this.policy.readable, alias).andWhere(`${alias}.merged_into IS NULL`);
    if (filters.municipality) {
      const sub = qb
        .subquery(this.territoryPolicy.municipalities, 'ofm')
        .select('ofm.id')
        .andWhere('ofm.istat_code = :ofMunicipality', { ofMunicipality: filters.municipality });
      qb.andWhere(`${alias}.municipality_id IN ${sub.getQuery()}`);
    }
    if (filters.socialArea) {
      const sub = qb
        .subquery(this.territoryPolicy.municipalities, 'ofs')
        .select('ofs.id')
        .innerJoin('social_areas', 'ofsa', 'ofsa.id = ofs.social_area_id AND ofsa.tenant_id = ofs.tenant_id')
        .andWhere('ofsa.code = :ofSocialArea', { ofSocialArea: filters.socialArea });
      qb.andWhere(`${alias}.municipality_id IN ${sub.getQuery()}`);
    }
    if (filters.q) {
      // the stored, folded name (organizations_search_text_idx, migration 1764820000000): the same matches as ILIKE
      qb.andWhere(`(${alias}.search_text LIKE '%' || lower(trama_unaccent(:ofQLike)) || '%' OR ${alias}.tax_code = upper(:ofQ))`, {
        ofQ: filters.q.replace(/[\s.]/g, ''),
        ofQLike: escapeLike(filters.q),
      });
    }
    if (filters.kind) qb.andWhere(`${alias}.kind = :ofKind`, { ofKind: filters.kind });
    if (filters.theme) qb.andWhere(`${alias}.themes @> ARRAY[:ofTheme]::text[]`, { ofTheme: filters.theme });
    if (filters.offer) qb.andWhere(`${alias}.offers @> ARRAY[:ofOffer]::text[]`, { ofOffer: filters.offer });
    if (filters.need) qb.andWhere(`${alias}.needs @> ARRAY[:ofNeed]::text[]`, { ofNeed: filters.need });
    if (filters.targetGroup) qb.andWhere(`${alias}.target_groups @> ARRAY[:ofTarget]::text[]`, { ofTarget: filters.targetGroup });
    if (filters.active !== undefined) qb.andWhere(`${alias}.active = :ofActive`, { ofActive: filters.active });
    if (filters.placed === true) qb.andWhere(`${alias}.lat IS NOT NULL`);
    if (filters.placed === false) qb.andWhere(`${alias}.lat IS NULL`);
    if (filters.bbox) {
      // the form of organizations_point_idx (GiST on point(lon, lat), partial on lat IS NOT NULL)
      const [minLon, minLat, maxLon, maxLat] = filters.bbox;
      qb.andWhere(`${alias}.lat IS NOT NULL`).andWhere(
        `point(${alias}.lon, ${alias}.lat) <@ box(point(:ofMinLon, :ofMinLat), point(:ofMaxLon, :ofMaxLat))`,
        {
          ofMinLon: minLon,
          ofMinLat: minLat,
          ofMaxLon: maxLon,
          ofMaxLat: maxLat,
        },
      );
    }
    return qb;
  }

  /** The row columns (and the municipality, social area, verifier and survivor) on a query of `o`. */
  private withRowColumns(qb: Query): Query {
    qb.innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = o.municipality_id AND m.tenant_id = o.tenant_id')
      .leftJoin('social_areas', 'sa', 'sa.id = m.social_area_id AND sa.tenant_id = m.tenant_id')
      .leftJoin('users', 'vu', 'vu.id = o.last_verified_by')
      .leftJoin(Organization, 'mo', 'mo.id = o.merged_into AND mo.tenant_id = o.tenant_id')
      .select(`o.${ROW_COLUMNS[0][0]}`, ROW_COLUMNS[0][1]);
    for (const [column, alias] of ROW_COLUMNS.slice(1)) qb.addSelect(`o.${column}`, alias);
    return qb
      .addSelect('vu.full_name', 'lastVerifiedByName')
      .addSelect('mo.name', 'mergedIntoName')
      .addSelect('m.istat_code', 'municipalityIstat')
      .addSelect('m.name', 'municipalityName')
      .addSelect('sa.code', 'socialAreaCode')
      .addSelect('sa.name', 'socialAreaName');
  }

  async list(
    scope: AccessScope,
    filters: OrganizationFilters,
    page: { offset: number; limit: number },
  ): Promise<{ rows: OrganizationRow[]; total: number }> {
    const order = 'lower(o.name) ASC, o.id ASC';
    const count = async () =>
      (
        await this.door.run<{ n: number }>(
          this.filtered(scope, filters).select('o.id', 'id'),
          (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`,
        )
      )[0].n;
    if (filters.q) {
      // one pass over the matches (found by the trigram index, each rechecked on the heap once) gives
      // the page and the total; the `OFFSET 0` fence keeps the planner from walking the name index
      // in order and testing the text on each row until 50 match. Past the last page no row carries
      // the total: counted then.
      const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
      const found = await this.door.run<{ id: string; total: number }>(
        this.filtered(scope, filters).select('o.id', 'id').addSelect('lower(o.name)', 'sort_name'),
        (sql) => `SELECT s.id, (count(*) OVER ())::int AS total FROM (${sql} OFFSET 0) s ORDER BY s.sort_name ASC, s.id ASC ${slice}`,
      );
      const rows = await this.rowsOf(
        () => this.filtered(scope, filters),
        found.map((r) => r.id),
        order,
      );
      const total = found.length > 0 ? found[0].total : page.offset === 0 ? 0 : await count();
      return { rows, total };
    }
    const [total, rows] = await Promise.all([count(), this.page(() => this.filtered(scope, filters), order, page)]);
    return { rows, total };
  }

  /**
   * One page of `matching()` in `order`, in two steps: the page's ids first — a narrow query that
   * the order's index answers by itself (`organizations_name_idx` INCLUDEs what the rules and the
   * sort read: an index-only scan, so page 200 skips 9,950 index entries instead of joining and
   * sorting every match) —, then the rows of those ids with their joins, in the same order
   * (docs/benchmarks.md, "Deep pages").
   */
  private async page(matching: () => Query, order: string, page: { offset: number; limit: number }): Promise<OrganizationRow[]> {
    const slice = `OFFSET ${Math.trunc(page.offset)} LIMIT ${Math.trunc(page.limit)}`;
    const ids = await this.door.run<{ id: string }>(matching().select('o.id', 'id'), (sql) => `${sql} ORDER BY ${order} ${slice}`);
    return this.rowsOf(
      matching,
      ids.map((r) => r.id),
      order,
    );
  }

  /**
   * The rows of `ids` (a page of `matching()`) with their joins, in `order`. The caller's rule
   * applies again, the filters do not: the ids already passed them, and a search repeated here let
   * the planner start from the trigram candidates instead of the 50 ids (18 ms for "melograno").
   */
  private async rowsOf(matching: () => Query, ids: string[], order: string): Promise<OrganizationRow[]> {
    if (ids.length === 0) return [];
    return this.door.run<OrganizationRow>(
      this.withRowColumns(this.filtered(matching().scope, {})).andWhere('o.id IN (:...pageIds)', { pageIds: ids }),
      (sql) => `${sql} ORDER BY ${order}`,
    );
  }

  /** One organization the caller may read, merged ones included (their detail says into which). */
  async findReadable(scope: AccessScope, id: string, db: ScopedReads = this.door): Promise<OrganizationRow | null> {
    const qb = this.withRowColumns(db.select(scope, this.policy.readable, 'o')).andWhere('o.id = :orgId', { orgId: id });
    return (await qb.getRawOne<OrganizationRow>()) ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<boolean> {
    const row = await this.door
      .select(scope, this.policy.readable, 'o')
      .select('o.id', 'id')
      .andWhere('o.id = :orgId', { orgId: id })
      .getRawOne();
    return Boolean(row);
  }

  /** Locks a readable organization for a change in the transaction; null when unknown or out of scope. */
  async lockReadable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Organization | null> {
    return tx.select(scope, this.policy.readable, 'o').andWhere('o.id = :orgId', { orgId: id }).setLock('pessimistic_write').getOne();
  }

  /** Every readable organization matching the filters, by name, in batches from a cursor (flat memory). */
  streamFiltered(scope: AccessScope, filters: OrganizationFilters): AsyncGenerator<OrganizationRow[]> {
    const qb = this.withRowColumns(this.filtered(scope, filters));
    return this.door.stream<OrganizationRow>(qb, {
      shell: (sql) => `${sql} ORDER BY "name", "id"`,
      cursor: 'organization_export',
      batchSize: EXPORT_BATCH,
    });
  }

  /**
   * Organizations not verified on site since `months` ago (or never) among those the caller may
   * read (for an innovator: of their assigned municipalities), never verified first, then oldest.
   */
  async stale(
    scope: AccessScope,
    months: number,
    page: { offset: number; limit: number },
  ): Promise<{ rows: OrganizationRow[]; total: number }> {
    const base = (verified?: 'never' | 'before') => {
      const qb = this.filtered(scope, {});
      if (verified === 'never') qb.andWhere('o.last_verified_at IS NULL');
      else if (verified === 'before')
        qb.andWhere('o.last_verified_at < now() - make_interval(months => :staleMonths)', { staleMonths: months });
      else
        qb.andWhere(`(o.last_verified_at IS NULL OR o.last_verified_at < now() - make_interval(months => :staleMonths))`, {
          staleMonths: months,
        });
      if (scope.role === 'innovator')
        qb.andWhereRule('o', (c, a) => c.territory(a, { municipality: `${a}.municipality_id`, rule: 'assigned' }));
      return qb;
    };
    // counted as its two sides (never verified; verified before the limit), each a range of
    // organizations_verified_idx read index-only: the OR of both made the count a scan of the table
    const count = (verified: 'never' | 'before') =>
      this.door.run<{ n: number }>(base(verified).select('o.id', 'id'), (sql) => `SELECT count(*)::int AS n FROM (${sql}) c`);
    const [[never], [before], rows] = await Promise.all([
      count('never'),
      count('before'),
      this.page(() => base(), 'o.last_verified_at ASC NULLS FIRST, lower(o.name) ASC, o.id ASC', page),
    ]);
    return { rows, total: never.n + before.n };
  }

  /**
   * Possible duplicates of a name in a municipality (docs/organizations.md): the organization with
   * the same tax code anywhere in the tenant, and those whose unaccented name is at least
   * DUPLICATE_NAME_SIMILARITY alike in the same municipality or a neighbouring one (bounding boxes
   * touching or overlapping); merged ones and `exclude` left out. Most alike first.
   */
  async duplicates(
    scope: AccessScope,
    key: { tenantId: string; municipalityId: string; name: string; taxCode: string | null; exclude: readonly string[] },
    db: ScopedReads = this.door,
  ): Promise<DuplicateRow[]> {
    const qb = db
      .select(scope, this.policy.readable, 'o')
      .innerJoinSource(this.territoryPolicy.municipalities, 'm', 'm.id = o.municipality_id AND m.tenant_id = o.tenant_id')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .addSelect('o.tax_code', 'taxCode')
      .addSelect('m.istat_code', 'municipalityIstat')
      .addSelect('m.name', 'municipalityName')
      .addSelect('round(similarity(trama_unaccent(o.name), trama_unaccent(:dupName))::numeric, 3)::float8', 'similarity')
      .addSelect('coalesce(o.tax_code = :dupTaxCode, false)', 'sameTaxCode')
      .andWhere('o.tenant_id = :dupTenant', { dupTenant: key.tenantId })
      .andWhere('o.merged_into IS NULL')
      .setParameter('dupName', key.name)
      .setParameter('dupTaxCode', key.taxCode);
    if (key.exclude.length > 0) qb.andWhere('o.id NOT IN (:...dupExclude)', { dupExclude: key.exclude });
    const near = qb
      .subquery(this.territoryPolicy.municipalities, 'nm')
      .select('nm.id')
      .andWhere(
        `EXISTS (SELECT 1 FROM municipalities m0
                  WHERE m0.tenant_id = nm.tenant_id AND m0.id = :dupMunicipality
                    AND (m0.id = nm.id
                         OR (nm.min_lon <= m0.max_lon AND nm.max_lon >= m0.min_lon
                             AND nm.min_lat <= m0.max_lat AND nm.max_lat >= m0.min_lat)))`,
        { dupMunicipality: key.municipalityId },
      );
    // `%` (the trigram index) finds candidates above pg_trgm's threshold (0.3); similarity() keeps the alike
    qb.andWhere(
      `((o.tax_code IS NOT NULL AND o.tax_code = :dupTaxCode)
        OR (trama_unaccent(o.name) % trama_unaccent(:dupName)
            AND similarity(trama_unaccent(o.name), trama_unaccent(:dupName)) >= :dupThreshold
            AND o.municipality_id IN ${near.getQuery()}))`,
      { dupThreshold: DUPLICATE_NAME_SIMILARITY },
    );
    return qb
      .orderBy('"sameTaxCode"', 'DESC')
      .addOrderBy('similarity', 'DESC')
      .addOrderBy('o.id')
      .limit(DUPLICATE_LIMIT)
      .getRawMany<DuplicateRow>();
  }

  /** The organization of the tenant created with this clientId (a retried creation), if any. */
  async idByClientId(scope: AccessScope, tenantId: string, clientId: string, db: ScopedReads = this.door): Promise<string | null> {
    const row = await db
      .select(scope, Organization, 'o')
      .select('o.id', 'id')
      .andWhere('o.tenant_id = :cidTenant', { cidTenant: tenantId })
      .andWhere('o.client_id = :cid', { cid: clientId })
      .getRawOne<{ id: string }>();
    return row?.id ?? null;
  }

  /** The readable organizations with these ids or tax codes (an import's matches), merged ones included. */
  async findForImport(
    scope: AccessScope,
    tenantId: string,
    keys: { ids: string[]; taxCodes: string[] },
    db: ScopedReads = this.door,
  ): Promise<Pick<Organization, 'id' | 'taxCode' | 'mergedInto' | 'municipalityId' | 'version'>[]> {
    if (keys.ids.length === 0 && keys.taxCodes.length === 0) return [];
    const qb = db
      .select(scope, this.policy.readable, 'o')
      .select('o.id', 'id')
      .addSelect('o.tax_code', 'taxCode')
      .addSelect('o.merged_into', 'mergedInto')
      .addSelect('o.municipality_id', 'municipalityId')
      .addSelect('o.version', 'version')
      .andWhere('o.tenant_id = :importTenant', { importTenant: tenantId });
    const ors: string[] = [];
    if (keys.ids.length > 0) {
      ors.push('o.id IN (:...importIds)');
      qb.setParameter('importIds', keys.ids);
    }
    if (keys.taxCodes.length > 0) {
      ors.push('o.tax_code IN (:...importTaxCodes)');
      qb.setParameter('importTaxCodes', keys.taxCodes);
    }
    return qb.andWhere(`(${ors.join(' OR ')})`).getRawMany();
  }

  /**
   * Organizations of `tenantId` among `ids` that the caller may link (`OrganizationsPolicy.linkable`:
   * not merged); names for display. Unknown ids and other tenants' ids are simply absent from the answer.
   */
  async findLinkable(
    scope: AccessScope,
    tenantId: string,
    ids: readonly string[],
    reads: ScopedReads = this.door,
  ): Promise<{ id: string; name: string }[]> {
    if (ids.length === 0) return [];
    return reads
      .select(scope, this.policy.linkable, 'o')
      .select('o.id', 'id')
      .addSelect('o.name', 'name')
      .andWhere('o.id IN (:...ids)', { ids })
      .andWhere('o.tenant_id = :linkTenant', { linkTenant: tenantId })
      .getRawMany();
  }

  /**
   * The municipalities of the caller's tenant with this ISTAT code (an admin may get one per
   * tenant), among those the caller may see; whether the caller may register there is the service's check.
   */
  async findMunicipalities(scope: AccessScope, istatCode: string, db: ScopedReads = this.door): Promise<MunicipalityKey[]> {
    return db
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .getRawMany<MunicipalityKey>();
  }

  /** The visible municipalities of a tenant by ISTAT code (an import's lookups). */
  async municipalitiesOf(scope: AccessScope, tenantId: string): Promise<MunicipalityKey[]> {
    return this.door
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.tenant_id = :muniTenant', { muniTenant: tenantId })
      .getRawMany<MunicipalityKey>();
  }

  /**
   * Creates the organization unless its tenant already has one with this clientId: then the same
   * body returns it (`created: false`), another body throws `conflict()` (common/database/idempotent-create.ts).
   */
  async createIfAbsent(
    tx: ScopedTx,
    scope: AccessScope,
    values: Partial<Organization>,
    key: { clientId: string; body: unknown; conflict: () => Error },
  ): Promise<{ id: string; created: boolean }> {
    return createIdempotent(tx, scope, Organization, { values, ...key });
  }

  /** Optimistic update (409 STALE_VERSION when `version` is not current). */
  async update(
    tx: ScopedTx,
    scope: AccessScope,
    organization: Pick<Organization, 'id' | 'tenantId'>,
    version: number,
    changes: Partial<Organization>,
  ): Promise<void> {
    await tx.updateVersioned(scope, Organization, { id: organization.id, version, tenantId: organization.tenantId }, changes);
  }
}
