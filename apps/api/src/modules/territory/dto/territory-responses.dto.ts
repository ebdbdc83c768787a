import { ApiExtraModels, ApiProperty, ApiSchema, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '@trama/contracts';
import {
  ApiArray,
  ApiCount,
  ApiEnum,
  ApiInt,
  ApiIstatMunicipality,
  ApiNumber,
  ApiSocialAreaCode,
  ApiText,
  ApiVersion,
  INT32_MAX,
  INT53_MAX,
  NAME_LENGTH,
} from '../../../common/http/api-schema';
import { SocialAreaRefDto, TenantRefDto } from '../../../common/http/refs.dto';

/* Response shapes of the territory routes: what TerritoryService returns, property by property. */

@ApiSchema({ name: 'SocialArea' })
export class SocialAreaResponse {
  @ApiSocialAreaCode() code: string;
  @ApiText(NAME_LENGTH, { example: 'Ambito territoriale sociale di Molfetta' }) name: string;
  @ApiCount({ description: 'municipalities of the area the caller may see' }) municipalityCount: number;
  @ApiInt(0, INT53_MAX, { description: 'total population of those municipalities' }) population: number;
  @ApiVersion() version: number;
}

@ApiSchema({ name: 'SocialAreaPage' })
export class SocialAreaPageResponse {
  @ApiArray(SocialAreaResponse, MAX_PAGE_SIZE) items: SocialAreaResponse[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}

@ApiSchema({ name: 'Municipality' })
export class MunicipalityResponse {
  @ApiIstatMunicipality({ example: '072029' }) istatCode: string;
  @ApiText(NAME_LENGTH, { example: 'Molfetta' }) name: string;
  @ApiCount({ description: 'residents (ANPR)' }) population: number;
  @ApiInt(1861, 2200, { example: 2026 }) populationYear: number;
  @ApiNumber(0, 99_999_999.99, { description: 'km², two decimals' }) areaKm2: number;
  @ApiNumber(-90, 90, { description: 'latitude of a representative point inside the municipality' }) lat: number;
  @ApiNumber(-180, 180, { description: 'longitude of that point' }) lon: number;
  @ApiProperty({ type: () => SocialAreaRefDto, nullable: true, description: 'null when the municipality is in no social area' })
  socialArea: SocialAreaRefDto | null;
  @ApiProperty({ type: () => TenantRefDto }) tenant: TenantRefDto;
  @ApiVersion() version: number;
}

@ApiSchema({ name: 'MunicipalityPage' })
export class MunicipalityPageResponse {
  @ApiArray(MunicipalityResponse, MAX_PAGE_SIZE) items: MunicipalityResponse[];
  @ApiCount() total: number;
  @ApiInt(1, INT32_MAX) page: number;
  @ApiInt(1, MAX_PAGE_SIZE) pageSize: number;
}

@ApiSchema({ name: 'MunicipalityFeatureProperties' })
export class MunicipalityFeaturePropertiesResponse {
  @ApiIstatMunicipality() istatCode: string;
  @ApiText(NAME_LENGTH) name: string;
  @ApiCount() population: number;
  @ApiSocialAreaCode({ nullable: true }) socialAreaCode: string | null;
  @ApiText(NAME_LENGTH, { nullable: true }) socialAreaName: string | null;
}

/** A GeoJSON position: [longitude, latitude] (WGS84). */
const POSITION = {
  type: 'array',
  items: { type: 'number', format: 'double', minimum: -180, maximum: 180 },
  minItems: 2,
  maxItems: 2,
  description: '[longitude, latitude]',
} as const;
/** A linear ring: closed (the last position repeats the first), at least 4 positions. */
const RING = {
  type: 'array',
  items: POSITION,
  minItems: 4,
  description: 'a closed ring: the first is the outer boundary, the others holes',
} as const;

@ApiSchema({ name: 'PolygonGeometry' })
export class PolygonGeometryResponse {
  @ApiEnum(['Polygon'], 'PolygonGeometryType') type: string;
  @ApiProperty({ type: 'array', items: RING, minItems: 1, description: 'rings: the outer boundary, then holes' })
  coordinates: unknown;
}

@ApiSchema({ name: 'MultiPolygonGeometry' })
export class MultiPolygonGeometryResponse {
  @ApiEnum(['MultiPolygon'], 'MultiPolygonGeometryType') type: string;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: RING, minItems: 1 },
    minItems: 1,
    description: 'polygons (a municipality with exclaves)',
  })
  coordinates: unknown;
}

@ApiSchema({ name: 'MunicipalityFeature' })
@ApiExtraModels(PolygonGeometryResponse, MultiPolygonGeometryResponse)
export class MunicipalityFeatureResponse {
  @ApiEnum(['Feature'], 'FeatureType') type: 'Feature';
  @ApiIstatMunicipality({ description: 'the ISTAT code' }) id?: string;
  @ApiProperty({
    oneOf: [{ $ref: getSchemaPath(PolygonGeometryResponse) }, { $ref: getSchemaPath(MultiPolygonGeometryResponse) }],
    discriminator: {
      propertyName: 'type',
      mapping: { Polygon: getSchemaPath(PolygonGeometryResponse), MultiPolygon: getSchemaPath(MultiPolygonGeometryResponse) },
    },
    nullable: true,
    description: 'the simplified boundary (the full one when there is no simplified one); null when the municipality has none',
  })
  geometry: { type: string; coordinates: unknown } | null;
  @ApiProperty({ type: () => MunicipalityFeaturePropertiesResponse }) properties: MunicipalityFeaturePropertiesResponse;
}

/** A GeoJSON FeatureCollection (RFC 7946) of the municipalities in the caller's scope. */
@ApiSchema({ name: 'MunicipalityFeatureCollection' })
export class MunicipalityFeatureCollectionResponse {
  @ApiEnum(['FeatureCollection'], 'FeatureCollectionType') type: 'FeatureCollection';
  @ApiProperty({
    type: MunicipalityFeatureResponse,
    isArray: true,
    // one feature per 6-digit ISTAT code
    maxItems: 1_000_000,
    description: 'one per municipality in scope, by ISTAT code',
  })
  features: MunicipalityFeatureResponse[];
}
