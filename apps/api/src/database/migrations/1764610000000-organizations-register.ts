import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The organizations register grows to every field of DESIGN.md's Organization (issue 9): address,
 * point, themes, target groups, offers and needs (one vocabulary), size, contacts (personal data,
 * kept only with consent), website, description, notes, internal notes, the on-site verification,
 * the idempotent-create key, and the merge of a duplicate into its survivor.
 *
 * Vocabularies are written out here on purpose: a migration is a frozen snapshot.
 */
export class OrganizationsRegister1764610000000 implements MigrationInterface {
  name = 'OrganizationsRegister1764610000000';

  async up(q: QueryRunner): Promise<void> {
    const themes = `ARRAY['social_inclusion', 'youth', 'elderly', 'families', 'migrants', 'disability', 'education', 'culture',
      'sport', 'environment', 'urban_regeneration', 'legality', 'work', 'digital', 'health', 'housing', 'mobility', 'tourism']::text[]`;
    const resources = `ARRAY['space', 'volunteers', 'skills', 'funding', 'equipment', 'partners', 'communication', 'training', 'mentoring']::text[]`;
    const targetGroups = `ARRAY['children', 'youth', 'adults', 'elderly', 'families', 'women', 'migrants', 'people_with_disabilities',
      'unemployed', 'people_in_poverty', 'detainees', 'students', 'general_public']::text[]`;
    await q.query(`
      ALTER TABLE organizations
        -- existing rows get a generated key; the API always sends or makes one
        ADD COLUMN client_id uuid NOT NULL DEFAULT gen_random_uuid(),
        ADD COLUMN client_hash text,
        ADD COLUMN description text CHECK (length(description) <= 5000),
        ADD COLUMN address text CHECK (length(address) <= 300),
        ADD COLUMN lat double precision CHECK (lat BETWEEN 35 AND 47.5),
        ADD COLUMN lon double precision CHECK (lon BETWEEN 6 AND 19),
        ADD COLUMN themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ${themes}),
        ADD COLUMN target_groups text[] NOT NULL DEFAULT '{}' CHECK (target_groups <@ ${targetGroups}),
        ADD COLUMN offers text[] NOT NULL DEFAULT '{}' CHECK (offers <@ ${resources}),
        ADD COLUMN needs text[] NOT NULL DEFAULT '{}' CHECK (needs <@ ${resources}),
        ADD COLUMN size text CHECK (size IN ('micro', 'small', 'medium', 'large')),
        ADD COLUMN website text CHECK (length(website) <= 300),
        -- the contact person: personal data, minimal, kept only with their consent
        ADD COLUMN contact_name text CHECK (length(contact_name) <= 200),
        ADD COLUMN contact_email text CHECK (length(contact_email) <= 254),
        ADD COLUMN contact_phone text CHECK (length(contact_phone) <= 40),
        ADD COLUMN contact_consent boolean NOT NULL DEFAULT false,
        ADD COLUMN contact_consent_at timestamptz,
        ADD COLUMN notes text CHECK (length(notes) <= 5000),
        ADD COLUMN internal_notes text CHECK (length(internal_notes) <= 5000),
        ADD COLUMN last_verified_at timestamptz,
        ADD COLUMN last_verified_by uuid,
        ADD COLUMN merged_into uuid,
        ADD COLUMN merged_at timestamptz,
        ADD CONSTRAINT organizations_location_pair CHECK ((lat IS NULL) = (lon IS NULL)),
        ADD CONSTRAINT organizations_contact_consent CHECK (
          contact_consent OR (contact_name IS NULL AND contact_email IS NULL AND contact_phone IS NULL)),
        ADD CONSTRAINT organizations_contact_consent_at CHECK (contact_consent = (contact_consent_at IS NOT NULL)),
        ADD CONSTRAINT organizations_verified_pair CHECK ((last_verified_at IS NULL) = (last_verified_by IS NULL)),
        ADD CONSTRAINT organizations_merged_inactive CHECK (merged_into IS NULL OR (NOT active AND merged_at IS NOT NULL)),
        ADD CONSTRAINT organizations_merged_not_self CHECK (merged_into <> id),
        ADD CONSTRAINT organizations_tenant_client_id_key UNIQUE (tenant_id, client_id),
        ADD CONSTRAINT organizations_merged_into_fkey FOREIGN KEY (tenant_id, merged_into) REFERENCES organizations (tenant_id, id)`);
    // the map's points (the layer selects from OrganizationsRepository.filtered)
    await q.query(`CREATE INDEX organizations_point_idx ON organizations USING gist (point(lon, lat)) WHERE lat IS NOT NULL`);
    // list filters that no other index serves
    await q.query(`CREATE INDEX organizations_kind_idx ON organizations (tenant_id, kind)`);
    await q.query(`CREATE INDEX organizations_arrays_idx ON organizations USING gin (themes, offers, needs, target_groups)`);
    // the stale list: not verified (or never) ordered by the last verification
    await q.query(
      `CREATE INDEX organizations_verified_idx ON organizations (tenant_id, last_verified_at NULLS FIRST) WHERE merged_into IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS organizations_verified_idx`);
    await q.query(`DROP INDEX IF EXISTS organizations_arrays_idx`);
    await q.query(`DROP INDEX IF EXISTS organizations_kind_idx`);
    await q.query(`DROP INDEX IF EXISTS organizations_point_idx`);
    await q.query(`
      ALTER TABLE organizations
        DROP CONSTRAINT IF EXISTS organizations_merged_into_fkey,
        DROP CONSTRAINT IF EXISTS organizations_tenant_client_id_key,
        DROP COLUMN client_id, DROP COLUMN client_hash, DROP COLUMN description, DROP COLUMN address, DROP COLUMN lat,
        DROP COLUMN lon, DROP COLUMN themes, DROP COLUMN target_groups, DROP COLUMN offers, DROP COLUMN needs, DROP COLUMN size,
        DROP COLUMN website, DROP COLUMN contact_name, DROP COLUMN contact_email, DROP COLUMN contact_phone,
        DROP COLUMN contact_consent, DROP COLUMN contact_consent_at, DROP COLUMN notes, DROP COLUMN internal_notes,
        DROP COLUMN last_verified_at, DROP COLUMN last_verified_by, DROP COLUMN merged_into, DROP COLUMN merged_at`);
  }
}
