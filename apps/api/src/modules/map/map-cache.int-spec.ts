import { type Actor, type ActivityWorld, activityIn, activityWorld, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { innerCells, MapCellCache } from './map-cell-cache';

interface Feature {
  geometry: { coordinates: [number, number] };
  properties: {
    cluster: boolean;
    count: number;
    id?: string;
    categories?: Record<string, number>;
    bbox?: [number, number, number, number];
    expansionZoom?: number | null;
  };
}
interface Layer {
  features: Feature[];
  total: number;
  clustered: boolean;
}

const METRO = '15.9,40.6,17.6,41.5';
/** Boxes whose edges cut through the records of Bari and Molfetta (the edge cells are counted from the records). */
const CUTS = ['16.86,41.105,16.885,41.13', '16.5,41.0,16.88,41.3', '16.87,41.11,17.6,41.5', '16.6,41.19,16.9,41.2'];
const sum = (layer: Layer) => layer.features.reduce((n, f) => n + f.properties.count, 0);

/** A feature in a comparable form: the mean point rounded (sums added in another order differ in the last bits). */
const shape = (f: Feature) => ({
  ...f.properties,
  at: f.geometry.coordinates.map((c) => c.toFixed(9)),
});
const shapes = (layer: Layer) =>
  layer.features.map(shape).sort((a, b) => a.at[0].localeCompare(b.at[0]) || a.at[1].localeCompare(b.at[1]) || a.count - b.count);

/**
 * The whole-tenant cell cache (docs/map.md, "The whole-tenant cell cache"): at zoom ≤ 12 the cells
 * inside the viewport come from a per-process cache of the same query over the whole tenant, kept
 * while the layer's data version (`map_versions`, bumped by the database at the commit of every
 * write) is unchanged. It must answer exactly what the records give, for every rule and filter,
 * and show a write at the next request — also a write this process did not make.
 */
describe('map: the whole-tenant cell cache', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let cache: MapCellCache;
  const centre: Record<string, { lat: number; lon: number }> = {
    '072006': { lat: 41.117, lon: 16.872 },
    '072029': { lat: 41.2, lon: 16.598 },
  };

  async function layer(who: Actor, query: string, kind = 'activities'): Promise<Layer> {
    const res = await t.http.get(`/api/map/layers/${kind}?${query}`).set(who.auth);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Layer;
  }

  async function listTotal(who: Actor, query: string, kind = 'activities'): Promise<number> {
    const res = await t.http.get(`/api/${kind}?pageSize=1&${query}`).set(who.auth).expect(200);
    return res.body.total as number;
  }

  /** The layer as the cache answers it (twice: the miss and the hit) and as the records alone answer it: all three equal. */
  async function sameAsRecords(who: Actor, query: string, kind = 'activities'): Promise<Layer> {
    const hits = cache.hits;
    const miss = await layer(who, query, kind);
    const hit = await layer(who, query, kind);
    cache.enabled = false;
    let direct: Layer;
    try {
      direct = await layer(who, query, kind);
    } finally {
      cache.enabled = true;
    }
    expect({ query, total: miss.total, features: shapes(miss) }).toEqual({ query, total: direct.total, features: shapes(direct) });
    expect({ query, total: hit.total, features: shapes(hit) }).toEqual({ query, total: direct.total, features: shapes(direct) });
    // the cache answered the second (a viewport holding at least one whole cell at zoom 12)
    const zoom = Number(/zoom=(\d+)/.exec(query)![1]);
    const bbox = /bbox=([^&]+)/.exec(query)![1].split(',').map(Number) as [number, number, number, number];
    if (zoom <= 12 && innerCells(bbox)) expect(cache.hits).toBeGreaterThan(hits);
    return hit;
  }

  async function bulk(author: Actor, municipality: string, status: 'draft' | 'submitted' | 'approved', n: number) {
    const { lat, lon } = centre[municipality];
    await t.db.query(
      `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                               participants_total, status, submitted_at, submitted_by, reviewed_at, lat, lon)
       SELECT $1, gen_random_uuid(), 'map-cache-test', $2, $3, DATE '2026-10-01' + (g % 28), 60,
              (ARRAY['workshop', 'meeting', 'event'])[1 + g % 3], 'Attività in cache ' || g, 10, $4,
              CASE WHEN $4 <> 'draft' THEN now() END, CASE WHEN $4 <> 'draft' THEN $2::uuid END,
              CASE WHEN $4 = 'approved' THEN now() END,
              $5 + ((g * 7919) % 1000) / 1000.0 * 0.06 - 0.03, $6 + ((g * 104729) % 1000) / 1000.0 * 0.06 - 0.03
         FROM generate_series(1, $7) g`,
      [w.bari.id, author.id, w.bari.municipalities[municipality], status, lat, lon, n],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    cache = t.app.get(MapCellCache);
    await bulk(w.innA, '072006', 'approved', 2400);
    await bulk(w.innA, '072006', 'draft', 300);
    await bulk(w.innB, '072006', 'submitted', 150);
    await bulk(w.innA, '072029', 'approved', 400);
    await t.db.query('ANALYZE activities');
  });
  afterAll(() => t.close());

  it('answers what the records answer at every zoom, for boxes cutting through the records, with filters', async () => {
    for (const zoom of [4, 9, 10, 11, 12, 13]) {
      for (const bbox of [METRO, ...CUTS]) {
        const map = await sameAsRecords(w.coord, `bbox=${bbox}&zoom=${zoom}`);
        expect(sum(map)).toBe(map.total);
        expect(map.total).toBe(await listTotal(w.coord, `bbox=${bbox}`));
      }
    }
    for (const filter of ['type=workshop', 'status=draft', 'from=2026-10-05&to=2026-10-12', 'q=cache', 'municipality=072029']) {
      for (const bbox of [METRO, CUTS[1]]) {
        const map = await sameAsRecords(w.coord, `bbox=${bbox}&zoom=10&${filter}`);
        expect({ filter, total: map.total }).toEqual({ filter, total: await listTotal(w.coord, `bbox=${bbox}&${filter}`) });
      }
    }
  });

  it('keeps each role’s rule: the same viewport answers each reader what the list gives them', async () => {
    const expected: [Actor, number][] = [
      [w.coord, 2400 + 300 + 150 + 400],
      [w.muniBari, 2400],
      [w.innB, 2400 + 150],
      [w.innA, 2400 + 300 + 150 + 400],
      [w.innC, 0],
    ];
    for (const [who, n] of expected) {
      const map = await sameAsRecords(who, `bbox=${METRO}&zoom=9`);
      expect({ who: who.id, total: map.total }).toEqual({ who: who.id, total: n });
      expect(await listTotal(who, `bbox=${METRO}`)).toBe(n);
      const cut = await sameAsRecords(who, `bbox=${CUTS[0]}&zoom=11`);
      expect(cut.total).toBe(await listTotal(who, `bbox=${CUTS[0]}`));
    }
  });

  it('shows a created, approved, moved and deleted activity at the next request', async () => {
    const view = `bbox=${METRO}&zoom=9`;
    const totals = async () => ({ coord: (await layer(w.coord, view)).total, muni: (await layer(w.muniBari, view)).total });
    const before = await totals();
    await totals(); // kept now: the next answers would be the cache's if nothing changed

    // a draft: the coordinator sees it, the Comune not
    const draft = await createActivity(t, w.innA, { municipality: '072006', location: centre['072006'] });
    expect(await totals()).toEqual({ coord: before.coord + 1, muni: before.muni });

    // approved: the Comune too
    const approved = await activityIn(t, 'approved', w.innA, w.coord, { municipality: '072006', location: centre['072006'] });
    expect(await totals()).toEqual({ coord: before.coord + 2, muni: before.muni + 1 });

    // moved (the draft, from Bari to Molfetta): the cells change, the totals not
    const bariCell = `bbox=16.6,40.9,17.2,41.16&zoom=9`;
    const inBari = (await layer(w.coord, bariCell)).total;
    const moved = await t.http
      .patch(`/api/activities/${draft.id}`)
      .set(w.innA.auth)
      .send({ version: draft.version, location: centre['072029'] })
      .expect(200);
    expect((await layer(w.coord, bariCell)).total).toBe(inBari - 1);
    expect((await layer(w.coord, bariCell)).total).toBe(await listTotal(w.coord, 'bbox=16.6,40.9,17.2,41.16'));

    // deleted: gone
    await t.http.delete(`/api/activities/${draft.id}?version=${moved.body.version}`).set(w.innA.auth).expect(204);
    expect(await totals()).toEqual({ coord: before.coord + 1, muni: before.muni + 1 });
    expect(approved.status).toBe('approved');
  });

  it('sees a write made by another process (straight in the database): insert, update, delete, in and out of a transaction', async () => {
    const view = `bbox=${METRO}&zoom=9`;
    const total = async () => (await layer(w.coord, view)).total;
    const before = await total();
    await total();
    await bulk(w.innB, '072029', 'submitted', 5);
    expect(await total()).toBe(before + 5);
    await t.db.query(
      `UPDATE activities SET status = 'deleted', deleted_at = now() WHERE title LIKE 'Attività in cache %' AND author_id = $1 AND status = 'submitted' AND municipality_id = $2`,
      [w.innB.id, w.bari.municipalities['072029']],
    );
    expect(await total()).toBe(before);
    // a transaction of several statements: one version change at its commit, nothing seen before it
    const runner = t.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`DELETE FROM activities WHERE title = 'Attività in cache 1' AND status = 'approved'`);
      await runner.query(`DELETE FROM activities WHERE title = 'Attività in cache 2' AND status = 'approved'`);
      expect(await total()).toBe(before);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await total()).toBe(before - 4);
    expect(await total()).toBe(await listTotal(w.coord, `bbox=${METRO}`));
  });

  it('follows the tables a layer’s rule reads besides its own: an initiative given a municipality is seen by its users', async () => {
    await t.db.query(
      `INSERT INTO initiatives (tenant_id, client_id, client_hash, title, municipality_id, status, lat, lon)
       SELECT $1, gen_random_uuid(), 'map-cache-test', 'Iniziativa ' || g, $2, 'running', $3 + g * 0.0001, $4
         FROM generate_series(1, 2100) g`,
      [w.bari.id, w.bari.municipalities['072029'], centre['072029'].lat, centre['072029'].lon],
    );
    const view = `bbox=${METRO}&zoom=9`;
    const before = await sameAsRecords(w.muniBari, view, 'initiatives');
    expect(before.total).toBe(0);
    // the Comune of Bari's users read initiatives of Bari too once they are linked (initiative_municipalities)
    await t.db.query(
      `INSERT INTO initiative_municipalities (tenant_id, initiative_id, municipality_id)
       SELECT tenant_id, id, $2 FROM initiatives WHERE tenant_id = $1 AND client_hash = 'map-cache-test'`,
      [w.bari.id, w.bari.municipalities['072006']],
    );
    const after = await layer(w.muniBari, view, 'initiatives');
    expect(after).toMatchObject({ clustered: true, total: 2100 });
    expect(after.total).toBe(await listTotal(w.muniBari, `bbox=${METRO}`, 'initiatives'));
    const coord = await sameAsRecords(w.coord, view, 'initiatives');
    expect(coord.total).toBe(await listTotal(w.coord, `bbox=${METRO}`, 'initiatives'));
  });
});
