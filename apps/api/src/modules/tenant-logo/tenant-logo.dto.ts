import { ApiProperty } from '@nestjs/swagger';
import { StoredFileDto } from '../files/dto/stored-file.response';

export class TenantLogoDto {
  @ApiProperty({ type: () => StoredFileDto, nullable: true, description: 'the current logo, or null (none set; admins have no tenant)' })
  logo: StoredFileDto | null;
}
