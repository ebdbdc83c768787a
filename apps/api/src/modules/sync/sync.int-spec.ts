import { randomUUID } from 'node:crypto';
import { REFERENCE_KINDS, REFERENCE_PAGE_SIZE } from '@trama/contracts';
import { type Actor, type ActivityWorld, activityWorld, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

type Kind = (typeof REFERENCE_KINDS)[number];
interface Changes {
  cursor: string;
  complete: boolean;
  syncedAt: string;
  [kind: string]: unknown;
}
interface KindChanges {
  upserts: { id: string; version: number; [k: string]: unknown }[];
  ids: string[] | null;
}

/** A phone's local copy: applies pages until complete, as lib/offline/reference does. */
class Phone {
  readonly rows: Record<Kind, Map<string, Record<string, unknown>>> = Object.fromEntries(
    REFERENCE_KINDS.map((k) => [k, new Map()]),
  ) as never;
  cursor: string | undefined;

  constructor(
    private readonly t: TestApp,
    private readonly who: Actor,
    readonly device = `dev-${randomUUID().slice(0, 8)}`,
  ) {}

  async sync(): Promise<{ pages: number; last: Changes; upserted: Record<Kind, string[]> }> {
    const upserted = Object.fromEntries(REFERENCE_KINDS.map((k) => [k, [] as string[]])) as Record<Kind, string[]>;
    for (let pages = 1; ; pages += 1) {
      const res = await this.t.http
        .get('/api/sync/reference')
        .query({ ...(this.cursor ? { since: this.cursor } : {}), device: this.device })
        .set(this.who.auth);
      if (res.status !== 200) throw new Error(`sync: ${res.status} ${JSON.stringify(res.body)}`);
      const body = res.body as Changes;
      for (const kind of REFERENCE_KINDS) {
        const changes = body[kind] as KindChanges;
        for (const row of changes.upserts) {
          this.rows[kind].set(row.id, row);
          upserted[kind].push(row.id);
        }
        if (changes.ids) {
          const keep = new Set(changes.ids);
          for (const id of [...this.rows[kind].keys()]) if (!keep.has(id)) this.rows[kind].delete(id);
        }
      }
      this.cursor = body.cursor;
      if (body.complete) return { pages, last: body, upserted };
    }
  }

  ids(kind: Kind): string[] {
    return [...this.rows[kind].keys()].sort();
  }
}

describe('sync: reference data (GET /api/sync/reference)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const created: Record<string, string> = {};

  async function post(who: Actor, path: string, body: object): Promise<{ id: string; version: number }> {
    const res = await t.http.post(path).set(who.auth).send(body);
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
  const organization = (name: string, municipality: string) =>
    post(w.coord, '/api/organizations', { name, kind: 'social_enterprise', municipality, acknowledgeDuplicates: true });
  const building = (name: string, municipality: string) =>
    post(w.coord, '/api/buildings', {
      clientId: randomUUID(),
      municipality,
      name,
      ownership: 'municipal',
      condition: 'poor',
      currentUse: 'unused',
    });
  const initiative = (title: string, municipality: string) =>
    post(w.coord, '/api/initiatives', { clientId: randomUUID(), title, status: 'idea', municipality, themes: ['culture'] });

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    // innA: Bari + Molfetta; innC: Corato; innBo: Bologna (another tenant)
    created.orgBari = (await organization('Cooperativa Sync Bari', '072006')).id;
    created.orgMolfetta = (await organization('Associazione Sync Molfetta', '072029')).id;
    created.orgCorato = (await organization('Associazione Sync Corato', '072020')).id;
    created.buildingBari = (await building('Ex mercato Sync', '072006')).id;
    created.buildingCorato = (await building('Ex scuola Sync Corato', '072020')).id;
    created.initiativeMolfetta = (await initiative('Orti sync Molfetta', '072029')).id;
    created.initiativeCorato = (await initiative('Orti sync Corato', '072020')).id;
    created.activityA = (await createActivity(t, w.innA, { date: new Date().toISOString().slice(0, 10) })).id;
    created.activityB = (await createActivity(t, w.innB, { date: new Date().toISOString().slice(0, 10) })).id;
  });
  afterAll(() => t.close());

  it("gives an innovator exactly their municipalities' records and their own activities, nothing of other municipalities or tenants", async () => {
    const phone = new Phone(t, w.innA);
    await phone.sync();
    const bari = w.bari.municipalities;
    expect(phone.ids('municipalities')).toEqual([bari['072006'], bari['072029']].sort());
    const muni = phone.rows.municipalities.get(bari['072006'])!;
    expect(muni).toMatchObject({ istatCode: '072006', name: 'Bari' });
    expect((muni.boundary as { type: string }).type).toBe('MultiPolygon');
    expect(phone.ids('organizations')).toEqual([created.orgBari, created.orgMolfetta].sort());
    expect(phone.ids('buildings')).toEqual([created.buildingBari]);
    expect(phone.ids('initiatives')).toEqual([created.initiativeMolfetta]);
    expect(phone.ids('activities')).toEqual([created.activityA]);

    const corato = new Phone(t, w.innC);
    await corato.sync();
    expect(corato.ids('organizations')).toEqual([created.orgCorato]);
    expect(corato.ids('buildings')).toEqual([created.buildingCorato]);
    expect(corato.ids('activities')).toEqual([]);

    // another tenant: none of Bari's ids anywhere in the answer
    const res = await t.http.get('/api/sync/reference').set(w.innBo.auth).expect(200);
    const text = JSON.stringify(res.body);
    for (const id of [...Object.values(created), ...Object.values(bari)]) expect(text).not.toContain(id);
    expect(res.body.municipalities.upserts.map((m: { istatCode: string }) => m.istatCode)).toEqual(['037006']);
  });

  it('is for innovators only, and refuses a cursor it did not write', async () => {
    await t.http.get('/api/sync/reference').set(w.coord.auth).expect(403);
    await t.http.get('/api/sync/reference').set(w.muniBari.auth).expect(403);
    await t.http.get('/api/sync/reference').expect(401);
    const bad = await t.http.get('/api/sync/reference').query({ since: 'bm90LWEtY3Vyc29y' }).set(w.innA.auth).expect(400);
    expect(bad.body.code).toBe('SYNC_CURSOR_INVALID');
    const forged = Buffer.from(JSON.stringify({ v: 1, a: 'x', k: {} })).toString('base64url');
    expect((await t.http.get('/api/sync/reference').query({ since: forged }).set(w.innA.auth).expect(400)).body.code).toBe(
      'SYNC_CURSOR_INVALID',
    );
    await t.http.get('/api/sync/reference').query({ device: 'x' }).set(w.innA.auth).expect(400);
  });

  it('sends only what changed: creations, updates, and removals (merged, moved away, deleted) as a changed id set', async () => {
    const phone = new Phone(t, w.innA);
    await phone.sync();
    // nothing changed: no id list, and only the overlap of the last two minutes is sent again
    const quiet = await phone.sync();
    for (const kind of REFERENCE_KINDS) expect((quiet.last[kind] as KindChanges).ids).toBeNull();

    // a creation and an update in scope, one out of scope
    const fresh = await organization('Nuova cooperativa Sync', '072029');
    await organization('Nuova associazione fuori Sync', '072020');
    const org = await t.http.get(`/api/organizations/${created.orgBari}`).set(w.coord.auth).expect(200);
    await t.http
      .patch(`/api/organizations/${created.orgBari}`)
      .set(w.coord.auth)
      .send({ version: org.body.version, name: 'Cooperativa Sync Bari (rinominata)' })
      .expect(200);
    const delta = await phone.sync();
    expect(delta.upserted.organizations).toEqual(expect.arrayContaining([fresh.id, created.orgBari]));
    expect(phone.rows.organizations.get(created.orgBari)!.name).toBe('Cooperativa Sync Bari (rinominata)');
    expect(phone.ids('organizations')).toEqual([created.orgBari, created.orgMolfetta, fresh.id].sort());
    expect((delta.last.organizations as KindChanges).ids).not.toBeNull();
    expect((delta.last.buildings as KindChanges).ids).toBeNull();

    // removals: the fresh organization merged into another, the Bari building moved to Corato, a draft deleted
    const survivor = await t.http.get(`/api/organizations/${created.orgMolfetta}`).set(w.coord.auth).expect(200);
    await t.http
      .post(`/api/organizations/${created.orgMolfetta}/merge`)
      .set(w.coord.auth)
      .send({ duplicate: fresh.id, version: survivor.body.version, duplicateVersion: fresh.version })
      .expect(200);
    const b = await t.http.get(`/api/buildings/${created.buildingBari}`).set(w.coord.auth).expect(200);
    await t.http
      .patch(`/api/buildings/${created.buildingBari}`)
      .set(w.coord.auth)
      .send({ version: b.body.version, municipality: '072020' })
      .expect(200);
    const draft = await createActivity(t, w.innA, { date: new Date().toISOString().slice(0, 10) });
    await phone.sync();
    expect(phone.ids('activities')).toEqual([created.activityA, draft.id].sort());
    const d = await t.http.get(`/api/activities/${draft.id}`).set(w.innA.auth).expect(200);
    await t.http.delete(`/api/activities/${draft.id}`).query({ version: d.body.version }).set(w.innA.auth).expect(204);
    await phone.sync();
    expect(phone.ids('organizations')).toEqual([created.orgBari, created.orgMolfetta].sort());
    expect(phone.ids('buildings')).toEqual([]);
    expect(phone.ids('activities')).toEqual([created.activityA]);
  });

  it("follows a reassignment: a municipality taken away is dropped, a new one's old records arrive", async () => {
    const phone = new Phone(t, w.innC);
    await phone.sync();
    expect(phone.ids('organizations')).toContain(created.orgCorato);
    expect(phone.ids('municipalities')).toEqual([w.bari.municipalities['072020']]);
    // Corato → Molfetta (straight in the table, as a coordinator's PUT /users/:id/municipalities does)
    await t.db.query(`DELETE FROM user_municipalities WHERE user_id = $1`, [w.innC.id]);
    await t.db.query(`INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)`, [
      w.innC.id,
      w.bari.municipalities['072029'],
      w.bari.id,
    ]);
    await phone.sync();
    expect(phone.ids('municipalities')).toEqual([w.bari.municipalities['072029']]);
    expect(phone.ids('organizations')).toEqual([created.orgMolfetta]);
    expect(phone.ids('initiatives')).toEqual([created.initiativeMolfetta]);
    expect(phone.ids('buildings')).toEqual([]);
  });

  it('pages a large kind by (updated_at, id), rows of one transaction included, and records the last sync once complete', async () => {
    // REFERENCE_PAGE_SIZE + 20 organizations in ONE statement: they share updated_at, only the id orders them
    await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id, created_by, updated_by)
       SELECT $1, 'Ente bulk ' || g, 'other', $2, $3, $3 FROM generate_series(1, $4) g`,
      [w.bari.id, w.bari.municipalities['072022'], w.coord.id, REFERENCE_PAGE_SIZE + 20],
    );
    const phone = new Phone(t, w.innB);
    const { pages } = await phone.sync();
    expect(pages).toBeGreaterThanOrEqual(2);
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM organizations WHERE tenant_id = $1 AND municipality_id = ANY($2) AND merged_into IS NULL`,
      [w.bari.id, [w.bari.municipalities['072022'], w.bari.municipalities['072006']]],
    );
    expect(phone.ids('organizations')).toHaveLength(n);
    const rows = await t.db.query(`SELECT device_id, last_sync_at FROM sync_devices WHERE user_id = $1`, [w.innB.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].device_id).toBe(phone.device);
  });
});
