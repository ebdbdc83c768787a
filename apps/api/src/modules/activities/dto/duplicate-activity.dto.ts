import { ApiSchema } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { ApiDate, ApiUuid } from '../../../common/http/api-schema';
import { Optional, QueryInt } from '../../../common/http/fields';
import { IsActivityDate } from './validators';

/** POST /api/activities/:id/duplicate: a new draft with the same content, on another date. */
@ApiSchema({ name: 'DuplicateActivityRequest' })
export class DuplicateActivityDto {
  @ApiUuid({ description: 'the new activity’s clientId; a retry with the same clientId and body returns the same copy' })
  @IsUUID('all')
  clientId: string;

  @ApiDate({ required: false, description: 'the new activity’s date (default: today, Europe/Rome)', example: '2026-11-27' })
  @Optional()
  @IsActivityDate()
  date?: string;
}

/** DELETE /api/activities/:id?version=…: the version the author loaded. */
export class DeleteActivityQuery {
  @QueryInt(1, undefined, { description: 'the version the caller loaded (a stale one is a 409)' })
  version: number;
}
