import { applyDecorators } from '@nestjs/common';
import { ApiSchema } from '@nestjs/swagger';
import { ApiInt } from '../../../common/http/api-schema';
import { IntColumn, Optional } from '../../../common/http/fields';

export const MAX_PARTICIPANTS = 1_000_000;

const group = (description?: string) =>
  applyDecorators(
    Optional({ nullable: true }),
    IntColumn(0, MAX_PARTICIPANTS, { required: false, nullable: true, ...(description ? { description } : {}) }),
  );

/** How many took part, in total and (optionally) by group; the groups together never exceed the total. `null` clears a group. */
@ApiSchema({ name: 'ParticipantsInput' })
export class ParticipantsDto {
  @IntColumn(0, MAX_PARTICIPANTS)
  total: number;

  @group()
  citizens?: number;

  @group()
  youth?: number;

  @group()
  families?: number;

  @group('third-sector bodies (ETS)')
  ets?: number;

  @group()
  businesses?: number;

  @group()
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
