import { type Actor, activityIn, activityWorld, type ActivityWorld } from '../../test/activity-fixtures';
import type { TestTenant } from '../../test/factories';
import { createTestApp, type TestApp } from '../../test/test-app';
import { CollaborationsRepository } from './collaborations.repository';
import { CollaborationsService } from './collaborations.service';
import * as openLines from './model/open-lines';
import { encodeReasons } from './model/reason-codec';
import { type Reason, reasonsKey } from './model/suggest';

/**
 * The collaboration model over HTTP on a real PostgreSQL (docs/collaborations.md): who sees which
 * suggestions, accept (a draft introduction activity) and dismiss, the outcome of a later joint
 * approved activity (and the indicator it feeds), the weights (versioned, audited), bad input.
 *
 * The cast (activity-fixtures): innA (Bari, Molfetta), innB (Bari, Giovinazzo), innC (Corato),
 * coord, muniBari (Comune di Bari), areaMolfetta (Molfetta + Giovinazzo), Bologna's staff.
 */
describe('collaboration suggestions', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const org: Record<string, string> = {};

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );

  async function organization(
    tenant: TestTenant,
    key: string,
    istat: string,
    kind: string,
    p: { offers?: string[]; needs?: string[]; themes?: string[]; targetGroups?: string[] },
  ) {
    const [row] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id, offers, needs, themes, target_groups)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [tenant.id, key, kind, tenant.municipalities[istat], p.offers ?? [], p.needs ?? [], p.themes ?? [], p.targetGroups ?? []],
    );
    org[key] = row.id;
  }

  async function suggestions(who: Actor, query: Record<string, string | number> = {}) {
    const res = await t.http.get('/api/collaborations/suggestions').set(who.auth).query(query);
    if (res.status !== 200) throw new Error(`list: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as {
      items: {
        id: string;
        organizations: { id: string; name: string }[];
        score: number;
        reasons: { contribution: number; text: string; code: string }[];
        status: string;
        collaboratedAt: string | null;
      }[];
      total: number;
    };
  }
  const pairs = (body: Awaited<ReturnType<typeof suggestions>>) =>
    body.items
      .map((s) =>
        s.organizations
          .map((o) => o.name)
          .sort()
          .join('+'),
      )
      .sort();
  /** The tenant's open table as stored (the pairs, their scores and reasons). */
  const openRows = () =>
    t.db.query(
      `SELECT organization_a, organization_b, score, reasons_text FROM collaboration_open_suggestions WHERE tenant_id = $1 ORDER BY 1, 2`,
      [w.bari.id],
    );

  async function idOf(who: Actor, pair: string): Promise<string> {
    const found = (await suggestions(who, { pageSize: 200 })).items.find(
      (s) =>
        s.organizations
          .map((o) => o.name)
          .sort()
          .join('+') === pair,
    );
    if (!found) throw new Error(`no suggestion ${pair}`);
    return found.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    // Molfetta: a school with space meets a social enterprise in need of it (youth)
    await organization(w.bari, 'Scuola Salvemini', '072029', 'school', {
      offers: ['space'],
      themes: ['youth', 'education'],
      targetGroups: ['youth'],
    });
    await organization(w.bari, 'Il Ponte', '072029', 'social_enterprise', { needs: ['space'], themes: ['youth'], targetGroups: ['youth'] });
    // Corato: volunteers offered and needed
    await organization(w.bari, 'Volontari Corato', '072020', 'odv', { offers: ['volunteers'], themes: ['elderly'] });
    await organization(w.bari, 'Casa Anziani Corato', '072020', 'aps', { needs: ['volunteers'], themes: ['elderly'] });
    // Bologna: another tenant's pair
    await organization(w.bologna, 'Officina Bologna', '037006', 'company', { offers: ['skills'], themes: ['work'] });
    await organization(w.bologna, 'Coop Lavoro Bologna', '037006', 'social_enterprise', { needs: ['skills'], themes: ['work'] });
  });
  afterAll(() => t.close());

  describe('who sees which', () => {
    it('shows coordinators every pair of their tenant, with reasons that add up to the score', async () => {
      const body = await suggestions(w.coord);
      expect(pairs(body)).toEqual(['Casa Anziani Corato+Volontari Corato', 'Il Ponte+Scuola Salvemini']);
      expect(body.total).toBe(2);
      for (const s of body.items) {
        const sum = s.reasons.reduce((acc, r) => acc + r.contribution, 0);
        expect(s.score).toBeCloseTo(sum, 0);
        expect(s.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['offers_meet_needs', 'same_municipality', 'no_path']));
      }
      const school = body.items.find((s) => s.organizations.some((o) => o.name === 'Il Ponte'))!;
      expect(school.reasons.find((r) => r.code === 'offers_meet_needs')!.text).toMatch(
        /^\+[\d,]+ offerte e bisogni si incontrano: .*Spazi/i,
      );
      const en = await suggestions(w.coord, { lang: 'en' });
      expect(en.items[0].reasons[0].text).toMatch(/offers meet needs/);
    });

    it.each<[string, keyof ActivityWorld, string[]]>([
      ['an innovator: pairs of their municipalities only', 'innA', ['Il Ponte+Scuola Salvemini']],
      ['another innovator: theirs', 'innC', ['Casa Anziani Corato+Volontari Corato']],
      ['an innovator of neither municipality', 'innB', []],
      ['a municipality user of Bari', 'muniBari', []],
      ['the social area of Molfetta', 'areaMolfetta', ['Il Ponte+Scuola Salvemini']],
      ['another tenant', 'coordBo', ['Coop Lavoro Bologna+Officina Bologna']],
    ])('shows %s', async (_name, who, expected) => {
      expect(pairs(await suggestions(w[who] as Actor))).toEqual(expected);
    });

    it('answers 404 for a suggestion outside the caller’s territory or tenant', async () => {
      const id = await idOf(w.coord, 'Il Ponte+Scuola Salvemini');
      expect((await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.innA.auth)).status).toBe(200);
      for (const who of [w.innC, w.muniBari, w.coordBo]) {
        const res = await t.http.get(`/api/collaborations/suggestions/${id}`).set(who.auth);
        expect([res.status, res.body.code]).toEqual([404, 'COLLABORATION_SUGGESTION_NOT_FOUND']);
      }
      const res = await t.http.post(`/api/collaborations/suggestions/${id}/dismiss`).set(w.innC.auth).send({ reason: 'no' });
      expect(res.status).toBe(404);
    });

    it('filters by municipality, theme and organization', async () => {
      expect(pairs(await suggestions(w.coord, { municipality: '072020' }))).toEqual(['Casa Anziani Corato+Volontari Corato']);
      expect(pairs(await suggestions(w.coord, { theme: 'youth' }))).toEqual(['Il Ponte+Scuola Salvemini']);
      expect(pairs(await suggestions(w.coord, { organization: org['Il Ponte'] }))).toEqual(['Il Ponte+Scuola Salvemini']);
      expect(pairs(await suggestions(w.coord, { theme: 'sport' }))).toEqual([]);
    });

    it.each<[Record<string, string>, string, string]>([
      [{ municipality: '72' }, 'municipality', 'VALIDATION_FAILED'],
      [{ municipality: '999999' }, 'municipality', 'COLLABORATION_MUNICIPALITY_UNKNOWN'],
      [{ theme: 'nope' }, 'theme', 'VALIDATION_FAILED'],
      [{ organization: 'not-a-uuid' }, 'organization', 'VALIDATION_FAILED'],
      [{ pageSize: '0' }, 'pageSize', 'VALIDATION_FAILED'],
      [{ status: 'maybe' }, 'status', 'VALIDATION_FAILED'],
    ])('refuses %j with a 400 naming the field', async (query, field, code) => {
      const res = await t.http.get('/api/collaborations/suggestions').set(w.coord.auth).query(query);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(code);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('accept, dismiss and the outcome', () => {
    it('accepts: a draft introduction meeting in the innovator’s municipality with both organizations; then it counts as a new collaboration once they work together', async () => {
      const id = await idOf(w.innA, 'Il Ponte+Scuola Salvemini');
      // municipality users read only; another innovator's territory is a 404
      expect((await t.http.post(`/api/collaborations/suggestions/${id}/accept`).set(w.areaMolfetta.auth).send({})).status).toBe(403);
      expect((await t.http.post(`/api/collaborations/suggestions/${id}/accept`).set(w.innC.auth).send({})).status).toBe(404);

      const res = await t.http.post(`/api/collaborations/suggestions/${id}/accept`).set(w.innA.auth).send({});
      expect(res.status).toBe(200);
      expect(res.body.activity).toMatchObject({ status: 'draft', type: 'meeting', municipality: { istatCode: '072029' } });
      expect(res.body.activity.organizations.map((o: { id: string }) => o.id).sort()).toEqual(
        [org['Il Ponte'], org['Scuola Salvemini']].sort(),
      );
      expect(res.body.suggestion).toMatchObject({ id, status: 'accepted', activityId: res.body.activity.id, collaboratedAt: null });
      const mine = await t.http.get(`/api/activities/${res.body.activity.id}`).set(w.innA.auth);
      expect(mine.status).toBe(200);
      // decided once
      const again = await t.http.post(`/api/collaborations/suggestions/${id}/accept`).set(w.innA.auth).send({});
      expect([again.status, again.body.code]).toEqual([409, 'COLLABORATION_SUGGESTION_DECIDED']);
      expect(pairs(await suggestions(w.innA))).toEqual([]);
      expect(pairs(await suggestions(w.innA, { status: 'accepted' }))).toEqual(['Il Ponte+Scuola Salvemini']);
      const [audit] = await t.db.query(`SELECT action FROM audit_log WHERE entity = 'collaboration_suggestion' AND entity_id = $1`, [id]);
      expect(audit.action).toBe('accept');

      // the indicator before: nothing this month
      const month = today.slice(0, 7);
      const value = async () => {
        const r = await t.http
          .get('/api/indicators/new_collaborations/values')
          .set(w.coord.auth)
          .query({ territory: 'municipality:072029', period: month });
        expect(r.status).toBe(200);
        return r.body.items[0].value as number;
      };
      expect(await value()).toBe(0);

      // a later joint activity, approved: a new collaboration, at once
      await activityIn(t, 'approved', w.innA, w.coord, {
        municipality: '072029',
        date: today,
        organizations: [org['Il Ponte'], org['Scuola Salvemini']],
      });
      const got = await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.innA.auth);
      expect(got.body.collaboratedAt).not.toBeNull();
      expect(await value()).toBe(1);

      // and the network shows the link at once
      const net = await t.http.get('/api/collaborations/network').set(w.coord.auth).query({ municipality: '072029' });
      expect(net.status).toBe(200);
      expect(net.body.nodes.map((n: { name: string }) => n.name).sort()).toEqual(['Il Ponte', 'Scuola Salvemini']);
      expect(net.body.edges).toEqual([expect.objectContaining({ weight: expect.any(Number), suggested: false })]);
      expect(net.body.edges[0].weight).toBeGreaterThan(0.9);
    });

    it('dismisses with a reason: the pair is gone and does not come back while its reasons stay', async () => {
      const id = await idOf(w.innC, 'Casa Anziani Corato+Volontari Corato');
      const empty = await t.http.post(`/api/collaborations/suggestions/${id}/dismiss`).set(w.innC.auth).send({ reason: '  ' });
      expect(empty.status).toBe(400);
      expect(empty.body.details.map((d: { field: string }) => d.field)).toContain('reason');
      const res = await t.http.post(`/api/collaborations/suggestions/${id}/dismiss`).set(w.innC.auth).send({ reason: 'Già in contatto' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'dismissed', dismissReason: 'Già in contatto' });
      expect(pairs(await suggestions(w.coord))).toEqual([]);

      // a recompute with other weights keeps it dismissed (same reasons) …
      const service = t.app.get(CollaborationsService);
      await service.recompute(w.bari.id, null);
      expect(pairs(await suggestions(w.coord))).toEqual([]);
      // … until its reasons change: a shared target group appears
      await t.db.query(`UPDATE organizations SET target_groups = '{elderly}' WHERE id IN ($1, $2)`, [
        org['Casa Anziani Corato'],
        org['Volontari Corato'],
      ]);
      await service.recompute(w.bari.id, null);
      expect(pairs(await suggestions(w.coord))).toEqual(['Casa Anziani Corato+Volontari Corato']);
      const back = await suggestions(w.coord);
      expect(back.items[0].id).toBe(id); // the same pair keeps its id
    });
  });

  describe('weights', () => {
    it('reads the defaults, refuses innovators, saves a coordinator’s change (audited) and refuses a stale version', async () => {
      const got = await t.http.get('/api/collaborations/weights').set(w.innA.auth);
      expect(got.status).toBe(200);
      expect(got.body).toMatchObject({ version: 0, weights: got.body.defaults.weights, updatedBy: null });
      const body = { ...got.body.defaults, weights: { ...got.body.defaults.weights, themes: 0 }, version: 0 };
      expect((await t.http.put('/api/collaborations/weights').set(w.innA.auth).send(body)).status).toBe(403);

      const saved = await t.http.put('/api/collaborations/weights').set(w.coord.auth).send(body);
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({ version: 1, weights: { themes: 0 }, updatedBy: { id: w.coord.id } });
      const stale = await t.http.put('/api/collaborations/weights').set(w.coord.auth).send(body);
      expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
      const [audit] = await t.db.query(
        `SELECT action, before, after FROM audit_log WHERE entity = 'collaboration_weights' AND tenant_id = $1 ORDER BY at DESC LIMIT 1`,
        [w.bari.id],
      );
      expect(audit).toMatchObject({ action: 'update', before: { weights: { themes: 20 } }, after: { weights: { themes: 0 } } });

      // the background recompute picks the new weights: no reason of the themes any more
      await t.app.get(CollaborationsService).settled(w.bari.id);
      const status = await t.http.get('/api/collaborations/status').set(w.coord.auth);
      expect(status.body).toMatchObject({ state: 'idle', computedVersion: 1, weightsVersion: 1, progress: 1 });
      const list = await suggestions(w.coord);
      expect(list.items.flatMap((s) => s.reasons.map((r) => r.code))).not.toContain('shared_themes');

      // reset, and another tenant untouched
      const reset = await t.http.post('/api/collaborations/weights/reset').set(w.coord.auth).send({ version: 1 });
      expect(reset.body).toMatchObject({ version: 2, weights: { themes: 20 } });
      expect((await t.http.get('/api/collaborations/weights').set(w.coordBo.auth)).body.version).toBe(0);
      await t.app.get(CollaborationsService).settled(w.bari.id);
    });

    it.each<[object, string]>([
      [{ weights: { complementarity: 101 } }, 'weights.complementarity'],
      [{ weights: { complementarity: -1 } }, 'weights.complementarity'],
      [{ halfLifeMonths: 0 }, 'halfLifeMonths'],
      [{ maxHops: 7 }, 'maxHops'],
      [{ version: 'x' }, 'version'],
      [{ weights: { complementarity: 0, themes: 0, targetGroups: 0, territory: 0, kindRarity: 0, distance: 0 } }, 'weights'],
    ])('refuses %j with a 400 naming the field', async (change, field) => {
      const current = (await t.http.get('/api/collaborations/weights').set(w.coord.auth)).body;
      const body = {
        weights: { ...current.weights, ...((change as { weights?: object }).weights ?? {}) },
        halfLifeMonths: current.halfLifeMonths,
        maxHops: current.maxHops,
        minScore: current.minScore,
        version: current.version,
        ...Object.fromEntries(Object.entries(change).filter(([k]) => k !== 'weights')),
      };
      const res = await t.http.put('/api/collaborations/weights').set(w.coord.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });
  });

  describe('the open table (migration 1764870000000)', () => {
    it('takes a change of weights without rewriting the open pairs, loses a decided or deleted pair at once, and keeps the decided score', async () => {
      const service = t.app.get(CollaborationsService);
      await organization(w.bari, 'Banca del Tempo Giovinazzo', '072022', 'aps', { offers: ['skills'], themes: ['culture'] });
      await organization(w.bari, 'Coro Giovinazzo', '072022', 'odv', { needs: ['skills'], themes: ['culture'] });
      await organization(w.bari, 'Ludoteca Giovinazzo', '072022', 'social_enterprise', { needs: ['skills'], themes: ['culture'] });
      await service.recompute(w.bari.id, null);
      const ids = {
        coro: await idOf(w.coord, 'Banca del Tempo Giovinazzo+Coro Giovinazzo'),
        ludoteca: await idOf(w.coord, 'Banca del Tempo Giovinazzo+Ludoteca Giovinazzo'),
      };
      const versions = async () =>
        (await t.db.query(`SELECT id, xmin::text AS x FROM collaboration_suggestions WHERE tenant_id = $1 ORDER BY id`, [w.bari.id])).map(
          (r: { id: string; x: string }) => `${r.id}:${r.x}`,
        );
      const before = await versions();
      const scoreOf = async (id: string) =>
        (await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.coord.auth)).body.score as number;
      const scoreBefore = await scoreOf(ids.coro);

      // a change of weights: every score moves, no row of the pairs is written
      const current = (await t.http.get('/api/collaborations/weights').set(w.coord.auth)).body;
      const saved = await t.http
        .put('/api/collaborations/weights')
        .set(w.coord.auth)
        .send({
          weights: { ...current.weights, territory: current.weights.territory + 30 },
          halfLifeMonths: current.halfLifeMonths,
          maxHops: current.maxHops,
          minScore: current.minScore,
          version: current.version,
        });
      expect(saved.status).toBe(200);
      await service.settled(w.bari.id);
      expect(await scoreOf(ids.coro)).not.toBe(scoreBefore);
      expect(await versions()).toEqual(before);
      const banca = { organization: org['Banca del Tempo Giovinazzo'] };
      const list = await suggestions(w.coord, banca);
      expect(list.items.find((s) => s.id === ids.coro)?.score).toBe(await scoreOf(ids.coro));
      const total = list.total;

      // dismissed: out of the open list and its count in the same transaction, with the score it was dismissed at
      const decidedAt = await scoreOf(ids.coro);
      const dismissed = await t.http
        .post(`/api/collaborations/suggestions/${ids.coro}/dismiss`)
        .set(w.innB.auth)
        .send({ reason: 'Già partner' });
      expect([dismissed.status, dismissed.body.score]).toEqual([200, decidedAt]);
      const open = await suggestions(w.coord, banca);
      expect([open.total, open.items.map((s) => s.id)]).toEqual([total - 1, expect.arrayContaining([ids.ludoteca])]);
      expect(open.items.map((s) => s.id)).not.toContain(ids.coro);
      expect((await suggestions(w.coord, { ...banca, status: 'dismissed' })).items.map((s) => [s.id, s.score])).toEqual([
        [ids.coro, decidedAt],
      ]);
      // an organization deleted: its pairs leave the open table with it
      await t.db.query(`DELETE FROM organizations WHERE id = $1`, [org['Ludoteca Giovinazzo']]);
      const left = await suggestions(w.coord, banca);
      expect([left.total, left.items.map((s) => s.id)]).toEqual([total - 2, expect.not.arrayContaining([ids.ludoteca])]);
      const [{ n }] = await t.db.query(
        `SELECT count(*)::int AS n FROM collaboration_open_suggestions WHERE $1 IN (organization_a, organization_b) OR $2 IN (organization_a, organization_b)`,
        [org['Ludoteca Giovinazzo'], org['Coro Giovinazzo']],
      );
      expect(n).toBe(0);
    });

    it('takes pairs out of the open list and its count, and back with the same ids, without writing their rows (migration 1764890000000)', async () => {
      const service = t.app.get(CollaborationsService);
      await service.recompute(w.bari.id, null);
      const rows = async () =>
        (await t.db.query(`SELECT id, xmin::text AS x FROM collaboration_suggestions WHERE tenant_id = $1 ORDER BY id`, [w.bari.id])).map(
          (r: { id: string; x: string }) => `${r.id}:${r.x}`,
        );
      const before = await rows();
      const listed = await suggestions(w.coord, {});
      expect(listed.total).toBeGreaterThan(0);
      const save = async (minScore: number) => {
        const current = (await t.http.get('/api/collaborations/weights').set(w.coord.auth)).body;
        const saved = await t.http.put('/api/collaborations/weights').set(w.coord.auth).send({
          weights: current.weights,
          halfLifeMonths: current.halfLifeMonths,
          maxHops: current.maxHops,
          minScore,
          version: current.version,
        });
        expect(saved.status).toBe(200);
        await service.settled(w.bari.id);
        return current.minScore as number;
      };
      const minScore = await save(100); // no pair scores 100 here: every pair leaves the open list
      const none = await suggestions(w.coord, {});
      expect([none.total, none.items]).toEqual([0, []]);
      expect(await rows()).toEqual(before);
      await save(minScore);
      const back = await suggestions(w.coord, {});
      expect(back.total).toBe(listed.total);
      expect(back.items.map((s) => s.id).sort()).toEqual(listed.items.map((s) => s.id).sort());
      expect(await rows()).toEqual(before);
    });
  });

  describe('the network read once per version (migration 1764880000000)', () => {
    it('recomputes a change of weights on the links read before, and reads them again once a link is written', async () => {
      const service = t.app.get(CollaborationsService);
      const repo = t.app.get(CollaborationsRepository);
      await organization(w.bari, 'Pro Loco Corato', '072020', 'aps', { offers: ['space'], themes: ['culture'] });
      await organization(w.bari, 'Teatro Corato', '072020', 'social_enterprise', { needs: ['space'], themes: ['culture'] });
      const reads = jest.spyOn(repo, 'tenantLinks');
      try {
        await service.recompute(w.bari.id, null);
        const id = await idOf(w.coord, 'Pro Loco Corato+Teatro Corato');
        const first = reads.mock.calls.length;
        await service.recompute(w.bari.id, null); // nothing written: the same network
        expect(reads.mock.calls.length).toBe(first);

        // the two start working together (a link written, as an approval's trigger writes it): read again,
        // and the pair is no longer suggested (already linked)
        const [a, b] = [org['Pro Loco Corato'], org['Teatro Corato']].sort();
        await t.db.query(
          `INSERT INTO collaboration_links (tenant_id, organization_a, organization_b, day, n) VALUES ($1, $2, $3, current_date, 1)`,
          [w.bari.id, a, b],
        );
        await service.recompute(w.bari.id, null);
        expect(reads.mock.calls.length).toBe(first + 1);
        expect((await suggestions(w.coord, { pageSize: 200 })).items.map((s) => s.id)).not.toContain(id);
      } finally {
        reads.mockRestore();
      }
    });
  });

  describe('a change of weights saved while a recompute runs', () => {
    it('is computed by the running job before it ends, whatever step it is at', async () => {
      const service = t.app.get(CollaborationsService);
      const repo = t.app.get(CollaborationsRepository);
      // each save lands in a different step of the running job: its model, its write, its VACUUM
      for (const during of ['storeSuggestions', 'vacuum'] as const) {
        const current = (await t.http.get('/api/collaborations/weights').set(w.coord.auth)).body;
        let save: Promise<unknown> | null = null;
        const original = repo[during].bind(repo) as (...args: unknown[]) => Promise<unknown>;
        const spied = repo as unknown as Record<typeof during, (...args: unknown[]) => Promise<unknown>>;
        const spy = jest.spyOn(spied, during).mockImplementation(async (...args: unknown[]) => {
          if (!save)
            save = t.http
              .put('/api/collaborations/weights')
              .set(w.coord.auth)
              .send({
                weights: { ...current.weights, kindRarity: (current.weights.kindRarity + 7) % 100 },
                halfLifeMonths: current.halfLifeMonths,
                maxHops: current.maxHops,
                minScore: current.minScore,
                version: current.version,
              })
              .then((res) => expect(res.status).toBe(200));
          await save;
          return original(...args);
        });
        try {
          service.kick(w.bari.id, null);
          await service.settled(w.bari.id);
          await save;
          await service.settled(w.bari.id);
        } finally {
          spy.mockRestore();
        }
        const status = (await t.http.get('/api/collaborations/status').set(w.coord.auth)).body;
        expect(status).toMatchObject({ state: 'idle', weightsVersion: current.version + 1, computedVersion: current.version + 1 });
      }
    });
  });

  describe('a recompute whose model fails after the load of the open table began', () => {
    it('fails the COPY, rolls back, keeps the stored suggestions as they were and leaves the next recompute working', async () => {
      const service = t.app.get(CollaborationsService);
      await service.recompute(w.bari.id, null);
      const before = await openRows();
      expect(before.length).toBeGreaterThan(0);
      const real = openLines.streamLines;
      const spy = jest.spyOn(openLines, 'streamLines').mockImplementation((...args: Parameters<typeof real>) => {
        const sink = args[7];
        // the lines reach the COPY, then the model fails
        return real(...(args.slice(0, 7) as [never, never, never, never, never, never, never]), (chunk) => {
          sink(chunk);
          throw new Error('the model failed');
        });
      });
      try {
        await expect(service.recompute(w.bari.id, null)).rejects.toThrow('the model failed');
      } finally {
        spy.mockRestore();
      }
      const status = (await t.http.get('/api/collaborations/status').set(w.coord.auth)).body;
      expect(status.state).toBe('failed');
      expect(await openRows()).toEqual(before);
      // no connection left inside a COPY
      const copying = await t.db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'COPY collaboration_open_suggestions%' AND state <> 'idle'`,
      );
      expect(copying[0].n).toBe(0);
      await service.recompute(w.bari.id, null);
      expect((await t.http.get('/api/collaborations/status').set(w.coord.auth)).body.state).toBe('idle');
      expect(await openRows()).toEqual(before);
    });
  });

  describe('a recompute whose COPY PostgreSQL refuses while the model still runs', () => {
    it('answers the error, writes nothing, keeps the process and the pool working', async () => {
      const service = t.app.get(CollaborationsService);
      await service.recompute(w.bari.id, null);
      const before = await openRows();
      const real = openLines.streamLines;
      const spy = jest.spyOn(openLines, 'streamLines').mockImplementation(async (...args: Parameters<typeof real>) => {
        const sink = args[7];
        sink('not\ta line of the open table\n'); // PostgreSQL ends the COPY with an error
        await new Promise((resolve) => setTimeout(resolve, 300)); // its ErrorResponse arrives meanwhile
        return real(...args); // the model goes on writing its lines
      });
      try {
        await expect(service.recompute(w.bari.id, null)).rejects.toThrow(/uuid|missing data|invalid input/i);
      } finally {
        spy.mockRestore();
      }
      expect((await t.http.get('/api/collaborations/status').set(w.coord.auth)).body.state).toBe('failed');
      expect(await openRows()).toEqual(before);
      await service.recompute(w.bari.id, null);
      expect((await t.http.get('/api/collaborations/status').set(w.coord.auth)).body.state).toBe('idle');
      expect(await openRows()).toEqual(before);
    });
  });

  describe('rows stored before the short form of the reasons (migration 1764860000000)', () => {
    it('reads their jsonb reasons, keeps a pair dismissed then dismissed while its reasons stay, and rewrites them in the short form', async () => {
      const service = t.app.get(CollaborationsService);
      await service.recompute(w.bari.id, null);
      const id = await idOf(w.coord, 'Casa Anziani Corato+Volontari Corato'); // open again since the dismissal test
      const current = (await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.coord.auth)).body as {
        score: number;
        reasons: (Reason & { text: string })[];
      };
      const reasons: Reason[] = current.reasons.map(({ code, factor, contribution, params }) => ({ code, factor, contribution, params }));
      const [stored] = await t.db.query(`SELECT reasons_text, reasons_key FROM collaboration_suggestions WHERE id = $1`, [id]);
      expect(stored.reasons_text.length).toBeLessThan(JSON.stringify(reasons).length);
      // the key is the md5 PostgreSQL computes of the readable key, as the migration turned the old keys
      const [{ md5 }] = await t.db.query(`SELECT md5($1)`, [reasonsKey(reasons)]);
      expect(stored.reasons_key).toBe(md5);

      // as the migration leaves a pair dismissed before it: jsonb reasons, md5 keys
      await t.db.query(
        `UPDATE collaboration_suggestions SET reasons = $2::jsonb, reasons_text = NULL, status = 'dismissed', decided_at = now(),
                dismiss_reason = 'Già in contatto', dismissed_key = md5($3), score = $4
          WHERE id = $1`,
        [id, JSON.stringify(reasons), reasonsKey(reasons), current.score],
      );
      const legacy = await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.coord.auth);
      expect(legacy.status).toBe(200);
      expect(legacy.body).toMatchObject({ status: 'dismissed', score: current.score, reasons: current.reasons });

      await service.recompute(w.bari.id, null);
      const after = await t.http.get(`/api/collaborations/suggestions/${id}`).set(w.coord.auth);
      expect(after.body).toMatchObject({ status: 'dismissed', reasons: current.reasons });
      const [rewritten] = await t.db.query(`SELECT reasons, reasons_text FROM collaboration_suggestions WHERE id = $1`, [id]);
      expect(rewritten).toEqual({ reasons: null, reasons_text: encodeReasons(reasons) });
    });
  });

  describe('a decision taken while a recompute holds the open table (migration 1764890000001)', () => {
    it('does not wait for it, and its pair is out of the open list and its count once the recompute is done', async () => {
      const service = t.app.get(CollaborationsService);
      // an open pair innB may decide (Giovinazzo)
      await organization(w.bari, 'Banda Giovinazzo', '072022', 'aps', { offers: ['skills'], themes: ['culture'] });
      await organization(w.bari, 'Teatro Giovinazzo', '072022', 'odv', { needs: ['skills'], themes: ['culture'] });
      await service.recompute(w.bari.id, null);
      const id = await idOf(w.coord, 'Banda Giovinazzo+Teatro Giovinazzo');
      const mine = { id, organizations: [org['Banda Giovinazzo'], org['Teatro Giovinazzo']].sort() };
      const who = w.innB;
      // the recompute pauses inside its model, its DELETE of the open rows and its COPY under way
      let resume!: () => void;
      const paused = new Promise<void>((resolve) => (resume = resolve));
      let inModel!: () => void;
      const reached = new Promise<void>((resolve) => (inModel = resolve));
      const real = openLines.streamLines;
      const spy = jest.spyOn(openLines, 'streamLines').mockImplementation(async (...args: Parameters<typeof real>) => {
        inModel();
        await paused;
        return real(...args);
      });
      try {
        service.kick(w.bari.id, null);
        await reached;
        await new Promise((resolve) => setTimeout(resolve, 200)); // the DELETE reaches PostgreSQL
        const held = await t.db.query(
          `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
            WHERE c.relname = 'collaboration_open_suggestions' AND l.mode = 'RowExclusiveLock' AND l.granted`,
        );
        expect(held[0].n).toBeGreaterThan(0);
        // a dismissal answers while the recompute still runs (it waited for its commit before)
        const dismissed = await t.http
          .post(`/api/collaborations/suggestions/${mine.id}/dismiss`)
          .set(who.auth)
          .send({ reason: 'Già in rete' });
        expect(dismissed.status).toBe(200);
        expect((await t.http.get('/api/collaborations/status').set(w.coord.auth)).body.state).toBe('running');
      } finally {
        resume();
        spy.mockRestore();
      }
      await service.settled(w.bari.id);
      const after = await suggestions(w.coord, { pageSize: 200 });
      expect(after.items.map((s) => s.id)).not.toContain(mine.id);
      expect(after.total).toBe(after.items.length);
      const [row] = await t.db.query(
        `SELECT count(*)::int AS n FROM collaboration_open_suggestions WHERE organization_a = $1 AND organization_b = $2`,
        [mine.organizations[0], mine.organizations[1]],
      );
      expect(row.n).toBe(0);
    });
  });
});
