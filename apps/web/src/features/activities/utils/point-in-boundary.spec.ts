import { describe, expect, it } from '@jest/globals';
import { pointInBoundary } from './point-in-boundary';

const square = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];

describe('pointInBoundary', () => {
  const withHole = { type: 'Polygon', coordinates: [square(16.8, 41.0, 17.0, 41.2), square(16.85, 41.05, 16.9, 41.1)] };
  it('is true inside, false outside and inside a hole, null without a polygon', () => {
    expect(pointInBoundary({ lat: 41.15, lon: 16.95 }, withHole)).toBe(true);
    expect(pointInBoundary({ lat: 41.3, lon: 16.95 }, withHole)).toBe(false);
    expect(pointInBoundary({ lat: 41.07, lon: 16.87 }, withHole)).toBe(false);
    expect(pointInBoundary({ lat: 41.07, lon: 16.87 }, null)).toBeNull();
    expect(pointInBoundary({ lat: 41.07, lon: 16.87 }, { type: 'Point', coordinates: [16.87, 41.07] })).toBeNull();
  });
  it('reads every polygon of a MultiPolygon (exclaves)', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[square(16.0, 41.0, 16.1, 41.1)], [square(17.0, 41.0, 17.1, 41.1)]] };
    expect(pointInBoundary({ lat: 41.05, lon: 17.05 }, multi)).toBe(true);
    expect(pointInBoundary({ lat: 41.05, lon: 16.5 }, multi)).toBe(false);
  });
});
