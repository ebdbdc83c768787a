import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, Validate, ValidatorConstraint, ValidatorConstraintInterface } from 'class-validator';
import { PageQuery } from '../../../common/http/pagination';
import { parseBbox } from '../geo';
import { SOCIAL_AREA_CODE } from '../territory-files';

const TENANT_DESCRIPTION = 'Admins: only this metropolitan city (its ISTAT code, e.g. 272). Others always see their own tenant.';

@ValidatorConstraint({ name: 'bbox' })
class BboxConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseBbox(value) !== null;
  }

  defaultMessage(): string {
    return 'bbox must be minLon,minLat,maxLon,maxLat: four numbers, longitudes in -180..180, latitudes in -90..90, min ≤ max';
  }
}

/** `?tenant=` on any territory route. */
export class TenantFilterQuery {
  @ApiPropertyOptional({ description: TENANT_DESCRIPTION, example: '272' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class ListSocialAreasQuery extends PageQuery {
  @ApiPropertyOptional({ description: TENANT_DESCRIPTION, example: '272' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class ListMunicipalitiesQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Only the municipalities of this social area (its code)', example: 'ATS_BA_MOLFETTA' })
  @IsOptional()
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea?: string;

  @ApiPropertyOptional({ description: 'Part of the name (accents and case ignored) or the start of the ISTAT code', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: TENANT_DESCRIPTION, example: '272' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class MapMunicipalitiesQuery {
  @ApiPropertyOptional({
    description: 'minLon,minLat,maxLon,maxLat (WGS84): municipalities whose bounding box meets it',
    example: '16.7,41.0,17.0,41.2',
  })
  @IsOptional()
  @IsString()
  @Validate(BboxConstraint)
  bbox?: string;

  @ApiPropertyOptional({ description: 'Only the municipalities of this social area (its code)', example: 'ATS_BA_MOLFETTA' })
  @IsOptional()
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea?: string;

  @ApiPropertyOptional({ description: TENANT_DESCRIPTION, example: '272' })
  @IsOptional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}
