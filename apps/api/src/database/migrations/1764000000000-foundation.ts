import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants, territory, users and sessions, and the audit log. */
export class Foundation1764000000000 implements MigrationInterface {
  name = 'Foundation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);

    await q.query(`
      CREATE TABLE tenants (
        tenant_id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        istat_code varchar(3) NOT NULL UNIQUE CHECK (istat_code ~ '^[0-9]{3}$'),
        name text NOT NULL CHECK (length(name) > 0),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]+$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);

    await q.query(`
      CREATE TABLE social_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        code text NOT NULL CHECK (length(code) > 0),
        name text NOT NULL CHECK (length(name) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        UNIQUE (tenant_id, code)
      )`);

    await q.query(`
      CREATE TABLE municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        istat_code char(6) NOT NULL CHECK (istat_code ~ '^[0-9]{6}$'),
        name text NOT NULL CHECK (length(name) > 0),
        province_code char(3) NOT NULL,
        cadastral_code text,
        population int NOT NULL CHECK (population >= 0),
        population_year smallint NOT NULL,
        area_km2 numeric(10,2) NOT NULL CHECK (area_km2 > 0),
        lat double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
        lon double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
        boundary jsonb,
        boundary_simplified jsonb,
        min_lon double precision, min_lat double precision, max_lon double precision, max_lat double precision,
        social_area_id uuid REFERENCES social_areas(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        UNIQUE (tenant_id, istat_code)
      )`);
    await q.query(`CREATE INDEX municipalities_social_area_idx ON municipalities (tenant_id, social_area_id)`);
    await q.query(`CREATE INDEX municipalities_bbox_idx ON municipalities (tenant_id, min_lon, max_lon, min_lat, max_lat)`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid REFERENCES tenants(tenant_id),
        email text NOT NULL CHECK (email = lower(email) AND email LIKE '%_@_%'),
        full_name text NOT NULL CHECK (length(full_name) > 0),
        role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'innovator', 'municipality')),
        password_hash text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        failed_logins int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        password_changed_at timestamptz NOT NULL DEFAULT now(),
        hired_on date,
        contract_end date CHECK (contract_end IS NULL OR hired_on IS NULL OR contract_end >= hired_on),
        scope_municipality_id uuid REFERENCES municipalities(id),
        scope_social_area_id uuid REFERENCES social_areas(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT users_tenant_by_role CHECK ((role = 'admin') = (tenant_id IS NULL)),
        CONSTRAINT users_municipality_scope CHECK (
          (role = 'municipality') = (num_nonnulls(scope_municipality_id, scope_social_area_id) = 1)
        )
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (email)`);
    await q.query(`CREATE INDEX users_tenant_role_idx ON users (tenant_id, role)`);

    await q.query(`
      CREATE TABLE user_municipalities (
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        assigned_by uuid,
        PRIMARY KEY (user_id, municipality_id)
      )`);
    await q.query(`CREATE INDEX user_municipalities_muni_idx ON user_municipalities (tenant_id, municipality_id)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid REFERENCES tenants(tenant_id),
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tenant_id uuid REFERENCES tenants(tenant_id),
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid,
        actor_role text,
        entity text NOT NULL,
        entity_id text NOT NULL,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity, entity_id, at)`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'refresh_tokens', 'user_municipalities', 'users', 'municipalities', 'social_areas', 'tenants']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
