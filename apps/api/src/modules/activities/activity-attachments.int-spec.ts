import type { ActivityStatus } from '@trama/contracts';
import sharp from 'sharp';
import { describeAccessMatrix } from '../../test/access-matrix';
import { type Actor, type ActivityWorld, activityWorld, createActivity } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ActivityResponseDto as ActivityDto } from './dto/activity.response';

type Viewer = Exclude<keyof ActivityWorld, 'bari' | 'bologna'>;
const VIEWERS: Viewer[] = ['innA', 'innB', 'innC', 'coord', 'muniBari', 'areaMolfetta', 'innBo', 'coordBo', 'admin'];

/** Each fixture is an activity with one photo attached while it was a draft. */
const FIXTURES = {
  'A.draft.Bari': { status: 'draft', author: 'innA', municipality: '072006' },
  'A.submitted.Bari': { status: 'submitted', author: 'innA', municipality: '072006' },
  'A.approved.Molfetta': { status: 'approved', author: 'innA', municipality: '072029' },
  'B.draft.Bari': { status: 'draft', author: 'innB', municipality: '072006' },
  'B.approved.Bari': { status: 'approved', author: 'innB', municipality: '072006' },
  'B.returned.Giovinazzo': { status: 'returned', author: 'innB', municipality: '072022' },
  'C.approved.Corato': { status: 'approved', author: 'innC', municipality: '072020' },
  'Bo.approved.Bologna': { status: 'approved', author: 'innBo', municipality: '037006' },
} satisfies Record<string, { status: ActivityStatus; author: Viewer; municipality: string }>;
type Fixture = keyof typeof FIXTURES;
const ALL = Object.keys(FIXTURES) as Fixture[];

/**
 * Who reads a fixture's attachments: whoever reads the activity (docs/activities.md), except
 * municipality users, who read approved activities of their territory but never their
 * attachments (people by name and face: a staff matter, like the history).
 */
const SEES: Record<Viewer, Fixture[]> = {
  innA: ['A.draft.Bari', 'A.submitted.Bari', 'A.approved.Molfetta', 'B.approved.Bari'],
  innB: ['B.draft.Bari', 'B.approved.Bari', 'B.returned.Giovinazzo', 'A.submitted.Bari'],
  innC: ['C.approved.Corato'],
  coord: ALL.filter((f) => !f.startsWith('Bo.')),
  muniBari: [],
  areaMolfetta: [],
  innBo: ['Bo.approved.Bologna'],
  coordBo: ['Bo.approved.Bologna'],
  admin: ALL,
};

const png = (width = 40, height = 30, color = { r: 200, g: 30, b: 30 }) =>
  sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();

function upload(t: TestApp, who: Actor, activityId: string, bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  return t.http.post(`/api/activities/${activityId}/attachments`).set(who.auth).attach('file', bytes, { filename, contentType });
}

