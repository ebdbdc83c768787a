import { registerDecorator, type ValidationOptions } from 'class-validator';
import { Transform } from 'class-transformer';
import { IsDateOnly } from '../../../common/http/date-only';

/** Initiative dates: real calendar dates between 1990 (initiatives mapped years after they began) and 2100. */
export const IsInitiativeDate = () => IsDateOnly({ min: 1990, max: 2100 });

/** At most `places` decimal places (euros: cents). */
export function MaxDecimals(places: number, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'maxDecimals',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must have at most ${places} decimal places`, ...options },
      validator: {
        validate: (value: unknown) => typeof value !== 'number' || Math.abs(Math.round(value * 10 ** places) - value * 10 ** places) < 1e-6,
      },
    });
}

/** A code written in capitals whatever was typed (spaces around dropped; blank stays blank, for the pattern to refuse: send null to clear). */
export const UpperCode = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value));
