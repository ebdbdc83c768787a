import type { AccessScope } from '../../common/access/access-scope';
import { AccessService } from '../../common/access/access.service';
import { ScopedData } from '../../common/access/scoped-data';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { TenantsPolicy } from '../tenants/tenants.policy';
import { UsersPolicy } from '../users/users.policy';
import { TerritoryPolicy } from './territory.policy';

/**
 * The territory's and the tenants' policies against PostgreSQL (who sees which municipalities,
 * social areas and tenants), and joins through another feature's source (the source's rule in
 * the ON condition: a LEFT join keeps its rows).
 */
describe('territory and tenants on the door', () => {
  let t: TestApp;
  let door: ScopedData;
  let territory: TerritoryPolicy;
  let tenants: TenantsPolicy;
  let bari: TestTenant;
  let bologna: TestTenant;
  const u: Record<string, TestUser> = {};
  const scopes: Record<string, AccessScope> = {};

  beforeAll(async () => {
    t = await createTestApp();
    door = t.app.get(ScopedData);
    territory = t.app.get(TerritoryPolicy);
    tenants = t.app.get(TenantsPolicy);
    ({ bari, bologna } = await t.factory.twoTenants());
    const f = t.factory;
    Object.assign(u, {
      coordBari: await f.user({ role: 'coordinator', tenant: bari }),
      innMolfetta: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072029', '072020'] }),
      muniMolfetta: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' }),
      areaCorato: await f.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_CORATO' }),
      coordBologna: await f.user({ role: 'coordinator', tenant: bologna }),
      admin: await f.user({ role: 'admin' }),
    });
    const access = t.app.get(AccessService);
    for (const [name, user] of Object.entries(u)) scopes[name] = (await access.scopeFor(user.id))!;
  });
  afterAll(() => t.close());

  const codes = async (scope: AccessScope, source: TerritoryPolicy['municipalities']) =>
    (await door.select(scope, source, 'm').select('m.istat_code', 'code').orderBy('m.istat_code').getRawMany()).map(
      (r: { code: string }) => r.code,
    );

  describe('TerritoryPolicy.municipalities (visible)', () => {
    it.each([
      ['the Comune of Molfetta: Molfetta', 'muniMolfetta', ['072029']],
      ['the social area of Corato: its two municipalities', 'areaCorato', ['072020', '072038']],
      [
        "an innovator: the whole tenant (they see what they don't work in)",
        'innMolfetta',
        ['072006', '072020', '072022', '072029', '072038'],
      ],
      ['the coordinator: the whole tenant', 'coordBari', ['072006', '072020', '072022', '072029', '072038']],
      ["another tenant's coordinator: theirs", 'coordBologna', ['037006', '037054']],
      ['an admin: every tenant', 'admin', ['037006', '037054', '072006', '072020', '072022', '072029', '072038']],
    ])('shows %s', async (_who, name, expected) => {
      expect(await codes(scopes[name], territory.municipalities)).toEqual(expected);
    });
  });

  describe('TerritoryPolicy.assignedMunicipalities', () => {
    it("gives an innovator their assigned municipalities, and the coordinator the tenant's", async () => {
      expect(await codes(scopes.innMolfetta, territory.assignedMunicipalities)).toEqual(['072020', '072029']);
      expect(await codes(scopes.coordBari, territory.assignedMunicipalities)).toHaveLength(5);
      expect(await codes(scopes.muniMolfetta, territory.assignedMunicipalities)).toEqual(['072029']);
    });
  });

  describe('TerritoryPolicy.socialAreas', () => {
    const areas = async (scope: AccessScope) =>
      (await door.select(scope, territory.socialAreas, 'sa').select('sa.code', 'code').orderBy('sa.code').getRawMany()).map(
        (r: { code: string }) => r.code,
      );

    it('shows a municipality user only the area holding a municipality they see', async () => {
      expect(await areas(scopes.muniMolfetta)).toEqual(['ATS_BA_MOLFETTA']);
      expect(await areas(scopes.areaCorato)).toEqual(['ATS_BA_CORATO']);
    });

    it("shows the coordinator and the innovator every area of the tenant, an admin every tenant's", async () => {
      expect(await areas(scopes.coordBari)).toEqual(['ATS_BA_BARI', 'ATS_BA_CORATO', 'ATS_BA_MOLFETTA']);
      expect(await areas(scopes.innMolfetta)).toEqual(['ATS_BA_BARI', 'ATS_BA_CORATO', 'ATS_BA_MOLFETTA']);
      expect(await areas(scopes.coordBologna)).toEqual(['DSS_BO_CITTA_DI_BOLOGNA', 'DSS_BO_SAVENA_IDICE']);
      expect(await areas(scopes.admin)).toHaveLength(5);
    });
  });

  describe('TenantsPolicy.tenants', () => {
    const tenantCodes = async (scope: AccessScope) =>
      (await door.select(scope, tenants.tenants, 't').select('t.istat_code', 'code').orderBy('t.istat_code').getRawMany()).map(
        (r: { code: string }) => r.code,
      );

    it('shows everyone their own tenant and an admin every tenant', async () => {
      expect(await tenantCodes(scopes.coordBari)).toEqual(['272']);
      expect(await tenantCodes(scopes.muniMolfetta)).toEqual(['272']);
      expect(await tenantCodes(scopes.coordBologna)).toEqual(['237']);
      expect(await tenantCodes(scopes.admin)).toEqual(['237', '272']);
    });
  });

  describe("joins through another feature's source", () => {
    it('keeps the rows of a LEFT join whose partner the caller may not see (NULL), and drops them from an INNER join', async () => {
      // the Comune of Molfetta reads its own account (users' policy) and the Bari municipality, which it may not see
      const users = t.app.get(UsersPolicy);
      const base = () =>
        door
          .select(scopes.muniMolfetta, users.users, 'u')
          .select('u.id', 'id')
          .addSelect('m.istat_code', 'code')
          .andWhere('u.id = :me', { me: u.muniMolfetta.id });
      const on = `m.tenant_id = u.tenant_id AND m.istat_code = '072006'`;
      expect(await base().leftJoinSource(territory.municipalities, 'm', on).getRawMany()).toEqual([{ id: u.muniMolfetta.id, code: null }]);
      expect(await base().innerJoinSource(territory.municipalities, 'm', on).getRawMany()).toEqual([]);
      // its own municipality joins
      const own = `m.tenant_id = u.tenant_id AND m.istat_code = '072029'`;
      expect(await base().leftJoinSource(territory.municipalities, 'm', own).getRawMany()).toEqual([
        { id: u.muniMolfetta.id, code: '072029' },
      ]);
    });

    it("binds the joined source to the caller's tenant (an admin's rows join every tenant; a coordinator's only their own)", async () => {
      const count = (scope: AccessScope) =>
        door.select(scope, territory.municipalities, 'm').innerJoinSource(tenants.tenants, 't', 't.tenant_id = m.tenant_id').getCount();
      expect(await count(scopes.admin)).toBe(7);
      expect(await count(scopes.coordBari)).toBe(5);
    });
  });
});
