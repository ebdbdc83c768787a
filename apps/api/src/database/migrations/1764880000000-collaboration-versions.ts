import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A data version of the collaboration network (docs/collaborations.md, "The recompute's read"):
 * `map_versions.collaboration_links`, bumped like the map layers' (migration 1764810000000) at the
 * commit of every transaction that wrote `collaboration_links` in the tenant (its triggers write it in
 * the transaction of each approval, reopening, new partner, assignment, merge, deletion). An API process
 * keeps the links it last read for a tenant and reads them again only when the version, the half-life
 * or the day has changed: a change of weights recomputes on the network already in memory.
 *
 * And `map_versions.collaboration_open`: bumped at the commit of every transaction that changed which
 * pairs are open in the tenant, or their municipalities or themes (the columns a page's filters and
 * territory rule read): a pair inserted, deleted, decided, retired or brought back. A page of open
 * suggestions keeps the count of its query per process while it is unchanged: a change of weights moves
 * every score but changes no count, and counting 124,000 open pairs at each page cost 60–90 ms.
 */
const LAYERS = ['activities', 'buildings', 'organizations', 'initiatives', 'collaboration_links', 'collaboration_open'];
const bump = (layer: string) => `CASE WHEN layer IN ('${layer}', 'all') THEN nextval('map_version_seq') ELSE v.${layer} END`;

const functions = (layers: string[]) => [
  `CREATE OR REPLACE FUNCTION trama_map_touch() RETURNS trigger LANGUAGE plpgsql AS $$
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
          ${layers.map((l) => `${l} = ${bump(l)}`).join(',\n          ')};
        -- (an UPDATE moving a row to another tenant: the old one changed too; never done by the app)
        IF TG_OP = 'UPDATE' AND OLD.tenant_id IS DISTINCT FROM NEW.tenant_id AND OLD.tenant_id IS NOT NULL THEN
          INSERT INTO map_versions (tenant_id) VALUES (OLD.tenant_id) ON CONFLICT (tenant_id) DO UPDATE SET
            ${layers.map((l) => `${l} = nextval('map_version_seq')`).join(', ')};
        END IF;
        RETURN NULL;
      END $$`,
  `CREATE OR REPLACE FUNCTION trama_map_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE layer text := TG_ARGV[0];
      BEGIN
        UPDATE map_versions v SET
          ${layers.map((l) => `${l} = ${bump(l)}`).join(',\n          ')};
        RETURN NULL;
      END $$`,
];

export class CollaborationVersions1764880000000 implements MigrationInterface {
  name = 'CollaborationVersions1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE map_versions ADD COLUMN collaboration_links bigint NOT NULL DEFAULT nextval('map_version_seq')`);
    await q.query(`ALTER TABLE map_versions ADD COLUMN collaboration_open bigint NOT NULL DEFAULT nextval('map_version_seq')`);
    for (const sql of functions(LAYERS)) await q.query(sql);
    await q.query(`
      CREATE CONSTRAINT TRIGGER collaboration_links_map_touch AFTER INSERT OR UPDATE OR DELETE ON collaboration_links
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trama_map_touch('collaboration_links')`);
    await q.query(`
      CREATE TRIGGER collaboration_links_map_truncated AFTER TRUNCATE ON collaboration_links
        FOR EACH STATEMENT EXECUTE FUNCTION trama_map_truncated('collaboration_links')`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER collaboration_suggestions_open_added AFTER INSERT OR DELETE ON collaboration_suggestions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION trama_map_touch('collaboration_open')`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER collaboration_suggestions_open_changed AFTER UPDATE ON collaboration_suggestions
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.current IS DISTINCT FROM NEW.current
              OR OLD.municipality_a IS DISTINCT FROM NEW.municipality_a OR OLD.municipality_b IS DISTINCT FROM NEW.municipality_b
              OR OLD.themes IS DISTINCT FROM NEW.themes OR OLD.tenant_id IS DISTINCT FROM NEW.tenant_id)
        EXECUTE FUNCTION trama_map_touch('collaboration_open')`);
    await q.query(`
      CREATE TRIGGER collaboration_suggestions_open_truncated AFTER TRUNCATE ON collaboration_suggestions
        FOR EACH STATEMENT EXECUTE FUNCTION trama_map_truncated('collaboration_open')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const trigger of [
      'collaboration_suggestions_open_added',
      'collaboration_suggestions_open_changed',
      'collaboration_suggestions_open_truncated',
    ])
      await q.query(`DROP TRIGGER IF EXISTS ${trigger} ON collaboration_suggestions`);
    await q.query(`DROP TRIGGER IF EXISTS collaboration_links_map_touch ON collaboration_links`);
    await q.query(`DROP TRIGGER IF EXISTS collaboration_links_map_truncated ON collaboration_links`);
    for (const sql of functions(LAYERS.filter((l) => !l.startsWith('collaboration_')))) await q.query(sql);
    await q.query(`ALTER TABLE map_versions DROP COLUMN collaboration_links, DROP COLUMN collaboration_open`);
  }
}
