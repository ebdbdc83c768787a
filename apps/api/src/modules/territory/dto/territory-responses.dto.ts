import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FeatureCollection, MunicipalityDto, MunicipalityFeatureProperties, Page, SocialAreaDto } from '@trama/contracts';
import { TenantRefDto } from '../../tenants/dto/tenant-ref.dto';

export class SocialAreaResponse implements SocialAreaDto {
  @ApiProperty({ example: 'ATS_BA_MOLFETTA' })
  code: string;

  @ApiProperty({ example: 'Ambito territoriale sociale di Molfetta' })
  name: string;

  @ApiProperty({ description: 'municipalities of the area the caller may see' })
  municipalityCount: number;

  @ApiProperty({ description: 'total population of those municipalities' })
  population: number;

  @ApiProperty()
  version: number;
}

export class SocialAreaPageResponse implements Page<SocialAreaDto> {
  @ApiProperty({ type: SocialAreaResponse, isArray: true })
  items: SocialAreaResponse[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class SocialAreaRefResponse {
  @ApiProperty({ example: 'ATS_BA_MOLFETTA' })
  code: string;

  @ApiProperty({ example: 'Ambito territoriale sociale di Molfetta' })
  name: string;
}

export class MunicipalityResponse implements MunicipalityDto {
  @ApiProperty({ example: '072029' })
  istatCode: string;

  @ApiProperty({ example: 'Molfetta' })
  name: string;

  @ApiProperty({ description: 'residents (ANPR)' })
  population: number;

  @ApiProperty({ example: 2026 })
  populationYear: number;

  @ApiProperty()
  areaKm2: number;

  @ApiProperty({ description: 'latitude of a representative point inside the municipality' })
  lat: number;

  @ApiProperty()
  lon: number;

  @ApiProperty({ type: SocialAreaRefResponse, nullable: true })
  socialArea: SocialAreaRefResponse | null;

  @ApiProperty({ type: TenantRefDto })
  tenant: TenantRefDto;

  @ApiProperty()
  version: number;
}

export class MunicipalityPageResponse implements Page<MunicipalityDto> {
  @ApiProperty({ type: MunicipalityResponse, isArray: true })
  items: MunicipalityResponse[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;
}

export class MunicipalityFeaturePropertiesResponse implements MunicipalityFeatureProperties {
  @ApiProperty()
  istatCode: string;

  @ApiProperty()
  name: string;

  @ApiProperty()
  population: number;

  @ApiProperty({ type: String, nullable: true })
  socialAreaCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  socialAreaName: string | null;
}

export class GeometryResponse {
  @ApiProperty({ example: 'MultiPolygon' })
  type: string;

  @ApiProperty({ description: 'GeoJSON coordinates, [lon, lat]', type: 'array', items: {} })
  coordinates: unknown;
}

export class MunicipalityFeatureResponse {
  @ApiProperty({ enum: ['Feature'] })
  type: 'Feature';

  @ApiPropertyOptional({ description: 'the ISTAT code' })
  id?: string;

  @ApiProperty({ type: GeometryResponse, nullable: true, description: 'simplified boundary; null when the municipality has none' })
  geometry: GeometryResponse | null;

  @ApiProperty({ type: MunicipalityFeaturePropertiesResponse })
  properties: MunicipalityFeaturePropertiesResponse;
}

export class MunicipalityFeatureCollectionResponse implements FeatureCollection<MunicipalityFeatureProperties> {
  @ApiProperty({ enum: ['FeatureCollection'] })
  type: 'FeatureCollection';

  @ApiProperty({ type: MunicipalityFeatureResponse, isArray: true })
  features: MunicipalityFeatureResponse[];
}
