import { type BoundaryOf, touchingPairs } from './neighbours';

const square = (id: string, x: number, y: number, size = 1): BoundaryOf => ({
  id,
  boundary: {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [x, y],
          [x + size, y],
          [x + size, y + size],
          [x, y + size],
          [x, y],
        ],
      ],
    ],
  },
  simplified: null,
  min_lon: x,
  min_lat: y,
  max_lon: x + size,
  max_lat: y + size,
});

describe('neighbouring municipalities', () => {
  it('pairs the boundaries that touch (an edge or a corner), never those apart or without a boundary', () => {
    const pairs = touchingPairs([
      square('a', 16, 41),
      square('b', 17, 41), // shares an edge with a
      square('c', 17, 42), // touches a at a corner, b along an edge
      square('d', 19, 41), // apart
      { ...square('e', 16, 40), boundary: null, simplified: null }, // no boundary
    ]);
    expect(pairs).toEqual([
      ['a', 'b'],
      ['a', 'c'],
      ['b', 'c'],
    ]);
  });

  it('uses the simplified boundary when there is no full one', () => {
    const b = square('b', 17, 41);
    expect(touchingPairs([square('a', 16, 41), { ...b, simplified: b.boundary, boundary: null }])).toEqual([['a', 'b']]);
  });
});
