import { randomUUID } from 'node:crypto';
import { canMoveReuseStage, REUSE_STAGE_TRANSITIONS, REUSE_STAGES, type ReuseStage } from '@trama/contracts';
import sharp from 'sharp';
import { type Actor, type ActivityWorld, activityWorld, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { BuildingResponseDto } from './dto/building.response';

const INSIDE = { lat: 41.117123456789, lon: 16.871987654321 };
const OUTSIDE = { lat: 41.0, lon: 16.5 };

function buildingBody(overrides: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    municipality: '072006',
    name: 'Ex caserma Rossani',
    ownership: 'municipal',
    condition: 'poor',
    currentUse: 'unused',
    ...overrides,
  };
}

/** YYYY-MM-DD, `days` from today (UTC; the tests keep a margin of days around the limits). */
function day(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe('buildings', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let organization: string;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const org = await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send({ name: 'Cooperativa Sociale Zeta Edifici', kind: 'social_enterprise', municipality: '072006' })
      .expect(201);
    organization = org.body.id;
    // a square boundary around the centre of Bari (the fixtures have no full boundaries)
    const square = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [16.8, 41.05],
            [16.95, 41.05],
            [16.95, 41.17],
            [16.8, 41.17],
            [16.8, 41.05],
          ],
        ],
      ],
    };
    await t.db.query(`UPDATE municipalities SET boundary = $2 WHERE tenant_id = $1 AND istat_code = '072006'`, [
      w.bari.id,
      JSON.stringify(square),
    ]);
  });
  afterAll(() => t.close());

  const assignment = () => ({ organization, instrument: 'concession', startDate: day(-30), endDate: day(90) });

  async function create(who: Actor, overrides: Record<string, unknown> = {}): Promise<BuildingResponseDto> {
    const res = await t.http.post('/api/buildings').set(who.auth).send(buildingBody(overrides));
    if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  function move(who: Actor, b: Pick<BuildingResponseDto, 'id' | 'version'>, to: ReuseStage, extra: Record<string, unknown> = {}) {
    return t.http
      .post(`/api/buildings/${b.id}/stage`)
      .set(who.auth)
      .send({ to, version: b.version, ...extra });
  }

  /** A building of Bari brought to `stage` by the coordinator. */
  async function atStage(stage: ReuseStage): Promise<BuildingResponseDto> {
    let b = await create(w.coord);
    const path: Record<ReuseStage, ReuseStage[]> = {
      mapped: [],
      assessed: ['assessed'],
      planned: ['assessed', 'planned'],
      assigned: ['assessed', 'planned', 'assigned'],
      active: ['assessed', 'planned', 'assigned', 'active'],
      discarded: ['discarded'],
    };
    for (const to of path[stage]) {
      const res = await move(w.coord, b, to, { reason: 'test', assignment: assignment() });
      if (res.status !== 200) throw new Error(`to ${to}: ${res.status} ${JSON.stringify(res.body)}`);
      b = res.body;
    }
    return b;
  }

  describe('creation', () => {
    it('creates a mapped building in an assigned municipality, idempotent by clientId', async () => {
      const body = buildingBody({ location: INSIDE, suitableUses: ['social', 'cultural'], address: 'Via Napoli 1' });
      const first = await t.http.post('/api/buildings').set(w.innA.auth).send(body).expect(201);
      expect(first.body).toMatchObject({ stage: 'mapped', version: 1, municipality: { istatCode: '072006' }, location: INSIDE });
      expect(first.body.completeness).toBeGreaterThan(0);
      const again = await t.http.post('/api/buildings').set(w.innA.auth).send(body).expect(200);
      expect(again.body.id).toBe(first.body.id);
      const other = await t.http
        .post('/api/buildings')
        .set(w.innA.auth)
        .send({ ...body, name: 'Un altro nome' });
      expect([other.status, other.body.code]).toEqual([409, 'BUILDING_CLIENT_ID_CONFLICT']);
      const list = await t.http.get(`/api/buildings?q=caserma&pageSize=200`).set(w.coord.auth).expect(200);
      expect(list.body.items.filter((b: { clientId: string }) => b.clientId === body.clientId)).toHaveLength(1);
    });

    it('refuses a municipality not assigned to the innovator, and any municipality user', async () => {
      const res = await t.http
        .post('/api/buildings')
        .set(w.innA.auth)
        .send(buildingBody({ municipality: '072020' }));
      expect([res.status, res.body.code]).toEqual([400, 'BUILDING_MUNICIPALITY_NOT_ASSIGNED']);
      await t.http.post('/api/buildings').set(w.muniBari.auth).send(buildingBody()).expect(403);
    });

    it('refuses a point outside its municipality with 400 naming location, on create and on edit', async () => {
      const before = (await t.http.get('/api/buildings?pageSize=200').set(w.coord.auth)).body.total;
      const res = await t.http
        .post('/api/buildings')
        .set(w.innA.auth)
        .send(buildingBody({ location: OUTSIDE }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BUILDING_POINT_OUTSIDE_MUNICIPALITY');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'location' })]);
      expect((await t.http.get('/api/buildings?pageSize=200').set(w.coord.auth)).body.total).toBe(before);
      const b = await create(w.innA, { location: INSIDE });
      const moved = await t.http.patch(`/api/buildings/${b.id}`).set(w.innA.auth).send({ version: b.version, location: OUTSIDE });
      expect([moved.status, moved.body.code]).toEqual([400, 'BUILDING_POINT_OUTSIDE_MUNICIPALITY']);
      const read = await t.http.get(`/api/buildings/${b.id}`).set(w.innA.auth).expect(200);
      expect([read.body.version, read.body.location]).toEqual([1, INSIDE]);
    });

    it('needs the ANBSC code and the decree date for a confiscated building (each missing field named)', async () => {
      const res = await t.http
        .post('/api/buildings')
        .set(w.innA.auth)
        .send(buildingBody({ ownership: 'confiscated' }));
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BUILDING_CONFISCATION_INCOMPLETE');
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(['anbscCode', 'confiscationDecreeDate']);
      const ok = await create(w.innA, { ownership: 'confiscated', anbscCode: 'I/BA/123456', confiscationDecreeDate: '2018-03-12' });
      expect(ok).toMatchObject({ anbscCode: 'I/BA/123456', confiscationDecreeDate: '2018-03-12' });
      const cleared = await t.http.patch(`/api/buildings/${ok.id}`).set(w.innA.auth).send({ version: ok.version, anbscCode: null });
      expect([cleared.status, cleared.body.details?.[0]?.field]).toEqual([400, 'anbscCode']);
    });

    it('answers bad input with 400 naming the field, writing nothing', async () => {
      const before = (await t.http.get('/api/buildings?pageSize=200').set(w.coord.auth)).body.total;
      const cases: [Record<string, unknown>, string][] = [
        [{ name: '' }, 'name'],
        [{ ownership: 'castle' }, 'ownership'],
        [{ condition: null }, 'condition'],
        [{ suitableUses: ['social', 'social'] }, 'suitableUses'],
        [{ indoorAreaM2: -5 }, 'indoorAreaM2'],
        [{ location: { lat: 91, lon: 16 } }, 'location.lat'],
        [{ confiscationDecreeDate: '2019-02-30' }, 'confiscationDecreeDate'],
        [{ stage: 'active' }, 'stage'],
      ];
      for (const [override, field] of cases) {
        const res = await t.http.post('/api/buildings').set(w.innA.auth).send(buildingBody(override));
        expect([res.status, res.body.details?.map((d: { field: string }) => d.field)]).toEqual([400, expect.arrayContaining([field])]);
      }
      expect((await t.http.get('/api/buildings?pageSize=200').set(w.coord.auth)).body.total).toBe(before);
    });
  });

  describe('edits', () => {
    it('answers a stale version with 409 and keeps the first edit', async () => {
      const b = await create(w.innA);
      await t.http.patch(`/api/buildings/${b.id}`).set(w.innA.auth).send({ version: 1, name: 'Primo nome' }).expect(200);
      const stale = await t.http.patch(`/api/buildings/${b.id}`).set(w.innB.auth).send({ version: 1, notes: 'seconda modifica' });
      expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
      const read = await t.http.get(`/api/buildings/${b.id}`).set(w.coord.auth).expect(200);
      expect(read.body).toMatchObject({ name: 'Primo nome', notes: null, version: 2 });
      const staleStage = await move(w.coord, { id: b.id, version: 1 }, 'assessed');
      expect(staleStage.status).toBe(409);
    });

    it('lets innovators edit only in their municipalities; audits each change', async () => {
      const b = await create(w.coord, { municipality: '072020' });
      const res = await t.http.patch(`/api/buildings/${b.id}`).set(w.innA.auth).send({ version: 1, notes: 'x' });
      expect([res.status, res.body.code]).toEqual([403, 'BUILDING_NOT_EDITABLE']);
      await t.http.patch(`/api/buildings/${b.id}`).set(w.innC.auth).send({ version: 1, notes: 'rilievo fatto' }).expect(200);
      const history = await t.http.get(`/api/buildings/${b.id}/history`).set(w.coord.auth).expect(200);
      expect(history.body.audit.map((e: { action: string }) => e.action)).toEqual(['create', 'update']);
      expect(history.body.audit[1]).toMatchObject({ before: { notes: null }, after: { notes: 'rilievo fatto' } });
    });

    it('sets lastVerifiedAt only through verify, which takes the version; the stale list follows it', async () => {
      const b = await create(w.innA, { municipality: '072029', name: 'Stazione vecchia di Molfetta' });
      const staleBefore = await t.http.get('/api/buildings/stale?pageSize=200').set(w.innA.auth).expect(200);
      expect(staleBefore.body.items.map((x: { id: string }) => x.id)).toContain(b.id);
      const edited = await t.http.patch(`/api/buildings/${b.id}`).set(w.innA.auth).send({ version: 1, notes: 'x' }).expect(200);
      expect(edited.body.lastVerifiedAt).toBeNull();
      const stale = await t.http.post(`/api/buildings/${b.id}/verify`).set(w.innA.auth).send({ version: 1 });
      expect(stale.status).toBe(409);
      const verified = await t.http.post(`/api/buildings/${b.id}/verify`).set(w.innA.auth).send({ version: 2 }).expect(200);
      expect(verified.body.lastVerifiedAt).not.toBeNull();
      expect(verified.body.lastVerifiedBy).toMatchObject({ id: w.innA.id });
      const staleAfter = await t.http.get('/api/buildings/stale?pageSize=200').set(w.innA.auth).expect(200);
      expect(staleAfter.body.items.map((x: { id: string }) => x.id)).not.toContain(b.id);
      // innC works in Corato only: Molfetta's buildings are not on their list
      const other = await t.http.get('/api/buildings/stale?pageSize=200').set(w.innC.auth).expect(200);
      expect(other.body.items.every((x: { municipality: { istatCode: string } }) => x.municipality.istatCode === '072020')).toBe(true);
      await t.http.post(`/api/buildings/${b.id}/verify`).set(w.muniBari.auth).send({ version: 3 }).expect(403);
    });
  });

  describe('the reuse pipeline', () => {
    const roles = ['innovator', 'coordinator'] as const;
    for (const from of REUSE_STAGES) {
      for (const to of REUSE_STAGES) {
        it(`from ${from} to ${to}: as the machine and the role say`, async () => {
          const b = await atStage(from);
          const extra = { reason: 'motivo', assignment: assignment() };
          for (const role of roles) {
            const who = role === 'innovator' ? w.innA : w.coord;
            const res = await move(who, b, to, extra);
            const allowed = canMoveReuseStage(role, from, to);
            if (allowed) {
              expect([res.status, res.body.stage]).toEqual([200, to]);
              return;
            }
            const expected = REUSE_STAGE_TRANSITIONS[from].includes(to) ? 403 : 409;
            expect(res.status).toBe(expected);
            if (expected === 409) expect(res.body.code).toBe('BUILDING_INVALID_STAGE');
          }
          // nobody could: the building did not move
          const read = await t.http.get(`/api/buildings/${b.id}`).set(w.coord.auth).expect(200);
          expect([read.body.stage, read.body.version]).toEqual([from, b.version]);
        });
      }
    }

    it('refuses the move to municipality users', async () => {
      const b = await atStage('mapped');
      await move(w.muniBari, b, 'assessed').expect(403);
    });

    it('needs a reason to discard (400 naming reason, nothing written)', async () => {
      const b = await atStage('assessed');
      const res = await move(w.coord, b, 'discarded');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('BUILDING_STAGE_DATA_MISSING');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'reason' })]);
      const read = await t.http.get(`/api/buildings/${b.id}`).set(w.coord.auth).expect(200);
      expect([read.body.stage, read.body.version]).toEqual(['assessed', b.version]);
    });

    it.each(['organization', 'instrument', 'startDate', 'endDate'])(
      'needs assignment.%s to assign (400 naming it, nothing written)',
      async (field) => {
        const b = await atStage('planned');
        const partial: Record<string, unknown> = assignment();
        delete partial[field];
        const res = await move(w.coord, b, 'assigned', { assignment: partial });
        expect(res.status).toBe(400);
        expect(res.body.code).toBe('BUILDING_STAGE_DATA_MISSING');
        expect(res.body.details).toEqual([expect.objectContaining({ field: `assignment.${field}` })]);
        const read = await t.http.get(`/api/buildings/${b.id}`).set(w.coord.auth).expect(200);
        expect([read.body.stage, read.body.version, read.body.assignment]).toEqual(['planned', b.version, null]);
      },
    );

    it('refuses an assignment without any data, an unknown organization and an end before the start', async () => {
      const b = await atStage('planned');
      const none = await move(w.coord, b, 'assigned');
      expect(none.body.details.map((d: { field: string }) => d.field)).toEqual([
        'assignment.organization',
        'assignment.instrument',
        'assignment.startDate',
        'assignment.endDate',
      ]);
      const unknown = await move(w.coord, b, 'assigned', { assignment: { ...assignment(), organization: randomUUID() } });
      expect([unknown.status, unknown.body.code]).toEqual([400, 'BUILDING_ORGANIZATION_UNKNOWN']);
      const backwards = await move(w.coord, b, 'assigned', { assignment: { ...assignment(), startDate: day(10), endDate: day(5) } });
      expect(backwards.status).toBe(400);
      expect(backwards.body.details[0].field).toBe('assignment.endDate');
    });

    it('records the assignment, the opening day, and each move in the timeline; discarding ends the assignment', async () => {
      let b = await atStage('planned');
      b = (await move(w.innA, b, 'assigned', { assignment: assignment() }).expect(200)).body;
      expect(b.assignment).toMatchObject({
        organization: { id: organization, name: 'Cooperativa Sociale Zeta Edifici' },
        instrument: 'concession',
      });
      b = (await move(w.innA, b, 'active', { openingDate: '2026-09-01' }).expect(200)).body;
      expect(b.openingDate).toBe('2026-09-01');
      b = (await move(w.innA, b, 'discarded', { reason: 'Chiuso per lavori strutturali' }).expect(200)).body;
      expect(b.assignment).toBeNull();
      b = (await move(w.coord, b, 'mapped').expect(200)).body;
      expect([b.stage, b.openingDate]).toEqual(['mapped', null]);
      const history = await t.http.get(`/api/buildings/${b.id}/history`).set(w.innB.auth).expect(200);
      expect(history.body.stages.map((s: { from: string | null; to: string }) => `${s.from}>${s.to}`)).toEqual([
        'null>mapped',
        'mapped>assessed',
        'assessed>planned',
        'planned>assigned',
        'assigned>active',
        'active>discarded',
        'discarded>mapped',
      ]);
      expect(history.body.stages[5]).toMatchObject({ reason: 'Chiuso per lavori strutturali', actor: { id: w.innA.id } });
    });

    it('opens today when no opening date is given', async () => {
      const b = await atStage('assigned');
      const res = await move(w.coord, b, 'active').expect(200);
      expect(res.body.openingDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    });
  });

  describe('the expiry list', () => {
    it('lists current assignments ending within N months (default 6) and overdue ones, in the caller’s territory', async () => {
      const soon = await atStage('planned');
      await move(w.coord, soon, 'assigned', { assignment: { ...assignment(), endDate: day(60) } }).expect(200);
      const later = await atStage('planned');
      await move(w.coord, later, 'assigned', { assignment: { ...assignment(), endDate: day(400) } }).expect(200);
      const overdue = await atStage('planned');
      await move(w.coord, overdue, 'assigned', { assignment: { ...assignment(), startDate: day(-400), endDate: day(-10) } }).expect(200);
      const gone = await atStage('planned');
      const assigned = (await move(w.coord, gone, 'assigned', { assignment: { ...assignment(), endDate: day(30) } }).expect(200)).body;
      await move(w.coord, assigned, 'discarded', { reason: 'rinuncia' }).expect(200);

      const res = await t.http.get('/api/buildings/expiring').set(w.coord.auth).expect(200);
      const ids = res.body.items.map((i: { id: string }) => i.id);
      expect(res.body.months).toBe(6);
      expect(ids).toEqual(expect.arrayContaining([soon.id, overdue.id]));
      expect(ids).not.toContain(later.id);
      expect(ids).not.toContain(gone.id);
      expect(ids.indexOf(overdue.id)).toBeLessThan(ids.indexOf(soon.id));
      const item = res.body.items.find((i: { id: string }) => i.id === overdue.id);
      expect(item).toMatchObject({ overdue: true, assignment: { organization: { id: organization } } });
      expect(item.daysLeft).toBeLessThan(0);
      const wider = await t.http.get('/api/buildings/expiring?months=24').set(w.coord.auth).expect(200);
      expect(wider.body.items.map((i: { id: string }) => i.id)).toContain(later.id);
      // innC (Corato) and the other tenant see none of Bari's
      const innC = await t.http.get('/api/buildings/expiring').set(w.innC.auth).expect(200);
      expect(innC.body.items.map((i: { id: string }) => i.id)).not.toContain(soon.id);
      const bologna = await t.http.get('/api/buildings/expiring').set(w.coordBo.auth).expect(200);
      expect(bologna.body.items).toEqual([]);
      const muni = await t.http.get('/api/buildings/expiring').set(w.muniBari.auth).expect(200);
      expect(muni.body.items.map((i: { id: string }) => i.id)).toContain(soon.id);
      await t.http.get('/api/buildings/expiring?months=0').set(w.coord.auth).expect(400);
      await t.http.get('/api/buildings/expiring?months=61').set(w.coord.auth).expect(400);
    });

    it('pages the list: every page in the same order as the whole, with the totals of all pages', async () => {
      const ends = [-20, -5, 15, 45, 90];
      for (const end of ends) {
        const b = await atStage('planned');
        await move(w.coord, b, 'assigned', { assignment: { ...assignment(), startDate: day(-500), endDate: day(end) } }).expect(200);
      }
      // the default answers one page of everything, as before paging (the homes and older clients)
      const whole = (await t.http.get('/api/buildings/expiring').set(w.coord.auth).expect(200)).body;
      expect(whole).toMatchObject({ page: 1, pageSize: 1000, total: whole.items.length });
      expect(whole.items.length).toBeGreaterThanOrEqual(ends.length);
      expect(whole.overdue).toBe(whole.items.filter((i: { overdue: boolean }) => i.overdue).length);
      expect(whole.overdue).toBeGreaterThanOrEqual(2);
      const paged: string[] = [];
      for (let page = 1; page <= Math.ceil(whole.total / 2); page++) {
        const res = (await t.http.get(`/api/buildings/expiring?page=${page}&pageSize=2`).set(w.coord.auth).expect(200)).body;
        expect(res).toMatchObject({ page, pageSize: 2, total: whole.total, overdue: whole.overdue, months: 6 });
        expect(res.items.length).toBe(Math.min(2, whole.total - (page - 1) * 2));
        paged.push(...res.items.map((i: { id: string }) => i.id));
      }
      expect(paged).toEqual(whole.items.map((i: { id: string }) => i.id));
      const past = (
        await t.http
          .get(`/api/buildings/expiring?page=${whole.total + 1}&pageSize=1`)
          .set(w.coord.auth)
          .expect(200)
      ).body;
      expect(past).toMatchObject({ items: [], total: whole.total, overdue: whole.overdue });
      // another tenant's coordinator counts none of them
      const bologna = (await t.http.get('/api/buildings/expiring?pageSize=2').set(w.coordBo.auth).expect(200)).body;
      expect(bologna).toMatchObject({ items: [], total: 0, overdue: 0 });
      await t.http.get('/api/buildings/expiring?pageSize=0').set(w.coord.auth).expect(400);
      await t.http.get('/api/buildings/expiring?pageSize=1001').set(w.coord.auth).expect(400);
      await t.http.get('/api/buildings/expiring?page=0').set(w.coord.auth).expect(400);
    });
  });

  describe('photos', () => {
    const upload = (who: Actor, id: string, bytes: Buffer, filename: string) =>
      t.http.post(`/api/buildings/${id}/photos`).set(who.auth).attach('file', bytes, { filename, contentType: 'image/jpeg' });

    it('refuses a file that is not an image though named .jpg, and one over the limit, storing nothing', async () => {
      const b = await create(w.innA);
      const fake = await upload(w.innA, b.id, Buffer.from('questa non è una foto, solo testo'), 'foto.jpg');
      expect([fake.status, fake.body.code]).toEqual([400, 'FILE_TYPE_NOT_ALLOWED']);
      const pdf = await upload(w.innA, b.id, Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'), 'pianta.jpg');
      expect(pdf.status).toBe(400);
      const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#123456' } })
        .png()
        .toBuffer();
      const big = await upload(w.innA, b.id, Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]), 'grande.png');
      expect([big.status, big.body.code]).toEqual([400, 'FILE_TOO_LARGE']);
      const list = await t.http.get(`/api/buildings/${b.id}/photos`).set(w.innA.auth).expect(200);
      expect(list.body).toEqual([]);
    });

    it('strips EXIF and GPS from the stored image, makes a thumbnail, and deletes (audited)', async () => {
      const b = await create(w.innA);
      const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
        .jpeg()
        .withExif({
          IFD0: { Make: 'TramaPhone' },
          IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 52/1 0/1' },
        })
        .toBuffer();
      expect((await sharp(photo).metadata()).exif).toBeDefined();
      const added = await upload(w.innA, b.id, photo, 'facciata.jpg').expect(201);
      expect(added.body).toMatchObject({ mime: 'image/jpeg', width: 64, height: 48 });
      const stored = await t.http.get(`/api/buildings/${b.id}/photos/${added.body.id}`).set(w.coord.auth).buffer(true).expect(200);
      const meta = await sharp(stored.body as Buffer).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect((stored.body as Buffer).toString('latin1')).not.toContain('TramaPhone');
      const thumb = await t.http
        .get(`/api/buildings/${b.id}/photos/${added.body.id}/thumbnail`)
        .set(w.muniBari.auth)
        .buffer(true)
        .expect(200);
      expect(thumb.headers['content-type']).toBe('image/webp');
      await t.http.delete(`/api/buildings/${b.id}/photos/${added.body.id}`).set(w.innB.auth).expect(204);
      await t.http.get(`/api/buildings/${b.id}/photos/${added.body.id}`).set(w.coord.auth).expect(404);
      expect((await t.http.get(`/api/buildings/${b.id}/photos`).set(w.coord.auth).expect(200)).body).toEqual([]);
    });

    it('returns the photo stored the first time to an upload retried with the same clientId, also when twins race', async () => {
      const b = await create(w.innA);
      const photo = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#993366' } })
        .jpeg()
        .toBuffer();
      const clientId = randomUUID();
      const keyed = (who: Actor) =>
        t.http
          .post(`/api/buildings/${b.id}/photos?clientId=${clientId}`)
          .set(who.auth)
          .attach('file', photo, { filename: 'retro.jpg', contentType: 'image/jpeg' });
      const first = await keyed(w.innA).expect(201);
      const retry = await keyed(w.innA).expect(201);
      expect(retry.body.id).toBe(first.body.id);
      // two retries at once (a lost answer, then "Invia ora"): the building's row lock makes them one
      const [x, y] = await Promise.all([keyed(w.innA), keyed(w.coord)]);
      expect([x.status, y.status, x.body.id, y.body.id]).toEqual([201, 201, first.body.id, first.body.id]);
      // another key is another photo
      await upload(w.innA, b.id, photo, 'altra.jpg').expect(201);
      const list = await t.http.get(`/api/buildings/${b.id}/photos`).set(w.innA.auth).expect(200);
      expect(list.body).toHaveLength(2);
      const bad = await t.http.post(`/api/buildings/${b.id}/photos?clientId=non-un-uuid`).set(w.innA.auth).attach('file', photo, 'x.jpg');
      expect(bad.status).toBe(400);
    });
  });

  describe('monitoring', () => {
    it('counts the approved activities held in the building and the people they served', async () => {
      const b = await create(w.innA);
      const activity = await createActivity(t, w.innA, { participants: { total: 40 } });
      // the activity form links buildings in another engineer's piece: link it here as that will
      await t.db.query('UPDATE activities SET building_id = $1 WHERE id = $2', [b.id, activity.id]);
      const draftOnly = await t.http.get(`/api/buildings/${b.id}`).set(w.coord.auth).expect(200);
      expect(draftOnly.body.monitoring).toEqual({ activities: 0, peopleServed: 0, initiatives: 0 });
      await t.http.post(`/api/activities/${activity.id}/submit`).set(w.innA.auth).send({ version: activity.version }).expect(200);
      const submitted = (await t.http.get(`/api/activities/${activity.id}`).set(w.coord.auth)).body;
      await t.http.post(`/api/activities/${activity.id}/approve`).set(w.coord.auth).send({ version: submitted.version }).expect(200);
      const read = await t.http.get(`/api/buildings/${b.id}`).set(w.muniBari.auth).expect(200);
      expect(read.body.monitoring).toEqual({ activities: 1, peopleServed: 40, initiatives: 0 });
    });
  });
});
