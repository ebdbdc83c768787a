import { ApiProperty, type ApiPropertyOptions, ApiSchema } from '@nestjs/swagger';
import { MAP_MAX_POINTS, MAP_MAX_ZOOM, MAP_MIN_ZOOM } from '@trama/contracts';
import { ApiCount, ApiEnum, ApiInt, ApiText, ApiUuid, INT32_MAX } from '../../../common/http/api-schema';

const LON = { type: 'number', format: 'double', minimum: -180, maximum: 180 } as const;

@ApiSchema({ name: 'MapPoint' })
export class MapPointResponse {
  @ApiEnum(['Point'], 'MapPointType') type: 'Point';
  @ApiProperty({
    type: 'array',
    items: { type: 'number', format: 'double', minimum: -180, maximum: 180 },
    minItems: 2,
    maxItems: 2,
    description: '[longitude, latitude] (WGS84)',
  })
  coordinates: [number, number];
}

/**
 * A feature's properties: a single record (`cluster: false`, `id`, `category`, `label`) or a
 * cluster of the server's grid (`cluster: true`, `count`, `categories`, `bbox`, `expansionZoom`).
 * Every feature has `count` (1 for a record): the counts of a collection add up to its `total`.
 */
@ApiSchema({ name: 'MapFeatureProperties' })
export class MapFeaturePropertiesResponse {
  @ApiProperty({ type: 'boolean', description: 'true: a cluster of records; false: one record' }) cluster: boolean;
  @ApiInt(1, INT32_MAX, { description: 'records in the feature (1 for a record)' }) count: number;
  @ApiUuid({ required: false, description: 'a record: its id' }) id?: string;
  @ApiText(100, {
    required: false,
    nullable: true,
    description:
      'a record: its category (buildings: reuse stage, organizations: kind, initiatives: status, activities: type, reuse: score band); null when it has none',
  })
  category?: string | null;
  @ApiText(100_000, { required: false, nullable: true, description: 'a record: its name or title' }) label?: string | null;
  @ApiInt(0, 100, {
    required: false,
    nullable: true,
    description: 'a record of the reuse layer: its stored reuse-potential score (0–100); null when not scored yet',
  })
  score?: number | null;
  @ApiProperty({
    required: false,
    type: 'object',
    additionalProperties: { type: 'integer', format: 'int32', minimum: 1, maximum: INT32_MAX },
    // one per category of a vocabulary, and "none"
    maxProperties: 64,
    description: 'a cluster: records per category ("none": without one); they add up to count',
  } as unknown as ApiPropertyOptions)
  categories?: Record<string, number>;
  @ApiProperty({
    required: false,
    type: 'array',
    items: { type: 'number', format: 'double', minimum: -180, maximum: 180 },
    minItems: 4,
    maxItems: 4,
    description: 'a cluster: [minLon, minLat, maxLon, maxLat] of its records (zoom there to see them)',
  })
  bbox?: [number, number, number, number];
  @ApiInt(MAP_MIN_ZOOM, MAP_MAX_ZOOM, {
    required: false,
    nullable: true,
    description: 'a cluster: the zoom at which its records fall in different cells; null when they share one point (list them instead)',
  })
  expansionZoom?: number | null;
}

@ApiSchema({ name: 'MapFeature' })
export class MapFeatureResponse {
  @ApiEnum(['Feature'], 'MapFeatureType') type: 'Feature';
  @ApiUuid({ required: false, description: 'a record: its id (clusters have none)' }) id?: string;
  @ApiProperty({ type: () => MapPointResponse }) geometry: MapPointResponse;
  @ApiProperty({ type: () => MapFeaturePropertiesResponse }) properties: MapFeaturePropertiesResponse;
}

/** A layer for a viewport: GeoJSON (RFC 7946, WGS84), clustered on the server beyond MAP_MAX_POINTS records. */
@ApiSchema({ name: 'MapLayerFeatureCollection' })
export class MapLayerFeatureCollectionResponse {
  @ApiEnum(['FeatureCollection'], 'MapFeatureCollectionType') type: 'FeatureCollection';
  @ApiProperty({
    type: MapFeatureResponse,
    isArray: true,
    maxItems: 1_000_000,
    description: `records (at most ${MAP_MAX_POINTS}) or clusters; records without a point are not on the map`,
  })
  features: MapFeatureResponse[];
  @ApiCount({ description: 'the records in the bbox that match the filters: the sum of the features’ counts, and the list’s total' })
  total: number;
  @ApiProperty({ type: 'boolean', description: `true when the viewport held more than ${MAP_MAX_POINTS} records and they are clustered` })
  clustered: boolean;
  @ApiInt(MAP_MIN_ZOOM, MAP_MAX_ZOOM, { description: 'the zoom of the request' }) zoom: number;
  @ApiProperty({
    type: 'array',
    items: LON,
    minItems: 4,
    maxItems: 4,
    description: 'the bbox of the request: [minLon, minLat, maxLon, maxLat]',
  })
  bbox: [number, number, number, number];
}
