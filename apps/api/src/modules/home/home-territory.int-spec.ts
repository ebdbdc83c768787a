import { randomUUID } from 'node:crypto';
import {
  INITIATIVE_STATUSES,
  type InitiativeStatus,
  ORGANIZATION_KINDS,
  type OrganizationKind,
  REUSE_STAGES,
  type ReuseStage,
} from '@trama/contracts';
import { type Actor, type ActivityWorld, activityWorld, signIn } from '../../test/activity-fixtures';
import { buildingBody } from '../../test/building-fixtures';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { CoordinatorHomeResponse, MunicipalityHomeResponse } from './dto/home.response';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Buildings: municipality, stage, and for assigned ones the end of the assignment (days from today). */
const BUILDINGS = {
  'B.Bari.mapped': { municipality: '072006', stage: 'mapped' },
  'B.Bari.assessed': { municipality: '072006', stage: 'assessed' },
  'B.Bari.ending': { municipality: '072006', stage: 'assigned', ends: 60 },
  'B.Bari.later': { municipality: '072006', stage: 'assigned', ends: 400 },
  'B.Molfetta.mapped': { municipality: '072029', stage: 'mapped' },
  'B.Molfetta.overdue': { municipality: '072029', stage: 'assigned', ends: -10 },
  'B.Giovinazzo.planned': { municipality: '072022', stage: 'planned' },
  'B.Bologna.mapped': { municipality: '037006', stage: 'mapped' },
} satisfies Record<string, { municipality: string; stage: ReuseStage; ends?: number }>;
type BuildingFixture = keyof typeof BUILDINGS;

const ORGANIZATIONS = {
  'O.Bari.odv': { municipality: '072006', kind: 'odv', name: 'Voci del quartiere Libertà' },
  'O.Molfetta.aps': { municipality: '072029', kind: 'aps', name: 'Circolo culturale Il Faro' },
  'O.Molfetta.coop': { municipality: '072029', kind: 'social_enterprise', name: 'Cooperativa Terre di Ponente' },
  'O.Giovinazzo.odv': { municipality: '072022', kind: 'odv', name: 'Misericordia Giovinazzo Soccorso' },
  'O.Bologna.aps': { municipality: '037006', kind: 'aps', name: 'Officina Emiliana' },
} satisfies Record<string, { municipality: string; kind: OrganizationKind; name: string }>;

const INITIATIVES = {
  'I.Bari': { municipality: '072006', others: [] as string[], status: 'idea', title: 'Orti sul tetto' },
  'I.Molfetta': { municipality: '072029', others: [], status: 'planned', title: 'Porto solidale' },
  'I.BariMolfetta': { municipality: '072006', others: ['072029'], status: 'idea', title: 'Biblioteche di comunità' },
  'I.Giovinazzo': { municipality: '072022', others: [], status: 'planned', title: 'Spiaggia per tutti' },
  'I.Bologna': { municipality: '037006', others: [], status: 'idea', title: 'Portici aperti' },
} satisfies Record<string, { municipality: string; others: string[]; status: InitiativeStatus; title: string }>;

type Viewer = 'muniMolfetta' | 'muniBari' | 'areaMolfetta' | 'muniBologna';

/** What each municipality user's territory holds: Molfetta; Bari; the social area of Molfetta and Giovinazzo; Bologna (the other tenant). */
const TERRITORY: Record<Viewer, string[]> = {
  muniMolfetta: ['072029'],
  muniBari: ['072006'],
  areaMolfetta: ['072029', '072022'],
  muniBologna: ['037006'],
};

const inTerritory = (viewer: Viewer, f: { municipality: string; others?: string[] }) =>
  [f.municipality, ...(f.others ?? [])].some((m) => TERRITORY[viewer].includes(m));

