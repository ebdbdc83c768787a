import { ApiSchema } from '@nestjs/swagger';
import { INITIATIVE_STATUSES, type InitiativeStatus } from '@trama/contracts';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { ApiDate, ApiEnum, ApiText } from '../../../common/http/api-schema';
import { Optional, VersionColumn } from '../../../common/http/fields';
import { TrimToNull } from '../../../common/http/trim';
import { INITIATIVE_TEXT_LIMITS } from './create-initiative.dto';
import { IsInitiativeDate } from './validators';

/** POST /api/initiatives/:id/status: one move of the status machine (INITIATIVE_STATUS_TRANSITIONS). */
@ApiSchema({ name: 'ChangeInitiativeStatusRequest' })
export class ChangeInitiativeStatusDto {
  @ApiEnum(INITIATIVE_STATUSES, 'InitiativeStatus')
  @IsIn(INITIATIVE_STATUSES)
  to: InitiativeStatus;

  @VersionColumn()
  version: number;

  @ApiDate({
    required: false,
    description:
      'the day it took effect (default today): running records it as the start date when none is set; completed and stopped as the end date',
  })
  @Optional()
  @IsInitiativeDate()
  date?: string;

  @ApiText(INITIATIVE_TEXT_LIMITS.reason, { required: false, nullable: true, description: 'why: required to stop' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(INITIATIVE_TEXT_LIMITS.reason)
  reason?: string | null;
}
