import { ApiSchema } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiInt } from '../../../common/http/api-schema';

export const MAX_PARTICIPANTS = 1_000_000;

const group = (description?: string) =>
  ApiInt(0, MAX_PARTICIPANTS, { required: false, nullable: true, ...(description ? { description } : {}) });

/** How many took part, in total and (optionally) by group; the groups together never exceed the total. `null` clears a group. */
@ApiSchema({ name: 'ParticipantsInput' })
export class ParticipantsDto {
  @ApiInt(0, MAX_PARTICIPANTS)
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  total: number;

  @group()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  citizens?: number;

  @group()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  youth?: number;

  @group()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  families?: number;

  @group('third-sector bodies (ETS)')
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  ets?: number;

  @group()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  businesses?: number;

  @group()
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PARTICIPANTS)
  publicStaff?: number;
}

const counted = (description?: string) => ApiInt(0, MAX_PARTICIPANTS, { required: false, ...(description ? { description } : {}) });

/** Participants as stored: a group that was not counted is absent. */
@ApiSchema({ name: 'Participants' })
export class ParticipantsResponseDto {
  @ApiInt(0, MAX_PARTICIPANTS) total: number;
  @counted() citizens?: number;
  @counted() youth?: number;
  @counted() families?: number;
  @counted('third-sector bodies (ETS)') ets?: number;
  @counted() businesses?: number;
  @counted() publicStaff?: number;
}
