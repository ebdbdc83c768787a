import { REUSE_DEFAULT_WEIGHTS, REUSE_SCORE_BANDS } from '@trama/contracts';
import { type Actor, type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

interface Feature {
  type: 'Feature';
  id?: string;
  properties: {
    cluster: boolean;
    count: number;
    id?: string;
    category?: string | null;
    label?: string | null;
    score?: number | null;
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
const band = (score: number | null) =>
  score === null ? 'unscored' : score >= 80 ? 'very_high' : score >= 60 ? 'high' : score >= 40 ? 'medium' : 'low';
/** The records per band of a layer's answer: the clusters' counts and each single record's band. */
function byBand(layer: Layer): Record<string, number> {
  const out: Record<string, number> = {};
  for (const f of layer.features) {
    const counts = f.properties.cluster ? f.properties.categories! : { [f.properties.category!]: 1 };
    for (const [k, n] of Object.entries(counts)) out[k] = (out[k] ?? 0) + n;
  }
  return out;
}

/**
 * The reuse-potential ranking as a map layer on a real PostgreSQL (docs/reuse.md, "The ranking on
 * the map"): a building's category is its stored score's band and it carries the score; clusters
 * count by band and add up to the ranking's total for the same bbox and filters; the ranking's rule
 * (the caller's own territory), nothing of another tenant; bad input a 400; a recompute's scores at
 * the next request (the layer is not in the whole-tenant cell cache).
 */
describe('map: the reuse layer', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const centre: Record<string, { lat: number; lon: number }> = {
    '072006': { lat: 41.117, lon: 16.872 },
    '072029': { lat: 41.2, lon: 16.598 },
    '037006': { lat: 41.05, lon: 16.95 },
  };

  async function layer(who: Actor, query: string): Promise<Layer> {
    const res = await t.http.get(`/api/map/layers/reuse?${query}`).set(who.auth);
    if (res.status !== 200) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Layer;
  }

  async function rankingTotal(who: Actor, query: string): Promise<number> {
    const res = await t.http.get(`/api/reuse/buildings?pageSize=1&${query}`).set(who.auth).expect(200);
    return res.body.total as number;
  }

  /** The stored scores' bands of a tenant's placed buildings (by the test's own rule, in SQL). */
  async function storedBands(tenantId: string, municipalityIds?: string[]): Promise<Record<string, number>> {
    const rows: { score: number | null; n: number }[] = await t.db.query(
      `SELECT s.score, count(*)::int AS n FROM buildings b LEFT JOIN reuse_scores s ON s.tenant_id = b.tenant_id AND s.building_id = b.id
        WHERE b.tenant_id = $1 AND b.lat IS NOT NULL AND ($2::uuid[] IS NULL OR b.municipality_id = ANY($2)) GROUP BY s.score`,
      [tenantId, municipalityIds ?? null],
    );
    const out: Record<string, number> = {};
    for (const r of rows) out[band(r.score)] = (out[band(r.score)] ?? 0) + r.n;
    return out;
  }

  const waitForScores = async (actor: Actor) => {
    // the recompute runs in the background: poll its status (bounded)
    for (let i = 0; i < 1200; i++) {
      const s = await t.http.get('/api/reuse/status').set(actor.auth).expect(200);
      if (s.body.status === 'idle' && !s.body.stale) return;
      if (s.body.status === 'failed') throw new Error(`recompute failed: ${JSON.stringify(s.body)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the recompute did not finish');
  };

  /** `n` buildings straight in the database around a municipality's point (conditions in turn). */
  async function bulk(tenant: { id: string; municipalities: Record<string, string> }, istat: string, n: number, tag: string) {
    const { lat, lon } = centre[istat];
    await t.db.query(
      `INSERT INTO buildings (tenant_id, client_id, client_hash, municipality_id, name, lat, lon, ownership, condition, current_use, suitable_uses)
       SELECT $1, gen_random_uuid(), 'map-test', $2, 'Immobile ' || $3 || ' ' || g,
              $4 + ((g * 7919) % 1000) / 1000.0 * 0.04 - 0.02, $5 + ((g * 104729) % 1000) / 1000.0 * 0.04 - 0.02,
              'municipal', (ARRAY['good', 'fair', 'poor', 'ruin'])[1 + g % 4], 'unused', ARRAY['cultural']
         FROM generate_series(1, $6) g`,
      [tenant.id, tenant.municipalities[istat], tag, lat, lon, n],
    );
  }

  /** Scores spread over 0–100 (as a recompute with other weights would write them), and some buildings not scored. */
  async function spreadScores(tenantId: string) {
    await t.db.query(
      `UPDATE reuse_scores s SET score = (abs(hashtext(b.name)) % 101) FROM buildings b WHERE b.tenant_id = s.tenant_id AND b.id = s.building_id AND s.tenant_id = $1`,
      [tenantId],
    );
    await t.db.query(
      `DELETE FROM reuse_scores s USING buildings b WHERE b.tenant_id = s.tenant_id AND b.id = s.building_id AND s.tenant_id = $1 AND b.name LIKE '%7'`,
      [tenantId],
    );
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    // Bari: 2,200 (more than the map draws one by one); Molfetta: 150; Bologna: 60
    await bulk(w.bari, '072006', 2200, 'bari');
    await bulk(w.bari, '072029', 150, 'molfetta');
    await bulk(w.bologna, '037006', 60, 'bologna');
    await t.db.query('ANALYZE buildings');
    await waitForScores(w.coord);
    await waitForScores(w.coordBo);
    await spreadScores(w.bari.id);
    await spreadScores(w.bologna.id);
  });
  afterAll(() => t.close());

  it('draws a building coloured by its stored score’s band, with its id and score', async () => {
    const { lat, lon } = centre['072029'];
    const bbox = [lon - 0.03, lat - 0.03, lon + 0.03, lat + 0.03].map((x) => x.toFixed(6)).join(',');
    const street = await layer(w.coord, `bbox=${bbox}&zoom=15`);
    expect(street.clustered).toBe(false);
    expect(street.total).toBe(150);
    expect(await rankingTotal(w.coord, `bbox=${bbox}`)).toBe(150);
    const stored = new Map<string, number | null>(
      (
        await t.db.query(
          `SELECT b.id, s.score FROM buildings b LEFT JOIN reuse_scores s ON s.tenant_id = b.tenant_id AND s.building_id = b.id WHERE b.name LIKE 'Immobile molfetta %'`,
        )
      ).map((r: { id: string; score: number | null }) => [r.id, r.score]),
    );
    expect(stored.size).toBe(150);
    const seen = new Set<string>();
    for (const f of street.features) {
      expect(f.id).toBe(f.properties.id);
      const score = stored.get(f.properties.id!);
      expect(score).not.toBeUndefined();
      expect(f.properties).toMatchObject({ cluster: false, count: 1, score: score ?? null, category: band(score ?? null) });
      seen.add(f.properties.category!);
    }
    // every band is drawn, "not scored yet" included
    expect([...seen].sort()).toEqual([...REUSE_SCORE_BANDS].sort());
  });

  it('counts clusters by band; they add up to the ranking’s total for the same bbox and filters', async () => {
    const coord = await layer(w.coord, `bbox=${METRO}&zoom=9`);
    expect(coord.clustered).toBe(true);
    expect(coord.total).toBe(2350);
    expect(sum(coord)).toBe(coord.total);
    expect(await rankingTotal(w.coord, `bbox=${METRO}`)).toBe(coord.total);
    for (const f of coord.features.filter((x) => x.properties.cluster)) {
      const { categories, count } = f.properties;
      expect(Object.values(categories!).reduce((a, b) => a + b, 0)).toBe(count);
      expect(Object.keys(categories!).every((k) => (REUSE_SCORE_BANDS as readonly string[]).includes(k))).toBe(true);
    }
    expect(byBand(coord)).toEqual(await storedBands(w.bari.id));
    for (const zoom of [0, 5, 12]) expect(byBand(await layer(w.coord, `bbox=${METRO}&zoom=${zoom}`))).toEqual(byBand(coord));
    for (const filter of ['municipality=072029', 'condition=good', 'q=molfetta', 'stage=mapped']) {
      const map = await layer(w.coord, `bbox=${METRO}&zoom=10&${filter}`);
      expect({ filter, total: map.total, sum: sum(map) }).toEqual({
        filter,
        total: await rankingTotal(w.coord, `bbox=${METRO}&${filter}`),
        sum: map.total,
      });
    }
  });

  it('has the ranking’s rule: a municipality user their territory, an innovator their municipalities, another tenant nothing', async () => {
    const bari = await layer(w.muniBari, `bbox=${METRO}&zoom=9`);
    expect(bari.total).toBe(2200);
    expect(sum(bari)).toBe(2200);
    expect(await rankingTotal(w.muniBari, `bbox=${METRO}`)).toBe(2200);
    expect(byBand(bari)).toEqual(await storedBands(w.bari.id, [w.bari.municipalities['072006']]));
    // the social area of Molfetta: Molfetta's 150, one by one, none of Bari's
    const area = await layer(w.areaMolfetta, `bbox=${METRO}&zoom=9`);
    expect(area).toMatchObject({ clustered: false, total: 150 });
    expect(area.features.every((f) => f.properties.label?.startsWith('Immobile molfetta'))).toBe(true);
    // an innovator of Corato alone: none of these
    expect((await layer(w.innC, `bbox=${METRO}&zoom=9`)).total).toBe(await rankingTotal(w.innC, `bbox=${METRO}`));
    expect((await layer(w.innC, `bbox=${METRO}&zoom=9`)).total).toBe(0);
    // Bologna's coordinator: their 60 (placed, for the test, amid Bari's), none of Bari's 2,350 in the same box
    for (const bbox of [WORLD, METRO]) {
      const bo = await layer(w.coordBo, `bbox=${bbox}&zoom=9`);
      expect(bo).toMatchObject({ clustered: false, total: 60 });
      expect(bo.features.every((f) => f.properties.label?.startsWith('Immobile bologna'))).toBe(true);
      expect(await rankingTotal(w.coordBo, `bbox=${bbox}`)).toBe(60);
    }
    // an admin without a tenant: the ranking's own answer (it is per tenant)
    const admin = await t.http.get(`/api/map/layers/reuse?bbox=${WORLD}&zoom=1`).set(w.admin.auth);
    expect(admin.status).toBe((await t.http.get('/api/reuse/buildings').set(w.admin.auth)).status);
  });

  it.each([
    ['no bbox', 'zoom=9', 'bbox'],
    ['an inverted bbox', 'bbox=17.6,41.5,15.9,40.6&zoom=9', 'bbox'],
    ['a zoom beyond 22', `bbox=${METRO}&zoom=23`, 'zoom'],
    ['an unknown condition', `bbox=${METRO}&zoom=9&condition=shiny`, 'condition'],
    ['an unknown parameter', `bbox=${METRO}&zoom=9&colour=red`, 'colour'],
  ])('answers 400 naming the field for %s', async (_name, query, field) => {
    const res = await t.http.get(`/api/map/layers/reuse?${query}`).set(w.coord.auth).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('answers 400 for a bad bbox on the ranking, 401 without a token', async () => {
    const list = await t.http.get('/api/reuse/buildings?bbox=17,41,16,40').set(w.coord.auth).expect(400);
    expect(list.body.details[0].field).toBe('bbox');
    await t.http.get(`/api/map/layers/reuse?bbox=${METRO}&zoom=9`).expect(401);
  });

  it('shows a recompute’s scores at the next request, at the cached zooms too', async () => {
    const spread = byBand(await layer(w.coord, `bbox=${METRO}&zoom=9`));
    // the cell cache of the other layers is on: the buildings layer keeps its cells at these zooms
    expect((await layer(w.coord, `bbox=${METRO}&zoom=12`)).total).toBe(2350);
    // a real recompute (new weights): the stored scores replaced by the background job
    const weights = { ...REUSE_DEFAULT_WEIGHTS, condition: 100, demand: 0 };
    await t.http.put('/api/reuse/weights').set(w.coord.auth).send({ version: 1, weights }).expect(200);
    await waitForScores(w.coord);
    const recomputed = await storedBands(w.bari.id);
    expect(recomputed).not.toEqual(spread);
    expect(recomputed.unscored).toBeUndefined();
    for (const zoom of [9, 12]) expect(byBand(await layer(w.coord, `bbox=${METRO}&zoom=${zoom}`))).toEqual(recomputed);
    // a write of the scores by another process (as a replica's recompute): at the next request
    await t.db.query(`UPDATE reuse_scores SET score = 95 WHERE tenant_id = $1`, [w.bari.id]);
    for (const zoom of [9, 12]) expect(byBand(await layer(w.coord, `bbox=${METRO}&zoom=${zoom}`))).toEqual({ very_high: 2350 });
  });
});
