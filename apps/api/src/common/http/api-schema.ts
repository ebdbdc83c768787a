import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/*
 * Property decorators that say in the OpenAPI document what the validators and the database
 * enforce: a length for every string, bounds and a format for every integer, a size for every
 * array. Response DTOs use them too, with the limits under which the values were written.
 */

export const INT32_MAX = 2_147_483_647;
/** JavaScript's safe integers: what a `bigint` id or counter can be in JSON here. */
export const INT53_MAX = Number.MAX_SAFE_INTEGER;
/** A UUID as text (8-4-4-4-12). */
export const UUID_LENGTH = 36;
/** `Date.toISOString()`: 2026-11-20T09:30:00.000Z (24); room for an offset or more digits. */
export const DATE_TIME_LENGTH = 35;
/** Email addresses: RFC 5321's path limit. */
export const EMAIL_LENGTH = 254;
/** Person and organization names, and names of reference data. */
export const NAME_LENGTH = 300;

export const ISTAT_MUNICIPALITY_PATTERN = '^[0-9]{6}$';
export const ISTAT_TENANT_PATTERN = '^[0-9]{3}$';
export const SOCIAL_AREA_CODE_PATTERN = '^[A-Za-z0-9_-]{1,64}$';
export const DATE_PATTERN = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';

type Options = Omit<ApiPropertyOptions, 'type' | 'enum' | 'enumName' | 'isArray'>;

/** A record id (UUID). */
export const ApiUuid = (options: Options = {}) =>
  ApiProperty({ type: 'string', format: 'uuid', minLength: UUID_LENGTH, maxLength: UUID_LENGTH, ...options } as ApiPropertyOptions);

/** A calendar date, YYYY-MM-DD. */
export const ApiDate = (options: Options = {}) =>
  ApiProperty({ type: 'string', format: 'date', minLength: 10, maxLength: 10, pattern: DATE_PATTERN, ...options } as ApiPropertyOptions);

/** An instant, ISO 8601 in UTC (`toISOString()`). */
export const ApiDateTime = (options: Options = {}) =>
  ApiProperty({ type: 'string', format: 'date-time', maxLength: DATE_TIME_LENGTH, ...options } as ApiPropertyOptions);

/** Text of at most `maxLength` characters. */
export const ApiText = (maxLength: number, options: Options = {}) =>
  ApiProperty({ type: 'string', maxLength, ...options } as ApiPropertyOptions);

/** A code matched by `pattern` (at most `maxLength` characters). */
export const ApiCode = (pattern: string, maxLength: number, options: Options = {}) =>
  ApiProperty({ type: 'string', pattern, maxLength, ...options } as ApiPropertyOptions);

/** The 6-digit ISTAT code of a municipality. */
export const ApiIstatMunicipality = (options: Options = {}) =>
  ApiCode(ISTAT_MUNICIPALITY_PATTERN, 6, { minLength: 6, example: '072006', ...options });

/** The 3-digit ISTAT code of a metropolitan city (province code + 200). */
export const ApiIstatTenant = (options: Options = {}) => ApiCode(ISTAT_TENANT_PATTERN, 3, { minLength: 3, example: '272', ...options });

/** The code of a social area (letters, digits, `_`, `-`). */
export const ApiSocialAreaCode = (options: Options = {}) =>
  ApiCode(SOCIAL_AREA_CODE_PATTERN, 64, { minLength: 1, example: 'ATS_BA_MOLFETTA', ...options });

/** An integer in [minimum, maximum]: int32 when it fits, int64 otherwise. */
export const ApiInt = (minimum: number, maximum: number, options: Options = {}) =>
  ApiProperty({
    type: 'integer',
    format: minimum >= -INT32_MAX - 1 && maximum <= INT32_MAX ? 'int32' : 'int64',
    minimum,
    maximum,
    ...options,
  } as ApiPropertyOptions);

/** A count (a PostgreSQL `int`). */
export const ApiCount = (options: Options = {}) => ApiInt(0, INT32_MAX, options);

/** The version of a record for optimistic locking: send back the one you loaded; a stale one is a 409. */
export const ApiVersion = (options: Options = {}) =>
  ApiInt(1, INT32_MAX, { description: 'optimistic locking: the version the client loaded (a stale one is a 409)', ...options });

/** A decimal number in [minimum, maximum]. */
export const ApiNumber = (minimum: number, maximum: number, options: Options = {}) =>
  ApiProperty({ type: 'number', format: 'double', minimum, maximum, ...options } as ApiPropertyOptions);

/** One value of a closed vocabulary (libs/contracts), as a named schema so that clients get one type for it. */
export const ApiEnum = (values: readonly string[], enumName: string, options: Options = {}) =>
  ApiProperty({ enum: values, enumName, ...options } as ApiPropertyOptions);

/** Several values of a closed vocabulary, each at most once. */
export const ApiEnumArray = (values: readonly string[], enumName: string, options: Options = {}) =>
  ApiProperty({ enum: values, enumName, isArray: true, maxItems: values.length, uniqueItems: true, ...options } as ApiPropertyOptions);

/** An array of objects of the class `type` (declared before use: not a lazy `() => Type`), at most `maxItems`. */
export const ApiArray = (type: new (...args: never[]) => unknown, maxItems: number, options: Options = {}) =>
  ApiProperty({ type, isArray: true, maxItems, ...options } as ApiPropertyOptions);

/** An array of strings described by `items` (maxLength, pattern, format), at most `maxItems`. */
export const ApiStringArray = (
  items: { maxLength: number; pattern?: string; format?: string; minLength?: number },
  maxItems: number,
  options: Options = {},
) => ApiProperty({ type: 'array', items: { type: 'string', ...items }, maxItems, ...options } as ApiPropertyOptions);

/** An object of activity counts, one integer per key (every key present): status, type, theme… */
export function ApiCountsBy(keys: readonly string[], what: string, counted = 'activities'): PropertyDecorator {
  return ApiProperty(countsBy(keys, what, counted));
}

function countsBy(keys: readonly string[], what: string, counted = 'activities'): ApiPropertyOptions {
  return {
    type: 'object',
    description: `number of ${counted} per ${what}; every key present`,
    properties: Object.fromEntries(keys.map((k) => [k, { type: 'integer' as const, format: 'int32', minimum: 0, maximum: INT32_MAX }])),
    required: [...keys],
    additionalProperties: false,
    // the property itself is required too (`required` above names its keys)
    selfRequired: true,
  };
}
