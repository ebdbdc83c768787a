import { randomUUID } from 'node:crypto';
import {
  type ActivityWorld,
  activityBody,
  activityIn,
  activityWorld,
  countRows,
  createActivity,
  organizationIn,
} from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ActivityResponseDto } from './dto/activity.response';

describe('activities: creation, editing, history', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  describe('creation', () => {
    it('creates a draft authored by the caller, in their tenant, and returns it', async () => {
      const org = await organizationIn(t, w.bari, '072006', 'APS Orti Urbani');
      const body = activityBody({ organizations: [org], location: { lat: 41.1171, lon: 16.8719 }, followUps: 'Richiamare la scuola' });
      const res = await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(201);
      const a = res.body as ActivityResponseDto;
      expect(a).toMatchObject({
        clientId: body.clientId,
        status: 'draft',
        version: 1,
        municipality: { istatCode: '072006', name: 'Bari' },
        socialArea: { code: 'ATS_BA_BARI' },
        author: { id: w.innA.id, fullName: 'Anna Innovatrice' },
        date: '2026-10-15',
        durationMinutes: 90,
        type: 'workshop',
        title: body.title,
        participants: { total: 25, citizens: 15, youth: 6 },
        themes: ['youth', 'culture'],
        organizations: [{ id: org, name: 'APS Orti Urbani' }],
        location: { lat: 41.1171, lon: 16.8719 },
        followUps: 'Richiamare la scuola',
        internalNotes: 'Nota riservata allo staff.',
        building: null,
        initiative: null,
        reviewComment: null,
        submittedAt: null,
      });
      const [row] = await t.db.query('SELECT tenant_id, author_id, created_by FROM activities WHERE id = $1', [a.id]);
      expect(row).toEqual({ tenant_id: w.bari.id, author_id: w.innA.id, created_by: w.innA.id });
    });

    it('is idempotent by clientId: the same body again returns the same activity with 200 and writes nothing', async () => {
      const body = activityBody();
      const first = await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(201);
      const before = { activities: await countRows(t, 'activities'), audit: await countRows(t, 'audit_log') };
      const again = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send({ ...body, themes: [...(body.themes ?? [])].reverse() })
        .expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.version).toBe(1);
      expect({ activities: await countRows(t, 'activities'), audit: await countRows(t, 'audit_log') }).toEqual(before);
    });

    it('still answers a retry with the activity after it was edited (the original body is what counts)', async () => {
      const body = activityBody();
      const first = (await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(201)).body as ActivityResponseDto;
      await t.http.patch(`/api/activities/${first.id}`).set(w.innA.auth).send({ version: 1, title: 'Titolo corretto' }).expect(200);
      const retry = await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(200);
      expect(retry.body).toMatchObject({ id: first.id, title: 'Titolo corretto', version: 2 });
    });

    it('refuses the same clientId with a different body: 409 ACTIVITY_CLIENT_ID_CONFLICT, nothing written', async () => {
      const body = activityBody();
      await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(201);
      const before = await countRows(t, 'activities');
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send({ ...body, durationMinutes: 91 })
        .expect(409);
      expect(res.body.code).toBe('ACTIVITY_CLIENT_ID_CONFLICT');
      expect(await countRows(t, 'activities')).toBe(before);
    });

    it("refuses a colleague's clientId even with the same body", async () => {
      const body = activityBody();
      await t.http.post('/api/activities').set(w.innA.auth).send(body).expect(201);
      const res = await t.http.post('/api/activities').set(w.innB.auth).send(body).expect(409);
      expect(res.body.code).toBe('ACTIVITY_CLIENT_ID_CONFLICT');
    });

    it('creates exactly one activity when the same request arrives many times at once', async () => {
      const body = activityBody();
      const before = await countRows(t, 'activities');
      const results = await Promise.all(Array.from({ length: 8 }, () => t.http.post('/api/activities').set(w.innA.auth).send(body)));
      const statuses = results.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 200)).toHaveLength(7);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await countRows(t, 'activities')).toBe(before + 1);
    });

    it('accepts an activity with only the required fields', async () => {
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send({
          clientId: randomUUID(),
          municipality: '072029',
          date: '2026-09-01',
          type: 'meeting',
          title: 'Riunione',
          durationMinutes: 30,
          participants: { total: 0 },
        })
        .expect(201);
      expect(res.body).toMatchObject({ description: null, themes: [], organizations: [], location: null, participants: { total: 0 } });
    });

    it('refuses a municipality outside the assignment with 400 naming municipality', async () => {
      const before = await countRows(t, 'activities');
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send(activityBody({ municipality: '072020' }))
        .expect(400);
      expect(res.body.code).toBe('ACTIVITY_MUNICIPALITY_NOT_ASSIGNED');
      expect(res.body.details).toEqual([
        { field: 'municipality', messages: [expect.any(String)], codes: ['ACTIVITY_MUNICIPALITY_NOT_ASSIGNED'] },
      ]);
      expect(await countRows(t, 'activities')).toBe(before);
    });

    it("treats another tenant's municipality as unknown (400 naming municipality)", async () => {
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send(activityBody({ municipality: '037006' }))
        .expect(400);
      expect(res.body.code).toBe('ACTIVITY_MUNICIPALITY_UNKNOWN');
      expect(res.body.details[0].field).toBe('municipality');
    });

    it('refuses an organization of another tenant (400 naming organizations), nothing written', async () => {
      const foreign = await organizationIn(t, w.bologna, '037006', 'Associazione bolognese');
      const before = { a: await countRows(t, 'activities'), ao: await countRows(t, 'activity_organizations') };
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send(activityBody({ organizations: [foreign] }))
        .expect(400);
      expect(res.body.code).toBe('ACTIVITY_ORGANIZATION_UNKNOWN');
      expect(res.body.details[0].field).toBe('organizations');
      expect({ a: await countRows(t, 'activities'), ao: await countRows(t, 'activity_organizations') }).toEqual(before);
    });

    it.each([
      ['coordinator', 'coord'],
      ['municipality user', 'muniBari'],
      ['admin', 'admin'],
    ] as const)('refuses creation by a %s with 403', async (_label, who) => {
      const before = await countRows(t, 'activities');
      const res = await t.http.post('/api/activities').set(w[who].auth).send(activityBody());
      expect(res.status).toBe(403);
      expect(await countRows(t, 'activities')).toBe(before);
    });
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    const cases: [string, (b: Record<string, unknown>) => unknown, string][] = [
      ['an unknown field', (b) => ({ ...b, colour: 'red' }), 'colour'],
      ['a status in the body', (b) => ({ ...b, status: 'approved' }), 'status'],
      ['an author in the body', (b) => ({ ...b, authorId: randomUUID() }), 'authorId'],
      ['a tenant in the body', (b) => ({ ...b, tenantId: randomUUID() }), 'tenantId'],
      ['a number as a string', (b) => ({ ...b, durationMinutes: '90' }), 'durationMinutes'],
      ['a zero duration', (b) => ({ ...b, durationMinutes: 0 }), 'durationMinutes'],
      ['a date that does not exist', (b) => ({ ...b, date: '2026-02-30' }), 'date'],
      ['a date in another format', (b) => ({ ...b, date: '15/10/2026' }), 'date'],
      ['an unknown type', (b) => ({ ...b, type: 'party' }), 'type'],
      ['an unknown theme', (b) => ({ ...b, themes: ['youth', 'astrology'] }), 'themes'],
      ['a repeated theme', (b) => ({ ...b, themes: ['youth', 'youth'] }), 'themes'],
      ['groups exceeding the total', (b) => ({ ...b, participants: { total: 10, citizens: 8, youth: 5 } }), 'participants'],
      ['a negative group', (b) => ({ ...b, participants: { total: 10, youth: -1 } }), 'participants.youth'],
      ['an unknown participant group', (b) => ({ ...b, participants: { total: 10, pets: 2 } }), 'participants.pets'],
      ['participants as a number', (b) => ({ ...b, participants: 10 }), 'participants'],
      ['a missing title', (b) => ({ ...b, title: undefined }), 'title'],
      ['a blank title', (b) => ({ ...b, title: '   ' }), 'title'],
      ['a clientId that is not a uuid', (b) => ({ ...b, clientId: 'abc' }), 'clientId'],
      ['a municipality that is not an ISTAT code', (b) => ({ ...b, municipality: 'Bari' }), 'municipality'],
      ['a location outside Italy', (b) => ({ ...b, location: { lat: 51.5, lon: -0.12 } }), 'location.lat'],
      ['a half location', (b) => ({ ...b, location: { lat: 41.1 } }), 'location.lon'],
      ['an organization id that is not a uuid', (b) => ({ ...b, organizations: ['x'] }), 'organizations'],
    ];
    it.each(cases)('refuses %s', async (_label, mutate, field) => {
      const before = { a: await countRows(t, 'activities'), audit: await countRows(t, 'audit_log') };
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .send(mutate(activityBody() as never) as object);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.message).toContain(field.split('.').pop());
      expect({ a: await countRows(t, 'activities'), audit: await countRows(t, 'audit_log') }).toEqual(before);
    });

    it('refuses malformed JSON with 400 MALFORMED_JSON', async () => {
      const before = await countRows(t, 'activities');
      const res = await t.http
        .post('/api/activities')
        .set(w.innA.auth)
        .set('Content-Type', 'application/json')
        .send('{"clientId": "x", "title": ');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('MALFORMED_JSON');
      expect(await countRows(t, 'activities')).toBe(before);
    });
  });

  describe('editing', () => {
    it('changes only the fields sent, bumps the version and audits before/after of the changed fields', async () => {
      const org = await organizationIn(t, w.bari, '072029', 'Cooperativa Molfetta');
      const a = await createActivity(t, w.innA);
      const res = await t.http
        .patch(`/api/activities/${a.id}`)
        .set(w.innA.auth)
        .send({ version: 1, title: 'Laboratorio spostato', municipality: '072029', organizations: [org], description: null })
        .expect(200);
      expect(res.body).toMatchObject({
        version: 2,
        title: 'Laboratorio spostato',
        municipality: { istatCode: '072029' },
        organizations: [{ id: org }],
        description: null,
        durationMinutes: a.durationMinutes,
        participants: a.participants,
      });
      const [entry] = await t.db.query(
        `SELECT actor_id, before, after FROM audit_log WHERE entity = 'activity' AND entity_id = $1 AND action = 'update'`,
        [a.id],
      );
      expect(entry.actor_id).toBe(w.innA.id);
      expect(entry.before).toEqual({ title: a.title, municipality: '072006', organizations: [], description: a.description });
      expect(entry.after).toEqual({ title: 'Laboratorio spostato', municipality: '072029', organizations: [org], description: null });
    });

    it('refuses a stale version with 409 STALE_VERSION and keeps the record as it was', async () => {
      const a = await createActivity(t, w.innA);
      await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 1, title: 'Prima modifica' }).expect(200);
      const res = await t.http
        .patch(`/api/activities/${a.id}`)
        .set(w.innA.auth)
        .send({ version: 1, title: 'Modifica in ritardo', durationMinutes: 5 })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
      const now = (await t.http.get(`/api/activities/${a.id}`).set(w.innA.auth).expect(200)).body;
      expect(now).toMatchObject({ version: 2, title: 'Prima modifica', durationMinutes: a.durationMinutes });
    });

    it('refuses null for a required field and a missing version', async () => {
      const a = await createActivity(t, w.innA);
      const nullTitle = await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 1, title: null }).expect(400);
      expect(nullTitle.body.details.map((d: { field: string }) => d.field)).toContain('title');
      const noVersion = await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ title: 'x' }).expect(400);
      expect(noVersion.body.details.map((d: { field: string }) => d.field)).toContain('version');
    });

    it('refuses moving the activity to a municipality not assigned (400 naming municipality)', async () => {
      const a = await createActivity(t, w.innA);
      const res = await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 1, municipality: '072020' }).expect(400);
      expect(res.body.code).toBe('ACTIVITY_MUNICIPALITY_NOT_ASSIGNED');
      expect((await t.http.get(`/api/activities/${a.id}`).set(w.innA.auth)).body.municipality.istatCode).toBe('072006');
    });

    it("refuses a colleague's edit of an activity they can read with 403 ACTIVITY_NOT_AUTHOR", async () => {
      const a = await activityIn(t, 'submitted', w.innA, w.coord);
      await t.http.post(`/api/activities/${a.id}/return`).set(w.coord.auth).send({ comment: 'rivedi' }).expect(200);
      const res = await t.http.patch(`/api/activities/${a.id}`).set(w.innB.auth).send({ version: 3, title: 'Non mio' }).expect(403);
      expect(res.body.code).toBe('ACTIVITY_NOT_AUTHOR');
    });

    it('refuses edits by coordinators (403): they review, authors edit', async () => {
      const a = await createActivity(t, w.innA);
      await t.http.patch(`/api/activities/${a.id}`).set(w.coord.auth).send({ version: 1, title: 'x' }).expect(403);
    });
  });

  describe('history', () => {
    it('lists every step of the activity, oldest first, with the actors and the return comment', async () => {
      const a = await createActivity(t, w.innA);
      await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 1, durationMinutes: 120 }).expect(200);
      await t.http.post(`/api/activities/${a.id}/submit`).set(w.innA.auth).expect(200);
      await t.http.post(`/api/activities/${a.id}/return`).set(w.coord.auth).send({ comment: 'Indica gli esiti' }).expect(200);
      await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 4, outcomes: 'Esiti indicati' }).expect(200);
      await t.http.post(`/api/activities/${a.id}/submit`).set(w.innA.auth).expect(200);
      await t.http.post(`/api/activities/${a.id}/approve`).set(w.coord.auth).send({}).expect(200);
      await t.http.post(`/api/activities/${a.id}/reopen`).set(w.coord.auth).send({ comment: 'Manca la durata reale' }).expect(200);

      const res = await t.http.get(`/api/activities/${a.id}/history`).set(w.coord.auth).expect(200);
      expect(res.body.map((e: { action: string }) => e.action)).toEqual([
        'create',
        'update',
        'submit',
        'return',
        'update',
        'submit',
        'approve',
        'reopen',
      ]);
      expect(res.body.map((e: { actor: { fullName: string } }) => e.actor.fullName)).toEqual([
        'Anna Innovatrice',
        'Anna Innovatrice',
        'Anna Innovatrice',
        'Cosimo Coordinatore',
        'Anna Innovatrice',
        'Anna Innovatrice',
        'Cosimo Coordinatore',
        'Cosimo Coordinatore',
      ]);
      expect(res.body[1]).toMatchObject({ before: { durationMinutes: 90 }, after: { durationMinutes: 120 } });
      expect(res.body[3]).toMatchObject({ before: { status: 'submitted' }, after: { status: 'returned', comment: 'Indica gli esiti' } });
      expect(res.body[7]).toMatchObject({
        before: { status: 'approved' },
        after: { status: 'returned', comment: 'Manca la durata reale' },
      });
      // the author and colleagues who can read it see it too
      await t.http.get(`/api/activities/${a.id}/history`).set(w.innA.auth).expect(200);
      await t.http.get(`/api/activities/${a.id}/history`).set(w.innB.auth).expect(200);
    });

    it('is a 404 for municipality users, for innovators who cannot read the activity, and for other tenants', async () => {
      const a = await activityIn(t, 'approved', w.innA, w.coord);
      await t.http.get(`/api/activities/${a.id}/history`).set(w.muniBari.auth).expect(404);
      await t.http.get(`/api/activities/${a.id}/history`).set(w.innC.auth).expect(404);
      await t.http.get(`/api/activities/${a.id}/history`).set(w.coordBo.auth).expect(404);
    });
  });

  it('answers 404 for an id that is not a uuid', async () => {
    const res = await t.http.get('/api/activities/not-a-uuid').set(w.coord.auth).expect(404);
    expect(res.body.code).toBe('ACTIVITY_NOT_FOUND');
  });
});
