import { applyDecorators } from '@nestjs/common';
import { IsString, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { ApiText } from '../http/api-schema';
import { Optional } from '../http/fields';

/** [minLon, minLat, maxLon, maxLat] (WGS84), the order of GeoJSON bbox and of the `bbox` query parameter. */
export type Bbox = [number, number, number, number];

const NUMBER = /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/;

/**
 * Parses `minLon,minLat,maxLon,maxLat`. Null unless there are four plain decimal numbers with
 * longitudes in [-180, 180], latitudes in [-90, 90] and min ≤ max (no antimeridian crossing): a
 * box larger than the world or inverted is refused.
 */
export function parseBbox(text: string): Bbox | null {
  const parts = text.split(',');
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return null;
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number);
  const lonOk = (v: number) => v >= -180 && v <= 180;
  const latOk = (v: number) => v >= -90 && v <= 90;
  if (!lonOk(minLon) || !lonOk(maxLon) || !latOk(minLat) || !latOk(maxLat)) return null;
  if (minLon > maxLon || minLat > maxLat) return null;
  return [minLon, minLat, maxLon, maxLat];
}

@ValidatorConstraint({ name: 'bbox' })
export class BboxConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && parseBbox(value) !== null;
  }

  defaultMessage(): string {
    return 'bbox must be minLon,minLat,maxLon,maxLat: four numbers, longitudes in -180..180, latitudes in -90..90, min ≤ max';
  }
}

export const BBOX_PATTERN = '^-?[0-9]+(\\.[0-9]+)?(,-?[0-9]+(\\.[0-9]+)?){3}$';

/** The `bbox` query parameter: required (a map layer) or optional (a list narrowed to what a map shows). */
export function BboxParam(options: { required: boolean; description: string }): PropertyDecorator {
  const api = ApiText(200, {
    required: options.required,
    pattern: BBOX_PATTERN,
    description: options.description,
    example: '16.5,41.1,16.65,41.25',
  });
  return options.required
    ? applyDecorators(api, IsString(), Validate(BboxConstraint))
    : applyDecorators(api, Optional(), IsString(), Validate(BboxConstraint));
}

/** `?bbox=` on a list or an export: only the records whose point lies in the box (records without a point are left out). */
export class BboxFilterQuery {
  @BboxParam({
    required: false,
    description: 'minLon,minLat,maxLon,maxLat (WGS84): only the records whose point lies in this box (the list of what a map shows)',
  })
  bbox?: string;
}