describe('"Il mio territorio": the registers and the expiring assignments of the municipality home', () => {
  let t: TestApp;
  let w: ActivityWorld;
  let viewers: Record<Viewer, Actor>;
  const buildingIds = {} as Record<BuildingFixture, string>;

  const get = async <T>(who: Actor, path: string): Promise<T> => {
    const res = await t.http.get(path).set(who.auth);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as T;
  };
  const listTotal = async (who: Actor, path: string) => (await get<{ total: number }>(who, path)).total;

  beforeAll(async () => {
    t = await createTestApp();
    w = await activityWorld(t);
    const f = t.factory;
    viewers = {
      muniMolfetta: await signIn(
        t,
        await f.user({ role: 'municipality', tenant: w.bari, scopeMunicipality: '072029', fullName: 'Ufficio Comune di Molfetta' }),
      ),
      muniBari: w.muniBari,
      areaMolfetta: w.areaMolfetta,
      muniBologna: await signIn(
        t,
        await f.user({ role: 'municipality', tenant: w.bologna, scopeMunicipality: '037006', fullName: 'Comune di Bologna' }),
      ),
    };
    const post = async (who: Actor, path: string, body: Record<string, unknown>) => {
      const res = await t.http.post(path).set(who.auth).send(body);
      if (res.status !== 201 && res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string; version: number };
    };
    const creator = (municipality: string) => (municipality.startsWith('037') ? w.coordBo : w.coord);

    const orgIds: Record<string, string> = {};
    for (const [name, o] of Object.entries(ORGANIZATIONS)) {
      orgIds[name] = (
        await post(creator(o.municipality), '/api/organizations', { name: o.name, kind: o.kind, municipality: o.municipality })
      ).id;
    }
    for (const [name, i] of Object.entries(INITIATIVES)) {
      await post(creator(i.municipality), '/api/initiatives', {
        clientId: randomUUID(),
        title: i.title,
        status: i.status,
        municipality: i.municipality,
        municipalities: i.others,
      });
      void name;
    }
    const path: Record<ReuseStage, ReuseStage[]> = {
      mapped: [],
      assessed: ['assessed'],
      planned: ['assessed', 'planned'],
      assigned: ['assessed', 'planned', 'assigned'],
      active: ['assessed', 'planned', 'assigned', 'active'],
      discarded: ['discarded'],
    };
    for (const [name, b] of Object.entries(BUILDINGS) as [BuildingFixture, (typeof BUILDINGS)[BuildingFixture]][]) {
      const who = creator(b.municipality);
      let building = await post(who, '/api/buildings', buildingBody({ municipality: b.municipality, name }));
      for (const to of path[b.stage]) {
        const ends = 'ends' in b ? b.ends : 90;
        building = await post(who, `/api/buildings/${building.id}/stage`, {
          to,
          version: building.version,
          assignment: { organization: orgIds['O.Bari.odv'], instrument: 'free_loan', startDate: day(-500), endDate: day(ends) },
        });
      }
      buildingIds[name] = building.id;
    }
  });
  afterAll(() => t.close());

  const VIEWERS: Viewer[] = ['muniMolfetta', 'muniBari', 'areaMolfetta', 'muniBologna'];

  it.each(VIEWERS)('%s counts only their territory’s records, per stage, kind and status', async (viewer) => {
    const who = viewers[viewer];
    const home = await get<MunicipalityHomeResponse>(who, '/api/home/municipality');
    const buildings = Object.values(BUILDINGS).filter((b) => inTerritory(viewer, b));
    const organizations = Object.values(ORGANIZATIONS).filter((o) => inTerritory(viewer, o));
    const initiatives = Object.values(INITIATIVES).filter((i) => inTerritory(viewer, i));
    const tally = <K extends string>(keys: readonly K[], values: K[]) =>
      Object.fromEntries(keys.map((k) => [k, values.filter((v) => v === k).length])) as Record<K, number>;
    expect(home.registers).toEqual({
      buildings: {
        total: buildings.length,
        byStage: tally(
          REUSE_STAGES,
          buildings.map((b) => b.stage),
        ),
      },
      organizations: {
        total: organizations.length,
        byKind: tally(
          ORGANIZATION_KINDS,
          organizations.map((o) => o.kind),
        ),
      },
      initiatives: {
        total: initiatives.length,
        byStatus: tally(
          INITIATIVE_STATUSES,
          initiatives.map((i) => i.status),
        ),
      },
    });
  });

  it.each(VIEWERS)('%s: every count equals the register list’s total with the same filter', async (viewer) => {
    const who = viewers[viewer];
    const { registers } = await get<MunicipalityHomeResponse>(who, '/api/home/municipality');
    expect(registers.buildings.total).toBe(await listTotal(who, '/api/buildings?pageSize=1'));
    expect(registers.organizations.total).toBe(await listTotal(who, '/api/organizations?pageSize=1'));
    expect(registers.initiatives.total).toBe(await listTotal(who, '/api/initiatives?pageSize=1'));
    for (const stage of REUSE_STAGES) {
      expect([stage, registers.buildings.byStage[stage]]).toEqual([
        stage,
        await listTotal(who, `/api/buildings?pageSize=1&stage=${stage}`),
      ]);
    }
    for (const kind of ORGANIZATION_KINDS) {
      expect([kind, registers.organizations.byKind[kind]]).toEqual([
        kind,
        await listTotal(who, `/api/organizations?pageSize=1&kind=${kind}`),
      ]);
    }
    for (const status of INITIATIVE_STATUSES) {
      expect([status, registers.initiatives.byStatus[status]]).toEqual([
        status,
        await listTotal(who, `/api/initiatives?pageSize=1&status=${status}`),
      ]);
    }
  });

  it('lists the territory’s assignments ending within 6 months and the overdue ones, as the buildings’ expiry list does', async () => {
    const expected: Record<Viewer, BuildingFixture[]> = {
      muniMolfetta: ['B.Molfetta.overdue'],
      muniBari: ['B.Bari.ending'],
      areaMolfetta: ['B.Molfetta.overdue'],
      muniBologna: [],
    };
    for (const viewer of VIEWERS) {
      const who = viewers[viewer];
      const { expiringAssignments: e } = await get<MunicipalityHomeResponse>(who, '/api/home/municipality');
      expect([viewer, e.items.map((i) => i.id)]).toEqual([viewer, expected[viewer].map((b) => buildingIds[b])]);
      expect(e.months).toBe(6);
      expect(e.total).toBe(expected[viewer].length);
      expect(e.overdue).toBe(expected[viewer].filter((b) => b.endsWith('overdue')).length);
      const list = await get<{ items: { id: string }[] }>(who, '/api/buildings/expiring');
      expect(e.items.map((i) => i.id)).toEqual(list.items.map((i) => i.id));
    }
    const molfetta = (await get<MunicipalityHomeResponse>(viewers.muniMolfetta, '/api/home/municipality')).expiringAssignments.items[0];
    expect(molfetta).toMatchObject({
      name: 'B.Molfetta.overdue',
      overdue: true,
      municipality: { istatCode: '072029' },
      assignment: { instrument: 'free_loan', endDate: day(-10) },
    });
    expect(molfetta.daysLeft).toBeLessThan(0);
  });

  it('keeps the approved activities of the period beside the registers', async () => {
    const home = await get<MunicipalityHomeResponse>(viewers.muniMolfetta, '/api/home/municipality');
    expect(home).toMatchObject({ approved: { total: 0, capped: false }, latest: [], points: [] });
  });

  it('gives the coordinator the expiring assignments as an "expiring" group of their tenant, overdue first', async () => {
    const home = await get<CoordinatorHomeResponse>(w.coord, '/api/home/coordinator');
    expect(home.expiring.map((g) => g.kind)).toEqual(['returned_not_resubmitted', 'assignment_ending']);
    const group = home.expiring[1];
    expect(group).toMatchObject({ total: 2, capped: false, items: [] });
    expect(group.assignments.map((a) => a.id)).toEqual([buildingIds['B.Molfetta.overdue'], buildingIds['B.Bari.ending']]);
    expect(home.expiring[0].assignments).toEqual([]);
    const other = await get<CoordinatorHomeResponse>(w.coordBo, '/api/home/coordinator');
    expect(other.expiring[1]).toMatchObject({ kind: 'assignment_ending', total: 0, assignments: [] });
  });

  it('is the municipality users’ page only', async () => {
    await t.http.get('/api/home/municipality').set(w.coord.auth).expect(403);
    await t.http.get('/api/home/municipality').set(w.innA.auth).expect(403);
  });
});
