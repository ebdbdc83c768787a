import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Put,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { IMAGE_MIME_TYPES } from '@trama/contracts';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { CommonErrors } from '../../common/errors/app-error';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { ApiFileResponse, ApiFileUpload } from '../files/file-api';
import { fileResponse } from '../files/file-response';
import { FileErrors } from '../files/files.errors';
import type { Upload } from '../files/files.service';
import { UploadInterceptor } from '../files/upload.interceptor';
import { TenantLogoDto } from './tenant-logo.dto';
import { TenantLogoService } from './tenant-logo.service';

/** The caller's tenant's logo (docs/files.md): every user of the tenant reads it, its coordinators change it. */
@ApiTags('tenants')
@Controller('tenant-logo')
export class TenantLogoController {
  constructor(private readonly logos: TenantLogoService) {}

  @Get()
  @ApiOperation({ summary: "Your tenant's logo, if it has one" })
  @ApiOkResponse({ type: TenantLogoDto })
  getTenantLogo(@Scope() scope: AccessScope): Promise<TenantLogoDto> {
    return this.logos.get(scope);
  }

  @Get(':fileId')
  @ApiOperation({ summary: "The bytes of your tenant's logo" })
  @ApiParam({
    name: 'fileId',
    description: 'the logo',
    schema: { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH },
  })
  @ApiFileResponse('the logo image', IMAGE_MIME_TYPES)
  @ApiErrors(FileErrors.FILE_NOT_FOUND)
  async getTenantLogoImage(
    @Scope() scope: AccessScope,
    @Param('fileId', UuidParam(() => FileErrors.FILE_NOT_FOUND())) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return fileResponse(res, await this.logos.open(scope, fileId));
  }

  @Put()
  @Roles('coordinator')
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({ summary: "Set your tenant's logo (replaces the current one)" })
  @ApiFileUpload('a JPEG, PNG or WebP image; stored re-encoded at most 256 px, without metadata')
  @ApiOkResponse({ type: TenantLogoDto })
  @ApiErrors(
    FileErrors.FILE_MISSING,
    FileErrors.FILE_TOO_LARGE,
    FileErrors.FILE_TYPE_NOT_ALLOWED,
    FileErrors.FILE_UNREADABLE,
    CommonErrors.FORBIDDEN,
  )
  setTenantLogo(@Scope() scope: AccessScope, @UploadedFile() file: Upload | undefined): Promise<TenantLogoDto> {
    return this.logos.set(scope, file);
  }

  @Delete()
  @Roles('coordinator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: "Remove your tenant's logo (no logo: nothing to do)" })
  @ApiNoContentResponse({ description: 'removed, or there was none' })
  async deleteTenantLogo(@Scope() scope: AccessScope): Promise<void> {
    await this.logos.remove(scope);
  }
}
