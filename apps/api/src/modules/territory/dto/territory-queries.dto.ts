import { IsString, Matches, MaxLength, Validate } from 'class-validator';
import { BboxConstraint } from '../../../common/geo/bbox';
import { ApiIstatTenant, ApiSocialAreaCode, ApiText } from '../../../common/http/api-schema';
import { PageQuery } from '../../../common/http/pagination';
import { SOCIAL_AREA_CODE } from '../territory-files';
import { Optional } from '../../../common/http/fields';

const TENANT_DESCRIPTION = 'Admins: only this metropolitan city (its ISTAT code, e.g. 272). Others always see their own tenant.';

/** `?tenant=` on any territory route. */
export class TenantFilterQuery {
  @ApiIstatTenant({ required: false, description: TENANT_DESCRIPTION })
  @Optional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class ListSocialAreasQuery extends PageQuery {
  @ApiIstatTenant({ required: false, description: TENANT_DESCRIPTION })
  @Optional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class ListMunicipalitiesQuery extends PageQuery {
  @ApiSocialAreaCode({ required: false, description: 'Only the municipalities of this social area (its code)' })
  @Optional()
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea?: string;

  @ApiText(100, { required: false, description: 'Part of the name (accents and case ignored) or the start of the ISTAT code' })
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiIstatTenant({ required: false, description: TENANT_DESCRIPTION })
  @Optional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}

export class MapMunicipalitiesQuery {
  @ApiText(200, {
    required: false,
    pattern: '^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$',
    description: 'minLon,minLat,maxLon,maxLat (WGS84): municipalities whose bounding box meets it',
    example: '16.7,41.0,17.0,41.2',
  })
  @Optional()
  @IsString()
  @Validate(BboxConstraint)
  bbox?: string;

  @ApiSocialAreaCode({ required: false, description: 'Only the municipalities of this social area (its code)' })
  @Optional()
  @IsString()
  @Matches(SOCIAL_AREA_CODE, { message: 'socialArea must be a social area code' })
  socialArea?: string;

  @ApiIstatTenant({ required: false, description: TENANT_DESCRIPTION })
  @Optional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}
