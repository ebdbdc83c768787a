import { MAP_MAX_ZOOM } from '@trama/contracts';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import { cellsAcross } from './map-grid';

/**
 * The stored Web Mercator position (migration 1764720000000, docs/map.md "Stored Mercator cells"):
 * the grid cell the map groups by, `map_x >> (28 − zoom)`, is at every zoom the very cell of the
 * expression it replaced (`floor(x · 2^(zoom + 2))`, clamped), on the real PostgreSQL; and the
 * database keeps the columns in step with the point on insert and update.
 */
describe('map: stored Mercator cells', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  it('gives, at every zoom 0–22, the cell of the previous floating-point expression (20,000 points and the edges of the world)', async () => {
    const n = (zoom: number) => cellsAcross(zoom);
    const rows: { zoom: number; differ: number; points: number }[] = await t.db.query(
      `WITH pts AS (
         SELECT (g::bigint * 7919 % 100003) / 100003.0 * 360 - 180 AS lon, (g::bigint * 104729 % 99991) / 99991.0 * 178 - 89 AS lat
           FROM generate_series(1, 20000) g
         UNION ALL
         SELECT lon, lat FROM unnest(ARRAY[-180, 180, 0, 16.87, 179.9999999, -179.9999999, 16.5, 16.5, 16.5, 16.5]::float8[],
                                     ARRAY[0, 0, 85.0511287798066, 41.12, -85.0511287798066, 90, -90, 89.9, 47.5, 35]::float8[]) AS e(lon, lat)
       ), zooms AS (SELECT z, $1::float8 * 2 ^ z AS n FROM generate_series(0, $2::int) z)
       SELECT z AS zoom, count(*)::int AS points,
              count(*) FILTER (WHERE (trama_map_x(lon) >> (28 - z)) <> least(floor((lon + 180) / 360 * n), n - 1)
                                  OR (trama_map_y(lat) >> (28 - z)) <>
                                     least(floor((0.5 - asinh(tan(radians(least(greatest(lat, -85.0511287798066), 85.0511287798066)))) / (2 * pi())) * n), n - 1))::int AS differ
         FROM pts, zooms GROUP BY z ORDER BY z`,
      [n(0), MAP_MAX_ZOOM],
    );
    expect(rows).toHaveLength(MAP_MAX_ZOOM + 1);
    for (const r of rows) expect({ zoom: r.zoom, differ: r.differ }).toEqual({ zoom: r.zoom, differ: 0 });
    expect(rows[0].points).toBe(20010);
  });

  it('keeps map_x / map_y of a record with its point: set on insert, moved on update, null without a point', async () => {
    const [row] = await t.db.query(
      `INSERT INTO initiatives (tenant_id, client_id, client_hash, title, municipality_id, status, lat, lon)
       VALUES ($1, gen_random_uuid(), 'cells-test', 'Iniziativa celle', $2, 'idea', 41.12, 16.87)
       RETURNING id, map_x, map_y, trama_map_x(16.87) AS x, trama_map_y(41.12) AS y`,
      [w.bari.id, w.bari.municipalities['072006']],
    );
    expect(row.map_x).toBe(row.x);
    expect(row.map_y).toBe(row.y);
    const [moved] = await t.db.query(
      `UPDATE initiatives SET lat = 41.2, lon = 16.6 WHERE id = $1 RETURNING map_x, map_y, trama_map_x(16.6) AS x, trama_map_y(41.2) AS y`,
      [row.id],
    );
    expect(moved[0].map_x).toBe(moved[0].x);
    expect(moved[0].map_y).toBe(moved[0].y);
    expect(moved[0].map_x).not.toBe(row.map_x);
    const [cleared] = await t.db.query(`UPDATE initiatives SET lat = NULL, lon = NULL WHERE id = $1 RETURNING map_x, map_y`, [row.id]);
    expect(cleared[0]).toEqual({ map_x: null, map_y: null });
  });
});
