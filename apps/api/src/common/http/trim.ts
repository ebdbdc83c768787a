import { Transform } from 'class-transformer';

/** Trims strings (other types pass through unchanged, for the type validators to reject). */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** Trims strings and turns an empty one into null (optional texts: "" means "nothing"). */
export const TrimToNull = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() || null : value));
