import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The activity log (DESIGN.md, Activity) and its links to organizations.
 *
 * Indexes are designed for 1,000,000 activities per tenant (docs/activities.md):
 * - every btree leads with tenant_id and ends with (date DESC, id DESC), the list's order, so a page
 *   is read in order from the index and stops after `LIMIT` rows;
 * - the main list index INCLUDEs the columns the access rules and common filters test (status,
 *   municipality, author, type), and so do the municipality and author indexes, so that
 *   `count(*)` with those predicates is an index-only scan;
 * - GIN for themes (array containment) and for the Italian full-text vector (unaccented, stemmed);
 * - the join table is indexed both ways, tenant first.
 * building_id and initiative_id have no foreign key yet: those registers do not exist. Their
 * migrations must add the constraint (after checking the column holds only nulls or valid ids).
 */
export class Activities1764300000001 implements MigrationInterface {
  name = 'Activities1764300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        client_id uuid NOT NULL,
        -- sha256 of the normalised creation request: a retry with the same clientId must carry the same body
        client_hash text NOT NULL,
        author_id uuid NOT NULL REFERENCES users(id),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        date date NOT NULL CHECK (date BETWEEN DATE '2000-01-01' AND DATE '2100-12-31'),
        duration_minutes int NOT NULL CHECK (duration_minutes BETWEEN 1 AND 10080),
        type text NOT NULL CHECK (type IN ('meeting', 'workshop', 'codesign', 'event', 'info_desk', 'site_visit', 'mapping_survey',
                                           'network_table', 'consulting', 'training', 'other')),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 200),
        description text,
        participants_total int NOT NULL CHECK (participants_total BETWEEN 0 AND 1000000),
        participants_citizens int CHECK (participants_citizens >= 0),
        participants_youth int CHECK (participants_youth >= 0),
        participants_families int CHECK (participants_families >= 0),
        participants_ets int CHECK (participants_ets >= 0),
        participants_businesses int CHECK (participants_businesses >= 0),
        participants_public_staff int CHECK (participants_public_staff >= 0),
        themes text[] NOT NULL DEFAULT '{}' CHECK (themes <@ ARRAY['social_inclusion', 'youth', 'elderly', 'families', 'migrants',
          'disability', 'education', 'culture', 'sport', 'environment', 'urban_regeneration', 'legality', 'work', 'digital', 'health',
          'housing', 'mobility', 'tourism']::text[]),
        building_id uuid,
        initiative_id uuid,
        -- optional point, inside Italy
        lat double precision CHECK (lat BETWEEN 35 AND 47.5),
        lon double precision CHECK (lon BETWEEN 6 AND 19),
        outcomes text,
        follow_ups text,
        internal_notes text,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        review_comment text,
        submitted_at timestamptz,
        submitted_by uuid REFERENCES users(id),
        reviewed_at timestamptz,
        reviewed_by uuid REFERENCES users(id),
        -- Italian full text of what municipality users may read too (never the internal notes),
        -- over unaccented text so that "citta" finds "città"
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('italian'::regconfig, trama_unaccent(title)), 'A') ||
          setweight(to_tsvector('italian'::regconfig, trama_unaccent(coalesce(description, '') || ' ' || coalesce(outcomes, '') || ' ' ||
                                                                       coalesce(follow_ups, ''))), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT activities_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT activities_tenant_client_id_key UNIQUE (tenant_id, client_id),
        CONSTRAINT activities_location_pair CHECK ((lat IS NULL) = (lon IS NULL)),
        CONSTRAINT activities_participants_within_total CHECK (
          coalesce(participants_citizens, 0) + coalesce(participants_youth, 0) + coalesce(participants_families, 0) +
          coalesce(participants_ets, 0) + coalesce(participants_businesses, 0) + coalesce(participants_public_staff, 0)
          <= participants_total),
        CONSTRAINT activities_submitted_has_time CHECK (status = 'draft' OR submitted_at IS NOT NULL),
        CONSTRAINT activities_reviewed_has_time CHECK (status NOT IN ('approved', 'returned') OR reviewed_at IS NOT NULL)
      )`);
    await q.query(
      `CREATE INDEX activities_list_idx ON activities (tenant_id, date DESC, id DESC) INCLUDE (status, municipality_id, author_id, type)`,
    );
    await q.query(
      `CREATE INDEX activities_municipality_idx ON activities (tenant_id, municipality_id, date DESC, id DESC) INCLUDE (status, author_id, type)`,
    );
    await q.query(
      `CREATE INDEX activities_author_idx ON activities (tenant_id, author_id, date DESC, id DESC) INCLUDE (status, municipality_id, type)`,
    );
    await q.query(
      `CREATE INDEX activities_status_idx ON activities (tenant_id, status, date DESC, id DESC) INCLUDE (municipality_id, author_id)`,
    );
    await q.query(`CREATE INDEX activities_type_idx ON activities (tenant_id, type, date DESC, id DESC)`);
    await q.query(`CREATE INDEX activities_themes_idx ON activities USING gin (themes)`);
    await q.query(`CREATE INDEX activities_search_idx ON activities USING gin (search)`);

    await q.query(`
      CREATE TABLE activity_organizations (
        tenant_id uuid NOT NULL,
        activity_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, activity_id, organization_id),
        -- composite keys: an activity can only link organizations of its own tenant
        FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX activity_organizations_organization_idx ON activity_organizations (tenant_id, organization_id, activity_id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS activity_organizations`);
    await q.query(`DROP TABLE IF EXISTS activities`);
  }
}
