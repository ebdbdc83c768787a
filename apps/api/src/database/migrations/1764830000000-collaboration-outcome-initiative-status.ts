import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A collaboration's outcome when an initiative starts (docs/collaborations.md, "Workflow and outcomes"):
 * until now only an organization JOINING a planned, running or completed initiative marked the suggested
 * pairs it completes. An initiative recorded as an `idea` with its lead and partners, and moved to
 * `planned` later, never did: the organizations were linked before the initiative counted. This trigger
 * marks, in the transaction of the change, every still-unmarked suggestion of two organizations of an
 * initiative whose status enters planned / running / completed (from idea, stopped or nothing).
 */
export class CollaborationOutcomeInitiativeStatus1764830000000 implements MigrationInterface {
  name = 'CollaborationOutcomeInitiativeStatus1764830000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION collaboration_outcomes_initiative_status() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE collaboration_suggestions s
           SET collaborated_at = now(), collaboration_municipality_id = i.municipality_id
          FROM (SELECT n.tenant_id, n.id, n.municipality_id
                  FROM new_rows n JOIN old_rows o ON o.id = n.id
                 WHERE n.status IN ('planned', 'running', 'completed')
                   AND o.status NOT IN ('planned', 'running', 'completed')) i
          JOIN initiative_organizations x ON x.tenant_id = i.tenant_id AND x.initiative_id = i.id
          JOIN initiative_organizations y ON y.tenant_id = i.tenant_id AND y.initiative_id = i.id
                                         AND x.organization_id < y.organization_id
         WHERE s.tenant_id = i.tenant_id AND s.organization_a = x.organization_id AND s.organization_b = y.organization_id
           AND s.collaborated_at IS NULL;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER collaboration_outcomes_initiative_status AFTER UPDATE ON initiatives
        REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
        EXECUTE FUNCTION collaboration_outcomes_initiative_status()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER IF EXISTS collaboration_outcomes_initiative_status ON initiatives`);
    await q.query(`DROP FUNCTION IF EXISTS collaboration_outcomes_initiative_status()`);
  }
}
