import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * References that stay inside one tenant. The foundation's foreign keys named the parent's id only,
 * so PostgreSQL accepted an innovator's assignment whose user, municipality and `tenant_id` belonged
 * to different tenants, a user's territory in another tenant, a municipality in another tenant's
 * social area, an organization registered in another tenant's municipality. Each such reference now
 * also matches `(tenant_id, id)` of its parent, as activity_organizations already did (a NULL
 * reference is not checked: MATCH SIMPLE). The single-column keys stay.
 */
export class TenantBoundReferences1764400000000 implements MigrationInterface {
  name = 'TenantBoundReferences1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_tenant_id_key UNIQUE (tenant_id, id)`);
    await q.query(`ALTER TABLE municipalities ADD CONSTRAINT municipalities_tenant_id_key UNIQUE (tenant_id, id)`);
    await q.query(`ALTER TABLE social_areas ADD CONSTRAINT social_areas_tenant_id_key UNIQUE (tenant_id, id)`);
    await q.query(`
      ALTER TABLE user_municipalities
        ADD CONSTRAINT user_municipalities_tenant_user_fkey FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
        ADD CONSTRAINT user_municipalities_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)`);
    await q.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_tenant_scope_municipality_fkey FOREIGN KEY (tenant_id, scope_municipality_id) REFERENCES municipalities (tenant_id, id),
        ADD CONSTRAINT users_tenant_scope_social_area_fkey FOREIGN KEY (tenant_id, scope_social_area_id) REFERENCES social_areas (tenant_id, id)`);
    await q.query(`
      ALTER TABLE municipalities
        ADD CONSTRAINT municipalities_tenant_social_area_fkey FOREIGN KEY (tenant_id, social_area_id) REFERENCES social_areas (tenant_id, id)`);
    await q.query(`
      ALTER TABLE organizations
        ADD CONSTRAINT organizations_tenant_municipality_fkey FOREIGN KEY (tenant_id, municipality_id) REFERENCES municipalities (tenant_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organizations DROP CONSTRAINT IF EXISTS organizations_tenant_municipality_fkey`);
    await q.query(`ALTER TABLE municipalities DROP CONSTRAINT IF EXISTS municipalities_tenant_social_area_fkey`);
    await q.query(
      `ALTER TABLE users DROP CONSTRAINT IF EXISTS users_tenant_scope_municipality_fkey, DROP CONSTRAINT IF EXISTS users_tenant_scope_social_area_fkey`,
    );
    await q.query(
      `ALTER TABLE user_municipalities DROP CONSTRAINT IF EXISTS user_municipalities_tenant_user_fkey, DROP CONSTRAINT IF EXISTS user_municipalities_tenant_municipality_fkey`,
    );
    await q.query(`ALTER TABLE social_areas DROP CONSTRAINT IF EXISTS social_areas_tenant_id_key`);
    await q.query(`ALTER TABLE municipalities DROP CONSTRAINT IF EXISTS municipalities_tenant_id_key`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT IF EXISTS users_tenant_id_key`);
  }
}
