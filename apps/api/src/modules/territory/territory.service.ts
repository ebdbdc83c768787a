import { Inject, Injectable } from '@nestjs/common';
import type { AccessScope, TerritoryRule } from '../../common/access/access-scope';
import { ScopedData } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import { AppError, CommonErrors } from '../../common/errors/app-error';
import { pageOf } from '../../common/http/pagination';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { ImportTerritoryDto } from './dto/import-territory.dto';
import type { ListMunicipalitiesQuery, ListSocialAreasQuery, MapMunicipalitiesQuery } from './dto/territory-queries.dto';
import type {
  MunicipalityFeatureCollectionResponse,
  MunicipalityPageResponse,
  MunicipalityResponse,
  SocialAreaPageResponse,
  SocialAreaResponse,
} from './dto/territory-responses.dto';
import type { UpdateMunicipalityDto } from './dto/update-municipality.dto';
import { LatLon, parseBbox, pointInGeometry } from './geo';
import { ImportSummary, TerritoryImportService } from './territory-import.service';
import { MunicipalityRow, SocialAreaRow, TerritoryRepository } from './territory.repository';
import { TerritoryErrors } from './territory.errors';

function toMunicipalityDto(row: MunicipalityRow): MunicipalityResponse {
  return {
    istatCode: row.istatCode,
    name: row.name,
    population: Number(row.population),
    populationYear: Number(row.populationYear),
    areaKm2: Number(row.areaKm2),
    lat: Number(row.lat),
    lon: Number(row.lon),
    socialArea: row.socialAreaCode ? { code: row.socialAreaCode, name: row.socialAreaName ?? row.socialAreaCode } : null,
    tenant: { id: row.tenantId, istatCode: row.tenantIstatCode, name: row.tenantName },
    version: Number(row.version),
  };
}

function toSocialAreaDto(row: SocialAreaRow): SocialAreaResponse {
  return {
    code: row.code,
    name: row.name,
    municipalityCount: Number(row.municipalityCount),
    population: Number(row.population),
    version: Number(row.version),
  };
}

/**
 * Social areas, municipalities and the municipality map layer. Reads follow the `visible`
 * rule (the whole tenant; a municipality user's own territory; every tenant for an admin).
 * Only coordinators and admins change a municipality's social area.
 */
