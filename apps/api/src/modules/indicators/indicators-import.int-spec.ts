import { type Actor, type ActivityWorld, activityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The manual values' CSV import (docs/indicators.md, "Import"): template, dry run row by row, all-or-nothing apply. */
describe('indicator values import', () => {
  let t: TestApp;
  let w: ActivityWorld;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  const upload = (who: Actor, csv: string, dryRun: boolean) =>
    t.http
      .post(`/api/indicators/values/import${dryRun ? '?dryRun=true' : ''}`)
      .set(who.auth)
      .attach('file', Buffer.from(csv, 'utf8'), { filename: 'delitti.csv', contentType: 'text/csv' });
  const values = async () => (await t.db.query(`SELECT count(*)::int AS n FROM indicator_values`))[0].n as number;
  const audit = async () => (await t.db.query(`SELECT count(*)::int AS n FROM audit_log`))[0].n as number;

  it('serves the template in Italian (Excel: ; and BOM) and English; the template imports as it is', async () => {
    const it = await t.http.get('/api/indicators/values/import/template').set(w.coord.auth).expect(200);
    expect(it.text.startsWith('\uFEFFindicatore;territorio;periodo;valore;nota')).toBe(true);
    const en = await t.http.get('/api/indicators/values/import/template?lang=en').set(w.coord.auth).expect(200);
    expect(en.text.startsWith('indicator,territory,period,value,note')).toBe(true);
    await t.http.get('/api/indicators/values/import/template').set(w.muniBari.auth).expect(403);
    const dry = await upload(w.coord, it.text, true).expect(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, counts: { create: 1, reject: 0 } });
  });

  it('seeds one stored value to collide with', async () => {
    await t.http
      .post('/api/indicators/crimes_reported/values')
      .set(w.coord.auth)
      .send({ territory: 'municipality:072022', period: '2024', value: 700 })
      .expect(201);
  });

  const BAD_FILE = [
    'indicatore;territorio;periodo;valore;nota',
    'crimes_reported;072006;2024;11250,5;ISTAT', // 2 ok (decimal comma)
    'crimes_reported;ATS_BA_MOLFETTA;2024-Q2;300;', // 3 ok (social area code)
    'crimes_reported;tenant;2024-07;2100;', // 4 ok
    'unknown_indicator;072006;2024;1;', // 5
    'crimes_reported;037006;2024;1;', // 6 municipality of Bologna
    'crimes_reported;072006;2024-13;1;', // 7 malformed period
    'crimes_reported;072006;2024;2;', // 8 duplicate of row 2
    'crimes_reported;072022;2024;3;', // 9 already stored
    'initiatives_realised;072006;2024;4;', // 10 computed
    'crimes_reported;072029;2024;molti;', // 11 not a number
  ].join('\r\n');

  it('dry run: reports each row with what is wrong and writes nothing', async () => {
    const [beforeValues, beforeAudit] = [await values(), await audit()];
    const res = await upload(w.coord, BAD_FILE, true).expect(200);
    expect(res.body.counts).toEqual({ create: 3, update: 0, reject: 7 });
    const byRow = Object.fromEntries(
      res.body.rows.map((r: { row: number; action: string; errors: { field: string; code: string }[] }) => [r.row, r]),
    );
    expect([2, 3, 4].map((r) => byRow[r].action)).toEqual(['create', 'create', 'create']);
    const problem = (row: number) => byRow[row].errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
    expect(problem(5)).toEqual(['indicator:INDICATOR_NOT_FOUND']);
    expect(problem(6)).toEqual(['territory:INDICATOR_TERRITORY_UNKNOWN']);
    expect(problem(7)).toEqual(['period:INDICATOR_PERIOD_INVALID']);
    expect(problem(8)).toEqual(['row:DUPLICATE']);
    expect(byRow[8].errors[0].params).toEqual({ row: 2 });
    expect(problem(9)).toEqual(['row:INDICATOR_VALUE_DUPLICATE']);
    expect(problem(10)).toEqual(['indicator:INDICATOR_COMPUTED']);
    expect(problem(11)).toEqual(['value:WRONG_TYPE']);
    expect([await values(), await audit()]).toEqual([beforeValues, beforeAudit]);
  });

  it('apply with a bad row: 400 IMPORT_REJECTED with the report, nothing written', async () => {
    const [beforeValues, beforeAudit] = [await values(), await audit()];
    const res = await upload(w.coord, BAD_FILE, false).expect(400);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    expect(res.body.data.report).toMatchObject({ applied: false, counts: { create: 3, reject: 7 } });
    expect([await values(), await audit()]).toEqual([beforeValues, beforeAudit]);
  });

  it('apply of good rows: every value written (a coordinator’s: validated), each audited, and one import entry', async () => {
    const good = BAD_FILE.split('\r\n').slice(0, 4).join('\n');
    const beforeValues = await values();
    const res = await upload(w.coord, good, false).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, applied: true, counts: { create: 3, reject: 0 } });
    expect(await values()).toBe(beforeValues + 3);
    const bari = await t.db.query(
      `SELECT v.value::float8 AS value, v.status, v.note FROM indicator_values v JOIN municipalities m ON m.id = v.municipality_id
        WHERE m.istat_code = '072006' AND v.period = '2024'`,
    );
    expect(bari).toEqual([{ value: 11250.5, status: 'validated', note: 'ISTAT' }]);
    const entries = await t.db.query(
      `SELECT entity, action, after FROM audit_log WHERE entity LIKE 'indicator_value%' ORDER BY id DESC LIMIT 4`,
    );
    expect(entries[0]).toMatchObject({
      entity: 'indicator_value_import',
      action: 'import',
      after: { counts: { create: 3 }, file: 'delitti.csv' },
    });
    expect(entries.slice(1).every((e: { action: string; after: { row: number } }) => e.action === 'create' && e.after.row >= 2)).toBe(true);
    // the same file again: every row is a duplicate now
    const again = await upload(w.coord, good, true).expect(200);
    expect(again.body.counts).toEqual({ create: 0, update: 0, reject: 3 });
  });

  it('English headers; an innovator imports drafts for assigned municipalities only; municipality users may not import', async () => {
    const csv = ['indicator,territory,period,value,note', 'crimes_reported,072029,2023,1700,', 'crimes_reported,072020,2023,1500,'].join(
      '\n',
    );
    const dry = await upload(w.innA, csv, true).expect(200);
    expect(dry.body.rows[1]).toMatchObject({
      row: 3,
      action: 'reject',
      errors: [{ field: 'territory', code: 'INDICATOR_TERRITORY_NOT_ASSIGNED' }],
    });
    const ok = await upload(w.innA, csv.split('\n').slice(0, 2).join('\n'), false).expect(200);
    expect(ok.body.applied).toBe(true);
    const [row] = await t.db.query(`SELECT status, created_by FROM indicator_values WHERE id = $1`, [ok.body.rows[0].id]);
    expect(row).toEqual({ status: 'draft', created_by: w.innA.id });
    await upload(w.muniBari, csv, true).expect(403);
    await upload(w.admin, csv, true).expect(403);
    const wrong = await upload(w.coord, 'indicator,where,period,value\ncrimes_reported,072006,2022,1', true).expect(400);
    expect(wrong.body.code).toBe('IMPORT_FILE_INVALID');
  });
});
