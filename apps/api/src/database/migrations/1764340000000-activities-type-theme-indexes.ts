import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The themes of migration 1764300000001's CHECK, as they were when this migration was written.
 * A theme added later needs its own migration (the CHECK has to change anyway) with its index;
 * until then a filter on it stays correct, on the slower plan (the type index walk).
 */
const THEMES = [
  'social_inclusion',
  'youth',
  'elderly',
  'families',
  'migrants',
  'disability',
  'education',
  'culture',
  'sport',
  'environment',
  'urban_regeneration',
  'legality',
  'work',
  'digital',
  'health',
  'housing',
  'mobility',
  'tourism',
];

/**
 * `type=…&theme=…` (the list, its capped count and the export): a theme is dense (each 5–15% of the
 * activities) and so is a type, so their combination matches ~1% of a tenant's activities. The
 * count (up to ACTIVITY_COUNT_CAP + 1) walked activities_type_idx over the whole type range and
 * tested the theme from its INCLUDE: ~93,000 index entries for 10,001 matches at 1,000,000
 * activities (p95 62–71 ms, docs/benchmarks.md). A btree cannot key an array's elements and a GIN
 * index (btree_gin on tenant, type, themes) must read the heap for every match (84–218 ms measured),
 * so there is one small partial btree per theme, in list order: every entry it holds matches, the
 * count reads 10,001 entries (3.4 ms) and the page 50, both index-only (INCLUDE: what the access
 * rules test). ~12 MB each at 1M.
 *
 * The planner uses a partial index only when it can prove the query implies its predicate: the
 * filter must stay `themes @> ARRAY[<theme>]::text[]` (or `@> '{<theme>}'`) with the value bound
 * as a parameter of an unnamed statement (node-postgres' default: a custom plan, where the value is
 * a constant). `<theme> = ANY(themes)` or a generic plan of a named prepared statement would not.
 */
export class ActivitiesTypeThemeIndexes1764340000000 implements MigrationInterface {
  name = 'ActivitiesTypeThemeIndexes1764340000000';

  async up(q: QueryRunner): Promise<void> {
    for (const theme of THEMES) {
      await q.query(
        `CREATE INDEX activities_type_theme_${theme}_idx ON activities (tenant_id, type, date DESC, id DESC)
           INCLUDE (status, municipality_id, author_id) WHERE themes @> ARRAY['${theme}']::text[]`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const theme of THEMES) await q.query(`DROP INDEX IF EXISTS activities_type_theme_${theme}_idx`);
  }
}