describe('activity attachments', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const a = {} as Record<Fixture, ActivityDto>;
  const file = {} as Record<Fixture, string>;

  async function act(who: Actor, id: string, action: string, body: Record<string, unknown> = {}) {
    return (await t.http.post(`/api/activities/${id}/${action}`).set(who.auth).send(body).expect(200)).body as ActivityDto;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    for (const [name, f] of Object.entries(FIXTURES) as [Fixture, (typeof FIXTURES)[Fixture]][]) {
      const author = w[f.author];
      const reviewer = f.municipality === '037006' ? w.coordBo : w.coord;
      const created = await createActivity(t, author, { municipality: f.municipality, title: name });
      const res = await upload(t, author, created.id, await png(), `${name}.png`).expect(201);
      file[name] = res.body.id;
      let activity = created;
      if (f.status !== 'draft') activity = await act(author, created.id, 'submit');
      if (f.status === 'approved') activity = await act(reviewer, created.id, 'approve');
      if (f.status === 'returned') activity = await act(reviewer, created.id, 'return', { comment: 'Manca il foglio firme' });
      a[name] = activity;
    }
  });
  afterAll(() => t.close());

  describeAccessMatrix<Viewer, Fixture>({
    feature: 'activity attachments',
    http: () => t.http,
    viewers: VIEWERS,
    fixtures: ALL,
    auth: (viewer) => w[viewer].auth,
    id: (fixture) => a[fixture].id,
    sees: SEES,
    // the attachment list of the activity: 200 with the fixture's file (mapped back to its activity), or 404
    detail: {
      path: (id) => `/api/activities/${id}/attachments`,
      notFoundCode: 'ACTIVITY_NOT_FOUND',
      idOf: (body) => {
        const files = body as { id: string }[];
        const owner = ALL.find((f) => files.length === 1 && file[f] === files[0].id);
        return owner ? a[owner].id : `a list of ${files.length} files not of one fixture`;
      },
    },
    files: { url: (fixture) => `/api/activities/${a[fixture].id}/attachments/${file[fixture]}` },
  });

  it('serves the thumbnail under the same rule, and never another activity’s file through this one', async () => {
    const own = a['A.draft.Bari'];
    const thumb = await t.http.get(`/api/activities/${own.id}/attachments/${file['A.draft.Bari']}/thumbnail`).set(w.innA.auth).expect(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    await t.http.get(`/api/activities/${own.id}/attachments/${file['A.draft.Bari']}/thumbnail`).set(w.muniBari.auth).expect(404);
    await t.http.get(`/api/activities/${own.id}/attachments/${file['A.draft.Bari']}/thumbnail`).set(w.innB.auth).expect(404);
    // a file id of another activity, asked through an activity the caller reads: 404
    const other = await t.http.get(`/api/activities/${own.id}/attachments/${file['A.submitted.Bari']}`).set(w.innA.auth).expect(404);
    expect(other.body.code).toBe('FILE_NOT_FOUND');
  });

  it('decides the type by content: a PNG named .pdf is stored and served as PNG; a text file named .jpg is refused', async () => {
    const draft = await createActivity(t, w.innA, { municipality: '072006', title: 'Tipi di file' });
    const res = await upload(t, w.innA, draft.id, await png(), 'verbale.pdf', 'application/pdf').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/png', name: 'verbale.png', image: true, width: 40, height: 30 });
    const served = await t.http.get(`/api/activities/${draft.id}/attachments/${res.body.id}`).set(w.innA.auth).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain('sandbox');
    expect(served.headers['cache-control']).toMatch(/^private/);
    expect(served.headers['content-disposition']).toMatch(/^inline; filename="verbale.png"/);

    const text = await upload(t, w.innA, draft.id, Buffer.from('<script>alert(1)</script> not a photo'), 'foto.jpg', 'image/jpeg').expect(
      400,
    );
    expect(text.body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    const gif = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .gif()
      .toBuffer();
    expect((await upload(t, w.innA, draft.id, gif, 'anim.gif').expect(400)).body.code).toBe('FILE_TYPE_NOT_ALLOWED');
    // a PDF is kept as it is and always served as a download
    const pdfBytes = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const pdf = await upload(t, w.innA, draft.id, pdfBytes, '../../etc/Foglio\u202Efirme.exe', 'image/png').expect(201);
    expect(pdf.body).toMatchObject({ mime: 'application/pdf', name: 'Fogliofirme.pdf', image: false, width: null });
    const download = await t.http.get(`/api/activities/${draft.id}/attachments/${pdf.body.id}`).set(w.innA.auth).buffer(true).expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Fogliofirme.pdf"/);
    await t.http.get(`/api/activities/${draft.id}/attachments/${pdf.body.id}/thumbnail`).set(w.innA.auth).expect(404);
    // a corrupt image with the right magic bytes: 400, not 500
    const broken = (await png()).subarray(0, 60);
    expect((await upload(t, w.innA, draft.id, broken, 'rotta.png').expect(400)).body.code).toBe('FILE_UNREADABLE');
    // nothing else than a file
    const none = await t.http.post(`/api/activities/${draft.id}/attachments`).set(w.innA.auth).send({ file: 'x' }).expect(400);
    expect(none.body.code).toBe('FILE_MISSING');
    const field = await t.http
      .post(`/api/activities/${draft.id}/attachments`)
      .set(w.innA.auth)
      .field('note', 'x')
      .attach('file', await png(), 'a.png');
    expect([field.status, field.body.code]).toEqual([400, 'FILE_MISSING']);
  });

  it('refuses a file over TRAMA_FILE_MAX_BYTES with 400 FILE_TOO_LARGE, storing nothing', async () => {
    const draft = await createActivity(t, w.innA, { municipality: '072006', title: 'Troppo grande' });
    const big = Buffer.concat([await png(), Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(t, w.innA, draft.id, big, 'grande.png').expect(400);
    expect(res.body.code).toBe('FILE_TOO_LARGE');
    expect(res.body.message).toContain('10 MB');
    const list = await t.http.get(`/api/activities/${draft.id}/attachments`).set(w.innA.auth).expect(200);
    expect(list.body).toEqual([]);
  });

  it('re-encodes a photo: rotated by its EXIF orientation, then every metadata (EXIF, GPS) gone', async () => {
    const draft = await createActivity(t, w.innA, { municipality: '072006', title: 'Foto con GPS' });
    const photo = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#336699' } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'TramaPhone' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '41/1 7/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 52/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    // the GPS IFD pointer (tag 0x8825), little- or big-endian
    const hasGps = (exif: Buffer | undefined) =>
      !!exif && (exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25])));
    const before = await sharp(photo).metadata();
    expect(before.exif?.toString('latin1')).toContain('TramaPhone');
    expect(hasGps(before.exif)).toBe(true);
    expect(before.orientation).toBe(6);
    const res = await upload(t, w.innA, draft.id, photo, 'foto.jpeg', 'image/jpeg').expect(201);
    expect(res.body).toMatchObject({ mime: 'image/jpeg', name: 'foto.jpg', width: 20, height: 60 });
    const stored = await t.http.get(`/api/activities/${draft.id}/attachments/${res.body.id}`).set(w.innA.auth).buffer(true).expect(200);
    const bytes = stored.body as Buffer;
    const after = await sharp(bytes).metadata();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([20, 60]);
    expect(hasGps(after.exif)).toBe(false);
    expect(bytes.toString('latin1')).not.toContain('TramaPhone');
    expect(bytes.toString('latin1')).not.toContain('Exif\0\0');
  });

  it('lets only the author change attachments, and only while draft or returned; every change is audited', async () => {
    const draft = await createActivity(t, w.innA, { municipality: '072006', title: 'Solo l’autrice' });
    const added = await upload(t, w.innA, draft.id, await png(), 'foto.png').expect(201);
    // a colleague who reads it cannot change it; a coordinator's role cannot upload
    const submitted = a['A.submitted.Bari'];
    expect((await upload(t, w.innB, submitted.id, await png(), 'x.png').expect(403)).body.code).toBe('ACTIVITY_NOT_AUTHOR');
    await upload(t, w.coord, draft.id, await png(), 'x.png').expect(403);
    // out of scope: 404
    expect((await upload(t, w.innC, draft.id, await png(), 'x.png').expect(404)).body.code).toBe('ACTIVITY_NOT_FOUND');
    // submitted and approved: locked
    expect((await upload(t, w.innA, submitted.id, await png(), 'x.png').expect(409)).body.code).toBe('ACTIVITY_LOCKED');
    const approved = a['A.approved.Molfetta'];
    await t.http.delete(`/api/activities/${approved.id}/attachments/${file['A.approved.Molfetta']}`).set(w.innA.auth).expect(409);
    // returned: editable again
    const returned = a['B.returned.Giovinazzo'];
    await upload(t, w.innB, returned.id, await png(), 'nuova.png').expect(201);

    const audit = await t.db.query(`SELECT action, actor_id, after FROM audit_log WHERE entity = 'file' AND entity_id = $1`, [
      added.body.id,
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'create',
        actor_id: w.innA.id,
        after: expect.objectContaining({ owner: { kind: 'activity', id: draft.id }, mime: 'image/png' }),
      }),
    ]);
    await t.http.delete(`/api/activities/${draft.id}/attachments/${added.body.id}`).set(w.innB.auth).expect(404);
    await t.http.delete(`/api/activities/${draft.id}/attachments/${added.body.id}`).set(w.innA.auth).expect(204);
    await t.http.delete(`/api/activities/${draft.id}/attachments/${added.body.id}`).set(w.innA.auth).expect(404);
    await t.http.get(`/api/activities/${draft.id}/attachments/${added.body.id}`).set(w.innA.auth).expect(404);
    expect((await t.http.get(`/api/activities/${draft.id}/attachments`).set(w.innA.auth).expect(200)).body).toEqual([]);
    const [row] = await t.db.query(`SELECT deleted_at FROM files WHERE id = $1`, [added.body.id]);
    expect(row.deleted_at).not.toBeNull();
    const deleted = await t.db.query(
      `SELECT actor_id, before FROM audit_log WHERE entity = 'file' AND entity_id = $1 AND action = 'delete'`,
      [added.body.id],
    );
    expect(deleted).toEqual([expect.objectContaining({ actor_id: w.innA.id, before: expect.objectContaining({ name: 'foto.png' }) })]);
  });

  it('caps the attachments of one activity', async () => {
    const draft = await createActivity(t, w.innA, { municipality: '072006', title: 'Tante foto' });
    const bytes = await png(8, 8);
    for (let i = 0; i < 20; i++) await upload(t, w.innA, draft.id, bytes, `f${i}.png`).expect(201);
    expect((await upload(t, w.innA, draft.id, bytes, 'troppe.png').expect(409)).body.code).toBe('FILE_LIMIT_REACHED');
  });
});

