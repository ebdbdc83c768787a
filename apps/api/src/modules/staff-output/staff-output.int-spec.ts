import { randomUUID } from 'node:crypto';
import type { ActivityStatus, ActivityType } from '@trama/contracts';
import type { StaffOutputResponse } from './dto/staff-output.response';
import type { TestTenant, TestUser } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';

interface ActivitySpec {
  author: TestUser;
  tenant: TestTenant;
  municipality: string;
  date: string;
  status: ActivityStatus;
  type?: ActivityType;
  minutes?: number;
  participants?: number;
  submittedAt?: string;
  reviewedAt?: string;
}

/**
 * The dataset (Bari, period March 2026, staleDays 30 → window 2026-03-02..2026-03-31):
 * - Anna (Molfetta, Giovinazzo, Bari): five activities in the period, one the day before, one the day after;
 * - Bruno (Corato): no activity at all;
 * - Carla (Ruvo, inactive, contract ended 2026-03-31): one activity in the period; reviews across the
 *   period's bounds in Italian time;
 * - Elena (Bari): one activity in Bari (a visit by Elena is not a visit by Anna);
 * - Dario (Bologna): activities of another tenant, never counted for Bari.
 */
describe('staff output dashboard (GET /api/staff-output)', () => {
  let t: TestApp;
  let bari: TestTenant;
  let bologna: TestTenant;
  let coordBari: TestUser;
  let coordBologna: TestUser;
  let admin: TestUser;
  let anna: TestUser;
  let bruno: TestUser;
  let carla: TestUser;
  let elena: TestUser;
  let dario: TestUser;
  let molfettaUser: TestUser;
  const tokens = new Map<string, string>();
  const MARCH = { from: '2026-03-01', to: '2026-03-31' };

  async function activity(spec: ActivitySpec): Promise<string> {
    const [row] = await t.db.query(
      `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                               participants_total, status, submitted_at, submitted_by, reviewed_at, reviewed_by, created_by)
       VALUES ($1, $2, 'test', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $3) RETURNING id`,
      [
        spec.tenant.id,
        randomUUID(),
        spec.author.id,
        spec.tenant.municipalities[spec.municipality],
        spec.date,
        spec.minutes ?? 60,
        spec.type ?? 'meeting',
        `Attività del ${spec.date}`,
        spec.participants ?? 0,
        spec.status,
        spec.submittedAt ?? (spec.status === 'draft' ? null : `${spec.date}T18:00:00Z`),
        spec.status === 'draft' ? null : spec.author.id,
        spec.reviewedAt ?? null,
        spec.reviewedAt ? (spec.tenant === bari ? coordBari.id : coordBologna.id) : null,
      ],
    );
    return row.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    ({ bari, bologna } = await t.factory.twoTenants());
    coordBari = await t.factory.user({ role: 'coordinator', tenant: bari });
    coordBologna = await t.factory.user({ role: 'coordinator', tenant: bologna });
    admin = await t.factory.user({ role: 'admin' });
    anna = await t.factory.user({
      role: 'innovator',
      tenant: bari,
      fullName: 'Anna Amoruso',
      municipalities: ['072029', '072022', '072006'],
    });
    bruno = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Bruno Colella', municipalities: ['072020'] });
    carla = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Carla Losito', municipalities: ['072038'], active: false });
    elena = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Elena Fiore', municipalities: ['072006'] });
    dario = await t.factory.user({ role: 'innovator', tenant: bologna, fullName: 'Dario Rossi', municipalities: ['037006'] });
    molfettaUser = await t.factory.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072029' });
    await t.db.query(`UPDATE users SET contract_end = '2026-03-31' WHERE id = $1`, [carla.id]);

    // Anna, in the period (bounds included)
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072029',
      date: '2026-03-01',
      status: 'approved',
      type: 'meeting',
      minutes: 90,
      participants: 10,
      submittedAt: '2026-03-02T10:00:00Z',
      reviewedAt: '2026-03-03T10:00:00Z',
    }); // 24 h
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072022',
      date: '2026-03-31',
      status: 'submitted',
      type: 'workshop',
      minutes: 120,
      participants: 20,
      submittedAt: '2026-03-31T12:00:00Z',
    });
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072029',
      date: '2026-03-15',
      status: 'draft',
      type: 'meeting',
      minutes: 45,
      participants: 5,
    });
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072029',
      date: '2026-03-10',
      status: 'returned',
      type: 'event',
      minutes: 60,
      participants: 100,
      submittedAt: '2026-03-10T08:00:00Z',
      reviewedAt: '2026-03-12T08:00:00Z',
    }); // 48 h
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072029',
      date: '2026-03-20',
      status: 'approved',
      type: 'consulting',
      minutes: 40,
      participants: 2,
      submittedAt: '2026-03-20T08:00:00Z',
      reviewedAt: '2026-03-21T20:00:00Z',
    }); // 36 h
    // Anna, the day before the period: not counted, but reviewed in March (96 h) and her last visit to Bari
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072006',
      date: '2026-02-28',
      status: 'approved',
      type: 'meeting',
      minutes: 30,
      participants: 7,
      submittedAt: '2026-03-01T08:00:00Z',
      reviewedAt: '2026-03-05T08:00:00Z',
    });
    // Anna, the day after: nothing of it counts (not even as a visit or as her last activity)
    await activity({
      author: anna,
      tenant: bari,
      municipality: '072006',
      date: '2026-04-01',
      status: 'approved',
      type: 'meeting',
      minutes: 600,
      participants: 500,
      submittedAt: '2026-04-01T10:00:00Z',
      reviewedAt: '2026-04-02T10:00:00Z',
    });

    // Carla: reviewed at 00:30 of 1 March in Rome (23:30 UTC the day before): inside the period
    await activity({
      author: carla,
      tenant: bari,
      municipality: '072038',
      date: '2026-02-20',
      status: 'approved',
      type: 'training',
      minutes: 240,
      participants: 15,
      submittedAt: '2026-02-20T10:00:00Z',
      reviewedAt: '2026-02-28T23:30:00Z',
    }); // 205.5 h
    // … and reviewed at 00:30 of 1 April in Rome (22:30 UTC on 31 March): outside the period
    await activity({
      author: carla,
      tenant: bari,
      municipality: '072038',
      date: '2026-03-25',
      status: 'approved',
      type: 'training',
      minutes: 60,
      participants: 3,
      submittedAt: '2026-03-25T10:00:00Z',
      reviewedAt: '2026-03-31T22:30:00Z',
    });

    await activity({
      author: elena,
      tenant: bari,
      municipality: '072006',
      date: '2026-03-15',
      status: 'approved',
      type: 'site_visit',
      minutes: 60,
      participants: 1,
      submittedAt: '2026-03-15T10:00:00Z',
      reviewedAt: '2026-03-16T10:00:00Z',
    }); // 24 h

    for (const date of ['2026-03-01', '2026-03-10', '2026-03-31']) {
      await activity({
        author: dario,
        tenant: bologna,
        municipality: '037006',
        date,
        status: 'approved',
        type: 'meeting',
        minutes: 500,
        participants: 1000,
        submittedAt: `${date}T10:00:00Z`,
        reviewedAt: `${date}T12:00:00Z`,
      });
    }

    for (const u of [coordBari, coordBologna, admin, anna, molfettaUser]) tokens.set(u.id, await t.factory.token(u));
  });
  afterAll(() => t.close());

  const as = (user: TestUser) => ({ Authorization: `Bearer ${tokens.get(user.id)}` });
  const get = (user: TestUser, query: Record<string, string | number>) => t.http.get('/api/staff-output').query(query).set(as(user));
  const person = (body: StaffOutputResponse, user: TestUser): StaffOutputResponse['innovators'][number] => {
    const found = body.innovators.find((i) => i.id === user.id);
    if (!found) throw new Error(`${user.email} missing from the dashboard`);
    return found;
  };

  describe('figures for a known dataset', () => {
    let body: StaffOutputResponse;
    beforeAll(async () => {
      const res = await get(coordBari, MARCH);
      expect(res.status).toBe(200);
      body = res.body;
    });

    it('lists every innovator of the tenant by name, including one without activity and an inactive one', () => {
      expect(body.tenant).toMatchObject({ id: bari.id, istatCode: '272' });
      expect(body.period).toEqual({ from: '2026-03-01', to: '2026-03-31', staleDays: 30, staleSince: '2026-03-02' });
      expect(body.reportedStatuses).toEqual(['submitted', 'approved']);
      expect(body.innovators.map((i) => i.fullName)).toEqual(['Anna Amoruso', 'Bruno Colella', 'Carla Losito', 'Elena Fiore']);
    });

    it('counts by status and by type with both period bounds included and the days outside excluded', () => {
      const a = person(body, anna);
      expect(a.activities).toBe(5);
      expect(a.byStatus).toEqual({ draft: 1, submitted: 1, approved: 2, returned: 1 });
      expect(a.byType).toMatchObject({ meeting: 2, workshop: 1, event: 1, consulting: 1, training: 0, other: 0 });
      expect(Object.values(a.byType).reduce((s, n) => s + n, 0)).toBe(5);
    });

    it('sums hours (one decimal) and participants over submitted and approved activities only', () => {
      const a = person(body, anna);
      // 90 + 120 + 40 minutes = 250 = 4.17 h; the draft (45) and the returned one (60, 100 people) are left out
      expect(a.hours).toBe(4.2);
      expect(a.participants).toBe(32);
    });

    it('gives the median and p90 hours from submission to review over the activities reviewed in the period', () => {
      // reviewed in March: 24, 48, 36 and 96 h (the last one dated in February); April's review is out
      expect(person(body, anna).reviewTime).toEqual({ reviewed: 4, medianHours: 42, p90Hours: 81.6 });
    });

    it('reads the review day in Italian time: 00:30 on 1 March counts, 00:30 on 1 April does not', () => {
      expect(person(body, carla).reviewTime).toEqual({ reviewed: 1, medianHours: 205.5, p90Hours: 205.5 });
    });

    it('lists the assigned municipalities without a visit of that innovator in the last staleDays days, with the last visit', () => {
      const a = person(body, anna);
      expect(a.assignedMunicipalities.map((m) => m.name)).toEqual(['Bari', 'Giovinazzo', 'Molfetta']);
      // Elena's visit to Bari on 15 March does not count for Anna; Anna's visit of 1 April is after the period
      expect(a.unvisitedMunicipalities).toEqual([{ istatCode: '072006', name: 'Bari', lastVisit: '2026-02-28' }]);
      expect(person(body, elena).unvisitedMunicipalities).toEqual([]);
      expect(person(body, carla).unvisitedMunicipalities).toEqual([]);
    });

    it('shows an innovator with no activity with zero figures, never-visited municipalities and employment data', () => {
      const b = person(body, bruno);
      expect(b).toMatchObject({
        active: true,
        hiredOn: '2026-01-15',
        contractEnd: null,
        activities: 0,
        hours: 0,
        participants: 0,
        lastActivityDate: null,
        reviewTime: { reviewed: 0, medianHours: null, p90Hours: null },
        unvisitedMunicipalities: [{ istatCode: '072020', name: 'Corato', lastVisit: null }],
      });
      expect(Object.values(b.byStatus).every((n) => n === 0)).toBe(true);
      expect(person(body, carla)).toMatchObject({ active: false, contractEnd: '2026-03-31', activities: 1, hours: 1, participants: 3 });
    });

    it('gives the date of the last activity up to the end of the period', () => {
      expect(person(body, anna).lastActivityDate).toBe('2026-03-31');
      expect(person(body, carla).lastActivityDate).toBe('2026-03-25');
    });

    it("sums the tenant's totals and computes its review percentiles over every reviewed activity", () => {
      expect(body.totals).toMatchObject({
        activities: 7,
        byStatus: { draft: 1, submitted: 1, approved: 4, returned: 1 },
        hours: 6.2, // 250 + 60 + 60 minutes
        participants: 36,
        innovators: 4,
        activeInnovators: 3,
        unvisitedMunicipalities: 2,
        // 24, 24, 36, 48, 96, 205.5
        reviewTime: { reviewed: 6, medianHours: 42, p90Hours: 150.8 },
      });
      for (const status of ['draft', 'submitted', 'approved', 'returned'] as const) {
        expect(body.totals.byStatus[status]).toBe(body.innovators.reduce((s, i) => s + i.byStatus[status], 0));
      }
    });
  });

  describe('staleness window', () => {
    it('counts a visit on the first day of the window and not one the day before', async () => {
      // staleDays 11 → window 2026-03-21..31: Anna's Molfetta visit of 20 March is stale; with 12 (from the 20th) it is not
      const eleven = await get(coordBari, { ...MARCH, staleDays: 11 });
      expect(eleven.status).toBe(200);
      expect(eleven.body.period.staleSince).toBe('2026-03-21');
      expect(person(eleven.body, anna).unvisitedMunicipalities.map((m: { name: string }) => m.name)).toEqual(['Bari', 'Molfetta']);
      expect(person(eleven.body, anna).unvisitedMunicipalities[1].lastVisit).toBe('2026-03-20');
      const twelve = await get(coordBari, { ...MARCH, staleDays: 12 });
      expect(person(twelve.body, anna).unvisitedMunicipalities.map((m: { name: string }) => m.name)).toEqual(['Bari']);
    });

    it('counts the window back from `to`, not from today', async () => {
      const res = await get(coordBari, { from: '2026-02-01', to: '2026-02-28', staleDays: 1 });
      expect(res.status).toBe(200);
      // on 28 February Anna was in Bari that very day; Molfetta and Giovinazzo never up to then
      expect(person(res.body, anna).unvisitedMunicipalities).toEqual([
        { istatCode: '072022', name: 'Giovinazzo', lastVisit: null },
        { istatCode: '072029', name: 'Molfetta', lastVisit: null },
      ]);
      expect(person(res.body, anna).lastActivityDate).toBe('2026-02-28');
    });
  });

  describe('access', () => {
    it('refuses innovators and municipality users with 403', async () => {
      for (const user of [anna, molfettaUser]) {
        const res = await get(user, MARCH);
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
    });

    it('refuses an anonymous caller with 401', async () => {
      expect((await t.http.get('/api/staff-output').query(MARCH)).status).toBe(401);
    });

    it("never counts another tenant's people or activities", async () => {
      const bariRes = await get(coordBari, MARCH);
      expect(bariRes.body.innovators.map((i: { id: string }) => i.id)).not.toContain(dario.id);
      const bolognaRes = await get(coordBologna, MARCH);
      expect(bolognaRes.status).toBe(200);
      expect(bolognaRes.body.tenant.istatCode).toBe('237');
      expect(bolognaRes.body.innovators.map((i: { id: string }) => i.id)).toEqual([dario.id]);
      expect(bolognaRes.body.totals).toMatchObject({ activities: 3, participants: 3000, hours: 25, innovators: 1 });
    });

    it('does not let a coordinator ask for another tenant (400, as for an unknown one)', async () => {
      const res = await get(coordBari, { ...MARCH, tenant: '237' });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('STAFF_OUTPUT_TENANT_UNKNOWN');
      expect(res.body.details).toEqual([{ field: 'tenant', messages: [expect.stringContaining('237')], codes: [expect.any(String)] }]);
      expect(JSON.stringify(res.body)).not.toContain(dario.id);
      const own = await get(coordBari, { ...MARCH, tenant: '272' });
      expect(own.status).toBe(200);
    });

    it('asks an admin for the tenant (400 naming it), then answers for that tenant only', async () => {
      const missing = await get(admin, MARCH);
      expect(missing.status).toBe(400);
      expect(missing.body.code).toBe('STAFF_OUTPUT_TENANT_REQUIRED');
      expect(missing.body.details[0].field).toBe('tenant');

      const unknown = await get(admin, { ...MARCH, tenant: '999' });
      expect(unknown.status).toBe(400);
      expect(unknown.body.code).toBe('STAFF_OUTPUT_TENANT_UNKNOWN');

      const asAdmin = await get(admin, { ...MARCH, tenant: '272' });
      const asCoordinator = await get(coordBari, MARCH);
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.body).toEqual(asCoordinator.body);
    });
  });

  describe('validation', () => {
    const fieldOf = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field);

    it.each([
      ['from missing', { to: '2026-03-31' }, 'from'],
      ['to missing', { from: '2026-03-01' }, 'to'],
      ['from not a date', { from: '2026-02-30', to: '2026-03-31' }, 'from'],
      ['to in another format', { from: '2026-03-01', to: '31/03/2026' }, 'to'],
      ['to before from', { from: '2026-03-02', to: '2026-03-01' }, 'to'],
      ['more than 3 years', { from: '2023-01-01', to: '2026-01-01' }, 'to'],
      ['staleDays 0', { ...MARCH, staleDays: 0 }, 'staleDays'],
      ['staleDays 366', { ...MARCH, staleDays: 366 }, 'staleDays'],
      ['staleDays not a number', { ...MARCH, staleDays: 'abc' }, 'staleDays'],
      ['staleDays not whole', { ...MARCH, staleDays: 1.5 }, 'staleDays'],
      ['tenant malformed', { ...MARCH, tenant: 'bari' }, 'tenant'],
    ])('answers 400 naming the field: %s', async (_case, query, field) => {
      const res = await get(coordBari, query as Record<string, string | number>);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(fieldOf(res.body)).toEqual([field]);
      expect(res.body.message).toContain(field);
    });

    it('refuses an unknown parameter', async () => {
      const res = await get(coordBari, { ...MARCH, innovator: anna.id });
      expect(res.status).toBe(400);
      expect(fieldOf(res.body)).toEqual(['innovator']);
    });

    it('accepts the limits: one day, exactly 3 years less a day, staleDays 1 and 365', async () => {
      for (const query of [
        { from: '2026-03-31', to: '2026-03-31', staleDays: 1 },
        { from: '2023-01-01', to: '2025-12-31', staleDays: 365 },
      ]) {
        const res = await get(coordBari, query);
        expect(res.status).toBe(200);
      }
      const oneDay = await get(coordBari, { from: '2026-03-31', to: '2026-03-31' });
      expect(person(oneDay.body, anna)).toMatchObject({ activities: 1, byStatus: { submitted: 1 } });
    });
  });
  describe('review times through the real review flow', () => {
    it('measures approvals and returns, not reopens (which also stamp the review time)', async () => {
      const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date());
      const fabio = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Fabio Ranieri', municipalities: ['072029'] });
      const fabioAuth = { Authorization: `Bearer ${await t.factory.token(fabio)}` };
      const create = async () => {
        const res = await t.http
          .post('/api/activities')
          .set(fabioAuth)
          .send({
            clientId: randomUUID(),
            municipality: '072029',
            date: today,
            durationMinutes: 60,
            type: 'meeting',
            title: 'Incontro',
            participants: { total: 3 },
          });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const step = async (id: string, action: string, auth: Record<string, string>, body: object = {}) => {
        const res = await t.http.post(`/api/activities/${id}/${action}`).set(auth).send(body);
        expect([action, res.status]).toEqual([action, 200]);
      };
      const [reopened, returned, approved] = [await create(), await create(), await create()];
      for (const id of [reopened, returned, approved]) await step(id, 'submit', fabioAuth);
      await step(reopened, 'approve', as(coordBari));
      await step(reopened, 'reopen', as(coordBari), { comment: 'Manca il foglio firme' });
      await step(returned, 'return', as(coordBari), { comment: 'Indicare i gruppi di partecipanti' });
      await step(approved, 'approve', as(coordBari));

      const res = await get(coordBari, { from: today, to: today });
      expect(res.status).toBe(200);
      const f = person(res.body, fabio);
      expect(f.byStatus).toEqual({ draft: 0, submitted: 0, approved: 1, returned: 2 });
      expect(f.reviewTime.reviewed).toBe(2);
      expect(f.reviewTime.medianHours).toBe(0);
      expect(f.lastActivityDate).toBe(today);
    });
  });
  describe('last sync (field mode)', () => {
    it("shows each innovator's latest sync over their devices, null for one who never synced", async () => {
      const gina = await t.factory.user({ role: 'innovator', tenant: bari, fullName: 'Gina Sincronizzata', municipalities: ['072029'] });
      const ginaAuth = { Authorization: `Bearer ${await t.factory.token(gina)}` };
      // an old phone, five days ago, then a complete round of today's phone through the API
      await t.db.query(
        `INSERT INTO sync_devices (tenant_id, user_id, device_id, last_sync_at) VALUES ($1, $2, 'old-phone', now() - interval '5 days')`,
        [bari.id, gina.id],
      );
      const sync = await t.http.get('/api/sync/reference').query({ device: 'new-phone-1' }).set(ginaAuth);
      expect(sync.status).toBe(200);
      expect(sync.body.complete).toBe(true);

      const res = await get(coordBari, MARCH);
      expect(res.status).toBe(200);
      expect(person(res.body, gina).lastSyncAt).toBe(sync.body.syncedAt);
      expect(person(res.body, bruno).lastSyncAt).toBeNull();
      // another tenant's coordinator never sees Gina (nor her devices)
      const other = await get(coordBologna, MARCH);
      expect(other.body.innovators.some((i: { id: string }) => i.id === gina.id)).toBe(false);
    });
  });
});
