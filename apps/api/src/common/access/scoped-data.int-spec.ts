import { randomUUID } from 'node:crypto';
import { Activity } from '../../modules/activities/activity.entity';
import { Organization } from '../../modules/organizations/organization.entity';
import { UserMunicipality } from '../../modules/users/user-municipality.entity';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { countCapped } from '../database/capped-count';
import { createIdempotent } from '../database/idempotent-create';
import { AppError } from '../errors/app-error';
import type { AccessScope } from './access-scope';
import { AccessService } from './access.service';
import type { Binding, Through } from './scope-rules';
import { ScopedData } from './scoped-data';

/**
 * The door against PostgreSQL: a record of several municipalities (a test-only table pair shaped
 * like the initiatives to come), and the writes (tenant binding, author stamps, refusals).
 */
describe('ScopedData on PostgreSQL', () => {
  let t: TestApp;
  let door: ScopedData;
  let bari: TestTenant;
  let bologna: TestTenant;
  const users: Record<string, TestUser> = {};
  const scopes: Record<string, AccessScope> = {};
  const initiatives: Record<string, string> = {};

  const through: Through = { table: 'test_initiative_municipalities', key: 'initiative_id', municipality: 'municipality_id' };
  /** the rule an initiatives policy would write: innovators their assigned municipalities, everyone else what they may see */
  const bindingFor = (scope: AccessScope): Binding => ({ through, rule: scope.role === 'innovator' ? 'assigned' : 'visible' });

  async function initiative(tenant: TestTenant, title: string, istatCodes: string[]): Promise<string> {
    const [row] = await t.db.query(`INSERT INTO test_initiatives (tenant_id, title) VALUES ($1, $2) RETURNING id`, [tenant.id, title]);
    for (const istat of istatCodes) {
      await t.db.query(`INSERT INTO test_initiative_municipalities (tenant_id, initiative_id, municipality_id) VALUES ($1, $2, $3)`, [
        tenant.id,
        row.id,
        tenant.municipalities[istat],
      ]);
    }
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    door = t.app.get(ScopedData);
    ({ bari, bologna } = await t.factory.twoTenants());
    const f = t.factory;
    Object.assign(users, {
      innMolfetta: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072029'] }),
      innGiovinazzo: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072022', '072006'] }),
      innCorato: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072020'] }),
      muniMolfetta: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' }),
      muniGiovinazzo: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072022' }),
      areaMolfetta: await f.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_MOLFETTA' }),
      muniBari: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072006' }),
      areaCorato: await f.user({ role: 'municipality', tenant: bari, scopeSocialArea: 'ATS_BA_CORATO' }),
      coordBari: await f.user({ role: 'coordinator', tenant: bari }),
      coordBologna: await f.user({ role: 'coordinator', tenant: bologna }),
      innBologna: await f.user({ role: 'innovator', tenant: bologna, municipalities: ['037006'] }),
      admin: await f.user({ role: 'admin' }),
    });
    const access = t.app.get(AccessService);
    for (const [name, user] of Object.entries(users)) scopes[name] = (await access.scopeFor(user.id))!;

    await t.db.query(`CREATE TABLE test_initiatives (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
      title text NOT NULL,
      UNIQUE (tenant_id, id))`);
    await t.db.query(`CREATE TABLE test_initiative_municipalities (
      tenant_id uuid NOT NULL,
      initiative_id uuid NOT NULL,
      municipality_id uuid NOT NULL REFERENCES municipalities (id),
      PRIMARY KEY (tenant_id, initiative_id, municipality_id),
      FOREIGN KEY (tenant_id, initiative_id) REFERENCES test_initiatives (tenant_id, id))`);
    initiatives.molfettaGiovinazzo = await initiative(bari, 'Molfetta + Giovinazzo', ['072029', '072022']);
    initiatives.corato = await initiative(bari, 'Corato', ['072020']);
    initiatives.bologna = await initiative(bologna, 'Bologna', ['037006']);
  });
  afterAll(() => t.close());

  async function visibleTo(name: string): Promise<string[]> {
    const scope = scopes[name];
    const rows = await door
      .select(scope, 'test_initiatives', 'i', bindingFor(scope))
      .select('i.title', 'title')
      .orderBy('i.title')
      .getRawMany();
    return rows.map((r: { title: string }) => r.title);
  }

  it.each([
    ['an innovator assigned to one of its municipalities', 'innMolfetta'],
    ['an innovator assigned to the other one', 'innGiovinazzo'],
    ['the Comune of one of them', 'muniMolfetta'],
    ['the Comune of the other', 'muniGiovinazzo'],
    ['the social area holding both', 'areaMolfetta'],
  ])('shows a record of two municipalities to %s, once', async (_who, name) => {
    expect(await visibleTo(name)).toEqual(['Molfetta + Giovinazzo']);
  });

  it.each([
    ['an innovator assigned elsewhere', 'innCorato', ['Corato']],
    ['the Comune of another municipality', 'muniBari', []],
    ['another social area', 'areaCorato', ['Corato']],
    ['another tenant’s coordinator', 'coordBologna', ['Bologna']],
    ['another tenant’s innovator', 'innBologna', ['Bologna']],
  ])('hides it from %s', async (_who, name, expected) => {
    expect(await visibleTo(name)).toEqual(expected);
  });

  it('shows the coordinator the whole tenant and the admin every tenant', async () => {
    expect(await visibleTo('coordBari')).toEqual(['Corato', 'Molfetta + Giovinazzo']);
    expect(await visibleTo('admin')).toEqual(['Bologna', 'Corato', 'Molfetta + Giovinazzo']);
  });

  it('counts through run() with a shell, and streams a bound query from a cursor', async () => {
    const qb = door.select(scopes.areaMolfetta, 'test_initiatives', 'i', bindingFor(scopes.areaMolfetta)).select('i.id', 'id');
    expect(await countCapped(door, qb, 10)).toBe(1);
    const all = door.select(scopes.coordBari, 'test_initiatives', 'i').select('i.title', 'title');
    const batches: string[][] = [];
    for await (const rows of door.stream<{ title: string }>(all, { shell: (sql) => `${sql} ORDER BY title`, batchSize: 1 })) {
      batches.push(rows.map((r) => r.title));
    }
    expect(batches).toEqual([['Corato'], ['Molfetta + Giovinazzo']]);
  });

  describe('writes', () => {
    it('stamps the caller’s tenant and the author on an insert', async () => {
      const scope = scopes.coordBari;
      const [{ id }] = await door.transaction((tx) =>
        tx.insert<Organization, { id: string }>(
          scope,
          Organization,
          { name: 'Pro Loco', kind: 'aps', municipalityId: bari.municipalities['072006'] },
          { returning: 'id' },
        ),
      );
      const [row] = await t.db.query(`SELECT tenant_id, created_by, updated_by FROM organizations WHERE id = $1`, [id]);
      expect(row).toEqual({ tenant_id: bari.id, created_by: users.coordBari.id, updated_by: users.coordBari.id });
    });

    it('refuses an insert into a tenant the caller cannot reach, and writes nothing', async () => {
      const before = await t.db.query(`SELECT count(*)::int AS n FROM organizations`);
      await expect(
        door.transaction((tx) =>
          tx.insert(scopes.coordBari, Organization, {
            name: 'Intrusa',
            kind: 'aps',
            tenantId: bologna.id,
            municipalityId: bologna.municipalities['037006'],
          }),
        ),
      ).rejects.toThrow(/outside the caller's scope/);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM organizations`)).toEqual(before);
    });

    it('binds a delete to the tenant: another tenant’s rows with the same key survive', async () => {
      // the Bologna innovator's assignment, deleted "by user id" by a Bari coordinator: nothing happens
      const deleted = await door.transaction((tx) => tx.delete(scopes.coordBari, UserMunicipality, { userId: users.innBologna.id }));
      expect(deleted).toBe(0);
      expect(await t.db.query(`SELECT count(*)::int AS n FROM user_municipalities WHERE user_id = $1`, [users.innBologna.id])).toEqual([
        { n: 1 },
      ]);
      // in the caller's tenant it deletes
      const own = await door.transaction((tx) => tx.delete(scopes.coordBari, UserMunicipality, { userId: users.innCorato.id }));
      expect(own).toBe(1);
    });

    it('updates at the loaded version only (409 STALE_VERSION otherwise), stamping updated_by', async () => {
      const [org] = await t.db.query(
        `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, 'Versionata', 'aps', $2) RETURNING id`,
        [bari.id, bari.municipalities['072006']],
      );
      const scope = scopes.coordBari;
      await door.transaction((tx) => tx.updateVersioned(scope, Organization, { id: org.id, version: 1 }, { name: 'Versionata 2' }));
      const stale = door.transaction((tx) => tx.updateVersioned(scope, Organization, { id: org.id, version: 1 }, { name: 'Versionata 3' }));
      await expect(stale).rejects.toMatchObject({ code: 'STALE_VERSION', status: 409 });
      // another tenant's coordinator: the row is not theirs, so no row changes (the same 409: nothing is revealed)
      const foreign = door.transaction((tx) =>
        tx.updateVersioned(scopes.coordBologna, Organization, { id: org.id, version: 2 }, { name: 'Rubata' }),
      );
      await expect(foreign).rejects.toMatchObject({ code: 'STALE_VERSION' });
      const [row] = await t.db.query(`SELECT name, version, updated_by FROM organizations WHERE id = $1`, [org.id]);
      expect(row).toEqual({ name: 'Versionata 2', version: 2, updated_by: users.coordBari.id });
    });

    it('creates idempotently: the same body returns the first row, another body is the conflict', async () => {
      const scope = scopes.innMolfetta;
      const clientId = randomUUID();
      const values: Partial<Activity> = {
        authorId: users.innMolfetta.id,
        municipalityId: bari.municipalities['072029'],
        date: '2026-10-01',
        durationMinutes: 60,
        type: 'workshop',
        title: 'Idempotente',
        participantsTotal: 3,
        status: 'draft',
      };
      const conflict = () => new AppError('TEST_CONFLICT', 409, 'used');
      const create = (title: string) =>
        door.transaction((tx) =>
          createIdempotent(tx, scope, Activity, {
            values: { ...values, title },
            clientId,
            body: { author: scope.actor.id, title },
            conflict,
          }),
        );
      const first = await create('Idempotente');
      expect(first.created).toBe(true);
      const again = await create('Idempotente');
      expect(again).toEqual({ ...first, created: false });
      await expect(create('Un altro corpo')).rejects.toMatchObject({ code: 'TEST_CONFLICT' });
      // concurrent twins: one row, one creation
      const twinId = randomUUID();
      const twins = await Promise.all(
        Array.from({ length: 4 }, () =>
          door.transaction((tx) =>
            createIdempotent(tx, scope, Activity, { values, clientId: twinId, body: { author: scope.actor.id, twin: true }, conflict }),
          ),
        ),
      );
      expect(new Set(twins.map((r) => r.id)).size).toBe(1);
      expect(twins.filter((r) => r.created)).toHaveLength(1);
      const [row] = await t.db.query(`SELECT tenant_id, created_by FROM activities WHERE id = $1`, [first.id]);
      expect(row).toEqual({ tenant_id: bari.id, created_by: users.innMolfetta.id });
    });
  });
});
