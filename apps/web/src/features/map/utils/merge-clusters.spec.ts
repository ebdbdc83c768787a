import { describe, expect, it } from '@jest/globals';
import type { LayerCollection, LayerFeature } from '../api/types';
import { countsByCategory } from '../components/map-legend';
import { mergeNearClusters } from './merge-clusters';

function cluster(lon: number, lat: number, categories: Record<string, number>, expansionZoom = 11): LayerFeature {
  const count = Object.values(categories).reduce((a, b) => a + b, 0);
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { cluster: true, count, categories, bbox: [lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01], expansionZoom },
  };
}

function record(id: string, lon: number, lat: number, category: string | null): LayerFeature {
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: { cluster: false, count: 1, id, category, label: id },
  };
}

function collection(features: LayerFeature[], clustered = true): LayerCollection {
  return {
    type: 'FeatureCollection',
    total: features.reduce((n, f) => n + f.properties.count, 0),
    clustered,
    zoom: 9,
    bbox: [15.9, 40.6, 17.6, 41.5],
    features,
  };
}

const sum = (c: LayerCollection) => c.features.reduce((n, f) => n + f.properties.count, 0);

// at zoom 9 a screen pixel is 360° / (256 · 2⁹) ≈ 0.00275° of longitude: 0.02° ≈ 7 px, 0.4° ≈ 145 px
describe('mergeNearClusters (supercluster over the server’s clusters)', () => {
  it('merges clusters drawn close on both sides of a cell border, summing counts and categories exactly', () => {
    const input = collection([
      cluster(16.8, 41.1, { workshop: 120, meeting: 30 }),
      cluster(16.82, 41.1, { workshop: 5, event: 7 }, 13),
      record('r1', 16.81, 41.105, 'meeting'),
      cluster(17.2, 41.1, { event: 40 }),
      record('far', 16.2, 40.9, null),
    ]);
    const merged = mergeNearClusters(input);
    expect(merged.features).toHaveLength(3);
    expect(sum(merged)).toBe(input.total);
    expect(merged.total).toBe(input.total);
    // the legend's counts are those of the server's answer
    expect(Object.fromEntries(countsByCategory(merged))).toEqual(Object.fromEntries(countsByCategory(input)));
    const big = merged.features.find((f) => f.properties.count === 150 + 12 + 1)!;
    expect(big.properties).toMatchObject({
      cluster: true,
      categories: { workshop: 125, meeting: 31, event: 7 },
      bbox: [expect.closeTo(16.79, 9), expect.closeTo(41.09, 9), expect.closeTo(16.83, 9), expect.closeTo(41.11, 9)],
      expansionZoom: 13,
    });
    for (const f of merged.features.filter((x) => x.properties.cluster))
      expect(Object.values(f.properties.categories!).reduce((a, b) => a + b, 0)).toBe(f.properties.count);
    // the merged cluster lies at the mean point of its records (weighted by count)
    const [lon] = big.geometry.coordinates;
    expect(lon).toBeCloseTo((16.8 * 150 + 16.82 * 12 + 16.81) / 163, 6);
    // features far apart are returned as the server sent them
    expect(merged.features).toContain(input.features[3]);
    expect(merged.features).toContain(input.features[4]);
  });

  it('sums to the total for many clusters on a grid of 64 px cells', () => {
    const features: LayerFeature[] = [];
    // a 20 × 15 grid, 64 px apart at zoom 9 (0.176°), each cluster nudged towards a corner of its cell
    for (let i = 0; i < 20; i++)
      for (let j = 0; j < 15; j++)
        features.push(cluster(15 + i * 0.176 + (i % 2 ? 0.08 : -0.08), 40 + j * 0.13 + (j % 2 ? 0.06 : -0.06), { a: 1 + i, b: j }));
    const input = collection(features);
    const merged = mergeNearClusters(input);
    expect(merged.features.length).toBeLessThan(input.features.length);
    expect(sum(merged)).toBe(input.total);
    expect(Object.fromEntries(countsByCategory(merged))).toEqual(Object.fromEntries(countsByCategory(input)));
  });

  it('leaves an answer of single records (not clustered) as it is', () => {
    const input = collection([record('a', 16.8, 41.1, 'workshop'), record('b', 16.8001, 41.1, 'meeting')], false);
    expect(mergeNearClusters(input)).toBe(input);
  });
});
