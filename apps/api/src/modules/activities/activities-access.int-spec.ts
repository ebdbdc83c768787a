import { parse } from 'csv-parse/sync';
import { type Actor, type ActivityWorld, activityIn, activityWorld, createActivity, signIn } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ActivityResponseDto } from './dto/activity.response';

/**
 * The access matrix: every role × own / colleague's activity × inside / outside the assigned
 * municipalities × other tenant, for detail, list and export (the same rule everywhere).
 */
describe('activities: who reads what (detail, list, export)', () => {
  let t: TestApp;
  let w: ActivityWorld;
  /** fixture name → activity */
  const a: Record<string, ActivityResponseDto> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const make = async (
      name: string,
      status: 'draft' | 'submitted' | 'approved' | 'returned',
      author: Actor,
      reviewer: Actor,
      municipality: string,
    ) => {
      a[name] = await activityIn(t, status, author, reviewer, { municipality, title: name });
    };
    // Anna (Bari, Molfetta)
    await make('A.draft.Bari', 'draft', w.innA, w.coord, '072006');
    await make('A.submitted.Bari', 'submitted', w.innA, w.coord, '072006');
    await make('A.approved.Bari', 'approved', w.innA, w.coord, '072006');
    await make('A.returned.Bari', 'returned', w.innA, w.coord, '072006');
    await make('A.draft.Molfetta', 'draft', w.innA, w.coord, '072029');
    await make('A.approved.Molfetta', 'approved', w.innA, w.coord, '072029');
    // Bruno (Bari, Giovinazzo): shares Bari with Anna
    await make('B.draft.Bari', 'draft', w.innB, w.coord, '072006');
    await make('B.submitted.Bari', 'submitted', w.innB, w.coord, '072006');
    await make('B.approved.Bari', 'approved', w.innB, w.coord, '072006');
    await make('B.approved.Giovinazzo', 'approved', w.innB, w.coord, '072022');
    // Carla (Corato): shares nothing with Anna
    await make('C.submitted.Corato', 'submitted', w.innC, w.coord, '072020');
    await make('C.approved.Corato', 'approved', w.innC, w.coord, '072020');
    // Bologna
    await make('Bo.approved.Bologna', 'approved', w.innBo, w.coordBo, '037006');
    await make('Bo.draft.Bologna', 'draft', w.innBo, w.coordBo, '037006');
  });
  afterAll(() => t.close());

  const ALL = () => Object.keys(a);
  const bari = () => ALL().filter((k) => !k.startsWith('Bo.'));

  /** Who reads which fixture: the rule of docs/activities.md, spelled out. */
  const visible: Record<string, () => string[]> = {
    // own (any status) + colleagues' non-drafts in Bari and Molfetta
    innA: () => [...ALL().filter((k) => k.startsWith('A.')), 'B.submitted.Bari', 'B.approved.Bari'],
    // own + colleagues' non-drafts in Bari and Giovinazzo (not Anna's Molfetta ones)
    innB: () => [...ALL().filter((k) => k.startsWith('B.')), 'A.submitted.Bari', 'A.approved.Bari', 'A.returned.Bari'],
    // own only: no colleague works in Corato
    innC: () => ['C.submitted.Corato', 'C.approved.Corato'],
    coord: bari,
    // approved activities of their territory only
    muniBari: () => ['A.approved.Bari', 'B.approved.Bari'],
    areaMolfetta: () => ['A.approved.Molfetta', 'B.approved.Giovinazzo'],
    innBo: () => ['Bo.approved.Bologna', 'Bo.draft.Bologna'],
    // coordinators read every status of their tenant, drafts included: they lead the innovators' work
    coordBo: () => ['Bo.approved.Bologna', 'Bo.draft.Bologna'],
    admin: ALL,
  };
  const viewers = Object.keys(visible) as (keyof typeof visible & keyof ActivityWorld)[];

  it.each(viewers)('detail: %s reads exactly the activities of their rule, 404 for the others', async (viewer) => {
    const who = w[viewer] as Actor;
    const expected = new Set(visible[viewer]());
    for (const [name, activity] of Object.entries(a)) {
      const res = await t.http.get(`/api/activities/${activity.id}`).set(who.auth);
      expect({ name, status: res.status }).toEqual({ name, status: expected.has(name) ? 200 : 404 });
      if (res.status === 404) expect(res.body.code).toBe('ACTIVITY_NOT_FOUND');
    }
  });

  it.each(viewers)('list: %s gets exactly the activities of their rule', async (viewer) => {
    const who = w[viewer] as Actor;
    const res = await t.http.get('/api/activities?pageSize=200').set(who.auth).expect(200);
    const names = res.body.items.map((i: ActivityResponseDto) => i.title).sort();
    expect(names).toEqual([...visible[viewer]()].sort());
    expect(res.body.total).toBe(names.length);
    expect(res.body.totalCapped).toBe(false);
  });

  it.each(viewers)('export: %s exports exactly the activities of their rule', async (viewer) => {
    const who = w[viewer] as Actor;
    const res = await t.http.get('/api/activities/export?format=csv').set(who.auth).expect(200);
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows.map((r) => r.title).sort()).toEqual([...visible[viewer]()].sort());
  });

  it('never shows internal notes nor the review to municipality users (detail, list, export)', async () => {
    for (const who of [w.muniBari, w.areaMolfetta]) {
      const list = await t.http.get('/api/activities').set(who.auth).expect(200);
      expect(list.body.items.length).toBeGreaterThan(0);
      for (const item of list.body.items) {
        expect(item).not.toHaveProperty('internalNotes');
        expect(item.reviewedBy).toBeNull();
        const detail = await t.http.get(`/api/activities/${item.id}`).set(who.auth).expect(200);
        expect(detail.body).not.toHaveProperty('internalNotes');
        expect(JSON.stringify(detail.body)).not.toContain('Nota riservata');
      }
      const csv = await t.http.get('/api/activities/export?format=csv').set(who.auth).expect(200);
      expect(csv.text.split('\r\n')[0]).not.toContain('internal_notes');
      expect(csv.text).not.toContain('Nota riservata');
    }
    // staff do see them
    const staff = await t.http.get(`/api/activities/${a['A.approved.Bari'].id}`).set(w.innB.auth).expect(200);
    expect(staff.body.internalNotes).toBe('Nota riservata allo staff.');
  });

  it('never shows a municipality user drafts, submitted or returned activities, even when filtering by status', async () => {
    for (const status of ['draft', 'submitted', 'returned']) {
      const res = await t.http.get(`/api/activities?status=${status}`).set(w.muniBari.auth).expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0 });
    }
  });

  it('cannot be widened by filters: a municipality or social area outside the scope gives an empty list', async () => {
    const corato = await t.http.get('/api/activities?municipality=072020').set(w.innA.auth).expect(200);
    expect(corato.body.items).toEqual([]);
    const bologna = await t.http.get('/api/activities?municipality=037006').set(w.coord.auth).expect(200);
    expect(bologna.body.items).toEqual([]);
    const area = await t.http.get('/api/activities?socialArea=ATS_BA_CORATO').set(w.muniBari.auth).expect(200);
    expect(area.body.items).toEqual([]);
    const drafts = await t.http.get(`/api/activities?innovator=${w.innB.id}&status=draft`).set(w.innA.auth).expect(200);
    expect(drafts.body.items).toEqual([]);
  });

  it("keeps an innovator's own activities readable after the municipality is unassigned, and hides the colleagues' there", async () => {
    const dora = await signIn(
      t,
      await t.factory.user({ role: 'innovator', tenant: w.bari, municipalities: ['072038', '072006'], fullName: 'Dora' }),
    );
    const own = await createActivity(t, dora, { municipality: '072038', title: 'Dora a Ruvo' });
    const colleague = await activityIn(t, 'approved', w.innC, w.coord, { municipality: '072020', title: 'Carla a Corato (2)' });
    await t.db.query('DELETE FROM user_municipalities WHERE user_id = $1 AND municipality_id = $2', [
      dora.id,
      w.bari.municipalities['072038'],
    ]);
    await t.http.get(`/api/activities/${own.id}`).set(dora.auth).expect(200);
    await t.http.get(`/api/activities/${colleague.id}`).set(dora.auth).expect(404);
    // and re-assignment applies at once (the scope is read on every request)
    await t.db.query('INSERT INTO user_municipalities (user_id, municipality_id, tenant_id) VALUES ($1, $2, $3)', [
      dora.id,
      w.bari.municipalities['072020'],
      w.bari.id,
    ]);
    await t.http.get(`/api/activities/${colleague.id}`).set(dora.auth).expect(200);
  });

  it('answers 401 without a token', async () => {
    await t.http.get('/api/activities').expect(401);
    await t.http.get(`/api/activities/${a['A.approved.Bari'].id}`).expect(401);
    await t.http.get('/api/activities/export?format=csv').expect(401);
  });
});