describe('tenant logo', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  it('is set by a coordinator, read by every user of the tenant and nobody else, replaced and removed with an audit entry each', async () => {
    expect((await t.http.get('/api/tenant-logo').set(w.innA.auth).expect(200)).body).toEqual({ logo: null });
    await t.http
      .put('/api/tenant-logo')
      .set(w.innA.auth)
      .attach('file', await png(), 'logo.png')
      .expect(403);
    const large = await png(1200, 600);
    const set = await t.http.put('/api/tenant-logo').set(w.coord.auth).attach('file', large, 'logo.png').expect(200);
    expect(set.body.logo).toMatchObject({ mime: 'image/png', width: 256, height: 128, name: 'logo.png' });
    const id = set.body.logo.id;
    for (const who of [w.innA, w.muniBari, w.coord]) {
      expect((await t.http.get('/api/tenant-logo').set(who.auth).expect(200)).body.logo.id).toBe(id);
      const img = await t.http.get(`/api/tenant-logo/${id}`).set(who.auth).expect(200);
      expect(img.headers['content-type']).toBe('image/png');
    }
    // another tenant neither lists it nor reads its bytes
    expect((await t.http.get('/api/tenant-logo').set(w.innBo.auth).expect(200)).body).toEqual({ logo: null });
    expect((await t.http.get(`/api/tenant-logo/${id}`).set(w.coordBo.auth).expect(404)).body.code).toBe('FILE_NOT_FOUND');
    // a PDF is no logo
    const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
    expect((await t.http.put('/api/tenant-logo').set(w.coord.auth).attach('file', pdf, 'logo.png').expect(400)).body.code).toBe(
      'FILE_TYPE_NOT_ALLOWED',
    );

    const replaced = await t.http
      .put('/api/tenant-logo')
      .set(w.coord.auth)
      .attach('file', await png(50, 50), 'nuovo.png')
      .expect(200);
    expect(replaced.body.logo.id).not.toBe(id);
    await t.http.get(`/api/tenant-logo/${id}`).set(w.innA.auth).expect(404);
    await t.http.delete('/api/tenant-logo').set(w.innA.auth).expect(403);
    await t.http.delete('/api/tenant-logo').set(w.coord.auth).expect(204);
    expect((await t.http.get('/api/tenant-logo').set(w.innA.auth).expect(200)).body).toEqual({ logo: null });
    const audit = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'file' AND tenant_id = $1 ORDER BY id`, [w.bari.id]);
    expect(audit.map((r: { action: string }) => r.action)).toEqual(['create', 'delete', 'create', 'delete']);
  });
});
