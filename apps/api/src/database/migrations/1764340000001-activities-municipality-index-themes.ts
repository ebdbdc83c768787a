import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `theme=` within a municipality (a municipality user's list, which is always one municipality
 * or social area; a coordinator's `municipality=` or `socialArea=` with `theme=`): the municipality
 * index did not carry `themes`, so the count combined the themes GIN and the municipality index in
 * a BitmapAnd and read the heap (Molfetta's approved youth activities at 1,000,000: 1,121 matches,
 * ~190–270 ms). With `themes` in its INCLUDE, as migration 1764320000000 did for the list and type
 * indexes, the count walks the municipality's range index-only and tests the theme there (13,432
 * entries, ~12 ms; the page reads ~580). +19 MB at 1M.
 */
export class ActivitiesMunicipalityIndexThemes1764340000001 implements MigrationInterface {
  name = 'ActivitiesMunicipalityIndexThemes1764340000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX activities_municipality_idx`);
    await q.query(
      `CREATE INDEX activities_municipality_idx ON activities (tenant_id, municipality_id, date DESC, id DESC)
         INCLUDE (status, author_id, type, themes)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX activities_municipality_idx`);
    await q.query(
      `CREATE INDEX activities_municipality_idx ON activities (tenant_id, municipality_id, date DESC, id DESC) INCLUDE (status, author_id, type)`,
    );
  }
}
