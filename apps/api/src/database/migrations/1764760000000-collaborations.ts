import { MigrationInterface, QueryRunner } from 'typeorm';
import { touchingPairs, type BoundaryOf } from '../../common/geo/neighbours';

/**
 * The collaboration model (issue 11, docs/collaborations.md):
 * - `municipality_neighbours`: municipalities whose boundaries touch, both directions, computed
 *   once from the boundaries (here for the tenants already imported; by the territory import after);
 * - `collaboration_settings`: the model's weights per tenant (versioned, audited; no row = defaults);
 * - `collaboration_runs`: the background recompute of a tenant's suggestions (state, progress);
 * - `collaboration_suggestions`: the suggested pairs, one row per pair for ever (a stable id), with
 *   their score, reasons, decision (accepted/dismissed) and outcome (`collaborated_at`: the pair
 *   later took part in the same approved activity or initiative, kept by the triggers below in the
 *   same transaction as the approval or the new partner);
 * - `collaboration_communities`: the Louvain community of each organization at the last recompute;
 * - the `new_collaborations` indicator, seeded inactive until now, becomes active.
 */
export class Collaborations1764760000000 implements MigrationInterface {
  name = 'Collaborations1764760000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE municipality_neighbours (
        tenant_id uuid NOT NULL,
        municipality_id uuid NOT NULL,
        neighbour_id uuid NOT NULL,
        PRIMARY KEY (tenant_id, municipality_id, neighbour_id),
        FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, neighbour_id) REFERENCES municipalities (tenant_id, id) ON DELETE CASCADE,
        CHECK (municipality_id <> neighbour_id)
      )`);

    await q.query(`
      CREATE TABLE collaboration_settings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL UNIQUE REFERENCES tenants (tenant_id),
        weights jsonb NOT NULL,
        half_life_months int NOT NULL CHECK (half_life_months BETWEEN 1 AND 120),
        max_hops int NOT NULL CHECK (max_hops BETWEEN 1 AND 6),
        min_score int NOT NULL CHECK (min_score BETWEEN 0 AND 100),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        -- 0: a row holding the defaults, never changed by a coordinator
        version int NOT NULL DEFAULT 0
      )`);

    await q.query(`
      CREATE TABLE collaboration_runs (
        tenant_id uuid PRIMARY KEY REFERENCES tenants (tenant_id),
        -- the settings version asked for, and the one the stored suggestions were computed with (-1: never)
        requested_version int NOT NULL DEFAULT 0,
        computed_version int NOT NULL DEFAULT -1,
        state text NOT NULL DEFAULT 'idle' CHECK (state IN ('idle', 'pending', 'running', 'failed')),
        progress real NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms int,
        error text,
        suggestions int NOT NULL DEFAULT 0
      )`);

    await q.query(`
      CREATE TABLE collaboration_suggestions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
        organization_a uuid NOT NULL,
        organization_b uuid NOT NULL,
        -- the organizations' municipalities (the territory rule: visible when either is in the caller's)
        municipality_a uuid NOT NULL,
        municipality_b uuid NOT NULL,
        -- the themes of either organization (the theme filter)
        themes text[] NOT NULL DEFAULT '{}',
        score real NOT NULL CHECK (score BETWEEN 0 AND 100),
        reasons jsonb NOT NULL,
        reasons_key text NOT NULL,
        -- suggested by the last recompute; a pair no longer suggested keeps its row (id, decision, outcome)
        current boolean NOT NULL DEFAULT true,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'accepted', 'dismissed')),
        dismiss_reason text CHECK (length(dismiss_reason) <= 500),
        -- the reasons when dismissed: the pair comes back when they change
        dismissed_key text,
        decided_at timestamptz,
        decided_by uuid REFERENCES users (id),
        activity_id uuid,
        suggested_at timestamptz NOT NULL DEFAULT now(),
        -- the outcome: the first approved activity or initiative of both after the suggestion
        collaborated_at timestamptz,
        collaboration_municipality_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid, updated_by uuid,
        version int NOT NULL DEFAULT 1,
        CONSTRAINT collaboration_suggestions_pair_key UNIQUE (tenant_id, organization_a, organization_b),
        CONSTRAINT collaboration_suggestions_ordered CHECK (organization_a < organization_b),
        CONSTRAINT collaboration_suggestions_decided CHECK ((status = 'open') = (decided_at IS NULL)),
        FOREIGN KEY (tenant_id, organization_a) REFERENCES organizations (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, organization_b) REFERENCES organizations (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, activity_id) REFERENCES activities (tenant_id, id) ON DELETE SET NULL (activity_id)
      )`);
    // the ranked page: current suggestions of a status, best first (the territory filters on top)
    await q.query(
      `CREATE INDEX collaboration_suggestions_rank_idx ON collaboration_suggestions (tenant_id, status, score DESC, id)
         INCLUDE (municipality_a, municipality_b) WHERE current OR status <> 'open'`,
    );
    await q.query(`CREATE INDEX collaboration_suggestions_b_idx ON collaboration_suggestions (tenant_id, organization_b)`);
    await q.query(`CREATE INDEX collaboration_suggestions_municipality_a_idx ON collaboration_suggestions (tenant_id, municipality_a)`);
    await q.query(`CREATE INDEX collaboration_suggestions_municipality_b_idx ON collaboration_suggestions (tenant_id, municipality_b)`);
    await q.query(
      `CREATE INDEX collaboration_suggestions_outcome_idx ON collaboration_suggestions (tenant_id, collaborated_at)
         INCLUDE (collaboration_municipality_id) WHERE collaborated_at IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE collaboration_communities (
        tenant_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        community int NOT NULL,
        PRIMARY KEY (tenant_id, organization_id),
        FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE CASCADE
      )`);

    // Outcomes, in the transaction of the change: an activity becoming approved marks every open or
    // decided suggestion of two of its organizations (suggested on or before its date; the
    // introduction activity of an accepted suggestion does not count: it is the suggestion itself).
    await q.query(`
      CREATE FUNCTION collaboration_outcomes_activity() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE collaboration_suggestions s
           SET collaborated_at = now(), collaboration_municipality_id = a.municipality_id
          FROM (SELECT n.tenant_id, n.id, n.municipality_id, n.date
                  FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.status = 'approved' AND o.status <> 'approved') a
          JOIN activity_organizations x ON x.tenant_id = a.tenant_id AND x.activity_id = a.id
          JOIN activity_organizations y ON y.tenant_id = a.tenant_id AND y.activity_id = a.id AND x.organization_id < y.organization_id
         WHERE s.tenant_id = a.tenant_id AND s.organization_a = x.organization_id AND s.organization_b = y.organization_id
           AND s.collaborated_at IS NULL AND a.date >= s.suggested_at::date
           AND s.activity_id IS DISTINCT FROM a.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER collaboration_outcomes_activity AFTER UPDATE ON activities
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collaboration_outcomes_activity()`);
    // an organization joining an initiative (lead or partner) next to another one of a suggested pair
    await q.query(`
      CREATE FUNCTION collaboration_outcomes_initiative() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE collaboration_suggestions s
           SET collaborated_at = now(), collaboration_municipality_id = i.municipality_id
          FROM new_rows n
          JOIN initiative_organizations o ON o.tenant_id = n.tenant_id AND o.initiative_id = n.initiative_id
                                         AND o.organization_id <> n.organization_id
          JOIN initiatives i ON i.tenant_id = n.tenant_id AND i.id = n.initiative_id AND i.status IN ('planned', 'running', 'completed')
         WHERE s.tenant_id = n.tenant_id
           AND s.organization_a = least(n.organization_id, o.organization_id)
           AND s.organization_b = greatest(n.organization_id, o.organization_id)
           AND s.collaborated_at IS NULL;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER collaboration_outcomes_initiative AFTER INSERT ON initiative_organizations
        REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION collaboration_outcomes_initiative()`);

    // the neighbours of the municipalities already imported
    const rows: (BoundaryOf & { tenant_id: string })[] = await q.query(
      `SELECT tenant_id, id, boundary, boundary_simplified AS simplified, min_lon, min_lat, max_lon, max_lat
         FROM municipalities ORDER BY tenant_id, id`,
    );
    const byTenant = new Map<string, BoundaryOf[]>();
    for (const r of rows) byTenant.set(r.tenant_id, [...(byTenant.get(r.tenant_id) ?? []), r]);
    for (const [tenantId, municipalities] of byTenant) {
      const pairs = touchingPairs(municipalities);
      if (pairs.length === 0) continue;
      await q.query(
        `INSERT INTO municipality_neighbours (tenant_id, municipality_id, neighbour_id)
         SELECT $1::uuid, a, b FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b)
         UNION SELECT $1::uuid, b, a FROM unnest($2::uuid[], $3::uuid[]) AS p(a, b)`,
        [tenantId, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
      );
    }

    // the new-collaborations indicator goes live, for the tenants there and for those seeded later
    await q.query(`
      UPDATE indicator_definitions SET active = true,
        description_it = '${DESCRIPTION_IT}', description_en = '${DESCRIPTION_EN}'
       WHERE code = 'new_collaborations' AND computation = 'new_collaborations'`);
    const [{ def }] = await q.query(`SELECT pg_get_functiondef('trama_seed_indicator_definitions(uuid)'::regprocedure) AS def`);
    const seeded = `'computed', 'new_collaborations', '{}', 100, false)`;
    if (!String(def).includes(seeded)) throw new Error('trama_seed_indicator_definitions: the new_collaborations row was not found');
    const updated = String(def)
      .replace(seeded, `'computed', 'new_collaborations', '{}', 100, true)`)
      .replace(/'Collaborazioni nate da un suggerimento accettato[^']*'/, `'${DESCRIPTION_IT}'`)
      .replace(/'Collaborations born of a suggestion accepted[^']*'/, `'${DESCRIPTION_EN}'`);
    await q.query(updated);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS collaboration_outcomes_initiative ON initiative_organizations`);
    await q.query(`DROP TRIGGER IF EXISTS collaboration_outcomes_activity ON activities`);
    await q.query(`DROP FUNCTION IF EXISTS collaboration_outcomes_initiative()`);
    await q.query(`DROP FUNCTION IF EXISTS collaboration_outcomes_activity()`);
    await q.query(`DROP TABLE IF EXISTS collaboration_communities`);
    await q.query(`DROP TABLE IF EXISTS collaboration_suggestions`);
    await q.query(`DROP TABLE IF EXISTS collaboration_runs`);
    await q.query(`DROP TABLE IF EXISTS collaboration_settings`);
    await q.query(`DROP TABLE IF EXISTS municipality_neighbours`);
  }
}

const DESCRIPTION_IT =
  'Coppie di organizzazioni suggerite dal modello delle collaborazioni che nel periodo hanno preso parte per la prima volta a una stessa attività approvata o iniziativa.';
const DESCRIPTION_EN =
  'Pairs of organizations suggested by the collaboration model that took part in the same approved activity or initiative for the first time during the period.';
