import { randomUUID } from 'node:crypto';
import { type Actor, type ActivityWorld, activityWorld, organizationIn } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * The registers' text search (`q`) on the stored folded text (migration 1764820000000): a substring
 * of the name (buildings: and address; initiatives: title and description; organizations: or the
 * exact tax code), accents and case ignored on both sides, `%` and `_` plain; the total and the page
 * come from one pass; a changed name is found by its new text at once. And the initiatives' export,
 * whose municipalities and organizations are read per batch of ids.
 */
describe('registers: text search on the stored folded text, and the initiatives export lists', () => {
  let t: TestApp;
  let w: ActivityWorld;
  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
  });
  afterAll(() => t.close());

  const names = (res: { body: { items: { name?: string; title?: string }[] } }) =>
    res.body.items.map((i) => i.name ?? i.title).sort((a, b) => String(a).localeCompare(String(b)));
  const get = (who: Actor, path: string) => t.http.get(path).set(who.auth).expect(200);

  it('buildings: part of a word, of the name or the address, with or without accents, any case', async () => {
    for (const [name, address] of [
      ['Scuola Elementare Città Vecchia', 'Via Perché 3'],
      ['Ex SCUOLA media', null],
      ['Caserma Rossani', 'Corso Cavour 12, Città'],
      ['Mercato coperto', 'Piazza Scuolabus 1'],
    ] as const) {
      await t.http
        .post('/api/buildings')
        .set(w.coord.auth)
        .send(buildingBody({ name, ...(address ? { address } : {}) }))
        .expect(201);
    }
    const q = (text: string) => get(w.coord, `/api/buildings?pageSize=200&q=${encodeURIComponent(text)}`);
    expect(names(await q('scuol'))).toEqual(['Ex SCUOLA media', 'Mercato coperto', 'Scuola Elementare Città Vecchia']);
    expect(names(await q('CITTA'))).toEqual(['Caserma Rossani', 'Scuola Elementare Città Vecchia']);
    expect(names(await q('città'))).toEqual(['Caserma Rossani', 'Scuola Elementare Città Vecchia']);
    expect(names(await q('perche'))).toEqual(['Scuola Elementare Città Vecchia']);
    expect(names(await q('lementare citt'))).toEqual(['Scuola Elementare Città Vecchia']);
    expect((await q('scuola media elementare')).body).toMatchObject({ items: [], total: 0 });
    expect((await q('%')).body.total).toBe(0);
    // the total is every match, whatever the page
    const paged = await get(w.coord, '/api/buildings?pageSize=2&page=2&q=scuol');
    expect(paged.body).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(paged.body.items).toHaveLength(1);
    expect((await get(w.coord, '/api/buildings?pageSize=2&page=3&q=scuol')).body).toMatchObject({ items: [], total: 3 });
    // with another filter, and within a municipality user's territory (Bari only: the fixtures are in Bari)
    expect((await get(w.coord, '/api/buildings?q=scuol&municipality=072029')).body.total).toBe(0);
    expect((await get(w.muniBari, '/api/buildings?q=scuol')).body.total).toBe(3);
    expect((await get(w.coordBo, '/api/buildings?q=scuol')).body.total).toBe(0);
  });

  it('organizations: part of the name without accents or case, or the exact tax code; a renamed one by its new name', async () => {
    const created = await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send({ name: 'Cooperativa Il Melograno Perché', kind: 'aps', municipality: '072006', taxCode: '06363391001' })
      .expect(201);
    await t.http
      .post('/api/organizations')
      .set(w.coord.auth)
      .send({ name: 'MELOGRANI uniti', kind: 'odv', municipality: '072006' })
      .expect(201);
    const q = (text: string) => get(w.coord, `/api/organizations?pageSize=200&q=${encodeURIComponent(text)}`);
    expect(names(await q('melogran'))).toEqual(['Cooperativa Il Melograno Perché', 'MELOGRANI uniti']);
    expect(names(await q('ograno perchè'))).toEqual(['Cooperativa Il Melograno Perché']);
    expect(names(await q('06363391001'))).toEqual(['Cooperativa Il Melograno Perché']);
    expect(names(await q('0636339'))).toEqual([]);
    const paged = await get(w.coord, '/api/organizations?pageSize=1&q=melogran');
    expect(paged.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(paged.body.items).toHaveLength(1);
    await t.http
      .patch(`/api/organizations/${created.body.id}`)
      .set(w.coord.auth)
      .send({ version: created.body.version, name: 'Cooperativa La Ginestra' })
      .expect(200);
    expect(names(await q('melogran'))).toEqual(['MELOGRANI uniti']);
    expect(names(await q('ginèstra'))).toEqual(['Cooperativa La Ginestra']);
  });

  it('initiatives: part of a word of the title or the description, accents and case ignored', async () => {
    const create = (title: string, description: string | null) =>
      t.http
        .post('/api/initiatives')
        .set(w.coord.auth)
        .send({ clientId: randomUUID(), title, status: 'idea', municipality: '072006', ...(description ? { description } : {}) })
        .expect(201);
    await create('Orti sociali di San Nicola', 'Orti condivisi con le scuole.');
    await create('Laboratorio di comunità', 'Un orto sociale e una falegnameria per il quartiere.');
    await create('Cineforum', null);
    const q = (text: string) => get(w.coord, `/api/initiatives?pageSize=200&q=${encodeURIComponent(text)}`);
    expect(names(await q('orti sociali'))).toEqual(['Orti sociali di San Nicola']);
    expect(names(await q('ORTO SOCIAL'))).toEqual(['Laboratorio di comunità']);
    expect(names(await q('comunita'))).toEqual(['Laboratorio di comunità']);
    expect(names(await q('falegname'))).toEqual(['Laboratorio di comunità']);
    expect(names(await q('soci'))).toEqual(['Laboratorio di comunità', 'Orti sociali di San Nicola']);
    expect((await get(w.coord, '/api/initiatives?pageSize=1&page=2&q=soci')).body).toMatchObject({ total: 2 });
    expect((await get(w.coord, '/api/initiatives?pageSize=1&page=3&q=soci')).body).toMatchObject({ items: [], total: 2 });
  });

  it('exports each initiative with its own municipalities (the main one first) and organizations, as its detail', async () => {
    const [a, b, c] = await Promise.all([
      organizationIn(t, w.bari, '072006', 'APS Zeta Export'),
      organizationIn(t, w.bari, '072006', 'ODV Alfa Export'),
      organizationIn(t, w.bari, '072006', 'Coop Beta Export'),
    ]);
    const bodies = [
      {
        title: 'Export uno',
        municipality: '072029',
        municipalities: ['072006', '072020'],
        leadOrganization: a,
        partnerOrganizations: [b, c],
      },
      { title: 'Export due', municipality: '072006', partnerOrganizations: [c] },
      { title: 'Export tre', municipality: '072020', municipalities: ['072029'], leadOrganization: c },
    ];
    for (const body of bodies) {
      await t.http
        .post('/api/initiatives')
        .set(w.coord.auth)
        .send({ clientId: randomUUID(), status: 'idea', ...body })
        .expect(201);
    }
    const list = await get(w.coord, '/api/initiatives?q=export&pageSize=200');
    const csv = await t.http.get('/api/initiatives/export?format=csv&q=export').set(w.coord.auth).expect(200);
    const [header, ...lines] = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header.split(',');
    const cell = (line: string, column: string) => line.split(',')[columns.indexOf(column)];
    expect(lines.map((l) => cell(l, 'title'))).toEqual(['Export due', 'Export tre', 'Export uno']);
    for (const line of lines) {
      const item = list.body.items.find((i: { title: string }) => i.title === cell(line, 'title'));
      expect(cell(line, 'municipalities')).toBe(item.municipalities.map((m: { name: string }) => m.name).join('; '));
      expect(cell(line, 'lead_organization')).toBe(item.leadOrganization?.name ?? '');
      expect(cell(line, 'partner_organizations')).toBe(item.partnerOrganizations.map((o: { name: string }) => o.name).join('; '));
    }
    expect(cell(lines[2], 'municipalities')).toBe('Molfetta; Bari; Corato');
    expect(cell(lines[2], 'partner_organizations')).toBe('Coop Beta Export; ODV Alfa Export');
  });

  it('counts the stale lists as their two sides: never verified, and verified before the months asked', async () => {
    const org = (name: string) =>
      t.http.post('/api/organizations').set(w.coord.auth).send({ name, kind: 'aps', municipality: '072022' }).expect(201);
    const orgs = [await org('Circolo Arci Levante'), await org('Banda musicale Giovinazzo'), await org('Pro loco della Murgia')];
    const building = (name: string) =>
      t.http
        .post('/api/buildings')
        .set(w.coord.auth)
        .send(buildingBody({ name, municipality: '072022' }))
        .expect(201);
    const buildings = [await building('Stale mai'), await building('Stale due anni'), await building('Stale ieri')];
    for (const [table, rows] of [
      ['organizations', orgs],
      ['buildings', buildings],
    ] as const) {
      await t.db.query(`UPDATE ${table} SET last_verified_at = now() - interval '2 years', last_verified_by = $2 WHERE id = $1`, [
        rows[1].body.id,
        w.coord.id,
      ]);
      await t.db.query(`UPDATE ${table} SET last_verified_at = now() - interval '1 day', last_verified_by = $2 WHERE id = $1`, [
        rows[2].body.id,
        w.coord.id,
      ]);
    }
    // innB works in 072006 and 072022: every stale record of those, and none of the fresh one
    for (const [path, rows] of [
      ['/api/organizations/stale', orgs],
      ['/api/buildings/stale', buildings],
    ] as const) {
      const all = (await get(w.innB, `${path}?pageSize=200`)).body;
      expect(all.total).toBe(all.items.length);
      const ids = all.items.map((i: { id: string }) => i.id);
      expect(ids).toEqual(expect.arrayContaining([rows[0].body.id, rows[1].body.id]));
      expect(ids).not.toContain(rows[2].body.id);
      // never verified first, then the oldest verification
      expect(ids.indexOf(rows[0].body.id)).toBeLessThan(ids.indexOf(rows[1].body.id));
      // 36 months: the two-year-old verification is recent enough
      const longer = (await get(w.innB, `${path}?pageSize=1&months=36`)).body;
      expect(longer.total).toBe(all.total - 1);
      expect(longer.items).toHaveLength(1);
      // innC (Corato) counts none of them
      const innC = (await get(w.innC, `${path}?pageSize=200`)).body;
      expect(innC.total).toBe(innC.items.length);
      expect(innC.items.map((i: { id: string }) => i.id)).not.toContain(rows[0].body.id);
    }
  });
});
