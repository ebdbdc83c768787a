import { ACTIVITY_UNDO_SECONDS } from '@trama/contracts';
import sharp from 'sharp';
import { type Actor, type ActivityWorld, activityIn, activityWorld, countRows, signIn } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ActivityResponseDto } from './dto/activity.response';

/** Undo of a review decision, the comment edit until seen, and the thread kept across rounds (docs/activities.md). */
describe('activities: review that cannot go wrong by accident', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let coord2: Actor;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    coord2 = await signIn(t, await t.factory.user({ role: 'coordinator', tenant: w.bari, fullName: 'Costanza Seconda' }));
  });
  afterAll(() => t.close());

  const undo = (who: Actor, a: Pick<ActivityResponseDto, 'id' | 'version'>) =>
    t.http.post(`/api/activities/${a.id}/undo-review`).set(who.auth).send({ version: a.version });
  const editComment = (who: Actor, a: Pick<ActivityResponseDto, 'id' | 'version'>, comment: string) =>
    t.http.patch(`/api/activities/${a.id}/review-comment`).set(who.auth).send({ version: a.version, comment });
  const detail = async (who: Actor, id: string) =>
    (await t.http.get(`/api/activities/${id}`).set(who.auth).expect(200)).body as ActivityResponseDto;
  /** Moves the latest decision of the activity `seconds` into the past (the window is measured from it). */
  const ageDecision = (id: string, seconds: number) =>
    t.db.query(`UPDATE activity_reviews SET at = at - make_interval(secs => $2) WHERE activity_id = $1`, [id, seconds]);

  describe('undo', () => {
    it('puts an approved activity back to submitted, keeps the decision in the thread as undone, and audits it', async () => {
      const approved = await activityIn(t, 'approved', w.innA, w.coord);
      const audits = await countRows(t, 'audit_log');
      const res = await undo(w.coord, approved).expect(200);
      expect(res.body).toMatchObject({ status: 'submitted', version: approved.version + 1, reviewedAt: null, reviewComment: null });
      expect(res.body.reviews).toHaveLength(1);
      expect(res.body.reviews[0]).toMatchObject({ decision: 'approve', round: 1, reviewer: { id: w.coord.id } });
      expect(res.body.reviews[0].undoneAt).not.toBeNull();
      expect(await countRows(t, 'audit_log')).toBe(audits + 1);
      const history = (await t.http.get(`/api/activities/${approved.id}/history`).set(w.coord.auth).expect(200)).body;
      expect(history.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'approve', 'undo_review']);
      // it is in the queue again, and can be decided anew
      const queue = await t.http.get('/api/activities').query({ status: 'submitted', sort: 'submitted' }).set(w.coord.auth).expect(200);
      expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(approved.id);
      await t.http.post(`/api/activities/${approved.id}/return`).set(w.coord.auth).send({ comment: 'Manca il verbale' }).expect(200);
    });

    it('puts a returned activity back to submitted while its author has not opened it', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      const res = await undo(w.coord, returned).expect(200);
      expect(res.body.status).toBe('submitted');
      // the author can no longer edit it: it is under review again
      const edit = await t.http.patch(`/api/activities/${returned.id}`).set(w.innA.auth).send({ version: res.body.version, title: 'x' });
      expect(edit.status).toBe(409);
      expect(edit.body.code).toBe('ACTIVITY_LOCKED');
    });

    it('is refused to another coordinator (403), to innovators (403), and out of scope (404)', async () => {
      const approved = await activityIn(t, 'approved', w.innA, w.coord);
      expect((await undo(coord2, approved).expect(403)).body.code).toBe('ACTIVITY_NOT_REVIEWER');
      await undo(w.innA, approved).expect(403);
      expect((await undo(w.coordBo, approved).expect(404)).body.code).toBe('ACTIVITY_NOT_FOUND');
      expect((await detail(w.coord, approved.id)).status).toBe('approved');
    });

    it('is refused after the window (409 ACTIVITY_UNDO_EXPIRED), and just before it is not', async () => {
      const late = await activityIn(t, 'approved', w.innA, w.coord);
      await ageDecision(late.id, ACTIVITY_UNDO_SECONDS + 5);
      expect((await undo(w.coord, late).expect(409)).body.code).toBe('ACTIVITY_UNDO_EXPIRED');
      expect((await detail(w.coord, late.id)).status).toBe('approved');
      const inTime = await activityIn(t, 'approved', w.innA, w.coord);
      await ageDecision(inTime.id, ACTIVITY_UNDO_SECONDS - 10);
      await undo(w.coord, inTime).expect(200);
    });

    it('is refused once the author has acted: opened the return (409 ACTIVITY_REVIEW_SEEN) or edited it (409 STALE_VERSION)', async () => {
      const opened = await activityIn(t, 'returned', w.innA, w.coord);
      await detail(w.innA, opened.id);
      expect((await undo(w.coord, opened).expect(409)).body.code).toBe('ACTIVITY_REVIEW_SEEN');

      const edited = await activityIn(t, 'returned', w.innA, w.coord);
      // the author edits from a version they hold (e.g. the list) without opening the detail
      await t.http.patch(`/api/activities/${edited.id}`).set(w.innA.auth).send({ version: edited.version, title: 'Corretto' }).expect(200);
      expect((await undo(w.coord, edited).expect(409)).body.code).toBe('STALE_VERSION');
      expect((await detail(w.coord, edited.id)).status).toBe('returned');
    });

    it('is refused once the author has edited, even with the version read after the edit (the server decides, not the version sent)', async () => {
      const edited = await activityIn(t, 'returned', w.innA, w.coord);
      await t.http.patch(`/api/activities/${edited.id}`).set(w.innA.auth).send({ version: edited.version, title: 'Corretto' }).expect(200);
      // the reviewer re-reads the activity (the queue refreshes) and sends the current version
      const current = await detail(w.coord, edited.id);
      expect((await undo(w.coord, current).expect(409)).body.code).toBe('STALE_VERSION');
      const after = await detail(w.coord, edited.id);
      expect(after.status).toBe('returned');
      expect(after.title).toBe('Corretto');
    });

    it('is refused once the author has added an attachment to the returned activity (that does not change its version)', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      const photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      await t.http
        .post(`/api/activities/${returned.id}/attachments`)
        .set(w.innA.auth)
        .attach('file', photo, 'foglio-firme.png')
        .expect(201);
      const current = await detail(w.coord, returned.id);
      expect((await undo(w.coord, current).expect(409)).body.code).toBe('STALE_VERSION');
      expect((await detail(w.coord, returned.id)).status).toBe('returned');
    });

    it('still undoes after its reviewer corrected the comment (only the author acting ends the undo)', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      const corrected = (await editComment(w.coord, returned, 'Manca il foglio firme, per favore').expect(200)).body as ActivityResponseDto;
      await undo(w.coord, corrected).expect(200);
    });

    it('refuses a stale version and a second undo', async () => {
      const approved = await activityIn(t, 'approved', w.innA, w.coord);
      expect((await undo(w.coord, { id: approved.id, version: approved.version - 1 }).expect(409)).body.code).toBe('STALE_VERSION');
      const undone = await undo(w.coord, approved).expect(200);
      expect((await undo(w.coord, undone.body).expect(409)).body.code).toBe('ACTIVITY_NOTHING_TO_UNDO');
      const draft = await activityIn(t, 'draft', w.innA, w.coord);
      expect((await undo(w.coord, draft).expect(409)).body.code).toBe('ACTIVITY_NOTHING_TO_UNDO');
    });

    it('after an undo of a second-round return, the activity shows the first round’s review again', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      await detail(w.innA, returned.id);
      const resubmitted = (await t.http.post(`/api/activities/${returned.id}/submit`).set(w.innA.auth).expect(200)).body;
      const second = (await t.http.post(`/api/activities/${returned.id}/return`).set(coord2.auth).send({ comment: 'Ancora incompleta' }))
        .body as ActivityResponseDto;
      expect(second.version).toBe(resubmitted.version + 1);
      const undone = (await undo(coord2, second).expect(200)).body as ActivityResponseDto;
      expect(undone).toMatchObject({
        status: 'submitted',
        reviewComment: 'Aggiungi i partecipanti per gruppo',
        reviewedBy: { id: w.coord.id },
      });
    });
  });

  describe('the return comment, editable until the author opens it', () => {
    it('is refused once the author has edited the returned activity, even with the version read after the edit', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      await t.http
        .patch(`/api/activities/${returned.id}`)
        .set(w.innA.auth)
        .send({ version: returned.version, title: 'Corretto' })
        .expect(200);
      const current = await detail(w.coord, returned.id);
      expect((await editComment(w.coord, current, 'Riscritto dopo la correzione').expect(409)).body.code).toBe('ACTIVITY_REVIEW_SEEN');
      expect((await detail(w.coord, returned.id)).reviewComment).toBe('Aggiungi i partecipanti per gruppo');
    });

    it('lets its reviewer correct it (audited, marked edited), then refuses once the author has opened the activity', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      const edited = await editComment(w.coord, returned, 'Aggiungi i partecipanti per gruppo e il verbale').expect(200);
      expect(edited.body).toMatchObject({
        reviewComment: 'Aggiungi i partecipanti per gruppo e il verbale',
        version: returned.version + 1,
      });
      expect(edited.body.reviews.at(-1)).toMatchObject({ comment: 'Aggiungi i partecipanti per gruppo e il verbale', seenAt: null });
      expect(edited.body.reviews.at(-1).editedAt).not.toBeNull();

      // a colleague or a coordinator reading it does not count as the author opening it
      await detail(w.innB, returned.id);
      await detail(w.coord, returned.id);
      expect((await detail(w.coord, returned.id)).reviews?.at(-1)?.seenAt).toBeNull();

      const seen = await detail(w.innA, returned.id);
      expect(seen.reviewComment).toBe('Aggiungi i partecipanti per gruppo e il verbale');
      expect(seen.reviews?.at(-1)?.seenAt).not.toBeNull();
      const refused = await editComment(w.coord, seen, 'Troppo tardi').expect(409);
      expect(refused.body.code).toBe('ACTIVITY_REVIEW_SEEN');
      expect((await detail(w.coord, returned.id)).reviewComment).toBe('Aggiungi i partecipanti per gruppo e il verbale');
    });

    it('is refused to another coordinator (403), on an approval (409), with an empty comment (400)', async () => {
      const returned = await activityIn(t, 'returned', w.innA, w.coord);
      expect((await editComment(coord2, returned, 'Mio').expect(403)).body.code).toBe('ACTIVITY_NOT_REVIEWER');
      const blank = await editComment(w.coord, returned, '   ').expect(400);
      expect(blank.body.details[0].field).toBe('comment');
      const approved = await activityIn(t, 'approved', w.innA, w.coord);
      expect((await editComment(w.coord, approved, 'Bene').expect(409)).body.code).toBe('ACTIVITY_REVIEW_NOT_EDITABLE');
      await editComment(w.innA, returned, 'x').expect(403);
    });
  });

  describe('the thread across rounds', () => {
    it('keeps every round’s decision and comment, oldest first, for staff and the author; municipality users get none', async () => {
      const first = await activityIn(t, 'returned', w.innA, w.coord);
      await detail(w.innA, first.id);
      await t.http.post(`/api/activities/${first.id}/submit`).set(w.innA.auth).expect(200);
      await t.http
        .post(`/api/activities/${first.id}/return`)
        .set(coord2.auth)
        .send({ comment: 'Indica anche la durata reale' })
        .expect(200);
      await detail(w.innA, first.id);
      await t.http.post(`/api/activities/${first.id}/submit`).set(w.innA.auth).expect(200);
      await t.http.post(`/api/activities/${first.id}/approve`).set(w.coord.auth).send({ comment: 'Ora è completa' }).expect(200);

      const thread = (await detail(w.innA, first.id)).reviews ?? [];
      expect(thread.map((r) => [r.round, r.decision, r.comment, r.reviewer.fullName])).toEqual([
        [1, 'return', 'Aggiungi i partecipanti per gruppo', 'Cosimo Coordinatore'],
        [2, 'return', 'Indica anche la durata reale', 'Costanza Seconda'],
        [3, 'approve', 'Ora è completa', 'Cosimo Coordinatore'],
      ]);
      expect(thread.slice(0, 2).every((r) => r.seenAt !== null)).toBe(true);
      expect((await detail(w.coord, first.id)).reviews).toHaveLength(3);
      expect((await detail(w.muniBari, first.id)).reviews).toEqual([]);
      // lists stay lean: no thread in them
      const list = await t.http.get('/api/activities').query({ innovator: w.innA.id }).set(w.coord.auth).expect(200);
      expect(list.body.items.find((i: { id: string }) => i.id === first.id).reviews).toBeUndefined();
      // the history keeps every decision too
      const history = (await t.http.get(`/api/activities/${first.id}/history`).set(w.coord.auth).expect(200)).body;
      expect(history.filter((e: { action: string }) => e.action === 'return')).toHaveLength(2);
    });
  });
});
