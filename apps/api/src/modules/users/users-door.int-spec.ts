import type { AccessScope } from '../../common/access/access-scope';
import { AccessService } from '../../common/access/access.service';
import { ScopeViolation } from '../../common/access/scope-rules';
import { ScopedData } from '../../common/access/scoped-data';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { UsersPolicy } from './users.policy';
import { UsersRepository } from './users.repository';

/**
 * The users feature on the door, against PostgreSQL: its policy (who sees which users and
 * assignments), and writes bound to the tenant (assignments, inserts) that refuse another tenant
 * and change nothing.
 */
describe('users on the door', () => {
  let t: TestApp;
  let door: ScopedData;
  let users: UsersRepository;
  let policy: UsersPolicy;
  let bari: TestTenant;
  let bologna: TestTenant;
  const u: Record<string, TestUser> = {};
  const scopes: Record<string, AccessScope> = {};

  beforeAll(async () => {
    t = await createTestApp();
    door = t.app.get(ScopedData);
    users = t.app.get(UsersRepository);
    policy = t.app.get(UsersPolicy);
    ({ bari, bologna } = await t.factory.twoTenants());
    const f = t.factory;
    Object.assign(u, {
      coordBari: await f.user({ role: 'coordinator', tenant: bari, fullName: 'A Coordinatrice Bari' }),
      innBari: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072029'], fullName: 'B Innovatore Bari' }),
      muniBari: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072006', fullName: 'C Comune Bari' }),
      coordBologna: await f.user({ role: 'coordinator', tenant: bologna, fullName: 'D Coordinatore Bologna' }),
      innBologna: await f.user({ role: 'innovator', tenant: bologna, municipalities: ['037006'], fullName: 'E Innovatrice Bologna' }),
      admin: await f.user({ role: 'admin', fullName: 'F Admin' }),
    });
    const access = t.app.get(AccessService);
    for (const [name, user] of Object.entries(u)) scopes[name] = (await access.scopeFor(user.id))!;
  });
  afterAll(() => t.close());

  const assignments = async (userId: string) =>
    (
      await t.db.query(
        `SELECT um.tenant_id, m.istat_code FROM user_municipalities um JOIN municipalities m ON m.id = um.municipality_id
          WHERE um.user_id = $1 ORDER BY m.istat_code`,
        [userId],
      )
    ).map((r: { tenant_id: string; istat_code: string }) => `${r.tenant_id === bari.id ? 'bari' : 'bologna'}:${r.istat_code}`);
  const assignmentCount = async () => (await t.db.query(`SELECT count(*)::int AS n FROM user_municipalities`))[0].n as number;

  describe('UsersPolicy', () => {
    const names = async (scope: AccessScope) =>
      (await door.select(scope, policy.users, 'u').select('u.full_name', 'name').orderBy('u.full_name').getRawMany()).map(
        (r: { name: string }) => r.name,
      );
    const assigned = async (scope: AccessScope) =>
      (await door.select(scope, policy.assignments, 'um').select('um.user_id', 'userId').getRawMany()).map(
        (r: { userId: string }) => r.userId,
      );

    it("shows a coordinator their tenant's users, never another tenant's nor the admins", async () => {
      expect(await names(scopes.coordBari)).toEqual(['A Coordinatrice Bari', 'B Innovatore Bari', 'C Comune Bari']);
      expect(await names(scopes.coordBologna)).toEqual(['D Coordinatore Bologna', 'E Innovatrice Bologna']);
    });

    it('shows an admin every user', async () => {
      expect(await names(scopes.admin)).toHaveLength(6);
    });

    it('shows an innovator and a municipality user only their own account', async () => {
      expect(await names(scopes.innBari)).toEqual(['B Innovatore Bari']);
      expect(await names(scopes.muniBari)).toEqual(['C Comune Bari']);
    });

    it("shows the tenant's assignments to its coordinator, and an innovator only their own", async () => {
      expect(await assigned(scopes.coordBari)).toEqual([u.innBari.id]);
      expect(await assigned(scopes.coordBologna)).toEqual([u.innBologna.id]);
      expect(await assigned(scopes.innBari)).toEqual([u.innBari.id]);
      expect(await assigned(scopes.muniBari)).toEqual([]);
      expect((await assigned(scopes.admin)).sort()).toEqual([u.innBari.id, u.innBologna.id].sort());
    });
  });

  describe('replaceAssignments: bound to the tenant', () => {
    it("refuses another tenant's innovator and leaves their assignments as they were", async () => {
      const before = await assignmentCount();
      await expect(
        door.transaction((tx) => users.replaceAssignments(tx, scopes.coordBari, u.innBologna.id, [bari.municipalities['072006']])),
      ).rejects.toThrow(ScopeViolation);
      // an empty list (the old delete-by-user-id alone) is refused too, before anything is deleted
      await expect(door.transaction((tx) => users.replaceAssignments(tx, scopes.coordBari, u.innBologna.id, []))).rejects.toThrow(
        ScopeViolation,
      );
      expect(await assignments(u.innBologna.id)).toEqual(['bologna:037006']);
      expect(await assignmentCount()).toBe(before);
    });

    it("refuses another tenant's municipality for one of the caller's innovators, and writes nothing", async () => {
      const before = await assignmentCount();
      await expect(
        door.transaction((tx) =>
          users.replaceAssignments(tx, scopes.coordBari, u.innBari.id, [bari.municipalities['072022'], bologna.municipalities['037054']]),
        ),
      ).rejects.toThrow(/outside the user's tenant/);
      expect(await assignments(u.innBari.id)).toEqual(['bari:072029']);
      expect(await assignmentCount()).toBe(before);
    });

    it("replaces the assignments of the caller's own innovator, in the innovator's tenant, stamped with the caller", async () => {
      await door.transaction((tx) =>
        users.replaceAssignments(tx, scopes.coordBari, u.innBari.id, [bari.municipalities['072022'], bari.municipalities['072020']]),
      );
      expect(await assignments(u.innBari.id)).toEqual(['bari:072020', 'bari:072022']);
      const rows = await t.db.query(`SELECT DISTINCT assigned_by FROM user_municipalities WHERE user_id = $1`, [u.innBari.id]);
      expect(rows).toEqual([{ assigned_by: u.coordBari.id }]);
      // the Bologna innovator's row is untouched
      expect(await assignments(u.innBologna.id)).toEqual(['bologna:037006']);
    });
  });

  describe('the database: references stay inside one tenant (migration 1764400000000)', () => {
    const insertAssignment = (tenantId: string, userId: string, municipalityId: string) =>
      t.db.query(`INSERT INTO user_municipalities (tenant_id, user_id, municipality_id) VALUES ($1, $2, $3)`, [
        tenantId,
        userId,
        municipalityId,
      ]);

    it("refuses an assignment whose user or municipality is another tenant's, whatever tenant_id it claims", async () => {
      const before = await assignmentCount();
      await expect(insertAssignment(bari.id, u.innBologna.id, bari.municipalities['072006'])).rejects.toMatchObject({
        driverError: { code: '23503', constraint: 'user_municipalities_tenant_user_fkey' },
      });
      await expect(insertAssignment(bari.id, u.innBari.id, bologna.municipalities['037006'])).rejects.toMatchObject({
        driverError: { code: '23503', constraint: 'user_municipalities_tenant_municipality_fkey' },
      });
      expect(await assignmentCount()).toBe(before);
    });

    it("refuses a municipality user's territory in another tenant", async () => {
      await expect(
        t.db.query(`UPDATE users SET scope_municipality_id = $2 WHERE id = $1`, [u.muniBari.id, bologna.municipalities['037006']]),
      ).rejects.toMatchObject({ driverError: { code: '23503', constraint: 'users_tenant_scope_municipality_fkey' } });
    });
  });

  describe('insert: the door checks the tenant the service names', () => {
    const newUser = (tenantId: string | null, email: string) => ({
      tenantId,
      email,
      fullName: 'Intrusa',
      role: (tenantId ? 'innovator' : 'admin') as 'innovator' | 'admin',
      passwordHash: 'not-a-real-hash',
      temporaryPasswordExpiresAt: new Date(),
      hiredOn: null,
      contractEnd: null,
      scopeMunicipalityId: null,
      scopeSocialAreaId: null,
    });
    const exists = async (email: string) => (await t.db.query(`SELECT 1 FROM users WHERE email = $1`, [email])).length > 0;

    it("refuses a Bari coordinator's insert of a user into Bologna, and of a platform admin; nothing is written", async () => {
      await expect(
        door.transaction((tx) => users.insert(tx, scopes.coordBari, newUser(bologna.id, 'intrusa.bologna@trama.test'))),
      ).rejects.toThrow(/outside the caller's scope/);
      await expect(door.transaction((tx) => users.insert(tx, scopes.coordBari, newUser(null, 'intrusa.admin@trama.test')))).rejects.toThrow(
        /only admins/,
      );
      expect(await exists('intrusa.bologna@trama.test')).toBe(false);
      expect(await exists('intrusa.admin@trama.test')).toBe(false);
    });

    it('inserts in the tenant named when the caller reaches it, with the caller as author', async () => {
      const id = await door.transaction((tx) => users.insert(tx, scopes.coordBari, newUser(bari.id, 'nuova.bari@trama.test')));
      const [row] = await t.db.query(`SELECT tenant_id, created_by, updated_by FROM users WHERE id = $1`, [id]);
      expect(row).toEqual({ tenant_id: bari.id, created_by: u.coordBari.id, updated_by: u.coordBari.id });
    });
  });
});
