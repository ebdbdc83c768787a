import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Funded projects (progetti finanziati, issue 10; docs/projects.md).
 *
 * - `projects`: one row per project; `code` unique per tenant (case ignored), `cup` unique per tenant
 *   when present and required unless the status is `idea`; `documents` a small jsonb list of
 *   `{title, url}` (https links only, checked by the API).
 * - `project_municipalities`: the territory of a project, read by the door's `{ through }` binding
 *   (a municipality user sees the projects touching their territory).
 * - `project_progress`: dated snapshots of programmed, admitted, legally committed and paid amounts,
 *   one per project and date; commitments ≤ admitted, payments ≤ commitments.
 * - `project_beneficiaries`: organizations funded with their grant.
 * - `project_initiatives`, `project_buildings`, `project_activities`: links, all tenant-bound
 *   composite keys so both sides are of one tenant.
 *
 * Vocabularies are written out on purpose: a migration is a frozen snapshot.
 */
export class Projects1764710000000 implements MigrationInterface {
  name = 'Projects1764710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants(tenant_id),
        client_id uuid NOT NULL,
        client_hash text NOT NULL,
        code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
        title text NOT NULL CHECK (length(btrim(title)) BETWEEN 1 AND 500),
        description text CHECK (length(description) <= 10000),
        programme text NOT NULL CHECK (programme IN ('pon_metro', 'pn_metro_plus', 'pnrr', 'pr_fesr', 'pr_fse', 'fsc', 'other')),
        action text CHECK (length(action) <= 200),
        implementing_body text CHECK (length(implementing_body) <= 300),
        implementing_organization_id uuid,
        cup text CHECK (cup ~ '^[A-Z][0-9]{2}[A-Z][0-9A-Z]{11}$'),
        rup text CHECK (length(rup) <= 200),
        start_date date CHECK (start_date BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        end_date date CHECK (end_date BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        status text NOT NULL CHECK (status IN ('idea', 'programmed', 'admitted', 'running', 'completed', 'revoked')),
        expected_investment numeric(14, 2) CHECK (expected_investment >= 0),
        documents jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(documents) = 'array' AND jsonb_array_length(documents) <= 50),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT projects_tenant_id_key UNIQUE (tenant_id, id),
        CONSTRAINT projects_tenant_client_id_key UNIQUE (tenant_id, client_id),
        CONSTRAINT projects_tenant_organization_fkey FOREIGN KEY (tenant_id, implementing_organization_id) REFERENCES organizations (tenant_id, id),
        CONSTRAINT projects_dates_order CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        CONSTRAINT projects_cup_unless_idea CHECK (cup IS NOT NULL OR status = 'idea')
      )`);
    await q.query(`CREATE UNIQUE INDEX projects_tenant_code_key ON projects (tenant_id, lower(code))`);
    await q.query(`CREATE UNIQUE INDEX projects_tenant_cup_key ON projects (tenant_id, cup) WHERE cup IS NOT NULL`);
    await q.query(`CREATE INDEX projects_title_idx ON projects (tenant_id, lower(code), id)`);
    await q.query(
      `CREATE INDEX projects_text_trgm_idx ON projects USING gin (trama_unaccent(code || ' ' || title || ' ' || coalesce(cup, '')) gin_trgm_ops)`,
    );

    await q.query(`
      CREATE TABLE project_municipalities (
        tenant_id uuid NOT NULL,
        project_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, project_id, municipality_id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)
      )`);
    await q.query(
      `CREATE INDEX project_municipalities_municipality_idx ON project_municipalities (tenant_id, municipality_id, project_id)`,
    );

    await q.query(`
      CREATE TABLE project_progress (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        project_id uuid NOT NULL,
        date date NOT NULL CHECK (date BETWEEN DATE '1990-01-01' AND DATE '2100-12-31'),
        programmed numeric(14, 2) NOT NULL CHECK (programmed >= 0),
        admitted numeric(14, 2) NOT NULL CHECK (admitted >= 0),
        committed numeric(14, 2) NOT NULL CHECK (committed >= 0),
        paid numeric(14, 2) NOT NULL CHECK (paid >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT project_progress_one_per_day UNIQUE (tenant_id, project_id, date),
        CONSTRAINT project_progress_committed_le_admitted CHECK (committed <= admitted),
        CONSTRAINT project_progress_paid_le_committed CHECK (paid <= committed),
        FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE
      )`);

    await q.query(`
      CREATE TABLE project_beneficiaries (
        tenant_id uuid NOT NULL,
        project_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        amount numeric(14, 2) CHECK (amount >= 0),
        PRIMARY KEY (tenant_id, project_id, organization_id),
        FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id)
      )`);
    await q.query(`CREATE INDEX project_beneficiaries_organization_idx ON project_beneficiaries (tenant_id, organization_id)`);

    for (const [table, column, target] of [
      ['project_initiatives', 'initiative_id', 'initiatives'],
      ['project_buildings', 'building_id', 'buildings'],
      ['project_activities', 'activity_id', 'activities'],
    ]) {
      await q.query(`
        CREATE TABLE ${table} (
          tenant_id uuid NOT NULL,
          project_id uuid NOT NULL,
          ${column} uuid NOT NULL,
          PRIMARY KEY (tenant_id, project_id, ${column}),
          FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE,
          FOREIGN KEY (tenant_id, ${column}) REFERENCES ${target} (tenant_id, id)
        )`);
      await q.query(`CREATE INDEX ${table}_target_idx ON ${table} (tenant_id, ${column})`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'project_activities',
      'project_buildings',
      'project_initiatives',
      'project_beneficiaries',
      'project_progress',
      'project_municipalities',
      'projects',
    ]) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
