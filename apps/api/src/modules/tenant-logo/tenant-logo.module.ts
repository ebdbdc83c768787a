import { Module } from '@nestjs/common';
import { FilesModule } from '../files/files.module';
import { TenantLogoController } from './tenant-logo.controller';
import { TenantLogoService } from './tenant-logo.service';

/** The tenant's logo in the header (issue 8, item 7), kept in the file store. */
@Module({
  imports: [FilesModule],
  controllers: [TenantLogoController],
  providers: [TenantLogoService],
})
export class TenantLogoModule {}
