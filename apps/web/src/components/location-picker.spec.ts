import { describe, expect, it } from '@jest/globals';
import { parseCoordinate, pointOf } from './location-picker';

describe('the location picker’s typed point', () => {
  it('reads decimals written with a point or an Italian comma', () => {
    expect(parseCoordinate('41,2005')).toBe(41.2005);
    expect(parseCoordinate(' 16.5982 ')).toBe(16.5982);
    expect(parseCoordinate('41,2,3')).toBeNaN();
    expect(parseCoordinate('')).toBeNaN();
  });

  it('is a point only when both coordinates are readable and inside Italy', () => {
    expect(pointOf({ lat: '41,2005', lon: '16,5982' })).toEqual({ lat: 41.2005, lon: 16.5982 });
    expect(pointOf({ lat: '41.2', lon: '' })).toBeNull();
    expect(pointOf({ lat: '51.5', lon: '-0.12' })).toBeNull();
  });
});