@Injectable()
export class TerritoryService {
  constructor(
    private readonly door: ScopedData,
    private readonly territory: TerritoryRepository,
    private readonly importer: TerritoryImportService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async listSocialAreas(scope: AccessScope, query: ListSocialAreasQuery): Promise<SocialAreaPageResponse> {
    const { rows, total } = await this.territory.listSocialAreas(
      scope,
      { tenant: query.tenant },
      { offset: query.offset, limit: query.pageSize },
    );
    return pageOf(rows.map(toSocialAreaDto), total, query);
  }

  async getSocialArea(scope: AccessScope, code: string, tenant?: string): Promise<SocialAreaResponse> {
    const rows = await this.territory.findSocialAreas(scope, code, { tenant });
    if (rows.length === 0) throw TerritoryErrors.SOCIAL_AREA_NOT_FOUND();
    if (rows.length > 1) throw TerritoryErrors.TERRITORY_TENANT_REQUIRED();
    return toSocialAreaDto(rows[0]);
  }

  async listMunicipalities(scope: AccessScope, query: ListMunicipalitiesQuery): Promise<MunicipalityPageResponse> {
    const { rows, total } = await this.territory.listMunicipalities(
      scope,
      { tenant: query.tenant, socialArea: query.socialArea, q: query.q },
      { offset: query.offset, limit: query.pageSize },
    );
    return pageOf(rows.map(toMunicipalityDto), total, query);
  }

  async getMunicipality(scope: AccessScope, istatCode: string, tenant?: string): Promise<MunicipalityResponse> {
    const rows = await this.territory.findMunicipalities(scope, istatCode, { tenant });
    return toMunicipalityDto(this.single(rows));
  }

  /** Moves a municipality to another social area of its own tenant; audited with before/after. */
  async updateMunicipality(
    scope: AccessScope,
    istatCode: string,
    change: UpdateMunicipalityDto,
    tenant?: string,
  ): Promise<MunicipalityResponse> {
    scope.requireRole('coordinator');
    return this.door.transaction(async (tx) => {
      const current = this.single(await this.territory.findMunicipalities(scope, istatCode, { tenant }, tx));
      const target = await this.territory.findSocialAreaInTenant(scope, current.tenantId, change.socialArea, tx);
      if (!target) {
        throw TerritoryErrors.SOCIAL_AREA_UNKNOWN(`Social area ${change.socialArea} does not exist in ${current.tenantName}`, [
          { field: 'socialArea', messages: [`no social area ${change.socialArea} in this metropolitan city`] },
        ]);
      }
      if (Number(current.version) !== change.version) throw TerritoryErrors.MUNICIPALITY_STALE_VERSION();
      if (current.socialAreaCode === target.code) return toMunicipalityDto(current);
      try {
        await this.territory.updateSocialArea(
          tx,
          scope,
          { id: current.id, tenantId: current.tenantId, version: change.version },
          target.id,
        );
      } catch (error) {
        if (error instanceof AppError && error.code === CommonErrors.STALE_VERSION.code) throw TerritoryErrors.MUNICIPALITY_STALE_VERSION();
        throw error;
      }
      const updated = this.single(await this.territory.findMunicipalities(scope, istatCode, { tenant: current.tenantIstatCode }, tx));
      await this.audit.record(tx, scope, {
        tenantId: current.tenantId,
        entity: 'municipality',
        entityId: current.id,
        action: 'update',
        before: { istatCode, socialArea: current.socialAreaCode, version: Number(current.version) },
        after: { istatCode, socialArea: updated.socialAreaCode, version: Number(updated.version) },
      });
      return toMunicipalityDto(updated);
    });
  }

  /** The municipality layer: simplified boundaries with a few properties, optionally within a bbox. */
  async mapMunicipalities(scope: AccessScope, query: MapMunicipalitiesQuery): Promise<MunicipalityFeatureCollectionResponse> {
    const bbox = query.bbox === undefined ? undefined : parseBbox(query.bbox);
    if (bbox === null)
      throw CommonErrors.VALIDATION_FAILED('bbox must be minLon,minLat,maxLon,maxLat', [{ field: 'bbox', messages: ['not a valid bbox'] }]);
    const rows = await this.territory.listMapFeatures(scope, { tenant: query.tenant, socialArea: query.socialArea, bbox });
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature',
        id: r.istatCode,
        geometry: r.geometry,
        properties: {
          istatCode: r.istatCode,
          name: r.name,
          population: Number(r.population),
          socialAreaCode: r.socialAreaCode,
          socialAreaName: r.socialAreaName,
        },
      })),
    };
  }

  /**
   * The municipality in the caller's scope whose full boundary contains the point, or null
   * (outside every boundary in scope, e.g. in the enclave of another province).
   */
  async findMunicipalityAt(scope: AccessScope, point: LatLon, rule: TerritoryRule = 'visible'): Promise<MunicipalityResponse | null> {
    const candidates = await this.territory.findBoundaryCandidates(scope, point, rule);
    const hit = candidates.find((c) => pointInGeometry(point, c.boundary));
    return hit ? toMunicipalityDto(hit) : null;
  }

  /**
   * Whether the point lies inside the municipality's full boundary (the same test as
   * `findMunicipalityAt`); null when the municipality has no boundary (or is out of scope), so the
   * caller cannot tell and does not refuse. Used by activities to refuse a point outside their municipality.
   */
  async municipalityContains(scope: AccessScope, municipalityId: string, point: LatLon): Promise<boolean | null> {
    const boundary = await this.territory.findBoundary(scope, municipalityId);
    return boundary ? pointInGeometry(point, boundary) : null;
  }

  /** Admins import a metropolitan city from the server's territory folder (TRAMA_TERRITORY_DIR). */
  async importTerritory(scope: AccessScope, request: ImportTerritoryDto): Promise<ImportSummary> {
    if (!scope.isAdmin) throw CommonErrors.FORBIDDEN('Only a platform admin can import a territory');
    return this.importer.importTenant(
      { istatCode: request.istatCode, name: request.name, slug: request.slug },
      this.config.territoryDir,
      scope,
      {
        populationYear: request.populationYear,
        overwriteMemberships: request.overwriteMemberships,
      },
    );
  }

  private single(rows: MunicipalityRow[]): MunicipalityRow {
    if (rows.length === 0) throw TerritoryErrors.MUNICIPALITY_NOT_FOUND();
    if (rows.length > 1) throw TerritoryErrors.TERRITORY_TENANT_REQUIRED();
    return rows[0];
  }
}
