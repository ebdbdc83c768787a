import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MAP_MAX_POINTS } from '@trama/contracts';
import { AccessScope } from '../../common/access/access-scope';
import { Scope } from '../../common/auth/decorators';
import { ActivitiesMapLayer } from '../activities/activities.map-layer';
import { BuildingsMapLayer } from '../buildings/buildings.map-layer';
import { InitiativesMapLayer } from '../initiatives/initiatives.map-layer';
import { OrganizationsMapLayer } from '../organizations/organizations.map-layer';
import { ReuseMapLayer } from '../reuse/reuse.map-layer';
import {
  ActivitiesLayerQuery,
  BuildingsLayerQuery,
  InitiativesLayerQuery,
  OrganizationsLayerQuery,
  ReuseLayerQuery,
} from './dto/map-layer.query';
import { MapLayerFeatureCollectionResponse } from './dto/map-layer.response';
import { MapService } from './map.service';

const LAYER_DESCRIPTION = `GeoJSON (WGS84) of the records in the bbox that you may read and that match the filters (the list's): each record (properties.id, category, label), or — beyond ${MAP_MAX_POINTS} records — the server's grid clusters (properties.cluster, count, categories, bbox, expansionZoom); "total" is the list's total for the same bbox and filters.`;

/**
 * The map layers (docs/map.md). One route per layer of MAP_LAYERS, with the register's own filters
 * DTO (the one its list extends); a layer whose register is not served yet has no route (404).
 */
@ApiTags('map')
@Controller('map/layers')
export class MapController {
  constructor(
    private readonly map: MapService,
    private readonly activities: ActivitiesMapLayer,
    private readonly buildings: BuildingsMapLayer,
    private readonly organizations: OrganizationsMapLayer,
    private readonly initiatives: InitiativesMapLayer,
    private readonly reuse: ReuseMapLayer,
  ) {}

  @Get('activities')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({ operationId: 'getActivitiesLayer', summary: 'The activities layer (coloured by type)', description: LAYER_DESCRIPTION })
  @ApiOkResponse({ type: MapLayerFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  getActivitiesLayer(@Scope() scope: AccessScope, @Query() query: ActivitiesLayerQuery): Promise<MapLayerFeatureCollectionResponse> {
    return this.map.layer(scope, this.activities, query);
  }

  @Get('buildings')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    operationId: 'getBuildingsLayer',
    summary: 'The buildings layer (coloured by reuse stage)',
    description: LAYER_DESCRIPTION,
  })
  @ApiOkResponse({ type: MapLayerFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  getBuildingsLayer(@Scope() scope: AccessScope, @Query() query: BuildingsLayerQuery): Promise<MapLayerFeatureCollectionResponse> {
    return this.map.layer(scope, this.buildings, query);
  }

  @Get('organizations')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    operationId: 'getOrganizationsLayer',
    summary: 'The organizations layer (coloured by kind)',
    description: LAYER_DESCRIPTION,
  })
  @ApiOkResponse({ type: MapLayerFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  getOrganizationsLayer(@Scope() scope: AccessScope, @Query() query: OrganizationsLayerQuery): Promise<MapLayerFeatureCollectionResponse> {
    return this.map.layer(scope, this.organizations, query);
  }

  @Get('initiatives')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    operationId: 'getInitiativesLayer',
    summary: 'The initiatives layer (coloured by status, at their own point)',
    description: LAYER_DESCRIPTION,
  })
  @ApiOkResponse({ type: MapLayerFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  getInitiativesLayer(@Scope() scope: AccessScope, @Query() query: InitiativesLayerQuery): Promise<MapLayerFeatureCollectionResponse> {
    return this.map.layer(scope, this.initiatives, query);
  }

  @Get('reuse')
  @Header('Cache-Control', 'private, no-cache')
  @ApiOperation({
    operationId: 'getReuseLayer',
    summary: 'The reuse-potential ranking as a layer (buildings coloured by score band)',
    description: `${LAYER_DESCRIPTION} The ranking's buildings and rule (GET /api/reuse/buildings with the same filters and bbox): category is the score band (very_high 80–100, high 60–79, medium 40–59, low 0–39, unscored), a record also carries its score.`,
  })
  @ApiOkResponse({ type: MapLayerFeatureCollectionResponse, description: 'a GeoJSON FeatureCollection (RFC 7946)' })
  getReuseLayer(@Scope() scope: AccessScope, @Query() query: ReuseLayerQuery): Promise<MapLayerFeatureCollectionResponse> {
    return this.map.layer(scope, this.reuse, query);
  }
}
