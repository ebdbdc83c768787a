import { PARTICIPANT_GROUPS } from '@trama/contracts';
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { IsDateOnly } from '../../../common/http/date-only';

/** Activity dates: real calendar dates between 2000 and 2100. */
export const IsActivityDate = () => IsDateOnly({ min: 2000, max: 2100 });

/** `to` may not precede `from` (both YYYY-MM-DD strings, so they compare as text). */
export function NotBefore(otherProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [otherProperty],
      options: { message: `${String(propertyName)} must not be before ${otherProperty}`, ...options },
      validator: {
        validate: (value: unknown, args: ValidationArguments) => {
          const other = (args.object as Record<string, unknown>)[otherProperty];
          return typeof value !== 'string' || typeof other !== 'string' || value >= other;
        },
      },
    });
}

/**
 * One value of this property is only meaningful with another property set to a given value
 * (`sort=submitted` orders the review queue: it needs `status=submitted`).
 */
export function OnlyWith(value: string, otherProperty: string, otherValue: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'onlyWith',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [value, otherProperty, otherValue],
      options: { message: `${String(propertyName)}=${value} requires ${otherProperty}=${otherValue}`, ...options },
      validator: {
        validate: (actual: unknown, args: ValidationArguments) =>
          actual !== value || (args.object as Record<string, unknown>)[otherProperty] === otherValue,
      },
    });
}

/** The participant groups together may not exceed the total (a person is counted in one group at most). */
export function GroupsWithinTotal(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'groupsWithinTotal',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)}: the groups together must not exceed the total`, ...options },
      validator: {
        validate: (value: unknown) => {
          if (!value || typeof value !== 'object') return true; // reported by the type validators
          const record = value as Record<string, unknown>;
          if (typeof record.total !== 'number') return true;
          const sum = PARTICIPANT_GROUPS.reduce((s, g) => s + (typeof record[g] === 'number' ? (record[g] as number) : 0), 0);
          return sum <= record.total;
        },
      },
    });
}
