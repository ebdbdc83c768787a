import { Module } from '@nestjs/common';
import { FilesService } from './files.service';
import { UploadInterceptor } from './upload.interceptor';

/**
 * The file store (docs/files.md), built once for every register that keeps files: activity
 * attachments, the tenant's logo, next the buildings' photos. It has no routes of its own: a file
 * is served by its owner's endpoint, after the owner's access check.
 */
@Module({
  providers: [FilesService, UploadInterceptor],
  exports: [FilesService, UploadInterceptor],
})
export class FilesModule {}
