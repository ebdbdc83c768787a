import { randomUUID } from 'node:crypto';
import { activityWorld, type ActivityWorld } from '../../test/activity-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';

/**
 * Outcomes through initiatives (docs/collaborations.md, "Workflow and outcomes"): a suggested pair
 * becomes a new collaboration when both organizations are in an initiative that counts (planned,
 * running or completed) — whether they join a running one, or the initiative they were already in
 * as an `idea` moves on (migration 1764830000000). An idea alone, or a stopped one, does not count.
 */
describe('collaboration outcomes through initiatives', () => {
  let t: TestApp;
  let w: ActivityWorld;
  const org: Record<string, string> = {};

  async function organization(key: string, p: { offers?: string[]; needs?: string[]; themes: string[] }) {
    const [row] = await t.db.query(
      `INSERT INTO organizations (tenant_id, name, kind, municipality_id, offers, needs, themes)
       VALUES ($1, $2, 'aps', $3, $4, $5, $6) RETURNING id`,
      [w.bari.id, key, w.bari.municipalities['072029'], p.offers ?? [], p.needs ?? [], p.themes],
    );
    org[key] = row.id;
  }

  async function suggestionOf(a: string, b: string) {
    const res = await t.http.get('/api/collaborations/suggestions').set(w.coord.auth).query({ organization: org[a], pageSize: 100 });
    expect(res.status).toBe(200);
    const found = res.body.items.find((s: { organizations: { id: string }[] }) => s.organizations.some((o) => o.id === org[b]));
    if (!found) throw new Error(`no suggestion ${a}+${b}`);
    return found as { id: string; collaboratedAt: string | null };
  }

  async function initiative(lead: string, partner: string, status: string) {
    const res = await t.http
      .post('/api/initiatives')
      .set(w.innA.auth)
      .send({
        clientId: randomUUID(),
        title: `Insieme: ${lead} e ${partner}`,
        status,
        municipality: '072029',
        themes: ['culture'],
        leadOrganization: org[lead],
        partnerOrganizations: [org[partner]],
      });
    if (res.status !== 201) throw new Error(`initiative: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; version: number };
  }

  async function move(id: string, version: number, to: string) {
    const res = await t.http.post(`/api/initiatives/${id}/status`).set(w.innA.auth).send({ to, version });
    if (res.status !== 200) throw new Error(`status: ${res.status} ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    await organization('Teatro Aperto', { offers: ['space'], themes: ['culture'] });
    await organization('Compagnia Giovani', { needs: ['space'], themes: ['culture'] });
    await organization('Archivio Storico', { offers: ['skills'], themes: ['culture'] });
    await organization('Museo Diffuso', { needs: ['skills'], themes: ['culture'] });
  });
  afterAll(() => t.close());

  it('counts an initiative that was an idea once it is planned, not before', async () => {
    const before = await suggestionOf('Teatro Aperto', 'Compagnia Giovani');
    expect(before.collaboratedAt).toBeNull();

    const idea = await initiative('Teatro Aperto', 'Compagnia Giovani', 'idea');
    expect((await suggestionOf('Teatro Aperto', 'Compagnia Giovani')).collaboratedAt).toBeNull();

    await move(idea.id, idea.version, 'planned');
    expect((await suggestionOf('Teatro Aperto', 'Compagnia Giovani')).collaboratedAt).not.toBeNull();
    const [row] = await t.db.query(`SELECT collaboration_municipality_id FROM collaboration_suggestions WHERE id = $1`, [before.id]);
    expect(row.collaboration_municipality_id).toBe(w.bari.municipalities['072029']);
  });

  it('does not count an idea that is stopped', async () => {
    const idea = await initiative('Archivio Storico', 'Museo Diffuso', 'idea');
    const res = await t.http
      .post(`/api/initiatives/${idea.id}/status`)
      .set(w.innA.auth)
      .send({ to: 'stopped', version: idea.version, reason: 'Manca il finanziamento' });
    expect(res.status).toBe(200);
    expect((await suggestionOf('Archivio Storico', 'Museo Diffuso')).collaboratedAt).toBeNull();
  });
});
