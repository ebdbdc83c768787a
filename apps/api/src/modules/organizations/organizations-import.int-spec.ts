import { IMPORT_MAX_ROWS } from '@trama/contracts';
import { type ActivityWorld, activityWorld, countRows } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The organizations' CSV import (docs/imports.md): template, dry run, all-or-nothing apply, audit. */
describe('organizations import', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  const upload = (who: { auth: Record<string, string> }, csv: string | Buffer, dryRun: boolean, filename = 'organizzazioni.csv') =>
    t.http
      .post(`/api/organizations/import${dryRun ? '?dryRun=true' : ''}`)
      .set(who.auth)
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), { filename, contentType: 'text/csv' });

  const auditCount = async () =>
    (await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity IN ('organization', 'organization_import')`))[0].n;

  it('serves a template with Italian headers (Excel in Italian: ; and BOM) and an English one', async () => {
    const it = await t.http.get('/api/organizations/import/template').set(w.innA.auth).expect(200);
    expect(it.headers['content-type']).toMatch(/text\/csv/);
    expect(it.text.startsWith('\uFEFFID;Nome;Tipo;Comune (codice ISTAT);Codice fiscale;')).toBe(true);
    const en = await t.http.get('/api/organizations/import/template?lang=en').set(w.innA.auth).expect(200);
    expect(en.text.startsWith('ID,Name,Kind,Municipality (ISTAT code),Tax code,')).toBe(true);
    await t.http.get('/api/organizations/import/template').set(w.muniBari.auth).expect(403);
  });

  it('the template, filled in, imports as it is', async () => {
    const template = (await t.http.get('/api/organizations/import/template').set(w.coord.auth)).text;
    const res = await upload(w.coord, template, true).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 0, reject: 0 } });
  });

  it('dry run: reports row by row what would be created, updated (by tax code or id) and rejected, and writes nothing', async () => {
    const existing = (
      await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send({ name: 'Circolo Arci Molfetta', kind: 'aps', municipality: '072029', taxCode: '93011100729' })
        .expect(201)
    ).body;
    const byId = (
      await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send({ name: 'Parrocchia San Gennaro', kind: 'religious_body', municipality: '072022' })
        .expect(201)
    ).body;
    const csv = [
      'Nome;Tipo;Comune (codice ISTAT);Codice fiscale;Temi;Latitudine;Longitudine;Referente;Consenso del referente;ID',
      'Banco Alimentare Bari;odv;072006;;inclusione sociale; ;;;;',
      'Circolo Arci Molfetta;Associazione di promozione sociale (APS);072029;93011100729;culture;;;;;',
      `Parrocchia San Gennaro;religious_body;072022;;;;;;;${byId.id}`,
      'Senza tipo;;072006;;;;;;;',
      'Club;club;999999;80015010724;cooking;41,12;;Mario;no;',
    ].join('\r\n');
    const before = { orgs: await countRows(t, 'organizations'), audit: await auditCount() };
    const res = await upload(w.coord, csv, true).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 2, reject: 2 } });
    expect(res.body.rows[0]).toEqual({ row: 2, action: 'create', errors: [] });
    expect(res.body.rows[1]).toEqual({ row: 3, action: 'update', id: existing.id, errors: [] });
    expect(res.body.rows[2]).toEqual({ row: 4, action: 'update', id: byId.id, errors: [] });
    expect(res.body.rows[3]).toMatchObject({ row: 5, action: 'reject', errors: [{ field: 'kind', code: 'REQUIRED' }] });
    const fields = res.body.rows[4].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(fields).toEqual(expect.arrayContaining(['kind:NOT_ALLOWED', 'taxCode:INVALID_FORMAT', 'themes:NOT_ALLOWED', 'lon:REQUIRED']));
    expect({ orgs: await countRows(t, 'organizations'), audit: await auditCount() }).toEqual(before);
  });

  it('apply with one bad row: 400 IMPORT_REJECTED with the report, nothing written', async () => {
    const csv = ['Nome,Tipo,Comune (codice ISTAT)', 'Associazione Uno Bari,aps,072006', 'Associazione Due Bari,nonsense,072006'].join('\n');
    const before = { orgs: await countRows(t, 'organizations'), audit: await auditCount() };
    const res = await upload(w.coord, csv, false).expect(400);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(res.body.data.report).toMatchObject({ applied: false, counts: { create: 1, reject: 1 } });
    expect(res.body.data.report.rows[1]).toMatchObject({ row: 3, action: 'reject', errors: [{ field: 'kind', code: 'NOT_ALLOWED' }] });
    expect({ orgs: await countRows(t, 'organizations'), audit: await auditCount() }).toEqual(before);
  });

  it('apply: creates and updates in one transaction, each audited, plus one entry for the import', async () => {
    const existing = (
      await t.http
        .post('/api/organizations')
        .set(w.coord.auth)
        .send({
          name: 'Cooperativa Tessere',
          kind: 'social_enterprise',
          municipality: '072006',
          taxCode: '93022200724',
          address: 'Via Vecchia 1',
        })
        .expect(201)
    ).body;
    // UTF-8 with BOM, `;`, Italian labels and decimal commas: what Excel in Italian saves
    const csv =
      '\uFEFF' +
      [
        'Nome;Tipo;Comune (codice ISTAT);Codice fiscale;Offre;Cerca;Latitudine;Longitudine;Referente;E-mail del referente;Consenso del referente;Sito web',
        'Cooperativa Tessere;social_enterprise;072006;93022200724;Spazi;Finanziamenti;;;;;;https://tessere.example.org',
        '"Comitato ""Lungomare"" Giovinazzo";informal_group;072022;;volunteers;;41,18;16,67;Lucia Bianchi;lucia@example.org;sì;',
      ].join('\r\n');
    const beforeAudit = await auditCount();
    const res = await upload(w.innB, csv, false).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { create: 1, update: 1, reject: 0 } });
    const createdId = res.body.rows[1].id;
    expect(createdId).toEqual(expect.any(String));
    const updated = (await t.http.get(`/api/organizations/${existing.id}`).set(w.coord.auth)).body;
    // the file's columns replace; the address (not a column of the file) stays
    expect(updated).toMatchObject({
      offers: ['space'],
      needs: ['funding'],
      website: 'https://tessere.example.org',
      address: 'Via Vecchia 1',
      version: 2,
    });
    const created = (await t.http.get(`/api/organizations/${createdId}`).set(w.coord.auth)).body;
    expect(created).toMatchObject({
      name: 'Comitato "Lungomare" Giovinazzo',
      municipality: { istatCode: '072022' },
      location: { lat: 41.18, lon: 16.67 },
      contactName: 'Lucia Bianchi',
      contactConsent: true,
    });
    expect((await auditCount()) - beforeAudit).toBe(3);
    const [entry] = await t.db.query(`SELECT after FROM audit_log WHERE entity = 'organization_import' ORDER BY at DESC LIMIT 1`);
    expect(entry.after).toMatchObject({ counts: { create: 1, update: 1, reject: 0 }, rows: 2 });
  });

  it('rejects rows outside an innovator’s municipalities and tax codes repeated in the file', async () => {
    const csv = [
      'Nome,Tipo,Comune (codice ISTAT),Codice fiscale',
      'Gruppo Alfa,aps,072020,',
      'Gruppo Beta,aps,072006,93012340720',
      'Gruppo Gamma,aps,072006,93012340720',
    ].join('\n');
    const res = await upload(w.innA, csv, true).expect(200);
    expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['reject', 'create', 'reject']);
    expect(res.body.rows[0].errors).toEqual([{ field: 'municipality', code: 'ORGANIZATION_MUNICIPALITY_NOT_ASSIGNED' }]);
    expect(res.body.rows[2].errors).toEqual([{ field: 'taxCode', code: 'DUPLICATE', params: { row: 3 } }]);
  });

  it.each([
    ['not UTF-8', Buffer.from([0x4e, 0x6f, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x00]), 'IMPORT_FILE_INVALID'],
    ['an unknown column', 'Nome,Tipo,Comune (codice ISTAT),Colore\nA,aps,072006,blu', 'IMPORT_FILE_INVALID'],
    ['a missing required column', 'Nome,Tipo\nA,aps', 'IMPORT_FILE_INVALID'],
    ['only the header', 'Nome,Tipo,Comune (codice ISTAT)\n', 'IMPORT_EMPTY'],
    ['a PNG named .csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'IMPORT_FILE_INVALID'],
  ])('refuses %s with 400, nothing written', async (_label, csv, code) => {
    const before = await countRows(t, 'organizations');
    const res = await upload(w.coord, csv, false).expect(400);
    expect(res.body.code).toBe(code);
    expect(await countRows(t, 'organizations')).toBe(before);
  });

  it('refuses more rows than IMPORT_MAX_ROWS and a request without a file', async () => {
    const rows = Array.from({ length: IMPORT_MAX_ROWS + 1 }, (_, i) => `Ente ${i},aps,072006`);
    const res = await upload(w.coord, ['Nome,Tipo,Comune (codice ISTAT)', ...rows].join('\n'), true).expect(400);
    expect(res.body.code).toBe('IMPORT_TOO_MANY_ROWS');
    const none = await t.http.post('/api/organizations/import?dryRun=true').set(w.coord.auth).send({}).expect(400);
    expect(none.body.code).toBe('IMPORT_FILE_INVALID');
    await upload(w.muniBari, 'Nome,Tipo,Comune (codice ISTAT)\nA,aps,072006', true).expect(403);
  });
});
