import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After 1764720000000 rewrote the four map-layer tables (the stored Mercator columns), their
 * visibility maps are empty until autovacuum next visits them — which a table that is only read
 * may not get for a long time — and every index-only scan (the map's whole-metropolitan-city grid,
 * the lists' page ids) would read the heap row by row meanwhile. VACUUM sets the map again; it
 * cannot run inside a transaction, hence this migration of its own without one. Idempotent.
 */
export class VacuumMapLayers1764720000002 implements MigrationInterface {
  name = 'VacuumMapLayers1764720000002';
  transaction = false;

  async up(q: QueryRunner): Promise<void> {
    await q.query(`VACUUM (ANALYZE) activities, buildings, organizations, initiatives`);
  }

  async down(): Promise<void> {
    // nothing to undo
  }
}
