import { type PipeTransform } from '@nestjs/common';
import { INDICATOR_CODE_PATTERN } from '@trama/contracts';
import { IndicatorErrors } from './indicators.errors';

/** An indicator code in the path: anything that cannot be a code cannot exist, so it is a 404 like an unknown code. */
export const CodeParam = (): PipeTransform<string, string> => ({
  transform(value: string): string {
    if (typeof value !== 'string' || !INDICATOR_CODE_PATTERN.test(value)) throw IndicatorErrors.INDICATOR_NOT_FOUND();
    return value;
  },
});
