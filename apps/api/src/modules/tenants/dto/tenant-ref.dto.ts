import { ApiProperty } from '@nestjs/swagger';
import type { TenantRef } from '@trama/contracts';

/** A metropolitan city, as other records refer to it. */
export class TenantRefDto implements TenantRef {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ description: 'ISTAT code of the metropolitan city (province code + 200)', example: '272' })
  istatCode: string;

  @ApiProperty({ example: 'Città Metropolitana di Bari' })
  name: string;
}
