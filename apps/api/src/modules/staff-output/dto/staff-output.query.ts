import { STAFF_OUTPUT_DEFAULT_STALE_DAYS, STAFF_OUTPUT_MAX_STALE_DAYS, STAFF_OUTPUT_MAX_YEARS } from '@trama/contracts';
import { IsString, Matches, registerDecorator, type ValidationArguments } from 'class-validator';
import { ApiDate, ApiIstatTenant } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { addYears, isDateOnly, PERIOD_YEARS } from '../staff-output-dates';
import { Optional, QueryInt } from '../../../common/http/fields';

/** On `to`: not before `from`, and less than STAFF_OUTPUT_MAX_YEARS after it. Silent while either date is malformed (that has its own message). */
function IsPeriodEnd(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isPeriodEnd',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (to: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          if (!isDateOnly(from) || !isDateOnly(to)) return true;
          return from <= to && to < addYears(from, STAFF_OUTPUT_MAX_YEARS);
        },
        defaultMessage: (args: ValidationArguments) => {
          const from = (args.object as { from: string }).from;
          return from > String(args.value)
            ? 'to must be on or after from'
            : `the period may span at most ${STAFF_OUTPUT_MAX_YEARS} years: to must be before ${addYears(from, STAFF_OUTPUT_MAX_YEARS)}`;
        },
      },
    });
}

/** `GET /api/staff-output?from=&to=&staleDays=&tenant=` */
export class StaffOutputQueryDto {
  @ApiDate({ description: 'First day of the period (inclusive)', example: '2026-01-01' })
  @IsDateOnly(PERIOD_YEARS)
  from: string;

  @ApiDate({
    description: `Last day of the period (inclusive): not before \`from\`, less than ${STAFF_OUTPUT_MAX_YEARS} years after it`,
    example: '2026-03-31',
  })
  @IsDateOnly(PERIOD_YEARS)
  @IsPeriodEnd()
  to: string;

  @QueryInt(1, STAFF_OUTPUT_MAX_STALE_DAYS, {
    required: false,
    description: 'An assigned municipality is "not visited" when the innovator has no activity there in the last staleDays days up to `to`',
    default: STAFF_OUTPUT_DEFAULT_STALE_DAYS,
  })
  @Optional()
  staleDays: number = STAFF_OUTPUT_DEFAULT_STALE_DAYS;

  @ApiIstatTenant({
    required: false,
    description: 'Admins (required for them): the metropolitan city, by ISTAT code. Others: their own, or omitted.',
  })
  @Optional()
  @IsString()
  @Matches(/^\d{3}$/, { message: 'tenant must be the 3-digit ISTAT code of a metropolitan city' })
  tenant?: string;
}
