import { splitEvenly } from './projects-indicators.service';

describe('splitEvenly', () => {
  it('splits cents into whole-cent parts that add up, the odd cents to the first parts', () => {
    expect(splitEvenly(10_000, 3)).toEqual([3334, 3333, 3333]);
    expect(splitEvenly(10_001, 2)).toEqual([5001, 5000]);
    expect(splitEvenly(2, 3)).toEqual([1, 1, 0]);
    expect(splitEvenly(0, 4)).toEqual([0, 0, 0, 0]);
  });

  it('gives nothing to split over no municipality', () => {
    expect(splitEvenly(500, 0)).toEqual([]);
  });

  it('keeps the sum for any count', () => {
    for (const n of [1, 2, 7, 41]) {
      const parts = splitEvenly(41_224_884, n);
      expect(parts.reduce((a, b) => a + b, 0)).toBe(41_224_884);
      expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
    }
  });
});
