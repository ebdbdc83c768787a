import { describe, expect, it } from '@jest/globals';
import { areaOutlines } from './area-outlines';
import { mapStateFromParams, mapStateToParams } from './map-params';
import { bboxOf, extentOf, zoomOf } from './viewport';

const bounds = (w: number, s: number, e: number, n: number) => ({
  getWest: () => w,
  getSouth: () => s,
  getEast: () => e,
  getNorth: () => n,
});

describe('the map viewport', () => {
  it('writes the bbox clamped to the world, widened to 5 decimals', () => {
    expect(bboxOf(bounds(16.123456, 41.000001, 16.5, 41.2))).toBe('16.12345,41,16.5,41.2');
    expect(bboxOf(bounds(-250, -95, 300, 99))).toBe('-180,-90,180,90');
  });

  it('sends integer zooms within 0..22', () => {
    expect(zoomOf(9.4)).toBe(9);
    expect(zoomOf(-1)).toBe(0);
    expect(zoomOf(30)).toBe(22);
  });

  it('measures the extent of nested coordinates', () => {
    expect(
      extentOf([
        [
          [
            [16, 41],
            [17, 41.5],
            [16.5, 40.9],
          ],
        ],
        null,
      ]),
    ).toEqual([16, 40.9, 17, 41.5]);
    expect(extentOf([])).toBeNull();
  });
});

describe('the social areas’ outlines', () => {
  it('drops the borders shared inside an area and keeps the outer ones', () => {
    // two squares side by side in area A (shared edge x=1), one square in area B beside them
    const square = (x: number) => ({
      type: 'Polygon',
      coordinates: [
        [
          [x, 0],
          [x + 1, 0],
          [x + 1, 1],
          [x, 1],
          [x, 0],
        ],
      ],
    });
    const outlines = areaOutlines([
      { area: 'A', geometry: square(0) },
      { area: 'A', geometry: square(1) },
      { area: 'B', geometry: square(2) },
    ]);
    const a = outlines.get('A')!;
    expect(a).toHaveLength(6);
    expect(a.some(([p, q]) => p[0] === 1 && q[0] === 1)).toBe(false);
    expect(outlines.get('B')).toHaveLength(4);
  });
});

describe('the map page’s URL', () => {
  it('reads the layers, the view and the filters, ignoring unknown or unavailable layers', () => {
    const state = mapStateFromParams(
      new URLSearchParams('layers=activities,buildings,parks&view=list&type=workshop&from=2026-01-01&page=2'),
    );
    expect(state).toMatchObject({
      layers: ['buildings', 'activities'],
      mode: 'list',
      activities: { type: 'workshop', from: '2026-01-01' },
      page: 2,
    });
    expect(mapStateFromParams(new URLSearchParams('')).layers).toEqual(['buildings', 'organizations', 'activities']);
    // the buildings' filters carry a prefix: the same names as the activities' would clash
    const both = mapStateFromParams(new URLSearchParams('municipality=072029&b.municipality=072006&b.stage=assigned'));
    expect(both.activities.municipality).toBe('072029');
    expect(both.buildings).toMatchObject({ municipality: '072006', stage: 'assigned' });
  });

  it('writes only what differs from the defaults, in the lists’ parameter names', () => {
    const state = {
      layers: ['buildings', 'organizations', 'activities'] as const,
      mode: 'map' as const,
      activities: { status: 'approved' as const, q: 'orti' },
      buildings: { stage: 'assigned' as const },
      organizations: {},
      page: 1,
    };
    expect(mapStateToParams({ ...state, layers: [...state.layers] }).toString()).toBe('q=orti&status=approved&b.stage=assigned');
    expect(mapStateToParams({ layers: [], mode: 'list', activities: {}, buildings: {}, organizations: {}, page: 3 }).toString()).toBe(
      'layers=&view=list&page=3',
    );
  });
});
