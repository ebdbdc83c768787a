import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { FeatureCollection, MunicipalityDto, MunicipalityFeatureProperties, Page, SocialAreaDto } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
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
import type { ImportSummary } from './territory-import.service';
import { TerritoryService } from './territory.service';

@ApiTags('territory')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'Not signed in' })
@Controller()
export class TerritoryController {
  constructor(private readonly territory: TerritoryService) {}

  @Get('social-areas')
  @ApiOperation({
    summary: 'Social areas the caller may see, ordered by name, with the count and population of their visible municipalities',
  })
  @ApiOkResponse({ type: SocialAreaPageResponse })
  @ApiBadRequestResponse({ description: 'Unknown or invalid query parameter' })
  listSocialAreas(@Scope() scope: AccessScope, @Query() query: ListSocialAreasQuery): Promise<Page<SocialAreaDto>> {
    return this.territory.listSocialAreas(scope, query);
  }

  @Get('social-areas/:code')
  @ApiOperation({ summary: 'One social area' })
  @ApiOkResponse({ type: SocialAreaResponse })
  @ApiNotFoundResponse({ description: 'No such social area in the caller’s scope' })
  getSocialArea(@Scope() scope: AccessScope, @Param() params: SocialAreaParams, @Query() query: TenantFilterQuery): Promise<SocialAreaDto> {
    return this.territory.getSocialArea(scope, params.code, query.tenant);
  }

  @Get('municipalities')
  @ApiOperation({ summary: 'Municipalities the caller may see, ordered by name' })
  @ApiOkResponse({ type: MunicipalityPageResponse })
  @ApiBadRequestResponse({ description: 'Unknown or invalid query parameter (pageSize ≤ 200)' })
  listMunicipalities(@Scope() scope: AccessScope, @Query() query: ListMunicipalitiesQuery): Promise<Page<MunicipalityDto>> {
    return this.territory.listMunicipalities(scope, query);
  }

  @Get('municipalities/:istatCode')
  @ApiOperation({ summary: 'One municipality' })
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiBadRequestResponse({ description: 'Not a 6-digit ISTAT code' })
  @ApiNotFoundResponse({ description: 'No such municipality in the caller’s scope' })
  getMunicipality(
    @Scope() scope: AccessScope,
    @Param() params: MunicipalityParams,
    @Query() query: TenantFilterQuery,
  ): Promise<MunicipalityDto> {
    return this.territory.getMunicipality(scope, params.istatCode, query.tenant);
  }

  @Patch('municipalities/:istatCode')
  @ApiOperation({ summary: 'Move a municipality to another social area of its metropolitan city (coordinators, admins)' })
  @ApiOkResponse({ type: MunicipalityResponse })
  @ApiBadRequestResponse({ description: 'Invalid body or unknown social area' })
  @ApiForbiddenResponse({ description: 'Innovators and municipality users cannot change the territory' })
  @ApiNotFoundResponse({ description: 'No such municipality in the caller’s scope' })
  @ApiConflictResponse({ description: 'Stale version: the municipality changed since it was loaded' })
  updateMunicipality(
    @Scope() scope: AccessScope,
    @Param() params: MunicipalityParams,
    @Query() query: TenantFilterQuery,
    @Body() body: UpdateMunicipalityDto,
  ): Promise<MunicipalityDto> {
    return this.territory.updateMunicipality(scope, params.istatCode, body, query.tenant);
  }

  @Get('map/municipalities')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Vary', 'Authorization')
  @ApiOperation({ operationId: 'getMunicipalityMap', summary: 'Municipality boundaries (simplified) as GeoJSON, optionally within a bbox' })
  @ApiOkResponse({ type: MunicipalityFeatureCollectionResponse })
  @ApiBadRequestResponse({ description: 'Invalid bbox or unknown query parameter' })
  mapMunicipalities(
    @Scope() scope: AccessScope,
    @Query() query: MapMunicipalitiesQuery,
  ): Promise<FeatureCollection<MunicipalityFeatureProperties>> {
    return this.territory.mapMunicipalities(scope, query);
  }

  @Post('territory/imports')
  @HttpCode(200)
  @ApiOperation({ summary: 'Import or re-import a metropolitan city from the server’s territory folder (admins)' })
  @ApiOkResponse({ type: ImportSummaryResponse })
  @ApiBadRequestResponse({
    description: 'TERRITORY_IMPORT_INVALID: the message names the file, line or feature and the problem; nothing is written',
  })
  @ApiForbiddenResponse({ description: 'Only platform admins import territories' })
  importTerritory(@Scope() scope: AccessScope, @Body() body: ImportTerritoryDto): Promise<ImportSummary> {
    return this.territory.importTerritory(scope, body);
  }
}
