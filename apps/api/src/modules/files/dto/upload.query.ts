import { ApiSchema } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiUuid } from '../../../common/http/api-schema';
import { Optional } from '../../../common/http/fields';

/**
 * The query of an upload that may be retried (the offline outbox: docs/field-mode.md). The key travels
 * in the query because the multipart body holds the file alone (`limits.fields: 0`).
 */
@ApiSchema({ name: 'UploadQuery' })
export class UploadQuery {
  @ApiUuid({
    required: false,
    description: "The uploader's key: a retry with the same clientId returns the file stored the first time (nothing is stored twice)",
  })
  @Optional()
  @IsUUID('all')
  clientId?: string;
}
