import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { LEGAL_NAME_MAX } from '@trama/contracts';
import { ApiDateTime, ApiInt, ApiIstatTenant, ApiText, INT32_MAX } from '../../../common/http/api-schema';

/** A metropolitan city as the public pages show it (nothing else about it). */
@ApiSchema({ name: 'PublicTenant' })
export class PublicTenantDto {
  @ApiIstatTenant() istatCode: string;
  @ApiText(LEGAL_NAME_MAX, { example: 'Città Metropolitana di Bari' }) name: string;
}

/** Whose page it is and which version: no author, no user data. */
@ApiSchema({ name: 'LegalPageMeta' })
export class LegalPageMetaDto {
  @ApiProperty({ type: () => PublicTenantDto }) tenant: PublicTenantDto;
  @ApiInt(0, INT32_MAX, { description: 'send it back to update; 0: the default text, never saved by the tenant' }) version: number;
  @ApiProperty({ description: 'true until a coordinator saves the page: the text is the default derived for the tenant' })
  isDefault: boolean;
  @ApiDateTime({ nullable: true, description: 'last saved; null for the default text' }) updatedAt: string | null;
}
