import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { BUILDING_MAX_PHOTOS } from '@trama/contracts';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { StoredFileDto } from '../files/dto/stored-file.response';
import { UploadQuery } from '../files/dto/upload.query';
import { ApiFileResponse, ApiFileUpload } from '../files/file-api';
import { fileResponse } from '../files/file-response';
import { FileErrors } from '../files/files.errors';
import type { Upload } from '../files/files.service';
import { UploadInterceptor } from '../files/upload.interceptor';
import { BuildingErrors } from './buildings.errors';
import { BuildingPhotosService } from './building-photos.service';

const BuildingId = () => UuidParam(() => BuildingErrors.BUILDING_NOT_FOUND());
const FileId = () => UuidParam(() => FileErrors.FILE_NOT_FOUND());
const uuid = { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } as const;
const ApiIds = (file: boolean) => (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
  ApiParam({ name: 'id', description: 'the building', schema: uuid })(target, key as string, descriptor as PropertyDescriptor);
  if (file) ApiParam({ name: 'fileId', description: 'the photo', schema: uuid })(target, key as string, descriptor as PropertyDescriptor);
};

/** Photos of a building (docs/buildings.md): in the file store, behind the building's access check. */
@ApiTags('buildings')
@Controller('buildings/:id/photos')
export class BuildingPhotosController {
  constructor(private readonly photos: BuildingPhotosService) {}

  @Get()
  @ApiOperation({ summary: "The building's photos, oldest first" })
  @ApiIds(false)
  @ApiOkResponse({
    description: `a list (not a page): at most ${BUILDING_MAX_PHOTOS}`,
    schema: { type: 'array', items: { $ref: '#/components/schemas/StoredFileDto' }, maxItems: BUILDING_MAX_PHOTOS },
  })
  @ApiErrors(BuildingErrors.BUILDING_NOT_FOUND)
  listBuildingPhotos(@Scope() scope: AccessScope, @Param('id', BuildingId()) id: string): Promise<StoredFileDto[]> {
    return this.photos.list(scope, id);
  }

  @Post()
  @Roles('innovator', 'coordinator')
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({
    summary: 'Add a photo to a building of your territory (re-encoded, EXIF/GPS stripped, thumbnail made); idempotent by `clientId`',
  })
  @ApiIds(false)
  @ApiFileUpload('a JPEG, PNG or WebP image (re-encoded, without EXIF/GPS)')
  @ApiCreatedResponse({ type: StoredFileDto })
  @ApiErrors(
    BuildingErrors.BUILDING_NOT_FOUND,
    BuildingErrors.BUILDING_NOT_EDITABLE,
    FileErrors.FILE_MISSING,
    FileErrors.FILE_TOO_LARGE,
    FileErrors.FILE_TYPE_NOT_ALLOWED,
    FileErrors.FILE_UNREADABLE,
    FileErrors.FILE_LIMIT_REACHED,
  )
  uploadBuildingPhoto(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Query() query: UploadQuery,
    @UploadedFile() file: Upload | undefined,
  ): Promise<StoredFileDto> {
    return this.photos.upload(scope, id, file, query.clientId);
  }

  @Get(':fileId')
  @ApiOperation({ summary: 'The bytes of a photo' })
  @ApiIds(true)
  @ApiFileResponse('the photo, in the type detected at upload')
  @ApiErrors(BuildingErrors.BUILDING_NOT_FOUND, FileErrors.FILE_NOT_FOUND)
  async getBuildingPhoto(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Param('fileId', FileId()) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return fileResponse(res, await this.photos.open(scope, id, fileId, 'original'));
  }

  @Get(':fileId/thumbnail')
  @ApiOperation({ summary: 'A 320 px WebP thumbnail of a photo' })
  @ApiIds(true)
  @ApiFileResponse('the thumbnail', ['image/webp'])
  @ApiErrors(BuildingErrors.BUILDING_NOT_FOUND, FileErrors.FILE_NOT_FOUND)
  async getBuildingPhotoThumbnail(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Param('fileId', FileId()) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return fileResponse(res, await this.photos.open(scope, id, fileId, 'thumbnail'));
  }

  @Delete(':fileId')
  @Roles('innovator', 'coordinator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a photo of a building of your territory (kept in the audit trail)' })
  @ApiIds(true)
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(BuildingErrors.BUILDING_NOT_FOUND, BuildingErrors.BUILDING_NOT_EDITABLE, FileErrors.FILE_NOT_FOUND)
  async deleteBuildingPhoto(
    @Scope() scope: AccessScope,
    @Param('id', BuildingId()) id: string,
    @Param('fileId', FileId()) fileId: string,
  ): Promise<void> {
    await this.photos.remove(scope, id, fileId);
  }
}
