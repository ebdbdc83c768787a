import { Transform } from 'class-transformer';

/** Trims and lower-cases an email (stored lower-case, unique across the platform). */
export const NormalizeEmail = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value));

/** Query-string booleans: `true`/`false` become booleans; anything else is left for @IsBoolean to reject. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
