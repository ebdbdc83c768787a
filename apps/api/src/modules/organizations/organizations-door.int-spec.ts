import { randomUUID } from 'node:crypto';
import type { AccessScope } from '../../common/access/access-scope';
import { AccessService } from '../../common/access/access.service';
import { ScopedData } from '../../common/access/scoped-data';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { OrganizationsPolicy } from './organizations.policy';
import { OrganizationsRepository } from './organizations.repository';
import { OrganizationsService } from './organizations.service';

/**
 * The organizations register on the door, against PostgreSQL: its policy (who sees and who may
 * link which organizations) and the insert, which refuses a tenant the caller cannot reach.
 */
describe('organizations on the door', () => {
  let t: TestApp;
  let door: ScopedData;
  let policy: OrganizationsPolicy;
  let bari: TestTenant;
  let bologna: TestTenant;
  const u: Record<string, TestUser> = {};
  const scopes: Record<string, AccessScope> = {};
  const orgs: Record<string, string> = {};

  async function organization(tenant: TestTenant, name: string, istat: string): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, $2, 'aps', $3) RETURNING id`,
      [tenant.id, name, tenant.municipalities[istat]],
    );
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    door = t.app.get(ScopedData);
    policy = t.app.get(OrganizationsPolicy);
    ({ bari, bologna } = await t.factory.twoTenants());
    const f = t.factory;
    Object.assign(u, {
      coordBari: await f.user({ role: 'coordinator', tenant: bari }),
      innMolfetta: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072029'] }),
      muniMolfetta: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' }),
      areaMolfetta: await f.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_MOLFETTA' }),
      coordBologna: await f.user({ role: 'coordinator', tenant: bologna }),
      admin: await f.user({ role: 'admin' }),
    });
    const access = t.app.get(AccessService);
    for (const [name, user] of Object.entries(u)) scopes[name] = (await access.scopeFor(user.id))!;
    orgs.molfetta = await organization(bari, 'Pro Loco Molfetta', '072029');
    orgs.giovinazzo = await organization(bari, 'Banda di Giovinazzo', '072022');
    orgs.corato = await organization(bari, 'Coop Corato', '072020');
    orgs.bologna = await organization(bologna, 'Arci Bologna', '037006');
  });
  afterAll(() => t.close());

  const readable = async (scope: AccessScope) =>
    (await door.select(scope, policy.readable, 'o').select('o.name', 'name').orderBy('o.name').getRawMany()).map(
      (r: { name: string }) => r.name,
    );

  describe('OrganizationsPolicy.readable', () => {
    it.each([
      ['the Comune of Molfetta: its own', 'muniMolfetta', ['Pro Loco Molfetta']],
      ['the social area of Molfetta: its two municipalities', 'areaMolfetta', ['Banda di Giovinazzo', 'Pro Loco Molfetta']],
      ["an innovator: the whole tenant's", 'innMolfetta', ['Banda di Giovinazzo', 'Coop Corato', 'Pro Loco Molfetta']],
      ["the coordinator: the whole tenant's", 'coordBari', ['Banda di Giovinazzo', 'Coop Corato', 'Pro Loco Molfetta']],
      ["another tenant's coordinator: theirs only", 'coordBologna', ['Arci Bologna']],
      ['an admin: every tenant', 'admin', ['Arci Bologna', 'Banda di Giovinazzo', 'Coop Corato', 'Pro Loco Molfetta']],
    ])('shows %s', async (_who, name, expected) => {
      expect(await readable(scopes[name])).toEqual(expected);
    });
  });

  describe('OrganizationsPolicy.linkable, through OrganizationsService.findLinkable (what activities use)', () => {
    it("offers the tenant's organizations among the ids asked, never another tenant's", async () => {
      const service = t.app.get(OrganizationsService);
      const all = Object.values(orgs);
      const linkable = await service.findLinkable(scopes.innMolfetta, bari.id, all);
      expect(linkable.map((o) => o.name).sort()).toEqual(['Banda di Giovinazzo', 'Coop Corato', 'Pro Loco Molfetta']);
      expect(await service.findLinkable(scopes.innMolfetta, bologna.id, all)).toEqual([]);
      expect(await service.findLinkable(scopes.coordBologna, bari.id, all)).toEqual([]);
    });
  });

  describe('createIfAbsent', () => {
    it('refuses an organization in a tenant the caller cannot reach (the tenant the service names), and writes nothing', async () => {
      const repository = t.app.get(OrganizationsRepository);
      const before = await t.db.query(`SELECT count(*)::int AS n FROM organizations`);
      await expect(
        door.transaction((tx) =>
          repository.createIfAbsent(
            tx,
            scopes.coordBari,
            {
              tenantId: bologna.id,
              name: 'Intrusa',
              kind: 'aps',
              taxCode: null,
              municipalityId: bologna.municipalities['037006'],
              active: true,
            },
            { clientId: randomUUID(), body: { name: 'Intrusa' }, conflict: () => new Error('conflict') },
          ),
        ),
      ).rejects.toThrow(/outside the caller's scope/);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM organizations`)).toEqual(before);
    });
  });
});
