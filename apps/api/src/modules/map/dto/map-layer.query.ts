import { IntersectionType } from '@nestjs/swagger';
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM } from '@trama/contracts';
import { BboxParam } from '../../../common/geo/bbox';
import { QueryInt } from '../../../common/http/fields';
import { ActivityFiltersQuery } from '../../activities/dto/activity-filters.query';
import { BuildingFiltersQuery } from '../../buildings/dto/building-filters.query';
import { InitiativeFiltersQuery } from '../../initiatives/dto/initiative-filters.query';
import { OrganizationFiltersQuery } from '../../organizations/dto/list-organizations.query';

/** The viewport every layer request carries: the box on screen and the zoom it is drawn at. */
export class MapViewportQuery {
  @BboxParam({
    required: true,
    description: 'minLon,minLat,maxLon,maxLat (WGS84) of the viewport; inverted or larger than the world is a 400',
  })
  bbox: string;

  @QueryInt(MAP_MIN_ZOOM, MAP_MAX_ZOOM, { description: 'the map zoom (Web Mercator, as Leaflet): the clusters’ cell size follows it' })
  zoom: number;
}

/**
 * A layer's query: the viewport + the register's list filters, the SAME class its list extends
 * (one filter function on the server, one filter object on the web). A new layer adds one line here.
 */
export class ActivitiesLayerQuery extends IntersectionType(ActivityFiltersQuery, MapViewportQuery) {}

export class BuildingsLayerQuery extends IntersectionType(BuildingFiltersQuery, MapViewportQuery) {}

export class OrganizationsLayerQuery extends IntersectionType(OrganizationFiltersQuery, MapViewportQuery) {}

export class InitiativesLayerQuery extends IntersectionType(InitiativeFiltersQuery, MapViewportQuery) {}

/** The reuse ranking's layer: the ranking's filters (the buildings' register's, as `GET /api/reuse/buildings`). */
export class ReuseLayerQuery extends IntersectionType(BuildingFiltersQuery, MapViewportQuery) {}
