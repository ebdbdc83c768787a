import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min, registerDecorator, ValidateIf } from 'class-validator';
import { ApiInt, ApiNumber, ApiVersion, INT32_MAX } from './api-schema';

/*
 * The validation layer every DTO inherits: one decorator per kind of field, each putting the
 * class-validator rules AND the matching OpenAPI bounds on the property (through api-schema.ts),
 * so that the document says what the validator enforces. DTOs use these instead of
 * class-validator's `IsOptional`, `IsInt` and `IsNumber` (a lint rule says so):
 *
 * - `Optional()`: the field may be left out, but not sent as `null` (for PATCH, `null` for a
 *   NOT NULL column reached the database: a 500); `Optional({ nullable: true })` where `null`
 *   means "clear it" and the document says `nullable`;
 * - `IntColumn(min, max)`: an integer within its PostgreSQL `int` column (at most 2^31 − 1
 *   unless a lower bound applies); 1e308 and 2^63 are a 400, never an overflow in the query;
 *   `VersionColumn()` for the optimistic-locking `version`;
 * - `QueryInt(min, max)`: the same for a query-string parameter, which must be written as a
 *   decimal integer (`0x10`, `1e3`, ` 1` and the empty string are refused, not coerced);
 * - `NumberColumn(min, max)`: a finite decimal number within bounds.
 *
 * Text integrity (no NUL, no unpaired surrogate) and the nesting depth are checked before any DTO
 * (`request-input.ts`); page bounds live in `PageQuery` (pagination.ts).
 */

/** The largest value of a PostgreSQL `int` (int4) column. */
export const INT4_MAX = INT32_MAX;
export const INT4_MIN = -INT32_MAX - 1;

type ApiOptions = Omit<ApiPropertyOptions, 'type' | 'enum' | 'enumName' | 'isArray' | 'minimum' | 'maximum'>;

/** The constraint name of the null refusal: the validation pipe reports only its message for a null field. */
export const NOT_NULL = 'notNull';

/** Refuses `null` with a message that says so (the other validators of the field are then not reported). */
function NotNull(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: NOT_NULL,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must not be null (leave it out to keep the current value)` },
      validator: { validate: (value: unknown) => value !== null },
    });
}

/**
 * A field that may be left out. Without `nullable`, `null` is refused (400); with it, `null` is
 * accepted (and skips the other validators), and the document says `nullable: true`.
 */
export function Optional(options: { nullable?: boolean } = {}): PropertyDecorator {
  const api = ApiProperty({ required: false, ...(options.nullable ? { nullable: true } : {}) } as ApiPropertyOptions);
  if (options.nullable) return applyDecorators(IsOptional(), api);
  return applyDecorators(
    ValidateIf((_object: unknown, value: unknown) => value !== undefined),
    NotNull(),
    api,
  );
}

function checkBounds(min: number, max: number, low: number, high: number, what: string): void {
  if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max && min >= low && max <= high)) {
    throw new Error(`${what}(${min}, ${max}): bounds must be finite, ordered and within ${low}..${high}`);
  }
}

export interface IntOptions extends ApiOptions {
  /** the message when the value is above `max` (default: "<field> must not be greater than <max>") */
  tooLarge?: string;
}

const intRules = (min: number, max: number, tooLarge?: string) =>
  [IsInt(), Min(min), Max(max, tooLarge ? { message: tooLarge } : undefined)] as const;

/** An integer stored in an `int` column (or compared with one), within [min, max]; `options` go to its OpenAPI property. */
export function IntColumn(min: number, max: number = INT4_MAX, options: IntOptions = {}): PropertyDecorator {
  checkBounds(min, max, INT4_MIN, INT4_MAX, 'IntColumn');
  const { tooLarge, ...api } = options;
  return applyDecorators(...intRules(min, max, tooLarge), ApiInt(min, max, api));
}

/** The `version` a write is based on (optimistic locking): an `int` from 1. */
export function VersionColumn(options: ApiOptions = {}): PropertyDecorator {
  return applyDecorators(...intRules(1, INT4_MAX), ApiVersion(options));
}

const DECIMAL_INTEGER = /^[+-]?\d{1,20}$/;

/**
 * A query-string integer: decimal digits only become a number; anything else stays text, for
 * `IsInt` to refuse with the field's name. (`@Type(() => Number)` turned `0x10` into 16, `1e3`
 * into 1000 and the empty string into 0.)
 */
export function QueryInt(min: number, max: number = INT4_MAX, options: IntOptions = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' && DECIMAL_INTEGER.test(value) ? Number(value) : value)),
    IntColumn(min, max, options),
  );
}

/** A finite decimal number within [min, max] (a `double precision` or `numeric` column). */
export function NumberColumn(min: number, max: number, options: ApiOptions = {}): PropertyDecorator {
  checkBounds(min, max, -Number.MAX_VALUE, Number.MAX_VALUE, 'NumberColumn');
  return applyDecorators(IsNumber({ allowNaN: false, allowInfinity: false }), Min(min), Max(max), ApiNumber(min, max, options));
}
