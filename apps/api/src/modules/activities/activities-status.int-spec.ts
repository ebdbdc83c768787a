import { ACTIVITY_STATUSES, type ActivityStatus } from '@trama/contracts';
import { type ActivityWorld, activityIn, activityWorld, countRows } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

type Action = 'submit' | 'approve' | 'return' | 'reopen' | 'edit';

/** What each action does from each status over HTTP: the new status, or the 409 code refusing it. */
const EXPECTED: Record<Action, Record<ActivityStatus, ActivityStatus | 'ACTIVITY_INVALID_TRANSITION' | 'ACTIVITY_LOCKED'>> = {
  submit: { draft: 'submitted', submitted: 'ACTIVITY_INVALID_TRANSITION', approved: 'ACTIVITY_INVALID_TRANSITION', returned: 'submitted' },
  approve: {
    draft: 'ACTIVITY_INVALID_TRANSITION',
    submitted: 'approved',
    approved: 'ACTIVITY_INVALID_TRANSITION',
    returned: 'ACTIVITY_INVALID_TRANSITION',
  },
  return: {
    draft: 'ACTIVITY_INVALID_TRANSITION',
    submitted: 'returned',
    approved: 'ACTIVITY_INVALID_TRANSITION',
    returned: 'ACTIVITY_INVALID_TRANSITION',
  },
  reopen: {
    draft: 'ACTIVITY_INVALID_TRANSITION',
    submitted: 'ACTIVITY_INVALID_TRANSITION',
    approved: 'returned',
    returned: 'ACTIVITY_INVALID_TRANSITION',
  },
  edit: { draft: 'draft', submitted: 'ACTIVITY_LOCKED', approved: 'ACTIVITY_LOCKED', returned: 'returned' },
};

const ACTIONS: Action[] = ['submit', 'approve', 'return', 'reopen', 'edit'];

