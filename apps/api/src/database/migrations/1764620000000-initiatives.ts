import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initiatives register (DESIGN.md, Initiative; docs/initiatives.md) and the activity's link to it.
 *
 * - `initiatives`: one row per initiative; `municipality_id` is its main municipality (the one a
 *   response names as `municipality`, the ISTAT code of its GeoJSON feature); every municipality of
 *   the initiative, the main one included, is a row of `initiative_municipalities`, which the scoped
 *   door's `{ through }` binding reads (visible when ANY of them is in the caller's territory).
 * - `initiative_organizations`: lead (at most one) and partner organizations, composite keys so
 *   that both sides are of one tenant (as activity_organizations).
 * - `initiative_status_changes`: the status timeline (who, when, from, to, the date it took
 *   effect, why).
 * - `building_id` has NO foreign key: the buildings register is being built in parallel; its
 *   migration (or the integrator's) adds `(tenant_id, building_id) → buildings (tenant_id, id)`.
 * - activities.initiative_id gets its foreign key here (composite, tenant-bound), after checking
 *   that every value is null or an initiative of the activity's tenant (none exist before this
 *   migration, so any non-null value is refused).
 *
 * Vocabularies are written out on purpose: a migration is a frozen snapshot.
 */
export class Initiatives1764620000000 implements MigrationInterface {
  name = 'Initiatives1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE initiatives (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        client_id uuid NOT NULL,
        client_hash text NOT NULL,
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 300),
        description text CHECK (length(description) <= 10000),
        municipality_id uuid NOT NULL,
        -- the hosting building: no foreign key until the buildings register lands (see the header)
        building_id uuid,
        themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ARRAY['social_inclusion', 'youth', 'elderly', 'families', 'migrants',
          'disability', 'education', 'culture', 'sport', 'environment', 'urban_regeneration', 'legality', 'work', 'digital', 'health',
          'housing', 'mobility', 'tourism']::text[]),
        status text NOT NULL CHECK (status IN ('idea', 'planned', 'running', 'completed', 'stopped')),
        start_date date CHECK (start_date BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        end_date date CHECK (end_date BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        funding_source text CHECK (funding_source IN ('eu', 'national', 'regional', 'metro_city', 'municipal', 'private', 'foundation',
                                                      'crowdfunding', 'own', 'other')),
        funding_amount numeric(14, 2) CHECK (funding_amount >= 0),
        cup text CHECK (cup ~ '^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$'),
        beneficiaries_count int CHECK (beneficiaries_count BETWEEN 0 AND 100000000),
        beneficiaries_description text CHECK (length(beneficiaries_description) <= 2000),
        lat double precision CHECK (lat BETWEEN 35 AND 47.5),
        lon double precision CHECK (lon BETWEEN 6 AND 19),
        internal_notes text CHECK (length(internal_notes) <= 5000),
        stop_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT initiatives_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT initiatives_tenant_client_id_key UNIQUE (tenant_id, client_id),
        CONSTRAINT initiatives_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id),
        CONSTRAINT initiatives_location_pair CHECK ((lat IS NULL) = (lon IS NULL)),
        CONSTRAINT initiatives_dates_order CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT initiatives_amount_has_source CHECK (funding_amount IS NULL OR funding_source IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX initiatives_title_idx ON initiatives (tenant_id, lower(title), id)`);
    await q.query(`CREATE INDEX initiatives_status_idx ON initiatives (tenant_id, status)`);
    await q.query(`CREATE INDEX initiatives_building_idx ON initiatives (tenant_id, building_id) WHERE building_id IS NOT NULL`);
    await q.query(`CREATE INDEX initiatives_themes_idx ON initiatives USING gin (themes)`);
    await q.query(
      `CREATE INDEX initiatives_text_trgm_idx ON initiatives USING gin (trama_unaccent(title || ' ' || coalesce(description, '')) gin_trgm_ops)`,
    );
    await q.query(`CREATE INDEX initiatives_point_idx ON initiatives USING gist (point(lon, lat)) WHERE lat IS NOT NULL`);

    await q.query(`
      CREATE TABLE initiative_municipalities (
        tenant_id uuid NOT NULL,
        initiative_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, initiative_id, municipality_id),
        FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiatives (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX initiative_municipalities_municipality_idx ON initiative_municipalities (tenant_id, municipality_id, initiative_id)`,
    );

    await q.query(`
      CREATE TABLE initiative_organizations (
        tenant_id uuid NOT NULL,
        initiative_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        role text NOT NULL CHECK (role IN ('lead', 'partner')),
        PRIMARY KEY (tenant_id, initiative_id, organization_id),
        FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiatives (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX initiative_organizations_one_lead ON initiative_organizations (tenant_id, initiative_id) WHERE role = 'lead'`,
    );
    await q.query(
      `CREATE INDEX initiative_organizations_organization_idx ON initiative_organizations (tenant_id, organization_id, initiative_id)`,
    );

    await q.query(`
      CREATE TABLE initiative_status_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        initiative_id uuid NOT NULL,
        from_status text CHECK (from_status IN ('idea', 'planned', 'running', 'completed', 'stopped')),
        to_status text NOT NULL CHECK (to_status IN ('idea', 'planned', 'running', 'completed', 'stopped')),
        -- the day the change took effect (the start date for running, the end date for completed/stopped)
        effective_date date,
        reason text CHECK (length(reason) <= 2000),
        at timestamptz NOT NULL DEFAULT now(),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiatives (tenant_id, id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX initiative_status_changes_initiative_idx ON initiative_status_changes (tenant_id, initiative_id, at)`);

    // activities.initiative_id: refuse to add the key over values that would not satisfy it
    const [bad] = await q.query(`SELECT count(*)::int AS n FROM activities WHERE initiative_id IS NOT NULL`);
    if (bad.n > 0) throw new Error(`activities.initiative_id holds ${bad.n} values but no initiative exists yet: clear them first`);
    await q.query(`
      ALTER TABLE activities
        ADD CONSTRAINT activities_tenant_initiative_fkey FOREIGN KEY (tenant_id, initiative_id) REFERENCES initiatives (tenant_id, id)`);
    await q.query(
      `CREATE INDEX activities_initiative_idx ON activities (tenant_id, initiative_id, date DESC, id DESC) WHERE initiative_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS activities_initiative_idx`);
    await q.query(`ALTER TABLE activities DROP CONSTRAINT IF EXISTS activities_tenant_initiative_fkey`);
    await q.query(`DROP TABLE IF EXISTS initiative_status_changes`);
    await q.query(`DROP TABLE IF EXISTS initiative_organizations`);
    await q.query(`DROP TABLE IF EXISTS initiative_municipalities`);
    await q.query(`DROP TABLE IF EXISTS initiatives`);
  }
}
