import { randomUUID } from 'node:crypto';
import { type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The buildings' CSV import (docs/imports.md, docs/buildings.md): template, dry run, all-or-nothing apply, audit, access. */
describe('buildings import', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    // Bari gets a boundary, so that a point outside it can be refused
    const square = {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [16.8, 41.05],
            [16.95, 41.05],
            [16.95, 41.15],
            [16.8, 41.15],
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

  const upload = (who: { auth: Record<string, string> }, csv: string | Buffer, dryRun: boolean, filename = 'immobili.csv') =>
    t.http
      .post(`/api/buildings/import${dryRun ? '?dryRun=true' : ''}`)
      .set(who.auth)
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), { filename, contentType: 'text/csv' });

  /** What an import may write: buildings, their stage changes and the audit. */
  const state = async () => {
    const [row] = await t.db.query(
      `SELECT (SELECT count(*) FROM buildings)::int AS buildings,
              (SELECT count(*) FROM building_stage_changes)::int AS changes,
              (SELECT count(*) FROM audit_log WHERE entity IN ('building', 'building_import'))::int AS audit,
              (SELECT coalesce(sum(version), 0) FROM buildings)::int AS versions`,
    );
    return row as { buildings: number; changes: number; audit: number; versions: number };
  };

  const create = async (overrides: Record<string, unknown> = {}) =>
    (await t.http.post('/api/buildings').set(w.coord.auth).send(buildingBody(overrides)).expect(201)).body as {
      id: string;
      version: number;
    };

  it('serves a template with Italian headers (Excel in Italian: ; and BOM) and an English one; not to municipality users', async () => {
    const it = await t.http.get('/api/buildings/import/template').set(w.innA.auth).expect(200);
    expect(it.headers['content-type']).toMatch(/text\/csv/);
    expect(it.headers['content-disposition']).toMatch(/modello-immobili\.csv/);
    expect(it.text.startsWith('\uFEFFID;Denominazione;Comune (codice ISTAT);Indirizzo;Latitudine;Longitudine;Proprietà;')).toBe(true);
    const en = await t.http.get('/api/buildings/import/template?lang=en').set(w.innA.auth).expect(200);
    expect(en.text.startsWith('ID,Name,Municipality (ISTAT code),Address,Latitude,Longitude,Ownership,')).toBe(true);
    await t.http.get('/api/buildings/import/template').set(w.muniBari.auth).expect(403);
    await t.http.get('/api/buildings/import/template?lang=fr').set(w.coord.auth).expect(400);
  });

  it('the template, as served, dry-runs to one building to create', async () => {
    const template = (await t.http.get('/api/buildings/import/template').set(w.coord.auth)).text;
    const res = await upload(w.coord, template, true).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 0, reject: 0 } });
  });

  it('dry run: reports row by row what would be created, updated (by id) and rejected and why, and writes nothing', async () => {
    const existing = await create({ name: 'Ex macello', municipality: '072029' });
    const csv = [
      'ID;Denominazione;Comune (codice ISTAT);Proprietà;Stato di conservazione;Uso attuale;Latitudine;Longitudine;Usi possibili',
      ';Ex scuola Garibaldi;072006;Comunale;buono;unused;41,12;16,86;"culturale; social"',
      `${existing.id};Ex macello comunale;072029;municipal;poor;underused;;;`,
      ';Villa confiscata;072006;confiscated;fair;unused;;;',
      ';Fuori dal comune;072006;municipal;fair;unused;40,5;17,5;',
      `${randomUUID()};Sconosciuto;072006;municipal;fair;unused;;;`,
      ';;999999;castle;fair;unused;41,1;;',
    ].join('\r\n');
    const before = await state();
    const res = await upload(w.coord, csv, true).expect(200);
    expect(res.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, update: 1, reject: 4 } });
    expect(res.body.rows[0]).toEqual({ row: 2, action: 'create', errors: [] });
    expect(res.body.rows[1]).toEqual({ row: 3, action: 'update', id: existing.id, errors: [] });
    const problems = (i: number) => res.body.rows[i].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(res.body.rows[2].action).toBe('reject');
    expect(problems(2)).toEqual(['anbscCode:REQUIRED', 'confiscationDecreeDate:REQUIRED']);
    expect(problems(3)).toEqual(['lat:BUILDING_POINT_OUTSIDE_MUNICIPALITY']);
    expect(problems(4)).toEqual(['id:BUILDING_NOT_FOUND']);
    expect(problems(5)).toEqual(expect.arrayContaining(['name:REQUIRED', 'ownership:NOT_ALLOWED', 'lon:REQUIRED']));
    expect(await state()).toEqual(before);
  });

  it('apply with one bad row: 400 IMPORT_REJECTED with the report, nothing written', async () => {
    const existing = await create({ name: 'Ex mattatoio' });
    const csv = [
      'ID,Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale',
      ',Ex caserma Uno,072006,municipal,fair,unused',
      `${existing.id},Ex mattatoio rinnovato,072006,municipal,good,in_use`,
      ',Ex caserma Due,072006,municipal,splendid,unused',
    ].join('\n');
    const before = await state();
    const res = await upload(w.coord, csv, false).expect(400);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(res.body.data.report).toMatchObject({ dryRun: false, applied: false, counts: { create: 1, update: 1, reject: 1 } });
    expect(res.body.data.report.rows[2]).toMatchObject({ row: 4, action: 'reject', errors: [{ field: 'condition', code: 'NOT_ALLOWED' }] });
    expect(await state()).toEqual(before);
    const still = (await t.http.get(`/api/buildings/${existing.id}`).set(w.coord.auth).expect(200)).body;
    expect(still).toMatchObject({ name: 'Ex mattatoio', version: existing.version });
  });

  it('apply: creates (mapped) and updates (only the columns of the file) in one transaction, each audited, plus the import', async () => {
    const existing = await create({
      name: 'Ex convento',
      address: 'Piazza del Ferrarese 1',
      owner: 'Comune di Bari',
      notes: 'da rivedere',
    });
    // UTF-8 with BOM, `;`, Italian labels, decimal commas and a quoted field: what Excel in Italian saves
    const csv =
      '\uFEFF' +
      [
        'ID;Denominazione;Comune (codice ISTAT);Proprietà;Stato di conservazione;Uso attuale;Superficie coperta (m²);Vincoli;Note;Latitudine;Longitudine;Codice ANBSC;Data del decreto di confisca',
        `${existing.id};Ex convento di Santa Scolastica;072006;Comunale;Discreto;Sottoutilizzato;1.200;Vincolo storico-artistico;;;;;`,
        ';"Villa ""Il Ciliegio""";072006;Bene confiscato alla criminalità;poor;unused;450;;confiscata nel 2019;41,10;16,88;BA-0042;2019-05-14',
      ].join('\r\n');
    const before = await state();
    const res = await upload(w.innA, csv, false, 'immobili bari.csv').expect(200);
    expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { create: 1, update: 1, reject: 0 } });
    const createdId = res.body.rows[1].id as string;
    expect(createdId).toEqual(expect.any(String));

    const updated = (await t.http.get(`/api/buildings/${existing.id}`).set(w.coord.auth).expect(200)).body;
    // the file's columns replace (an empty cell clears); the address and owner (not columns of the file) stay
    expect(updated).toMatchObject({
      name: 'Ex convento di Santa Scolastica',
      condition: 'fair',
      currentUse: 'underused',
      indoorAreaM2: 1200,
      notes: null,
      address: 'Piazza del Ferrarese 1',
      owner: 'Comune di Bari',
      stage: 'mapped',
      version: existing.version + 1,
    });
    const created = (await t.http.get(`/api/buildings/${createdId}`).set(w.coord.auth).expect(200)).body;
    expect(created).toMatchObject({
      name: 'Villa "Il Ciliegio"',
      ownership: 'confiscated',
      anbscCode: 'BA-0042',
      confiscationDecreeDate: '2019-05-14',
      location: { lat: 41.1, lon: 16.88 },
      stage: 'mapped',
      version: 1,
    });
    const after = await state();
    // one building, its first stage change; audit: create + update + the import
    expect(after.buildings - before.buildings).toBe(1);
    expect(after.changes - before.changes).toBe(1);
    expect(after.audit - before.audit).toBe(3);
    const entries = await t.db.query(
      `SELECT entity, entity_id AS "entityId", action, after FROM audit_log
        WHERE entity IN ('building', 'building_import') ORDER BY id DESC LIMIT 3`,
    );
    const importEntry = entries.find((e: { entity: string }) => e.entity === 'building_import');
    expect(importEntry).toMatchObject({
      action: 'import',
      after: { file: 'immobili bari.csv', counts: { create: 1, update: 1, reject: 0 }, rows: 2 },
    });
    const importId = importEntry.entityId;
    expect(entries.find((e: { entityId: string }) => e.entityId === existing.id)).toMatchObject({
      action: 'update',
      after: { import: importId, row: 2, name: 'Ex convento di Santa Scolastica' },
    });
    expect(entries.find((e: { entityId: string }) => e.entityId === createdId)).toMatchObject({
      action: 'create',
      after: { import: importId, row: 3, stage: 'mapped' },
    });
    // the history shows the import's change like any other
    const history = (await t.http.get(`/api/buildings/${existing.id}/history`).set(w.coord.auth).expect(200)).body;
    expect(JSON.stringify(history)).toContain(importId);
  });

  it('innovators import only in their municipalities: rows elsewhere and updates of buildings elsewhere are rejected', async () => {
    const corato = await create({ name: 'Ex cinema Corato', municipality: '072020' });
    const csv = [
      'ID,Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale',
      ',Ex scuola Corato,072020,municipal,fair,unused',
      ',Ex scuola Molfetta,072029,municipal,fair,unused',
      `${corato.id},Ex cinema,072020,municipal,fair,unused`,
      `${corato.id},Ex cinema,072006,municipal,fair,unused`,
      ',Ex scuola Bologna,037006,municipal,fair,unused',
    ].join('\n');
    const res = await upload(w.innA, csv, true).expect(200);
    expect(res.body.rows.map((r: { action: string }) => r.action)).toEqual(['reject', 'create', 'reject', 'reject', 'reject']);
    expect(res.body.rows[0].errors).toEqual([{ field: 'municipality', code: 'BUILDING_MUNICIPALITY_NOT_ASSIGNED' }]);
    expect(res.body.rows[2].errors).toEqual([{ field: 'id', code: 'BUILDING_NOT_EDITABLE' }]);
    expect(res.body.rows[3].errors).toEqual(
      expect.arrayContaining([
        { field: 'id', code: 'BUILDING_NOT_EDITABLE' },
        { field: 'id', code: 'DUPLICATE', params: { row: 4 } },
      ]),
    );
    expect(res.body.rows[4].errors).toEqual([{ field: 'municipality', code: 'BUILDING_MUNICIPALITY_UNKNOWN' }]);
    // another tenant's building is unknown
    const bologna = (
      await t.http
        .post('/api/buildings')
        .set(w.coordBo.auth)
        .send(buildingBody({ municipality: '037006' }))
        .expect(201)
    ).body;
    const other = await upload(
      w.coord,
      `ID,Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale\n${bologna.id},X,072006,municipal,fair,unused`,
      true,
    ).expect(200);
    expect(other.body.rows[0].errors).toEqual([{ field: 'id', code: 'BUILDING_NOT_FOUND' }]);
  });

  it.each([
    ['not UTF-8', Buffer.from([0x4e, 0x6f, 0x6d, 0x65, 0x0a, 0xff, 0xfe, 0x00]), 'IMPORT_FILE_INVALID'],
    [
      'an unknown column',
      'Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale,Colore\nA,072006,municipal,fair,unused,blu',
      'IMPORT_FILE_INVALID',
    ],
    ['a missing required column', 'Denominazione,Comune (codice ISTAT)\nA,072006', 'IMPORT_FILE_INVALID'],
    [
      'a stage column (the stage never comes from a file)',
      'Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale,Fase\nA,072006,municipal,fair,unused,active',
      'IMPORT_FILE_INVALID',
    ],
    ['only the header', 'Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale\n', 'IMPORT_EMPTY'],
    ['a PNG named .csv', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'IMPORT_FILE_INVALID'],
  ])('refuses %s with 400, nothing written', async (_label, csv, code) => {
    const before = await state();
    const res = await upload(w.coord, csv, false).expect(400);
    expect(res.body.code).toBe(code);
    expect(await state()).toEqual(before);
  });

  it('refuses a request without a file (400) and municipality users (403)', async () => {
    const none = await t.http.post('/api/buildings/import?dryRun=true').set(w.coord.auth).send({}).expect(400);
    expect(none.body.code).toBe('IMPORT_FILE_INVALID');
    await upload(
      w.muniBari,
      'Denominazione,Comune (codice ISTAT),Proprietà,Stato di conservazione,Uso attuale\nA,072006,municipal,fair,unused',
      true,
    ).expect(403);
  });
});
