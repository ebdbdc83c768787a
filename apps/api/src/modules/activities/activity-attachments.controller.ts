import {
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { MAX_ATTACHMENTS_PER_ACTIVITY } from '@trama/contracts';
import type { Response } from 'express';
import { AccessScope } from '../../common/access/access-scope';
import { Roles, Scope } from '../../common/auth/decorators';
import { ApiErrors } from '../../common/http/api-errors';
import { UUID_LENGTH } from '../../common/http/api-schema';
import { UuidParam } from '../../common/http/uuid-param';
import { StoredFileDto } from '../files/dto/stored-file.response';
import { ApiFileResponse, ApiFileUpload } from '../files/file-api';
import { fileResponse } from '../files/file-response';
import { FileErrors } from '../files/files.errors';
import type { Upload } from '../files/files.service';
import { UploadInterceptor } from '../files/upload.interceptor';
import { ActivityErrors } from './activities.errors';
import { ActivityAttachmentsService } from './activity-attachments.service';

const ActivityId = () => UuidParam(() => ActivityErrors.ACTIVITY_NOT_FOUND());
const FileId = () => UuidParam(() => FileErrors.FILE_NOT_FOUND());
const uuid = { type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH } as const;
const ApiIds = (file: boolean) => (target: object, key?: string | symbol, descriptor?: PropertyDescriptor) => {
  ApiParam({ name: 'id', description: 'the activity', schema: uuid })(target, key as string, descriptor as PropertyDescriptor);
  if (file)
    ApiParam({ name: 'fileId', description: 'the attachment', schema: uuid })(target, key as string, descriptor as PropertyDescriptor);
};

/** Attachments of an activity (docs/files.md): photos and documents, in the file store, behind the activity's access check. */
@ApiTags('activities')
@Controller('activities/:id/attachments')
export class ActivityAttachmentsController {
  constructor(private readonly attachments: ActivityAttachmentsService) {}

  @Get()
  @ApiOperation({ summary: "The activity's attachments, oldest first (staff: not for municipality users)" })
  @ApiIds(false)
  @ApiOkResponse({
    description: `a list (not a page): at most ${MAX_ATTACHMENTS_PER_ACTIVITY}`,
    schema: { type: 'array', items: { $ref: '#/components/schemas/StoredFileDto' }, maxItems: MAX_ATTACHMENTS_PER_ACTIVITY },
  })
  @ApiErrors(ActivityErrors.ACTIVITY_NOT_FOUND)
  listActivityAttachments(@Scope() scope: AccessScope, @Param('id', ActivityId()) id: string): Promise<StoredFileDto[]> {
    return this.attachments.list(scope, id);
  }

  @Post()
  @Roles('innovator')
  @UseInterceptors(UploadInterceptor)
  @ApiOperation({ summary: 'Attach a photo or a document to your activity while draft or returned' })
  @ApiIds(false)
  @ApiFileUpload('a JPEG, PNG or WebP image (re-encoded, without EXIF/GPS), a PDF, or a docx/xlsx/odt/ods document')
  @ApiCreatedResponse({ type: StoredFileDto })
  @ApiErrors(
    ActivityErrors.ACTIVITY_NOT_FOUND,
    ActivityErrors.ACTIVITY_NOT_AUTHOR,
    ActivityErrors.ACTIVITY_LOCKED,
    FileErrors.FILE_MISSING,
    FileErrors.FILE_TOO_LARGE,
    FileErrors.FILE_TYPE_NOT_ALLOWED,
    FileErrors.FILE_UNREADABLE,
    FileErrors.FILE_LIMIT_REACHED,
  )
  uploadActivityAttachment(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @UploadedFile() file: Upload | undefined,
  ): Promise<StoredFileDto> {
    return this.attachments.upload(scope, id, file);
  }

  @Get(':fileId')
  @ApiOperation({ summary: 'The bytes of an attachment (images inline, anything else as a download)' })
  @ApiIds(true)
  @ApiFileResponse('the attachment, in the type detected at upload')
  @ApiErrors(ActivityErrors.ACTIVITY_NOT_FOUND, FileErrors.FILE_NOT_FOUND)
  async getActivityAttachment(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Param('fileId', FileId()) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return fileResponse(res, await this.attachments.open(scope, id, fileId, 'original'));
  }

  @Get(':fileId/thumbnail')
  @ApiOperation({ summary: 'A 320 px WebP thumbnail of an image attachment (404 for a document)' })
  @ApiIds(true)
  @ApiFileResponse('the thumbnail', ['image/webp'])
  @ApiErrors(ActivityErrors.ACTIVITY_NOT_FOUND, FileErrors.FILE_NOT_FOUND)
  async getActivityAttachmentThumbnail(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Param('fileId', FileId()) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return fileResponse(res, await this.attachments.open(scope, id, fileId, 'thumbnail'));
  }

  @Delete(':fileId')
  @Roles('innovator')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove an attachment of your activity while draft or returned (kept in the audit trail)' })
  @ApiIds(true)
  @ApiNoContentResponse({ description: 'removed' })
  @ApiErrors(
    ActivityErrors.ACTIVITY_NOT_FOUND,
    ActivityErrors.ACTIVITY_NOT_AUTHOR,
    ActivityErrors.ACTIVITY_LOCKED,
    FileErrors.FILE_NOT_FOUND,
  )
  async deleteActivityAttachment(
    @Scope() scope: AccessScope,
    @Param('id', ActivityId()) id: string,
    @Param('fileId', FileId()) fileId: string,
  ): Promise<void> {
    await this.attachments.remove(scope, id, fileId);
  }
}
