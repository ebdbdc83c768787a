import { HOME_DEFAULT_STALE_DAYS, HOME_MAX_STALE_DAYS } from '@trama/contracts';
import { registerDecorator, type ValidationArguments } from 'class-validator';
import { ApiDate } from '../../../common/http/api-schema';
import { IsDateOnly } from '../../../common/http/date-only';
import { Optional, QueryInt } from '../../../common/http/fields';

/** Years a home's dates may name. */
export const HOME_YEARS = { min: 2000, max: 2100 };

/** `GET /api/home/innovator?staleDays=`, `GET /api/home/coordinator?staleDays=` */
export class HomeStaleQueryDto {
  @QueryInt(1, HOME_MAX_STALE_DAYS, {
    required: false,
    description: 'Not visited / not active lately: no activity in the last staleDays days, today included (Italian time)',
    default: HOME_DEFAULT_STALE_DAYS,
  })
  @Optional()
  staleDays: number = HOME_DEFAULT_STALE_DAYS;
}

/** On `to`: not before `from` (silent while either is missing or malformed: those have their own message or default). */
function IsNotBeforeFrom(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBeforeFrom',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: 'to must be on or after from' },
      validator: {
        validate: (to: unknown, args: ValidationArguments) => {
          const from = (args.object as { from?: unknown }).from;
          return typeof from !== 'string' || typeof to !== 'string' || from <= to;
        },
      },
    });
}

/** `GET /api/home/municipality?from=&to=` */
export class HomeTerritoryQueryDto {
  @ApiDate({ required: false, description: 'First day of the period (inclusive); default: 89 days before `to` (the last 90 days)' })
  @Optional()
  @IsDateOnly(HOME_YEARS)
  from?: string;

  @ApiDate({ required: false, description: 'Last day of the period (inclusive), not before `from`; default: today (Italian time)' })
  @Optional()
  @IsDateOnly(HOME_YEARS)
  @IsNotBeforeFrom()
  to?: string;
}
