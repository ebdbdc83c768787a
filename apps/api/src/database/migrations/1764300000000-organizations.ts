import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizations register, minimal (name, kind, tax code, municipality, active) and shaped after
 * DESIGN.md's Organization so that later columns (address, point, themes, offers/needs, contacts,
 * last verification) are added without rework. Also `trama_unaccent(text)`, the IMMUTABLE wrapper of
 * `unaccent` that accent-insensitive expression indexes need (unaccent itself is only STABLE).
 *
 * Vocabularies are written out here on purpose: a migration is a frozen snapshot and must not
 * change meaning when libs/contracts changes.
 */
export class Organizations1764300000000 implements MigrationInterface {
  name = 'Organizations1764300000000';

  async up(q: QueryRunner): Promise<void> {
    // unaccent lives in whatever schema the extension was created in: bind the wrapper to it
    // explicitly, so that it does not depend on the caller's search_path (a requirement for
    // functions used in indexes and generated columns).
    const [ext] = await q.query(`SELECT extnamespace::regnamespace::text AS schema FROM pg_extension WHERE extname = 'unaccent'`);
    if (!ext) throw new Error('the unaccent extension is missing (the foundation migration creates it)');
    const schema = String(ext.schema);
    await q.query(`
      CREATE FUNCTION trama_unaccent(text) RETURNS text
        LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
        AS $fn$ SELECT ${schema}.unaccent('${schema}.unaccent'::regdictionary, $1) $fn$`);
    await q.query(`COMMENT ON FUNCTION trama_unaccent(text) IS
      'unaccent() with a fixed dictionary, declared IMMUTABLE so that it can be used in indexes and generated columns'`);

    await q.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
        kind text NOT NULL CHECK (kind IN ('odv', 'aps', 'social_enterprise', 'philanthropic', 'network', 'mutual_aid', 'other_ets',
                                           'informal_group', 'company', 'school', 'university', 'public_body', 'religious_body',
                                           'foundation', 'other')),
        -- codice fiscale of a body (11 digits, = partita IVA when it has one) or of a person (16 characters);
        -- the checksum is verified by the API
        tax_code text CHECK (tax_code ~ '^([0-9]{11}|[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z])$'),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        -- target of the composite foreign keys that keep links inside one tenant
        CONSTRAINT organizations_tenant_id_key UNIQUE (tenant_id, id),
        -- NULLs are distinct: many organizations may have no tax code
        CONSTRAINT organizations_tenant_tax_code_key UNIQUE (tenant_id, tax_code)
      )`);
    await q.query(`CREATE INDEX organizations_municipality_idx ON organizations (tenant_id, municipality_id)`);
    await q.query(`CREATE INDEX organizations_name_idx ON organizations (tenant_id, lower(name), id)`);
    await q.query(`CREATE INDEX organizations_name_trgm_idx ON organizations USING gin (trama_unaccent(name) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS organizations`);
    await q.query(`DROP FUNCTION IF EXISTS trama_unaccent(text)`);
  }
}
