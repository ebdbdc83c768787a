import { randomUUID } from 'node:crypto';
import type { ActivityStatus } from '@trama/contracts';
import type { ActivityResponseDto } from '../modules/activities/dto/activity.response';
import type { CreateActivityDto } from '../modules/activities/dto/create-activity.dto';
import type { TestTenant, TestUser } from './factories';
import type { TestApp } from './test-app';

/** A signed-in user of the activity tests. */
export interface Actor extends TestUser {
  token: string;
  auth: { Authorization: string };
}

/**
 * The cast of the activity tests, in two tenants:
 * - Bari: `innA` (Bari, Molfetta), `innB` (Bari, Giovinazzo: shares Bari with innA), `innC` (Corato
 *   only: shares nothing with innA), a coordinator, `muniBari` (the Comune of Bari), `areaMolfetta`
 *   (the social area of Molfetta and Giovinazzo);
 * - Bologna: an innovator (Bologna) and a coordinator;
 * - a platform admin.
 */
export interface ActivityWorld {
  bari: TestTenant;
  bologna: TestTenant;
  innA: Actor;
  innB: Actor;
  innC: Actor;
  coord: Actor;
  muniBari: Actor;
  areaMolfetta: Actor;
  innBo: Actor;
  coordBo: Actor;
  admin: Actor;
}

export async function signIn(t: TestApp, user: TestUser): Promise<Actor> {
  const token = await t.factory.token(user);
  return { ...user, token, auth: { Authorization: `Bearer ${token}` } };
}

export async function activityWorld(t: TestApp): Promise<ActivityWorld> {
  const { bari, bologna } = await t.factory.twoTenants();
  const f = t.factory;
  const users = {
    innA: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072006', '072029'], fullName: 'Anna Innovatrice' }),
    innB: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072006', '072022'], fullName: 'Bruno Innovatore' }),
    innC: await f.user({ role: 'innovator', tenant: bari, municipalities: ['072020'], fullName: 'Carla Innovatrice' }),
    coord: await f.user({ role: 'coordinator', tenant: bari, fullName: 'Cosimo Coordinatore' }),
    muniBari: await f.user({ role: 'municipality', tenant: bari, scopeMunicipality: '072006', fullName: 'Ufficio Comune di Bari' }),
    areaMolfetta: await f.user({
      role: 'municipality',
      tenant: bari,
      scopeSocialArea: 'ATS_BA_MOLFETTA',
      fullName: 'Ufficio di Piano Molfetta',
    }),
    innBo: await f.user({ role: 'innovator', tenant: bologna, municipalities: ['037006'], fullName: 'Bianca Bolognese' }),
    coordBo: await f.user({ role: 'coordinator', tenant: bologna, fullName: 'Carlo Coordinatore BO' }),
    admin: await f.user({ role: 'admin', fullName: 'Ada Admin' }),
  };
  const entries = await Promise.all(Object.entries(users).map(async ([k, u]) => [k, await signIn(t, u)] as const));
  return { bari, bologna, ...(Object.fromEntries(entries) as Omit<ActivityWorld, 'bari' | 'bologna'>) };
}

let titleSequence = 0;

/** A valid creation body; override any field. */
export function activityBody(overrides: Partial<CreateActivityDto> = {}): CreateActivityDto {
  titleSequence += 1;
  return {
    clientId: randomUUID(),
    municipality: '072006',
    date: '2026-10-15',
    type: 'workshop',
    title: `Laboratorio di quartiere ${titleSequence}`,
    durationMinutes: 90,
    participants: { total: 25, citizens: 15, youth: 6 },
    description: 'Incontro con le associazioni del quartiere.',
    themes: ['youth', 'culture'],
    outcomes: 'Nuovo incontro a dicembre.',
    internalNotes: 'Nota riservata allo staff.',
    ...overrides,
  };
}

export async function createActivity(t: TestApp, author: Actor, overrides: Partial<CreateActivityDto> = {}): Promise<ActivityResponseDto> {
  const res = await t.http.post('/api/activities').set(author.auth).send(activityBody(overrides));
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ActivityResponseDto;
}

async function act(t: TestApp, who: Actor, id: string, action: string, body: object = {}): Promise<ActivityResponseDto> {
  const res = await t.http.post(`/api/activities/${id}/${action}`).set(who.auth).send(body);
  if (res.status !== 200) throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as ActivityResponseDto;
}

/** An activity of `author` brought to `status` through the API (draft → submitted → approved | returned). */
export async function activityIn(
  t: TestApp,
  status: ActivityStatus,
  author: Actor,
  reviewer: Actor,
  overrides: Partial<CreateActivityDto> = {},
): Promise<ActivityResponseDto> {
  const created = await createActivity(t, author, overrides);
  if (status === 'draft') return created;
  const submitted = await act(t, author, created.id, 'submit');
  if (status === 'submitted') return submitted;
  if (status === 'approved') return act(t, reviewer, created.id, 'approve');
  return act(t, reviewer, created.id, 'return', { comment: 'Aggiungi i partecipanti per gruppo' });
}

export async function countRows(
  t: TestApp,
  table: 'activities' | 'activity_organizations' | 'organizations' | 'audit_log' | 'initiative_organizations' | 'building_assignments',
): Promise<number> {
  const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${table}`);
  return n;
}

/** An organization straight in the database (the register's API is tested on its own). */
export async function organizationIn(t: TestApp, tenant: TestTenant, istat: string, name: string): Promise<string> {
  const [row] = await t.db.query(
    `INSERT INTO organizations (tenant_id, name, kind, municipality_id) VALUES ($1, $2, 'aps', $3) RETURNING id`,
    [tenant.id, name, tenant.municipalities[istat]],
  );
  return row.id;
}
