import { Injectable } from '@nestjs/common';
import type { ObjectLiteral } from 'typeorm';
import type { AccessScope, TerritoryRule } from '../../common/access/access-scope';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { containsPattern, prefixPattern } from '../../common/database/like';
import { TenantsPolicy } from '../tenants/tenants.policy';
import type { Bbox, LatLon, PolygonalGeometry } from './geo';
import { Municipality } from './municipality.entity';
import { SocialArea } from './social-area.entity';
import { assignedMunicipalities, visibleMunicipalities, visibleSocialAreas } from './territory.policy';

export interface MunicipalityRow {
  id: string;
  tenantId: string;
  tenantIstatCode: string;
  tenantName: string;
  istatCode: string;
  name: string;
  population: number;
  populationYear: number;
  areaKm2: string | number;
  lat: number;
  lon: number;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  version: number;
}

export interface MunicipalityFeatureRow {
  istatCode: string;
  name: string;
  population: number;
  socialAreaCode: string | null;
  socialAreaName: string | null;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface SocialAreaRow {
  id: string;
  tenantId: string;
  code: string;
  name: string;
  version: number;
  /** bigint: pg returns it as a string */
  municipalityCount: string | number;
  population: string | number;
}

export interface MunicipalityFilter {
  /** which municipalities of the scope: `visible` (default, every read) or `assigned` (an innovator's own) */
  rule?: TerritoryRule;
  /** ISTAT code of the metropolitan city (admins narrowing to one tenant) */
  tenant?: string;
  socialArea?: string;
  q?: string;
}

/**
 * Names ordered without accents or case, then byte-wise ("C"): the same order on any server
 * whatever its default collation (word by word: "Castel Maggiore" before "Castello d'Argile").
 */
const BY_MUNICIPALITY_NAME = `lower(unaccent(m.name)) COLLATE "C"`;
const BY_SOCIAL_AREA_NAME = `lower(unaccent(sa.name)) COLLATE "C"`;

type Reads = ScopedData | ScopedTx;
type Query<T extends ObjectLiteral> = ScopedSelectQueryBuilder<T>;

/**
 * Territory queries, each built through the door with the caller's scope and the territory's
 * policy (`territory.policy.ts`): the whole tenant, or a municipality user's own territory (an
 * innovator's assigned municipalities where asked); admins span tenants. The tenant's name is joined
 * through the tenants' policy (`innerJoinSource`).
 */
@Injectable()
export class TerritoryRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly tenantsPolicy: TenantsPolicy,
  ) {}

  private municipalities(scope: AccessScope, filter: MunicipalityFilter, reads: Reads = this.door): Query<Municipality> {
    const rule = (filter.rule ?? 'visible') === 'assigned' ? assignedMunicipalities : visibleMunicipalities;
    const qb = reads
      .select(scope, Municipality, 'm', rule)
      .innerJoinSource(this.tenantsPolicy.tenants, 't', 't.tenant_id = m.tenant_id')
      .leftJoin(SocialArea, 'sa', 'sa.id = m.social_area_id AND sa.tenant_id = m.tenant_id');
    if (filter.tenant) qb.andWhere('t.istat_code = :tenantCode', { tenantCode: filter.tenant });
    if (filter.socialArea) qb.andWhere('sa.code = :socialAreaCode', { socialAreaCode: filter.socialArea });
    const q = filter.q?.trim();
    if (q) {
      qb.andWhere(`(unaccent(m.name) ILIKE unaccent(:namePattern) OR m.istat_code LIKE :codePattern)`, {
        namePattern: containsPattern(q),
        codePattern: prefixPattern(q),
      });
    }
    return qb;
  }

  private selectMunicipality(qb: Query<Municipality>): Query<Municipality> {
    return qb
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('t.istat_code', 'tenantIstatCode')
      .addSelect('t.name', 'tenantName')
      .addSelect('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect('m.population', 'population')
      .addSelect('m.population_year', 'populationYear')
      .addSelect('m.area_km2', 'areaKm2')
      .addSelect('m.lat', 'lat')
      .addSelect('m.lon', 'lon')
      .addSelect('sa.code', 'socialAreaCode')
      .addSelect('sa.name', 'socialAreaName')
      .addSelect('m.version', 'version');
  }

  /** A page of the municipalities in scope, ordered by name (accents and case ignored). */
  async listMunicipalities(
    scope: AccessScope,
    filter: MunicipalityFilter,
    page: { offset: number; limit: number },
  ): Promise<{ rows: MunicipalityRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      this.selectMunicipality(this.municipalities(scope, filter))
        .orderBy(BY_MUNICIPALITY_NAME)
        .addOrderBy('m.istat_code')
        .offset(page.offset)
        .limit(page.limit)
        .getRawMany<MunicipalityRow>(),
      this.municipalities(scope, filter).getCount(),
    ]);
    return { rows, total };
  }

  /** The municipalities in scope with this ISTAT code (more than one only for an admin across tenants). */
  async findMunicipalities(
    scope: AccessScope,
    istatCode: string,
    filter: MunicipalityFilter = {},
    reads: Reads = this.door,
  ): Promise<MunicipalityRow[]> {
    return this.selectMunicipality(this.municipalities(scope, filter, reads))
      .andWhere('m.istat_code = :istatCode', { istatCode })
      .orderBy('t.istat_code')
      .limit(2)
      .getRawMany<MunicipalityRow>();
  }

  /** Municipalities in scope for the map, with their display boundary (the full one when there is no simplified one). */
  async listMapFeatures(scope: AccessScope, filter: MunicipalityFilter & { bbox?: Bbox }): Promise<MunicipalityFeatureRow[]> {
    const qb = this.municipalities(scope, filter)
      .select('m.istat_code', 'istatCode')
      .addSelect('m.name', 'name')
      .addSelect('m.population', 'population')
      .addSelect('sa.code', 'socialAreaCode')
      .addSelect('sa.name', 'socialAreaName')
      .addSelect('COALESCE(m.boundary_simplified, m.boundary)', 'geometry');
    if (filter.bbox) {
      const [minLon, minLat, maxLon, maxLat] = filter.bbox;
      // bbox columns: the boundary's extent, or the representative point when there is no boundary
      qb.andWhere('m.max_lon >= :minLon AND m.min_lon <= :maxLon AND m.max_lat >= :minLat AND m.min_lat <= :maxLat', {
        minLon,
        minLat,
        maxLon,
        maxLat,
      });
    }
    return qb.orderBy(BY_MUNICIPALITY_NAME).addOrderBy('m.istat_code').getRawMany<MunicipalityFeatureRow>();
  }

  /** The full boundary of one municipality in scope (by id), or null when it has none or is out of scope. */
  async findBoundary(scope: AccessScope, municipalityId: string): Promise<PolygonalGeometry | null> {
    const row = await this.door
      .select(scope, Municipality, 'm', visibleMunicipalities)
      .select('m.boundary', 'boundary')
      .andWhere('m.id = :boundaryOf', { boundaryOf: municipalityId })
      .getRawOne<{ boundary: PolygonalGeometry | null }>();
    return row?.boundary ?? null;
  }

  /** Municipalities in scope whose full boundary's bounding box contains the point, with that boundary. */
  async findBoundaryCandidates(
    scope: AccessScope,
    point: LatLon,
    rule: TerritoryRule,
  ): Promise<(MunicipalityRow & { boundary: PolygonalGeometry })[]> {
    return this.selectMunicipality(this.municipalities(scope, { rule }))
      .addSelect('m.boundary', 'boundary')
      .andWhere('m.boundary IS NOT NULL')
      .andWhere('m.min_lon <= :lon AND m.max_lon >= :lon AND m.min_lat <= :lat AND m.max_lat >= :lat', { lat: point.lat, lon: point.lon })
      .orderBy('m.istat_code')
      .getRawMany();
  }

  /**
   * Social areas in scope with the count and population of the municipalities the caller may
   * see. A caller limited to some municipalities sees only the areas that hold one of them (the
   * social areas' rule), and only those municipalities are counted (the municipalities' rule on the join).
   */
  private socialAreas(scope: AccessScope, filter: { tenant?: string; code?: string }): Query<SocialArea> {
    const qb = this.door
      .select(scope, SocialArea, 'sa', visibleSocialAreas)
      .innerJoinSource(this.tenantsPolicy.tenants, 't', 't.tenant_id = sa.tenant_id')
      .leftJoin(Municipality, 'm', 'm.social_area_id = sa.id AND m.tenant_id = sa.tenant_id')
      .andWhereRule('m', visibleMunicipalities);
    if (filter.tenant) qb.andWhere('t.istat_code = :tenantCode', { tenantCode: filter.tenant });
    if (filter.code) qb.andWhere('sa.code = :code', { code: filter.code });
    return qb;
  }

  private selectSocialArea(qb: Query<SocialArea>): Query<SocialArea> {
    return qb
      .select('sa.id', 'id')
      .addSelect('sa.tenant_id', 'tenantId')
      .addSelect('sa.code', 'code')
      .addSelect('sa.name', 'name')
      .addSelect('sa.version', 'version')
      .addSelect('COUNT(m.id)', 'municipalityCount')
      .addSelect('COALESCE(SUM(m.population), 0)', 'population')
      .groupBy('sa.id');
  }

  async listSocialAreas(
    scope: AccessScope,
    filter: { tenant?: string },
    page: { offset: number; limit: number },
  ): Promise<{ rows: SocialAreaRow[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.selectSocialArea(this.socialAreas(scope, filter))
        .orderBy(BY_SOCIAL_AREA_NAME)
        .addOrderBy('sa.code')
        .addOrderBy('sa.id')
        .offset(page.offset)
        .limit(page.limit)
        .getRawMany<SocialAreaRow>(),
      this.socialAreas(scope, filter).select('COUNT(DISTINCT sa.id)', 'total').getRawOne<{ total: string }>(),
    ]);
    return { rows, total: Number(count?.total ?? 0) };
  }

  /** The social areas in scope with this code (more than one only for an admin across tenants). */
  async findSocialAreas(scope: AccessScope, code: string, filter: { tenant?: string } = {}): Promise<SocialAreaRow[]> {
    return this.selectSocialArea(this.socialAreas(scope, { ...filter, code }))
      .orderBy('sa.tenant_id')
      .limit(2)
      .getRawMany<SocialAreaRow>();
  }

  /** A social area of one tenant, by code, if the caller may reach that tenant. */
  async findSocialAreaInTenant(
    scope: AccessScope,
    tenantId: string,
    code: string,
    tx: ScopedTx,
  ): Promise<{ id: string; code: string; name: string } | null> {
    const qb = tx
      .select(scope, SocialArea, 'sa')
      .select('sa.id', 'id')
      .addSelect('sa.code', 'code')
      .addSelect('sa.name', 'name')
      .andWhere('sa.tenant_id = :tenantId AND sa.code = :code', { tenantId, code });
    return (await qb.getRawOne<{ id: string; code: string; name: string }>()) ?? null;
  }

  /** Moves a municipality to a social area; 409 (stale version) unless `version` is current. Stamps the caller as updated_by. */
  async updateSocialArea(
    tx: ScopedTx,
    scope: AccessScope,
    key: { id: string; tenantId: string; version: number },
    socialAreaId: string,
  ): Promise<void> {
    await tx.updateVersioned(scope, Municipality, key, { socialAreaId });
  }
}
