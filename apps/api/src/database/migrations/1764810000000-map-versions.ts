import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The map's data versions (docs/map.md, "The whole-tenant cell cache"): one row per tenant with a
 * version per map layer, changed by the database at the commit of every transaction that wrote a
 * table the layer's query reads (its register, the join tables its rule and filters read, the
 * municipalities and social areas). An API process keeps the whole tenant's grid cells of a query
 * and answers from them while the version it read before computing them is still the current one:
 * each process, behind any load balancer, asks the database, so no answer is stale.
 *
 * - The version is a value of `map_version_seq` (never reused, even if the row is lost), not a
 *   counter: equality is all a reader checks.
 * - The trigger is a DEFERRED constraint trigger: it runs at commit, after every statement of the
 *   transaction, so the version row is locked only for the instant of the commit (a row lock taken
 *   at the first write would serialize every writer of the tenant until it commits, and could
 *   deadlock two multi-statement transactions). One row per tenant, so a transaction locks one
 *   version row whatever layers it wrote (no lock-order deadlock between layers).
 * - It is a row trigger (constraint triggers are), so a transaction-local setting
 *   (`trama.map_touched`) remembers the (layer, tenant) already bumped: one UPDATE per transaction,
 *   not per row.
 * - TRUNCATE (statement trigger) bumps every tenant of the layer.
 */
const TRACKED: { table: string; layer: string }[] = [
  { table: 'activities', layer: 'activities' },
  { table: 'activity_organizations', layer: 'activities' },
  { table: 'buildings', layer: 'buildings' },
  { table: 'organizations', layer: 'organizations' },
  { table: 'initiatives', layer: 'initiatives' },
  { table: 'initiative_municipalities', layer: 'initiatives' },
  { table: 'initiative_organizations', layer: 'initiatives' },
  { table: 'municipalities', layer: 'all' },
  { table: 'social_areas', layer: 'all' },
];

const bump = (layer: string, test: string) =>
  `CASE WHEN ${test} IN ('${layer}', 'all') THEN nextval('map_version_seq') ELSE v.${layer} END`;

export class MapVersions1764810000000 implements MigrationInterface {
  name = 'MapVersions1764810000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE map_version_seq`);
    await q.query(`
      CREATE TABLE map_versions (
        tenant_id uuid PRIMARY KEY,
        activities bigint NOT NULL DEFAULT nextval('map_version_seq'),
        buildings bigint NOT NULL DEFAULT nextval('map_version_seq'),
        organizations bigint NOT NULL DEFAULT nextval('map_version_seq'),
        initiatives bigint NOT NULL DEFAULT nextval('map_version_seq')
      )`);
    await q.query(`INSERT INTO map_versions (tenant_id) SELECT tenant_id FROM tenants`);
    await q.query(`
      CREATE FUNCTION trama_map_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        layer text := TG_ARGV[0];
        tenant uuid;
        mark text;
        touched text;
      BEGIN
        IF TG_OP = 'DELETE' THEN tenant := OLD.tenant_id; ELSE tenant := NEW.tenant_id; END IF;
        IF tenant IS NULL THEN RETURN NULL; END IF;
        mark := layer || ':' || tenant::text || ';';
        touched := coalesce(current_setting('trama.map_touched', true), '');
        IF position(mark IN touched) > 0 THEN RETURN NULL; END IF;
        PERFORM set_config('trama.map_touched', touched || mark, true);
        INSERT INTO map_versions AS v (tenant_id) VALUES (tenant)
        ON CONFLICT (tenant_id) DO UPDATE SET
          activities = ${bump('activities', 'layer')},
          buildings = ${bump('buildings', 'layer')},
          organizations = ${bump('organizations', 'layer')},
          initiatives = ${bump('initiatives', 'layer')};
        -- (an UPDATE moving a row to another tenant: the old one changed too; never done by the app)
        IF TG_OP = 'UPDATE' AND OLD.tenant_id IS DISTINCT FROM NEW.tenant_id AND OLD.tenant_id IS NOT NULL THEN
          INSERT INTO map_versions (tenant_id) VALUES (OLD.tenant_id) ON CONFLICT (tenant_id) DO UPDATE SET
            activities = nextval('map_version_seq'), buildings = nextval('map_version_seq'),
            organizations = nextval('map_version_seq'), initiatives = nextval('map_version_seq');
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION trama_map_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE layer text := TG_ARGV[0];
      BEGIN
        UPDATE map_versions v SET
          activities = ${bump('activities', 'layer')},
          buildings = ${bump('buildings', 'layer')},
          organizations = ${bump('organizations', 'layer')},
          initiatives = ${bump('initiatives', 'layer')};
        RETURN NULL;
      END $$`);
    for (const { table, layer } of TRACKED) {
      await q.query(`
        CREATE CONSTRAINT TRIGGER ${table}_map_touch AFTER INSERT OR UPDATE OR DELETE ON ${table}
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trama_map_touch('${layer}')`);
      await q.query(`
        CREATE TRIGGER ${table}_map_truncated AFTER TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION trama_map_truncated('${layer}')`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table } of TRACKED) {
      await q.query(`DROP TRIGGER IF EXISTS ${table}_map_touch ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${table}_map_truncated ON ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS trama_map_touch()`);
    await q.query(`DROP FUNCTION IF EXISTS trama_map_truncated()`);
    await q.query(`DROP TABLE IF EXISTS map_versions`);
    await q.query(`DROP SEQUENCE IF EXISTS map_version_seq`);
  }
}
