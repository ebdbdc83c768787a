import { MAP_MAX_POINTS } from '@trama/contracts';
import { type Actor, type ActivityWorld, activityIn, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

interface Feature {
  type: 'Feature';
  id?: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: {
    cluster: boolean;
    count: number;
    id?: string;
    category?: string | null;
    label?: string | null;
    categories?: Record<string, number>;
    bbox?: [number, number, number, number];
    expansionZoom?: number | null;
  };
}
interface Layer {
  type: 'FeatureCollection';
  features: Feature[];
  total: number;
  clustered: boolean;
}

/** The whole metropolitan city of Bari (and more): the view a coordinator lands on. */
const METRO = '15.9,40.6,17.6,41.5';
const WORLD = '-180,-90,180,90';
const sum = (layer: Layer) => layer.features.reduce((n, f) => n + f.properties.count, 0);

/**
 * The activities layer on a real PostgreSQL: the grid clusters count exactly what the list lists
 * (same bbox, same filters, same rule), a hidden activity is never a point nor counted in a
 * cluster, and bad input is a 400 naming the field.
 */
describe('map: the activities layer', () => {
  let t: TestApp;
  let w: ActivityWorld;
  /**
   * Where the activities of each municipality lie (the test territory has no boundaries, so any
   * point is accepted); Bologna's are put among Bari's on purpose: only the tenant keeps them apart.
   */
  const centre: Record<string, { lat: number; lon: number }> = {
    '072006': { lat: 41.117, lon: 16.872 },
    '072029': { lat: 41.2, lon: 16.598 },
    '072022': { lat: 41.186, lon: 16.67 },
    '072020': { lat: 41.15, lon: 16.41 },
    '037006': { lat: 41.05, lon: 16.95 },
  };

  async function layer(who: Actor, query: string): Promise<Layer> {
    const res = await t.http.get(`/api/map/layers/activities?${query}`).set(who.auth);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Layer;
  }

  async function listTotal(who: Actor, query: string): Promise<number> {
    const res = await t.http.get(`/api/activities?pageSize=1&${query}`).set(who.auth).expect(200);
    expect(res.body.totalCapped).toBe(false);
    return res.body.total as number;
  }

  /** `n` activities straight in the database, spread over ~4 km around the municipality's point (types in turn). */
  async function bulk(
    author: Actor,
    tenantId: string,
    istat: string,
    municipalityId: string,
    status: 'draft' | 'submitted' | 'approved',
    n: number,
  ) {
    const { lat, lon } = centre[istat];
    await t.db.query(
      `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                               participants_total, status, submitted_at, submitted_by, reviewed_at, reviewed_by, lat, lon)
       SELECT $1, gen_random_uuid(), 'map-test', $2, $3, DATE '2026-10-01' + (g % 28), 60,
              (ARRAY['workshop', 'meeting', 'event'])[1 + g % 3], 'Attività sulla mappa ' || g, 10, $4,
              CASE WHEN $4 <> 'draft' THEN now() END, CASE WHEN $4 <> 'draft' THEN $2::uuid END,
              CASE WHEN $4 = 'approved' THEN now() END, NULL,
              $5 + ((g * 7919) % 1000) / 1000.0 * 0.04 - 0.02, $6 + ((g * 104729) % 1000) / 1000.0 * 0.04 - 0.02
         FROM generate_series(1, $7) g`,
      [tenantId, author.id, municipalityId, status, lat, lon, n],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const bari = w.bari.municipalities;
    // Bari: 2,400 approved (more than the map draws one by one), 300 of Anna's drafts, 150 submitted
    await bulk(w.innA, w.bari.id, '072006', bari['072006'], 'approved', 2400);
    await bulk(w.innA, w.bari.id, '072006', bari['072006'], 'draft', 300);
    await bulk(w.innB, w.bari.id, '072006', bari['072006'], 'submitted', 150);
    // Molfetta: 200 approved; Bologna: 100 approved
    await bulk(w.innA, w.bari.id, '072029', bari['072029'], 'approved', 200);
    await bulk(w.innBo, w.bologna.id, '037006', w.bologna.municipalities['037006'], 'approved', 100);
    await t.db.query('ANALYZE activities');
  });
  afterAll(() => t.close());

  it('clusters a viewport holding more than MAP_MAX_POINTS activities, and the counts add up to the list total', async () => {
    const coord = await layer(w.coord, `bbox=${METRO}&zoom=9`);
    expect(coord.clustered).toBe(true);
    expect(coord.total).toBe(2400 + 300 + 150 + 200);
    expect(sum(coord)).toBe(coord.total);
    expect(await listTotal(w.coord, `bbox=${METRO}`)).toBe(coord.total);
    expect(coord.features.length).toBeLessThan(200);
    for (const f of coord.features.filter((x) => x.properties.cluster)) {
      const { categories, count, bbox, expansionZoom } = f.properties;
      expect(Object.values(categories!).reduce((a, b) => a + b, 0)).toBe(count);
      expect(Object.keys(categories!).every((k) => ['workshop', 'meeting', 'event'].includes(k))).toBe(true);
      const [lon, lat] = f.geometry.coordinates;
      expect(lon).toBeGreaterThanOrEqual(bbox![0]);
      expect(lon).toBeLessThanOrEqual(bbox![2]);
      expect(lat).toBeGreaterThanOrEqual(bbox![1]);
      expect(lat).toBeLessThanOrEqual(bbox![3]);
      expect(expansionZoom).toBeGreaterThan(9);
    }
    // the same at any zoom: every activity in exactly one cell
    for (const zoom of [0, 5, 12]) {
      const other = await layer(w.coord, `bbox=${METRO}&zoom=${zoom}`);
      expect(sum(other)).toBe(coord.total);
    }
  });

  it('counts in clusters only what the viewer may read (the list’s rule), never a hidden activity', async () => {
    // the Comune of Bari: approved activities of Bari only (no drafts, no submitted, no Molfetta)
    const muni = await layer(w.muniBari, `bbox=${METRO}&zoom=9`);
    expect(muni.clustered).toBe(true);
    expect(muni.total).toBe(2400);
    expect(sum(muni)).toBe(2400);
    expect(await listTotal(w.muniBari, `bbox=${METRO}`)).toBe(2400);
    // Bruno reads his own submitted ones and Anna's non-drafts in Bari, not her drafts nor Molfetta
    const innB = await layer(w.innB, `bbox=${METRO}&zoom=9`);
    expect(sum(innB)).toBe(2400 + 150);
    expect(await listTotal(w.innB, `bbox=${METRO}`)).toBe(2400 + 150);
    // the social area of Molfetta: its 200, drawn one by one
    const area = await layer(w.areaMolfetta, `bbox=${METRO}&zoom=9`);
    expect(area).toMatchObject({ clustered: false, total: 200 });
    expect(area.features).toHaveLength(200);
    // Carla (Corato) reads nobody's; the other tenant none of Bari's even over the whole world
    expect(await layer(w.innC, `bbox=${METRO}&zoom=9`)).toMatchObject({ total: 0, features: [] });
    const bologna = await layer(w.coordBo, `bbox=${WORLD}&zoom=1`);
    expect(bologna).toMatchObject({ clustered: false, total: 100 });
    // the admin reads every tenant
    expect((await layer(w.admin, `bbox=${WORLD}&zoom=1`)).total).toBe(2400 + 300 + 150 + 200 + 100);
  });

  it('applies the list’s filters: the same filtered counts on the map and in the list', async () => {
    for (const filter of [
      'type=workshop',
      'status=submitted',
      'municipality=072029',
      'socialArea=ATS_BA_BARI',
      'from=2026-10-10&to=2026-10-15',
      'q=mappa',
    ]) {
      const map = await layer(w.coord, `bbox=${METRO}&zoom=10&${filter}`);
      expect({ filter, total: map.total, sum: sum(map) }).toEqual({
        filter,
        total: await listTotal(w.coord, `bbox=${METRO}&${filter}`),
        sum: map.total,
      });
    }
    const workshops = await layer(w.coord, `bbox=${METRO}&zoom=10&type=workshop`);
    for (const f of workshops.features) {
      if (f.properties.cluster) expect(Object.keys(f.properties.categories!)).toEqual(['workshop']);
      else expect(f.properties.category).toBe('workshop');
    }
  });

  it('draws single activities with id, category and label when the viewport holds few, each inside the bbox', async () => {
    const { lat, lon } = centre['072006'];
    const bbox = [lon - 0.003, lat - 0.003, lon + 0.003, lat + 0.003].map((x) => x.toFixed(6)).join(',');
    const street = await layer(w.coord, `bbox=${bbox}&zoom=17`);
    expect(street.clustered).toBe(false);
    expect(street.total).toBeGreaterThan(0);
    expect(street.total).toBeLessThanOrEqual(MAP_MAX_POINTS);
    expect(street.total).toBe(await listTotal(w.coord, `bbox=${bbox}`));
    for (const f of street.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties).toMatchObject({ cluster: false, count: 1, label: expect.stringMatching(/^Attività sulla mappa \d+$/) });
      expect(['workshop', 'meeting', 'event']).toContain(f.properties.category);
      const [x, y] = f.geometry.coordinates;
      expect(x >= lon - 0.003 && x <= lon + 0.003 && y >= lat - 0.003 && y <= lat + 0.003).toBe(true);
    }
  });

  it('turns a cell holding one activity into that activity', async () => {
    const lone = await activityIn(t, 'approved', w.innC, w.coord, {
      municipality: '072020',
      title: 'Unica a Corato',
      location: centre['072020'],
    });
    const map = await layer(w.coord, `bbox=${METRO}&zoom=9`);
    expect(map.clustered).toBe(true);
    const feature = map.features.find((f) => f.properties.id === lone.id);
    expect(feature?.properties).toMatchObject({ cluster: false, count: 1, category: 'workshop', label: 'Unica a Corato' });
    expect(sum(map)).toBe(map.total);
  });

  it.each([
    ['no bbox', 'zoom=9', 'bbox'],
    ['no zoom', `bbox=${METRO}`, 'zoom'],
    ['an inverted bbox', 'bbox=17.6,41.5,15.9,40.6&zoom=9', 'bbox'],
    ['a bbox larger than the world', 'bbox=-200,-90,180,90&zoom=9', 'bbox'],
    ['a bbox beyond the poles', 'bbox=10,-95,11,40&zoom=9', 'bbox'],
    ['three numbers', 'bbox=16,41,17&zoom=9', 'bbox'],
    ['text in the bbox', 'bbox=a,b,c,d&zoom=9', 'bbox'],
    ['a zoom beyond 22', `bbox=${METRO}&zoom=23`, 'zoom'],
    ['a negative zoom', `bbox=${METRO}&zoom=-1`, 'zoom'],
    ['a fractional zoom', `bbox=${METRO}&zoom=9.5`, 'zoom'],
    ['an unknown type', `bbox=${METRO}&zoom=9&type=party`, 'type'],
    ['a bad date', `bbox=${METRO}&zoom=9&from=2026-13-01`, 'from'],
    ['to before from', `bbox=${METRO}&zoom=9&from=2026-10-10&to=2026-10-01`, 'to'],
    ['an unknown parameter', `bbox=${METRO}&zoom=9&colour=red`, 'colour'],
  ])('answers 400 naming the field for %s', async (_name, query, field) => {
    const res = await t.http.get(`/api/map/layers/activities?${query}`).set(w.coord.auth).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 400 for a bad bbox on the list too, and 404 for a layer not served yet or unknown', async () => {
    const list = await t.http.get('/api/activities?bbox=17,41,16,40').set(w.coord.auth).expect(400);
    expect(list.body.details[0].field).toBe('bbox');
    for (const layer of ['initiatives', 'parks'])
      await t.http.get(`/api/map/layers/${layer}?bbox=${METRO}&zoom=9`).set(w.coord.auth).expect(404);
  });

  it('answers 401 without a token', async () => {
    await t.http.get(`/api/map/layers/activities?bbox=${METRO}&zoom=9`).expect(401);
  });
});
