import { describe, expect, it } from '@jest/globals';
import { areaOutlines } from './area-outlines';
import { categoryColor, LAYER_DEFINITIONS } from './layers';
import { mapStateFromParams, mapStateToParams } from './map-params';
import { reuseBandOf } from './reuse-band';
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

describe('the reuse layer', () => {
  const TODAY = '2026-12-06';
  it('is off by default, on when the URL names it, and written when on', () => {
    expect(mapStateFromParams(new URLSearchParams(''), TODAY).layers).not.toContain('reuse');
    const on = mapStateFromParams(new URLSearchParams('layers=buildings,reuse&b.condition=good'), TODAY);
    expect(on).toMatchObject({ layers: ['buildings', 'reuse'], buildings: { condition: 'good' } });
    expect(mapStateToParams(on, TODAY).get('layers')).toBe('buildings,reuse');
  });

  it('bands a score as the server does, and colours each band on its own scale', () => {
    expect([null, 0, 39, 40, 59, 60, 79, 80, 100].map(reuseBandOf)).toEqual([
      'unscored',
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'very_high',
      'very_high',
    ]);
    const colours = LAYER_DEFINITIONS.reuse.categories.map((c) => categoryColor(LAYER_DEFINITIONS.reuse, c));
    expect(new Set(colours).size).toBe(5);
    expect(categoryColor(LAYER_DEFINITIONS.reuse, 'unscored')).toBe('#FFFFFF');
  });
});

describe('the map page’s URL', () => {
  const TODAY = '2026-12-06';
  it('reads the layers, the view and the filters, ignoring unknown or unavailable layers', () => {
    const state = mapStateFromParams(
      new URLSearchParams('layers=activities,buildings,parks&view=list&type=workshop&from=2026-01-01&page=2'),
      TODAY,
    );
    expect(state).toMatchObject({
      layers: ['buildings', 'activities'],
      mode: 'list',
      activities: { type: 'workshop', from: '2026-01-01' },
      page: 2,
    });
    expect(state.activities.to).toBeUndefined();
    expect(mapStateFromParams(new URLSearchParams(''), TODAY).layers).toEqual(['buildings', 'organizations', 'initiatives', 'activities']);
    // the other registers' filters carry a prefix: the same names as the activities' would clash
    const both = mapStateFromParams(
      new URLSearchParams('municipality=072029&b.municipality=072006&b.stage=assigned&i.status=running&i.municipality=072022'),
      TODAY,
    );
    expect(both.activities.municipality).toBe('072029');
    expect(both.buildings).toMatchObject({ municipality: '072006', stage: 'assigned' });
    expect(both.initiatives).toMatchObject({ status: 'running', municipality: '072022' });
  });

  it('shows the activities of the last 90 days unless the URL names dates or every period', () => {
    expect(mapStateFromParams(new URLSearchParams(''), TODAY).activities).toEqual(
      expect.objectContaining({ from: '2026-09-08', to: '2026-12-06' }),
    );
    const all = mapStateFromParams(new URLSearchParams('period=all'), TODAY).activities;
    expect(all.from).toBeUndefined();
    expect(all.to).toBeUndefined();
    const chosen = mapStateFromParams(new URLSearchParams('to=2026-06-30'), TODAY).activities;
    expect(chosen.from).toBeUndefined();
    expect(chosen.to).toBe('2026-06-30');
  });

  it('writes only what differs from the defaults, in the lists’ parameter names', () => {
    const state = {
      layers: ['buildings', 'organizations', 'initiatives', 'activities'] as const,
      mode: 'map' as const,
      activities: { status: 'approved' as const, q: 'orti', from: '2026-09-08', to: '2026-12-06' },
      buildings: { stage: 'assigned' as const },
      organizations: {},
      initiatives: { status: 'idea' as const },
      page: 1,
    };
    expect(mapStateToParams({ ...state, layers: [...state.layers] }, TODAY).toString()).toBe(
      'q=orti&status=approved&b.stage=assigned&i.status=idea',
    );
    expect(
      mapStateToParams(
        { layers: [], mode: 'list', activities: {}, buildings: {}, organizations: {}, initiatives: {}, page: 3 },
        TODAY,
      ).toString(),
    ).toBe('period=all&layers=&view=list&page=3');
    // a chosen period is written; the default is not; each round-trips
    for (const activities of [{ from: '2026-01-01', to: '2026-03-31' }, { from: '2026-09-08', to: '2026-12-06' }, {}]) {
      const s = {
        layers: ['activities' as const],
        mode: 'map' as const,
        activities,
        buildings: {},
        organizations: {},
        initiatives: {},
        page: 1,
      };
      expect(mapStateFromParams(mapStateToParams(s, TODAY), TODAY).activities).toEqual(expect.objectContaining(activities));
    }
  });
});
