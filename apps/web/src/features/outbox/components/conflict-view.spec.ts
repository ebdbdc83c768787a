import { describe, expect, it } from '@jest/globals';
import { differingFields } from './conflict-view';

describe('a conflict’s differing fields', () => {
  it('compares my fields with theirs by value (lists in order, objects whatever their key order)', () => {
    const mine = { name: 'Mia', location: { lat: 41.1, lon: 16.8 }, themes: ['youth'], notes: null, owner: 'Comune' };
    const theirs = { name: 'Loro', location: { lon: 16.8, lat: 41.1 }, themes: ['youth', 'culture'], owner: 'Comune', version: 4 };
    expect(differingFields(mine, theirs)).toEqual(['name', 'themes']);
  });
});
