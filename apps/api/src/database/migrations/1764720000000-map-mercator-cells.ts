import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The map's grid at low zoom (docs/map.md, "Stored Mercator cells"): every placed record of the
 * four map layers carries its Web Mercator position as two integers, `map_x` and `map_y`, kept by
 * the database (stored generated columns): x, y in [0, 1) from the top-left corner of the world,
 * times 2^30, floored. The grid cell of a record at `zoom` (2^(zoom + 2) cells across) is then
 * `map_x >> (28 - zoom)`, `map_y >> (28 - zoom)`: two integer shifts instead of a tangent, an asinh
 * and two floors per row. It is the very cell the previous expression gave (scaling a double by a
 * power of two is exact, so floor(v · 2^30) >> s = floor(v · 2^(30 − s))).
 *
 * The point GiST index of each layer becomes a covering one: the same key (`point(lon, lat)`,
 * partial on the placed rows, the form every `bbox` filter writes) INCLUDING the columns the grid
 * and the usual rules read (tenant, municipality, the category, the point, the cells; for
 * activities status and author but not the category, see below), so a whole-metropolitan-city grid of
 * buildings, organizations or initiatives is an index-only scan instead of a bitmap heap scan of every
 * placed row (on a vacuumed table). Filters on other columns (text, themes…) still read the heap.
 *
 * Cost of the migration: each table is rewritten once (the stored columns) — ~1–2 min for
 * 1,000,000 activities, under an exclusive lock.
 */
const MAX_LAT = '85.0511287798066';
const SCALE = '1073741824'; // 2^30

const LAYERS: { table: string; include: string[] }[] = [
  { table: 'buildings', include: ['tenant_id', 'municipality_id', 'stage', 'id', 'lon', 'lat', 'map_x', 'map_y'] },
  { table: 'organizations', include: ['tenant_id', 'municipality_id', 'kind', 'merged_into', 'id', 'lon', 'lat', 'map_x', 'map_y'] },
  { table: 'initiatives', include: ['tenant_id', 'municipality_id', 'status', 'id', 'lon', 'lat', 'map_x', 'map_y'] },
  {
    table: 'activities',
    // not `type` nor `date`: with them the planner read the whole box from this index to filter a type or
    // a period (the map page's default: the last 90 days) instead of ANDing the type and date indexes'
    // bitmaps and reading the few matches (a workshop in the last quarter: 55 → 210–236 ms); without
    // them the unfiltered grid of every period reads the heap, as before, but no longer computes the cell
    include: ['tenant_id', 'municipality_id', 'status', 'author_id', 'id', 'lon', 'lat', 'map_x', 'map_y'],
  },
];

export class MapMercatorCells1764720000000 implements MigrationInterface {
  name = 'MapMercatorCells1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION trama_map_x(lon double precision) RETURNS int
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT least(floor((lon + 180) / 360 * ${SCALE}), ${SCALE} - 1)::int $$`);
    await q.query(`
      CREATE FUNCTION trama_map_y(lat double precision) RETURNS int
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
        AS $$ SELECT least(floor((0.5 - asinh(tan(radians(least(greatest(lat, -${MAX_LAT}), ${MAX_LAT})))) / (2 * pi())) * ${SCALE}),
                           ${SCALE} - 1)::int $$`);
    for (const { table, include } of LAYERS) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN map_x int GENERATED ALWAYS AS (trama_map_x(lon)) STORED,
          ADD COLUMN map_y int GENERATED ALWAYS AS (trama_map_y(lat)) STORED`);
      await q.query(`DROP INDEX ${table}_point_idx`);
      await q.query(
        `CREATE INDEX ${table}_point_idx ON ${table} USING gist (point(lon, lat)) INCLUDE (${include.join(', ')}) WHERE lat IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of LAYERS) {
      await q.query(`DROP INDEX IF EXISTS ${table}_point_idx`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN IF EXISTS map_x, DROP COLUMN IF EXISTS map_y`);
      await q.query(`CREATE INDEX ${table}_point_idx ON ${table} USING gist (point(lon, lat)) WHERE lat IS NOT NULL`);
    }
    await q.query(`DROP FUNCTION IF EXISTS trama_map_x(double precision)`);
    await q.query(`DROP FUNCTION IF EXISTS trama_map_y(double precision)`);
  }
}
