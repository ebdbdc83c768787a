import { ApiSchema } from '@nestjs/swagger';
import { ApiIstatMunicipality, ApiIstatTenant, ApiSocialAreaCode, ApiText, ApiUuid, NAME_LENGTH } from './api-schema';

/* How records refer to one another in responses: one schema per kind of reference, shared by every feature. */

/** A metropolitan city (tenant). */
@ApiSchema({ name: 'TenantRef' })
export class TenantRefDto {
  @ApiUuid() id: string;
  @ApiIstatTenant({ description: 'ISTAT code of the metropolitan city (province code + 200)' }) istatCode: string;
  @ApiText(NAME_LENGTH, { example: 'Città Metropolitana di Bari' }) name: string;
}

@ApiSchema({ name: 'MunicipalityRef' })
export class MunicipalityRefDto {
  @ApiIstatMunicipality() istatCode: string;
  @ApiText(NAME_LENGTH, { example: 'Bari' }) name: string;
}

@ApiSchema({ name: 'SocialAreaRef' })
export class SocialAreaRefDto {
  @ApiSocialAreaCode() code: string;
  @ApiText(NAME_LENGTH, { example: 'Ambito territoriale sociale di Molfetta' }) name: string;
}

/** A user, as the author or reviewer of a record. */
@ApiSchema({ name: 'UserRef' })
export class UserRefDto {
  @ApiUuid() id: string;
  @ApiText(NAME_LENGTH, { example: 'Maria Rossi' }) fullName: string;
}
