import { applyDecorators } from '@nestjs/common';
import { ApiSchema } from '@nestjs/swagger';
import { PROJECT_MAX_AMOUNT } from '@trama/contracts';
import { ApiDate } from '../../../common/http/api-schema';
import { NumberColumn, Optional, VersionColumn } from '../../../common/http/fields';
import { IsInitiativeDate, MaxDecimals } from '../../initiatives/dto/validators';

const Amount = (description: string) =>
  applyDecorators(NumberColumn(0, PROJECT_MAX_AMOUNT, { description: `${description}, euros (2 decimal places at most)` }), MaxDecimals(2));

/**
 * POST /api/projects/:id/progress: one dated snapshot of the financial progress. Hard rules (400 naming
 * the field): amounts ≥ 0, committed ≤ admitted, paid ≤ committed, one snapshot per date, no future
 * date. `version` is optional: when sent and stale, 409.
 */
@ApiSchema({ name: 'AddProjectProgressRequest' })
export class AddProjectProgressDto {
  @ApiDate({ example: '2019-12-31', description: 'the day the figures refer to (not in the future)' })
  @IsInitiativeDate()
  date: string;

  @Amount('programmed (programmato)')
  programmed: number;

  @Amount('admitted to funding (ammesso a finanziamento)')
  admitted: number;

  @Amount('legally committed (impegni giuridicamente vincolanti), not above admitted')
  committed: number;

  @Amount('paid (pagamenti), not above committed')
  paid: number;

  @VersionColumn({ required: false, description: 'the project version you loaded; when sent and stale: 409' })
  @Optional()
  version?: number;
}
