import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activities of a period on the map, from an index alone (docs/map.md, "The whole-tenant cell
 * cache"): a cache miss counts the whole tenant's cells of the page's default layer — the
 * activities of the last 90 days — with no box, by the date range. Through `activities_output_idx`
 * that read every matching row on the heap (57,329 rows, 60,586 pages: 1,388 ms at 1,000,000
 * activities); this index holds what the grid and every role's rule read (the Mercator cell, the
 * point, the type, status, author, municipality, id), so the same count is an index-only scan
 * (105 ms cold; every period 3.3 → 1.8 s). Placed activities only.
 */
export class ActivitiesMapDateIndex1764830000001 implements MigrationInterface {
  name = 'ActivitiesMapDateIndex1764830000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX activities_map_date_idx ON activities (tenant_id, date)
         INCLUDE (map_x, map_y, lon, lat, type, status, author_id, municipality_id, id) WHERE lat IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_map_date_idx`);
  }
}