describe('activities: the status machine over HTTP', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  /** The right caller for each action: the author edits and submits, a coordinator reviews. */
  function perform(action: Action, id: string, version: number) {
    const author = w.innA;
    const reviewer = w.coord;
    switch (action) {
      case 'edit':
        return t.http.patch(`/api/activities/${id}`).set(author.auth).send({ version, title: 'Titolo modificato' });
      case 'submit':
        return t.http.post(`/api/activities/${id}/submit`).set(author.auth).send({});
      case 'return':
        return t.http.post(`/api/activities/${id}/return`).set(reviewer.auth).send({ comment: 'Da completare' });
      default:
        return t.http.post(`/api/activities/${id}/${action}`).set(reviewer.auth).send({});
    }
  }

  const table = ACTIONS.flatMap((action) => ACTIVITY_STATUSES.map((status) => [action, status, EXPECTED[action][status]] as const));

  it.each(table)('%s from %s → %s', async (action, status, expected) => {
    const a = await activityIn(t, status, w.innA, w.coord);
    const auditBefore = await countRows(t, 'audit_log');
    const res = await perform(action, a.id, a.version);
    const now = (await t.http.get(`/api/activities/${a.id}`).set(w.coord.auth).expect(200)).body;
    if ((ACTIVITY_STATUSES as readonly string[]).includes(expected)) {
      expect(res.status).toBe(200);
      expect(res.body.status).toBe(expected);
      expect(now).toMatchObject({ status: expected, version: a.version + 1 });
      expect(await countRows(t, 'audit_log')).toBe(auditBefore + 1);
    } else {
      expect(res.status).toBe(409);
      expect(res.body.code).toBe(expected);
      if (expected === 'ACTIVITY_INVALID_TRANSITION') expect(res.body.message).toBe(`cannot ${action} an activity in status ${status}`);
      expect(now).toMatchObject({ status, version: a.version, title: a.title });
      expect(await countRows(t, 'audit_log')).toBe(auditBefore);
    }
  });

  it('records who submitted and who reviewed, with the comment', async () => {
    const a = await activityIn(t, 'returned', w.innA, w.coord);
    expect(a).toMatchObject({ status: 'returned', reviewComment: 'Aggiungi i partecipanti per gruppo', reviewedBy: { id: w.coord.id } });
    expect(a.submittedAt).not.toBeNull();
    expect(a.reviewedAt).not.toBeNull();
  });

  it('lets a coordinator reopen an approved activity so that its author edits and resubmits it', async () => {
    const a = await activityIn(t, 'approved', w.innA, w.coord);
    const locked = await t.http
      .patch(`/api/activities/${a.id}`)
      .set(w.innA.auth)
      .send({ version: a.version, title: 'Correzione' })
      .expect(409);
    expect(locked.body.code).toBe('ACTIVITY_LOCKED');
    const reopened = await t.http
      .post(`/api/activities/${a.id}/reopen`)
      .set(w.coord.auth)
      .send({ comment: 'Correggi la data' })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'returned', reviewComment: 'Correggi la data' });
    const edited = await t.http
      .patch(`/api/activities/${a.id}`)
      .set(w.innA.auth)
      .send({ version: reopened.body.version, date: '2026-10-16' })
      .expect(200);
    expect(edited.body).toMatchObject({ status: 'returned', date: '2026-10-16' });
    await t.http.post(`/api/activities/${a.id}/submit`).set(w.innA.auth).expect(200);
    const approved = await t.http.post(`/api/activities/${a.id}/approve`).set(w.coord.auth).expect(200);
    expect(approved.body.status).toBe('approved');
  });

  describe('who may move an activity', () => {
    const reviews = ['approve', 'return', 'reopen'] as const;
    it.each(reviews)('refuses %s by an innovator, even the author, with 403', async (action) => {
      const a = await activityIn(t, action === 'reopen' ? 'approved' : 'submitted', w.innA, w.coord);
      for (const who of [w.innA, w.innB]) {
        const res = await t.http.post(`/api/activities/${a.id}/${action}`).set(who.auth).send({ comment: 'x' });
        expect(res.status).toBe(403);
      }
      await t.http.post(`/api/activities/${a.id}/${action}`).set(w.muniBari.auth).send({ comment: 'x' }).expect(403);
    });

    it("refuses a colleague's submit with 403 ACTIVITY_NOT_AUTHOR when they can read the activity", async () => {
      const a = await activityIn(t, 'returned', w.innA, w.coord);
      const res = await t.http.post(`/api/activities/${a.id}/submit`).set(w.innB.auth).expect(403);
      expect(res.body.code).toBe('ACTIVITY_NOT_AUTHOR');
    });

    it('answers 404 to a colleague acting on a draft (drafts are private to their author)', async () => {
      const a = await activityIn(t, 'draft', w.innA, w.coord);
      await t.http.post(`/api/activities/${a.id}/submit`).set(w.innB.auth).expect(404);
      await t.http.patch(`/api/activities/${a.id}`).set(w.innB.auth).send({ version: 1, title: 'x' }).expect(404);
    });

    it('refuses submit by a coordinator with 403 (only the author submits)', async () => {
      const a = await activityIn(t, 'draft', w.innA, w.coord);
      await t.http.post(`/api/activities/${a.id}/submit`).set(w.coord.auth).expect(403);
    });

    it('lets an admin review, and answers 404 to the coordinator of another tenant', async () => {
      const a = await activityIn(t, 'submitted', w.innA, w.coord);
      await t.http.post(`/api/activities/${a.id}/approve`).set(w.coordBo.auth).expect(404);
      const res = await t.http.post(`/api/activities/${a.id}/approve`).set(w.admin.auth).expect(200);
      expect(res.body.status).toBe('approved');
    });
  });

  describe('review input', () => {
    it.each([
      ['without a comment', {}],
      ['with an empty comment', { comment: '' }],
      ['with a blank comment', { comment: '   ' }],
      ['with a comment that is not text', { comment: 42 }],
    ])('refuses a return %s: 400 naming comment, status unchanged', async (_label, body) => {
      const a = await activityIn(t, 'submitted', w.innA, w.coord);
      const res = await t.http.post(`/api/activities/${a.id}/return`).set(w.coord.auth).send(body).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('comment');
      expect((await t.http.get(`/api/activities/${a.id}`).set(w.coord.auth)).body.status).toBe('submitted');
    });

    it('refuses a transition with a stale version (409 STALE_VERSION)', async () => {
      const a = await activityIn(t, 'submitted', w.innA, w.coord);
      const res = await t.http
        .post(`/api/activities/${a.id}/approve`)
        .set(w.coord.auth)
        .send({ version: a.version - 1 })
        .expect(409);
      expect(res.body.code).toBe('STALE_VERSION');
    });

    it('serialises concurrent reviews: one wins, the other gets 409', async () => {
      const a = await activityIn(t, 'submitted', w.innA, w.coord);
      const [approve, ret] = await Promise.all([
        t.http.post(`/api/activities/${a.id}/approve`).set(w.coord.auth).send({}),
        t.http.post(`/api/activities/${a.id}/return`).set(w.coord.auth).send({ comment: 'no' }),
      ]);
      expect([approve.status, ret.status].sort()).toEqual([200, 409]);
      const loser = approve.status === 409 ? approve : ret;
      expect(loser.body.code).toBe('ACTIVITY_INVALID_TRANSITION');
    });
  });

  it('never lets the body set the status on edit', async () => {
    const a = await activityIn(t, 'draft', w.innA, w.coord);
    const res = await t.http.patch(`/api/activities/${a.id}`).set(w.innA.auth).send({ version: 1, status: 'approved' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain('status');
  });
});
