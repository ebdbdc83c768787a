import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The buildings register (DESIGN.md, Building; docs/buildings.md): the building, the history of its
 * reuse stage, and its assignments to organizations (one current row per building, `ended_at IS
 * NULL`; earlier ones are kept with the day they ended).
 *
 * Vocabularies are written out on purpose: a migration is a frozen snapshot (libs/contracts may grow).
 * Every link is a composite key with the tenant, so a building, its municipality, its stage changes
 * and its assignee organization always belong to one tenant.
 */
export class Buildings1764600000000 implements MigrationInterface {
  name = 'Buildings1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE buildings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        client_id uuid NOT NULL,
        client_hash text NOT NULL,
        municipality_id uuid NOT NULL,
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        address text CHECK (length(address) <= 300),
        lat double precision CHECK (lat BETWEEN 35 AND 47.5),
        lon double precision CHECK (lon BETWEEN 6 AND 19),
        ownership text NOT NULL CHECK (ownership IN ('municipal', 'metro_city', 'region', 'state', 'other_public', 'private', 'confiscated')),
        owner text CHECK (length(owner) <= 300),
        cadastral_reference text CHECK (length(cadastral_reference) <= 200),
        indoor_area_m2 double precision CHECK (indoor_area_m2 BETWEEN 0 AND 10000000),
        outdoor_area_m2 double precision CHECK (outdoor_area_m2 BETWEEN 0 AND 100000000),
        condition text NOT NULL CHECK (condition IN ('good', 'fair', 'poor', 'ruin')),
        current_use text NOT NULL CHECK (current_use IN ('unused', 'underused', 'partly_used', 'in_use')),
        accessibility text NOT NULL DEFAULT 'unknown'
          CHECK (accessibility IN ('accessible', 'partly_accessible', 'not_accessible', 'unknown')),
        constraints text[] NOT NULL DEFAULT '{}'
          CHECK (constraints <@ ARRAY['heritage', 'landscape', 'hydrogeological', 'urban_planning', 'other']::text[]),
        suitable_uses text[] NOT NULL DEFAULT '{}'
          CHECK (suitable_uses <@ ARRAY['social', 'cultural', 'economic', 'sport', 'education', 'housing']::text[]),
        stage text NOT NULL DEFAULT 'mapped' CHECK (stage IN ('mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded')),
        -- the day the reused building opened (set when it becomes active)
        opening_date date,
        notes text CHECK (length(notes) <= 5000),
        internal_notes text CHECK (length(internal_notes) <= 5000),
        -- confiscated assets: the national agency's (ANBSC) reference and the confiscation decree
        anbsc_code text CHECK (length(anbsc_code) BETWEEN 1 AND 100),
        confiscation_decree_date date,
        last_verified_at timestamptz,
        last_verified_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT buildings_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT buildings_tenant_client_id_key UNIQUE (tenant_id, client_id),
        CONSTRAINT buildings_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id),
        CONSTRAINT buildings_location_pair CHECK ((lat IS NULL) = (lon IS NULL)),
        CONSTRAINT buildings_confiscated_reference CHECK (
          ownership <> 'confiscated' OR (anbsc_code IS NOT NULL AND confiscation_decree_date IS NOT NULL)),
        CONSTRAINT buildings_active_opened CHECK (stage <> 'active' OR opening_date IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX buildings_name_idx ON buildings (tenant_id, lower(name), id)`);
    await q.query(`CREATE INDEX buildings_municipality_idx ON buildings (tenant_id, municipality_id, lower(name), id)`);
    await q.query(`CREATE INDEX buildings_stage_idx ON buildings (tenant_id, stage, municipality_id)`);
    await q.query(`CREATE INDEX buildings_verified_idx ON buildings (tenant_id, last_verified_at NULLS FIRST)`);
    await q.query(`CREATE INDEX buildings_point_idx ON buildings USING gist (point(lon, lat)) WHERE lat IS NOT NULL`);
    await q.query(
      `CREATE INDEX buildings_search_trgm_idx ON buildings USING gin ((trama_unaccent(name || ' ' || coalesce(address, ''))) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE building_stage_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        building_id uuid NOT NULL,
        from_stage text CHECK (from_stage IN ('mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded')),
        to_stage text NOT NULL CHECK (to_stage IN ('mapped', 'assessed', 'planned', 'assigned', 'active', 'discarded')),
        reason text CHECK (length(reason) <= 2000),
        at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES users(id),
        FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT building_stage_changes_discard_reason CHECK (to_stage <> 'discarded' OR reason IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX building_stage_changes_building_idx ON building_stage_changes (tenant_id, building_id, at)`);

    await q.query(`
      CREATE TABLE building_assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        building_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        instrument text NOT NULL CHECK (instrument IN ('call', 'collaboration_pact', 'free_loan', 'concession', 'lease', 'other')),
        start_date date NOT NULL CHECK (start_date BETWEEN DATE '1950-01-01' AND DATE '2150-12-31'),
        end_date date NOT NULL CHECK (end_date BETWEEN DATE '1950-01-01' AND DATE '2150-12-31'),
        -- when the building left the assignment (discarded); null = the current assignment
        ended_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        FOREIGN KEY (tenant_id, building_id) REFERENCES buildings (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id),
        CONSTRAINT building_assignments_dates CHECK (end_date >= start_date)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX building_assignments_current_key ON building_assignments (tenant_id, building_id) WHERE ended_at IS NULL`,
    );
    // the expiry list: current assignments by end date
    await q.query(
      `CREATE INDEX building_assignments_expiry_idx ON building_assignments (tenant_id, end_date) INCLUDE (building_id) WHERE ended_at IS NULL`,
    );
    await q.query(`CREATE INDEX building_assignments_organization_idx ON building_assignments (tenant_id, organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS building_assignments`);
    await q.query(`DROP TABLE IF EXISTS building_stage_changes`);
    await q.query(`DROP TABLE IF EXISTS buildings`);
  }
}
