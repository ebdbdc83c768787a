import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { ASSIGNMENT_INSTRUMENTS, type AssignmentInstrument, REUSE_STAGES, type ReuseStage } from '@trama/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { ApiDate, ApiEnum, ApiText, ApiUuid } from '../../../common/http/api-schema';
import { Optional, VersionColumn } from '../../../common/http/fields';
import { TrimToNull } from '../../../common/http/trim';
import { NotBefore } from '../../activities/dto/validators';
import { BUILDING_TEXT_LIMITS, IsRegisterDate } from './create-building.dto';

/** The assignment of a building moving to `assigned`: every field is required then (400 naming each missing one). */
@ApiSchema({ name: 'BuildingAssignmentRequest' })
export class AssignmentDto {
  @ApiUuid({ required: false, description: 'the assignee organization (of the same tenant)' })
  @Optional()
  @IsUUID('all')
  organization?: string;

  @ApiEnum(ASSIGNMENT_INSTRUMENTS, 'AssignmentInstrument', { required: false })
  @Optional()
  @IsIn(ASSIGNMENT_INSTRUMENTS)
  instrument?: AssignmentInstrument;

  @ApiDate({ required: false })
  @Optional()
  @IsRegisterDate()
  startDate?: string;

  @ApiDate({ required: false, description: 'not before startDate' })
  @Optional()
  @IsRegisterDate()
  @NotBefore('startDate')
  endDate?: string;
}

/**
 * POST /api/buildings/:id/stage: one move of the reuse pipeline (`REUSE_STAGE_TRANSITIONS`).
 * `discarded` needs `reason`; `assigned` needs `assignment`; `active` records `openingDate` (default today).
 */
@ApiSchema({ name: 'MoveBuildingStageRequest' })
export class MoveStageDto {
  @ApiEnum(REUSE_STAGES, 'ReuseStage')
  @IsIn(REUSE_STAGES)
  to: ReuseStage;

  @VersionColumn()
  version: number;

  @ApiText(BUILDING_TEXT_LIMITS.reason, { required: false, nullable: true, description: 'why; required to discard' })
  @Optional({ nullable: true })
  @TrimToNull()
  @IsString()
  @MaxLength(BUILDING_TEXT_LIMITS.reason)
  reason?: string | null;

  @ApiProperty({ type: () => AssignmentDto, required: false, description: 'required to move to assigned' })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => AssignmentDto)
  assignment?: AssignmentDto;

  @ApiDate({ required: false, description: 'moving to active: the opening day (default: today, in Italy)' })
  @Optional()
  @IsRegisterDate()
  openingDate?: string;
}
