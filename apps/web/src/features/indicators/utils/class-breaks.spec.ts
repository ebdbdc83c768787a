import { describe, expect, it } from '@jest/globals';
import { classify, CLASS_PALETTE, paletteFor } from './class-breaks';

describe('classify', () => {
  it('cuts ten values into five classes of two, low to high, with the viridis colours in order', () => {
    const { classes } = classify([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 2, 2],
      [3, 4, 2],
      [5, 6, 2],
      [7, 8, 2],
      [9, 10, 2],
    ]);
    expect(classes.map((c) => c.color)).toEqual([...CLASS_PALETTE]);
  });

  it('leaves missing values out of every class and counts them apart: missing is not zero', () => {
    const result = classify([0, null, 4, undefined, 8]);
    expect(result.missing).toBe(2);
    expect(result.classOf(null)).toBeNull();
    expect(result.classOf(undefined)).toBeNull();
    expect(result.classOf(0)?.index).toBe(1);
    expect(result.classes.map((c) => c.min)).toEqual([0, 4, 8]);
  });

  it('gives one class per value when there are fewer distinct values than classes, spread over the whole ramp', () => {
    const { classes } = classify([3, 3, 7]);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [3, 3, 2],
      [7, 7, 1],
    ]);
    expect(classes.map((c) => c.color)).toEqual([CLASS_PALETTE[0], CLASS_PALETTE[4]]);
  });

  it('never puts equal values in two classes', () => {
    const values = [1, 1, 1, 1, 1, 1, 2, 3, 4, 5, 6, 7];
    const { classes, classOf } = classify(values);
    const ones = new Set(values.filter((v) => v === 1).map((v) => classOf(v)?.index));
    expect(ones.size).toBe(1);
    expect(classes[0]).toMatchObject({ min: 1, max: 1, count: 6 });
    expect(classes.reduce((n, c) => n + c.count, 0)).toBe(values.length);
    for (let i = 1; i < classes.length; i++) expect(classes[i].min).toBeGreaterThan(classes[i - 1].max);
  });

  it('classifies every value into the class whose range holds it', () => {
    const values = [12, 0.5, 33, 7, 7, 19, 2, 41, 25, 3, 15];
    const { classes, classOf } = classify(values);
    expect(classes).toHaveLength(5);
    for (const v of values) {
      const c = classOf(v);
      expect(c).not.toBeNull();
      expect(v).toBeGreaterThanOrEqual(c!.min);
      expect(v).toBeLessThanOrEqual(c!.max);
    }
  });

  it('has no class at all when every value is missing', () => {
    const result = classify([null, null]);
    expect(result.classes).toEqual([]);
    expect(result.missing).toBe(2);
    expect(result.classOf(5)).toBeNull();
  });
});

describe('paletteFor', () => {
  it('uses the middle of the ramp for a single class and both ends for two', () => {
    expect(paletteFor(1)).toEqual([CLASS_PALETTE[2]]);
    expect(paletteFor(2)).toEqual([CLASS_PALETTE[0], CLASS_PALETTE[4]]);
    expect(paletteFor(5)).toEqual([...CLASS_PALETTE]);
  });
});
