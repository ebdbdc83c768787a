import { FILE_MIME_TYPES, FILE_NAME_MAX_LENGTH } from '@trama/contracts';
import { ApiDateTime, ApiEnum, ApiInt, ApiText, ApiUuid, INT32_MAX } from '../../../common/http/api-schema';
import { ApiProperty } from '@nestjs/swagger';

/** A stored file, as its owner's endpoints list it (the bytes are at the owner's file URL). */
export class StoredFileDto {
  @ApiUuid() id: string;
  @ApiText(FILE_NAME_MAX_LENGTH, { minLength: 1, description: 'the original name, sanitised; its extension is that of the detected type' })
  name: string;
  @ApiEnum(FILE_MIME_TYPES, 'FileMimeType', { description: 'detected from the content, never from the name' })
  mime: string;
  @ApiInt(1, INT32_MAX, { description: 'bytes of the stored file (images: after re-encoding)' }) size: number;
  @ApiInt(1, INT32_MAX, { nullable: true, description: 'images only' }) width: number | null;
  @ApiInt(1, INT32_MAX, { nullable: true, description: 'images only' }) height: number | null;
  @ApiProperty({ description: 'an image: it has a thumbnail (320 px WebP) and is shown inline; anything else is a download' })
  image: boolean;
  @ApiDateTime() createdAt: string;
  @ApiUuid({ nullable: true, description: 'who uploaded it' }) createdBy: string | null;
}
