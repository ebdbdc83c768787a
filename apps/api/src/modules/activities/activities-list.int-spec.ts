import { randomUUID } from 'node:crypto';
import { ACTIVITY_COUNT_CAP } from '@trama/contracts';
import type { ActivityResponseDto } from './dto/activity.response';
import { type ActivityWorld, activityIn, activityWorld, createActivity, organizationIn } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

describe('activities: list filters, search, order, pages', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let orgId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    orgId = await organizationIn(t, w.bari, '072006', 'Cooperativa La Città Solidale');
    const add = async (
      key: string,
      body: Parameters<typeof createActivity>[2],
      status: 'draft' | 'submitted' | 'approved' = 'approved',
      author = w.innA,
    ) => {
      ids[key] = (await activityIn(t, status, author, w.coord, { title: key, ...body })).id;
    };
    await add('laboratori-giovani', {
      date: '2026-03-10',
      type: 'workshop',
      themes: ['youth'],
      description: 'Laboratori creativi con i giovani della città vecchia',
    });
    await add('tavolo-rete', {
      date: '2026-03-12',
      type: 'network_table',
      themes: ['social_inclusion'],
      organizations: [orgId],
      description: 'Tavolo con le cooperative',
    });
    await add('sportello', {
      date: '2026-04-01',
      type: 'info_desk',
      municipality: '072029',
      themes: [],
      outcomes: 'Attività di orientamento al lavoro',
    });
    await add('mappatura', {
      date: '2026-04-01',
      type: 'mapping_survey',
      municipality: '072029',
      themes: ['urban_regeneration'],
      followUps: 'Sopralluogo all’immobile confiscato',
    });
    await add(
      'visita-bruno',
      { date: '2026-05-20', type: 'site_visit', municipality: '072022', themes: ['legality'] },
      'submitted',
      w.innB,
    );
    await add('bozza', { date: '2026-06-01', type: 'meeting', themes: ['youth'] }, 'draft');
  });
  afterAll(() => t.close());

  async function titles(query: string, who = w.coord): Promise<string[]> {
    const res = await t.http.get(`/api/activities?${query}`).set(who.auth).expect(200);
    return res.body.items.map((i: ActivityResponseDto) => i.title);
  }

  it('orders by date, newest first by default, and oldest first with sort=date', async () => {
    expect(await titles('')).toEqual(
      ['bozza', 'visita-bruno', 'mappatura', 'sportello', 'tavolo-rete', 'laboratori-giovani'].sort(byDateDesc(ids)),
    );
    const asc = await titles('sort=date');
    expect(asc[0]).toBe('laboratori-giovani');
    expect(asc.at(-1)).toBe('bozza');
    // same date: a stable tie-break on id, reversed by the sort
    const sameDay = ['mappatura', 'sportello'];
    const descPair = (await titles('from=2026-04-01&to=2026-04-01')).filter((x) => sameDay.includes(x));
    const ascPair = (await titles('from=2026-04-01&to=2026-04-01&sort=date')).filter((x) => sameDay.includes(x));
    expect(ascPair).toEqual([...descPair].reverse());
  });

  it.each([
    ['municipality=072029', ['mappatura', 'sportello']],
    ['socialArea=ATS_BA_MOLFETTA', ['visita-bruno', 'mappatura', 'sportello']],
    ['type=workshop', ['laboratori-giovani']],
    ['status=submitted', ['visita-bruno']],
    ['status=draft', ['bozza']],
    ['theme=youth', ['bozza', 'laboratori-giovani']],
    ['from=2026-04-01&to=2026-05-31', ['visita-bruno', 'mappatura', 'sportello']],
    ['from=2026-05-01', ['bozza', 'visita-bruno']],
    ['to=2026-03-11', ['laboratori-giovani']],
    ['municipality=072006&theme=youth&status=approved', ['laboratori-giovani']],
  ])('filters by %s', async (query, expected) => {
    expect((await titles(query)).sort()).toEqual([...expected].sort());
  });

  it('filters by innovator and by organization', async () => {
    expect(await titles(`innovator=${w.innB.id}`)).toEqual(['visita-bruno']);
    expect(await titles(`organization=${orgId}`)).toEqual(['tavolo-rete']);
  });

  it('filters by building and by initiative; every item carries both links', async () => {
    const building = await t.http
      .post('/api/buildings')
      .set(w.coord.auth)
      .send(buildingBody({ name: 'Ex caserma Rossani' }))
      .expect(201);
    const initiative = await t.http
      .post('/api/initiatives')
      .set(w.coord.auth)
      .send({ clientId: randomUUID(), title: 'Rete dei laboratori', status: 'idea', municipality: '072006' })
      .expect(201);
    await t.db.query(`UPDATE activities SET building_id = $2 WHERE id = $1`, [ids['laboratori-giovani'], building.body.id]);
    await t.db.query(`UPDATE activities SET building_id = $2, initiative_id = $3 WHERE id = $1`, [
      ids['tavolo-rete'],
      building.body.id,
      initiative.body.id,
    ]);
    expect((await titles(`building=${building.body.id}`)).sort()).toEqual(['laboratori-giovani', 'tavolo-rete']);
    expect(await titles(`initiative=${initiative.body.id}`)).toEqual(['tavolo-rete']);
    expect(await titles(`building=${building.body.id}&initiative=${initiative.body.id}&type=network_table`)).toEqual(['tavolo-rete']);
    expect(await titles(`building=${randomUUID()}`)).toEqual([]);
    const page = (await t.http.get(`/api/activities?building=${building.body.id}`).set(w.coord.auth).expect(200)).body;
    expect(page.total).toBe(2);
    const tavolo = page.items.find((i: ActivityResponseDto) => i.title === 'tavolo-rete');
    expect(tavolo).toMatchObject({
      building: { id: building.body.id, name: 'Ex caserma Rossani' },
      initiative: { id: initiative.body.id, title: 'Rete dei laboratori' },
    });
    // the detail says the same as the list
    const detail = (await t.http.get(`/api/activities/${ids['tavolo-rete']}`).set(w.coord.auth).expect(200)).body;
    expect({ building: detail.building, initiative: detail.initiative }).toEqual({
      building: tavolo.building,
      initiative: tavolo.initiative,
    });
    // the export takes the same filters
    const csv = await t.http.get(`/api/activities/export?format=csv&building=${building.body.id}`).set(w.coord.auth).expect(200);
    expect(String(csv.text)).toContain(ids['tavolo-rete']);
    expect(String(csv.text)).not.toContain(ids['sportello']);
  });

  it.each([
    ['giovani', ['laboratori-giovani']],
    ['giovane', ['laboratori-giovani']], // word form (Italian stemming)
    ['laboratorio', ['laboratori-giovani']],
    ['citta', ['laboratori-giovani']], // no accent typed, "città" stored
    ['CITTÀ', ['laboratori-giovani']],
    ['cooperativa', ['tavolo-rete']], // description
    ['lavoro', ['sportello']], // outcomes
    ['immobili confiscati', ['mappatura']], // follow-ups, plural forms
    ['"tavolo con le cooperative"', ['tavolo-rete']], // phrase
    ['laboratorio della città', ['laboratori-giovani']], // stop words ignored
    ['della', []], // only stop words: nothing
    ['riservata', []], // internal notes are never searched
    ['giovani -creativi', []],
  ])('searches %j in Italian (accents and word forms)', async (q, expected) => {
    expect((await titles(`q=${encodeURIComponent(q)}`)).sort()).toEqual([...expected].sort());
  });

  it('pages with page and pageSize, and reports the total', async () => {
    const first = await t.http.get('/api/activities?pageSize=4&page=1').set(w.coord.auth).expect(200);
    const second = await t.http.get('/api/activities?pageSize=4&page=2').set(w.coord.auth).expect(200);
    expect(first.body).toMatchObject({ total: 6, page: 1, pageSize: 4, totalCapped: false });
    expect(first.body.items).toHaveLength(4);
    expect(second.body.items).toHaveLength(2);
    const all = await titles('pageSize=200');
    expect([...first.body.items, ...second.body.items].map((i: ActivityResponseDto) => i.title)).toEqual(all);
    const beyond = await t.http.get('/api/activities?page=99').set(w.coord.auth).expect(200);
    expect(beyond.body).toMatchObject({ items: [], total: 6 });
  });

  it.each([
    ['pageSize=201', 'pageSize'],
    ['pageSize=0', 'pageSize'],
    ['page=0', 'page'],
    ['from=2026-13-01', 'from'],
    ['from=2026-05-01&to=2026-04-01', 'to'],
    ['theme=astrology', 'theme'],
    ['type=party', 'type'],
    ['status=deleted', 'status'],
    ['innovator=anna', 'innovator'],
    ['organization=42', 'organization'],
    ['building=42', 'building'],
    ['initiative=x', 'initiative'],
    ['municipality=Bari', 'municipality'],
    ['sort=title', 'sort'],
    ['colour=red', 'colour'],
  ])('refuses %s with 400 naming %s', async (query, field) => {
    const res = await t.http.get(`/api/activities?${query}`).set(w.coord.auth).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  describe('the review queue (status=submitted&sort=submitted)', () => {
    beforeAll(async () => {
      // submitted in this order (after visita-bruno, 2026-05-20), which is not the order of their dates
      for (const [title, date] of [
        ['coda-settembre', '2026-09-01'],
        ['coda-gennaio', '2026-01-05'],
        ['coda-giugno', '2026-06-15'],
      ]) {
        await activityIn(t, 'submitted', w.innA, w.coord, { title, date, description: 'Verifica della coda di revisione' });
      }
    });

    it('lists the submitted activities oldest submission first, not by activity date', async () => {
      const bySubmission = ['visita-bruno', 'coda-settembre', 'coda-gennaio', 'coda-giugno'];
      expect(await titles('status=submitted&sort=submitted')).toEqual(bySubmission);
      expect(await titles('status=submitted&sort=date')).toEqual(['coda-gennaio', 'visita-bruno', 'coda-giugno', 'coda-settembre']);
      // paged, and with a text filter (its matches are collected, then put in queue order)
      expect(await titles('status=submitted&sort=submitted&pageSize=2&page=2')).toEqual(bySubmission.slice(2));
      expect(await titles('status=submitted&sort=submitted&q=revisione')).toEqual(bySubmission.slice(1));
      // an innovator's queue: their own submissions, in the same order
      expect(await titles('status=submitted&sort=submitted', w.innA)).toEqual(bySubmission.slice(1));
    });

    it.each(['sort=submitted', 'status=approved&sort=submitted'])('refuses %s without status=submitted, naming sort', async (query) => {
      const res = await t.http.get(`/api/activities?${query}`).set(w.coord.auth).expect(400);
      expect(res.body.details).toEqual([
        { field: 'sort', messages: ['sort=submitted requires status=submitted'], codes: ['NOT_APPLICABLE'] },
      ]);
    });
  });

  describe('beyond the count cap', () => {
    beforeAll(async () => {
      // ACTIVITY_COUNT_CAP + 50 approved activities of Corato; 30 of them about legality
      await t.db.query(
        `INSERT INTO activities (tenant_id, client_id, client_hash, author_id, municipality_id, date, duration_minutes, type, title,
                                 participants_total, themes, status, submitted_at, submitted_by, reviewed_at, reviewed_by)
         SELECT $1, gen_random_uuid(), 'bulk', $2, $3, DATE '2025-01-01' + (g % 300), 60, 'meeting', 'Incontro ' || g, 5,
                CASE WHEN g % 337 = 0 THEN ARRAY['legality'] ELSE ARRAY['sport'] END, 'approved', now(), $2, now(), $4
           FROM generate_series(1, $5::int) g`,
        [w.bari.id, w.innC.id, w.bari.municipalities['072020'], w.coord.id, ACTIVITY_COUNT_CAP + 50],
      );
      await t.db.query('ANALYZE activities');
    });

    it('counts up to the cap and says so', async () => {
      const res = await t.http.get('/api/activities?municipality=072020&pageSize=10').set(w.coord.auth).expect(200);
      expect(res.body).toMatchObject({ total: ACTIVITY_COUNT_CAP, totalCapped: true });
      expect(res.body.items).toHaveLength(10);
    });

    it('gives the same order whether the matches are few (collected then sorted) or many (read in index order)', async () => {
      const expected = async (theme: string, limit: number) =>
        (
          await t.db.query(`SELECT id FROM activities WHERE tenant_id = $1 AND $2 = ANY(themes) ORDER BY date DESC, id DESC LIMIT $3`, [
            w.bari.id,
            theme,
            limit,
          ])
        ).map((r: { id: string }) => r.id);
      const few = await t.http.get('/api/activities?theme=legality&pageSize=20').set(w.coord.auth).expect(200);
      expect(few.body.totalCapped).toBe(false);
      expect(few.body.items.map((i: ActivityResponseDto) => i.id)).toEqual(await expected('legality', 20));
      const many = await t.http.get('/api/activities?theme=sport&pageSize=20&page=3').set(w.coord.auth).expect(200);
      expect(many.body.totalCapped).toBe(true);
      expect(many.body.items.map((i: ActivityResponseDto) => i.id)).toEqual((await expected('sport', 60)).slice(40));
    });

    it('keeps innovators to their scope however many rows there are', async () => {
      const res = await t.http.get('/api/activities?municipality=072020').set(w.innA.auth).expect(200);
      expect(res.body).toMatchObject({ items: [], total: 0, totalCapped: false });
    });
  });
});

/** Sorts fixture titles by the list order (date desc, id desc) using their creation data. */
function byDateDesc(ids: Record<string, string>) {
  const dates: Record<string, string> = {
    'laboratori-giovani': '2026-03-10',
    'tavolo-rete': '2026-03-12',
    sportello: '2026-04-01',
    mappatura: '2026-04-01',
    'visita-bruno': '2026-05-20',
    bozza: '2026-06-01',
  };
  const key = (k: string) => dates[k] + ids[k];
  return (x: string, y: string) => (key(x) < key(y) ? 1 : key(x) > key(y) ? -1 : 0);
}
