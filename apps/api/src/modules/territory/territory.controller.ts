import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { ImportSummaryResponse, ImportTerritoryDto } from './dto/import-territory.dto';
import { ListMunicipalitiesQuery, ListSocialAreasQuery, MapMunicipalitiesQuery, TenantFilterQuery } from './dto/territory-queries.dto';
import { MunicipalityParams, SocialAreaParams } from './dto/territory-params.dto';
import {
  MunicipalityFeatureCollectionResponse,
  MunicipalityPageResponse,
  MunicipalityResponse,
  SocialAreaPageResponse,
  SocialAreaResponse,
} from './dto/territory-responses.dto';
import { UpdateMunicipalityDto } from './dto/update-municipality.dto';
import { TerritoryErrors } from './territory.errors';
import { TerritoryService } from './territory.service';

@ApiTags('territory')
@Controller()
export class TerritoryController {
  constructor(private readonly territory: TerritoryService) {}

  @Get('social-areas')
  @ApiOperation({
    summary: 'Social areas the caller may see, ordered by name, with the count and population of their visible municipalities',
  })
  @ApiOkResponse({ type: SocialAreaPageResponse })
  listSocialAreas(@Scope() scope: AccessScope, @Query() query: ListSocialAreasQuery): Promise<SocialAreaPageResponse> {
    return this.territory.listSocialAreas(scope, query);
  }

  @Get('social-areas/:code')
  @ApiOperation({ summary: 'One social area' })
  @ApiOkResponse({ type: SocialAreaResponse })
  @ApiErrors(TerritoryErrors.SOCIAL_AREA_NOT_FOUND, TerritoryErrors.TERRITORY_TENANT_REQUIRED)
  getSocialArea(
    @Scope() scope: AccessScope,
    @Param() params: SocialAreaParams,
    @Query() query: TenantFilterQuery,
  ): Promise<SocialAreaResponse> {
    return this.territory.getSocialArea(scope, params.code, query.tenant);
  }

  @Get('municipalities')
  @ApiOperation({ summary: 'Municipalities the caller may see, ordered by name' })
  @ApiOkResponse({ type: MunicipalityPageResponse })
  listMunicipalities(@Scope() scope: AccessScope, @Query() query: ListMunicipalitiesQuery): Promise<MunicipalityPageResponse> {
    return this.territory.listMunicipalities(scope, query);
  }

  @Get('municipalities/:istatCode')
  @ApiOperation({ summary: 'One municipality' })
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiErrors(TerritoryErrors.MUNICIPALITY_NOT_FOUND, TerritoryErrors.TERRITORY_TENANT_REQUIRED)
  getMunicipality(
    @Scope() scope: AccessScope,
    @Param() params: MunicipalityParams,
    @Query() query: TenantFilterQuery,
  ): Promise<MunicipalityResponse> {
    return this.territory.getMunicipality(scope, params.istatCode, query.tenant);
  }

  @Patch('municipalities/:istatCode')
  @ApiOperation({ summary: 'Move a municipality to another social area of its metropolitan city (coordinators, admins)' })
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiErrors(
    TerritoryErrors.SOCIAL_AREA_UNKNOWN,
    TerritoryErrors.TERRITORY_TENANT_REQUIRED,
    CommonErrors.FORBIDDEN,
    TerritoryErrors.MUNICIPALITY_NOT_FOUND,
    TerritoryErrors.MUNICIPALITY_STALE_VERSION,
  )
  updateMunicipality(
    @Scope() scope: AccessScope,
    @Param() params: MunicipalityParams,
    @Query() query: TenantFilterQuery,
    @Body() body: UpdateMunicipalityDto,
  ): Promise<MunicipalityResponse> {
    return this.territory.updateMunicipality(scope, params.istatCode, body, query.tenant);
  }

  @Get('map/municipalities')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Vary', 'Authorization')
  @ApiOperation({ operationId: 'getMunicipalityMap', summary: 'Municipality boundaries (simplified) as GeoJSON, optionally within a bbox' })
  @ApiOkResponse({ type: MunicipalityFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  mapMunicipalities(@Scope() scope: AccessScope, @Query() query: MapMunicipalitiesQuery): Promise<MunicipalityFeatureCollectionResponse> {
    return this.territory.mapMunicipalities(scope, query);
  }

  @Post('territory/imports')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import or re-import a metropolitan city from the server’s territory folder (admins)' })
  @ApiOkResponse({ type: ImportSummaryResponse })
  @ApiErrors(TerritoryErrors.TERRITORY_IMPORT_INVALID, CommonErrors.FORBIDDEN)
  importTerritory(@Scope() scope: AccessScope, @Body() body: ImportTerritoryDto): Promise<ImportSummaryResponse> {
    return this.territory.importTerritory(scope, body);
  }
}
