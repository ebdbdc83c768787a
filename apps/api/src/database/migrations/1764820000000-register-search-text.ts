import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registers' text search on a stored, already folded text (docs/benchmarks.md, "Lists at 1M").
 * `q` is a substring of the name (and address, or title and description), accents and case
 * ignored. It was `trama_unaccent(<text>) ILIKE '%q%'` on an expression's trigram index: the index
 * finds candidates, and every candidate is rechecked on the heap by computing the expression again
 * — unaccenting and lower-casing an initiative's whole description per candidate, twice per list
 * (the count and the page). Now the folded text is a generated column (`lower(trama_unaccent(…))`),
 * its trigram index serves `LIKE '%q%'` with the query folded the same way, and the recheck is a
 * plain LIKE on the stored text. Same matches: ILIKE folds both sides with lower() as well.
 * organizations_name_trgm_idx stays (the duplicates' similarity, `%`, uses it).
 */
export class RegisterSearchText1764820000000 implements MigrationInterface {
  name = 'RegisterSearchText1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE buildings ADD COLUMN search_text text
         GENERATED ALWAYS AS (lower(trama_unaccent(name || ' ' || coalesce(address, '')))) STORED`,
    );
    await q.query(`CREATE INDEX buildings_search_text_idx ON buildings USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX buildings_search_trgm_idx`);
    await q.query(`ALTER TABLE organizations ADD COLUMN search_text text GENERATED ALWAYS AS (lower(trama_unaccent(name))) STORED`);
    await q.query(`CREATE INDEX organizations_search_text_idx ON organizations USING gin (search_text gin_trgm_ops)`);
    await q.query(
      `ALTER TABLE initiatives ADD COLUMN search_text text
         GENERATED ALWAYS AS (lower(trama_unaccent(title || ' ' || coalesce(description, '')))) STORED`,
    );
    await q.query(`CREATE INDEX initiatives_search_text_idx ON initiatives USING gin (search_text gin_trgm_ops)`);
    await q.query(`DROP INDEX initiatives_text_trgm_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX initiatives_text_trgm_idx ON initiatives USING gin (trama_unaccent(title || ' ' || coalesce(description, '')) gin_trgm_ops)`,
    );
    await q.query(`ALTER TABLE initiatives DROP COLUMN search_text`);
    await q.query(`ALTER TABLE organizations DROP COLUMN search_text`);
    await q.query(
      `CREATE INDEX buildings_search_trgm_idx ON buildings USING gin ((trama_unaccent(name || ' ' || coalesce(address, ''))) gin_trgm_ops)`,
    );
    await q.query(`ALTER TABLE buildings DROP COLUMN search_text`);
  }
}
