import { INITIATIVE_STATUSES } from '@trama/contracts';
import { type Actor, type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
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
  };
}
interface Layer {
  type: 'FeatureCollection';
  features: Feature[];
  total: number;
  clustered: boolean;
}

const METRO = '15.9,40.6,17.6,41.5';
const WORLD = '-180,-90,180,90';
const sum = (layer: Layer) => layer.features.reduce((n, f) => n + f.properties.count, 0);

/**
 * The initiatives layer on a real PostgreSQL (docs/map.md, "Adding a layer"): the grid clusters
 * count exactly what the initiatives list lists with the same bbox and filters, an initiative is
 * seen by the users of ANY of its municipalities, one the viewer may not read is never counted, an
 * initiative without its own point is not on the map, and bad input is a 400 naming the field.
 */
describe('map: the initiatives layer', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const centre: Record<string, { lat: number; lon: number }> = {
    '072006': { lat: 41.117, lon: 16.872 },
    '072029': { lat: 41.2, lon: 16.598 },
    '037006': { lat: 41.05, lon: 16.95 },
  };

  async function layer(who: Actor, query: string): Promise<Layer> {
    const res = await t.http.get(`/api/map/layers/initiatives?${query}`).set(who.auth);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Layer;
  }

  async function listTotal(who: Actor, query: string): Promise<number> {
    const res = await t.http.get(`/api/initiatives?pageSize=1&${query}`).set(who.auth).expect(200);
    return res.body.total as number;
  }

  /**
   * `n` initiatives straight in the database around the main municipality's point (statuses in
   * turn), each a row of initiative_municipalities for the main one and for `others`; `placed: false` without a point.
   */
  async function bulk(
    tenant: { id: string; municipalities: Record<string, string> },
    istat: string,
    others: string[],
    n: number,
    tag: string,
    placed = true,
  ) {
    const { lat, lon } = centre[istat];
    const ids: { id: string }[] = await t.db.query(
      `INSERT INTO initiatives (tenant_id, client_id, client_hash, title, municipality_id, status, themes, lat, lon)
       SELECT $1, gen_random_uuid(), 'map-test', 'Iniziativa ' || $3 || ' ' || g, $2,
              (ARRAY['idea', 'planned', 'running', 'completed', 'stopped'])[1 + g % 5],
              CASE WHEN g % 2 = 0 THEN ARRAY['youth'] ELSE ARRAY['culture'] END,
              CASE WHEN $7 THEN $4 + ((g * 7919) % 1000) / 1000.0 * 0.04 - 0.02 END,
              CASE WHEN $7 THEN $5 + ((g * 104729) % 1000) / 1000.0 * 0.04 - 0.02 END
         FROM generate_series(1, $6) g
       RETURNING id`,
      [tenant.id, tenant.municipalities[istat], tag, lat, lon, n, placed],
    );
    for (const m of [istat, ...others])
      await t.db.query(
        `INSERT INTO initiative_municipalities (tenant_id, initiative_id, municipality_id) SELECT $1, unnest($2::uuid[]), $3`,
        [tenant.id, ids.map((r) => r.id), tenant.municipalities[m]],
      );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    // Bari: 2,200 (more than the map draws one by one) + 40 without a point; Bari and Molfetta: 100; Molfetta: 200; Bologna: 100
    await bulk(w.bari, '072006', [], 2200, 'bari');
    await bulk(w.bari, '072006', [], 40, 'senza punto', false);
    await bulk(w.bari, '072006', ['072029'], 100, 'bari molfetta');
    await bulk(w.bari, '072029', [], 200, 'molfetta');
    await bulk(w.bologna, '037006', [], 100, 'bologna');
    await t.db.query('ANALYZE initiatives');
    await t.db.query('ANALYZE initiative_municipalities');
  });
  afterAll(() => t.close());

  it('clusters a viewport holding more than MAP_MAX_POINTS initiatives; the counts add up to the list total (without the unplaced)', async () => {
    const coord = await layer(w.coord, `bbox=${METRO}&zoom=9`);
    expect(coord.clustered).toBe(true);
    expect(coord.total).toBe(2200 + 100 + 200);
    expect(sum(coord)).toBe(coord.total);
    expect(await listTotal(w.coord, `bbox=${METRO}`)).toBe(coord.total);
    expect(await listTotal(w.coord, '')).toBe(2200 + 40 + 100 + 200);
    for (const f of coord.features.filter((x) => x.properties.cluster)) {
      const { categories, count } = f.properties;
      expect(Object.values(categories!).reduce((a, b) => a + b, 0)).toBe(count);
      expect(Object.keys(categories!).every((k) => (INITIATIVE_STATUSES as readonly string[]).includes(k))).toBe(true);
    }
    for (const zoom of [0, 5, 12]) expect(sum(await layer(w.coord, `bbox=${METRO}&zoom=${zoom}`))).toBe(coord.total);
  });

  it('counts only what the viewer may read: an initiative of two municipalities on both municipalities’ maps, never a hidden one', async () => {
    const bari = await layer(w.muniBari, `bbox=${METRO}&zoom=9`);
    expect(bari.total).toBe(2200 + 100);
    expect(sum(bari)).toBe(bari.total);
    expect(await listTotal(w.muniBari, `bbox=${METRO}`)).toBe(bari.total);
    // the social area of Molfetta: its 200 and the 100 shared with Bari, drawn one by one
    const area = await layer(w.areaMolfetta, `bbox=${METRO}&zoom=9`);
    expect(area).toMatchObject({ clustered: false, total: 300 });
    expect(area.features).toHaveLength(300);
    expect(area.features.filter((f) => f.properties.label?.startsWith('Iniziativa bari molfetta'))).toHaveLength(100);
    expect(area.features.some((f) => /^Iniziativa bari \d/.test(f.properties.label ?? ''))).toBe(false);
    expect(await listTotal(w.areaMolfetta, `bbox=${METRO}`)).toBe(300);
    // innovators read the whole tenant; the other tenant none of Bari's even over the whole world
    expect(sum(await layer(w.innC, `bbox=${METRO}&zoom=9`))).toBe(2500);
    expect(await layer(w.coordBo, `bbox=${WORLD}&zoom=1`)).toMatchObject({ clustered: false, total: 100 });
    expect((await layer(w.admin, `bbox=${WORLD}&zoom=1`)).total).toBe(2600);
  });

  it('applies the list’s filters: the same filtered counts on the map and in the list', async () => {
    for (const filter of ['status=running', 'municipality=072029', 'socialArea=ATS_BA_MOLFETTA', 'theme=youth', 'q=molfetta']) {
      const map = await layer(w.coord, `bbox=${METRO}&zoom=10&${filter}`);
      expect({ filter, total: map.total, sum: sum(map) }).toEqual({
        filter,
        total: await listTotal(w.coord, `bbox=${METRO}&${filter}`),
        sum: map.total,
      });
    }
    const running = await layer(w.coord, `bbox=${METRO}&zoom=10&status=running`);
    expect(running.total).toBe(500);
    for (const f of running.features) {
      if (f.properties.cluster) expect(Object.keys(f.properties.categories!)).toEqual(['running']);
      else expect(f.properties.category).toBe('running');
    }
  });

  it('draws single initiatives with id, status and title at their own point', async () => {
    const { lat, lon } = centre['072029'];
    const bbox = [lon - 0.03, lat - 0.03, lon + 0.03, lat + 0.03].map((x) => x.toFixed(6)).join(',');
    const street = await layer(w.coord, `bbox=${bbox}&zoom=15`);
    expect(street.clustered).toBe(false);
    expect(street.total).toBe(200);
    expect(street.total).toBe(await listTotal(w.coord, `bbox=${bbox}`));
    for (const f of street.features) {
      expect(f.id).toBe(f.properties.id);
      expect(f.properties).toMatchObject({ cluster: false, count: 1, label: expect.stringMatching(/^Iniziativa molfetta \d+$/) });
      expect(INITIATIVE_STATUSES).toContain(f.properties.category);
    }
  });

  it.each([
    ['no bbox', 'zoom=9', 'bbox'],
    ['an inverted bbox', 'bbox=17.6,41.5,15.9,40.6&zoom=9', 'bbox'],
    ['a zoom beyond 22', `bbox=${METRO}&zoom=23`, 'zoom'],
    ['an unknown status', `bbox=${METRO}&zoom=9&status=sleeping`, 'status'],
    ['a bad organization', `bbox=${METRO}&zoom=9&organization=nope`, 'organization'],
    ['an unknown parameter', `bbox=${METRO}&zoom=9&colour=red`, 'colour'],
  ])('answers 400 naming the field for %s', async (_name, query, field) => {
    const res = await t.http.get(`/api/map/layers/initiatives?${query}`).set(w.coord.auth).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 400 for a bad bbox on the initiatives list and export, 401 without a token', async () => {
    const list = await t.http.get('/api/initiatives?bbox=17,41,16,40').set(w.coord.auth).expect(400);
    expect(list.body.details[0].field).toBe('bbox');
    const exp = await t.http.get('/api/initiatives/export?format=csv&bbox=1,2,3').set(w.coord.auth).expect(400);
    expect(exp.body.details[0].field).toBe('bbox');
    await t.http.get(`/api/map/layers/initiatives?bbox=${METRO}&zoom=9`).expect(401);
  });
});
