import { BASE_URL, DEMO_PASSWORD } from './browser';

/** The endpoint scripts/test.mjs opens to stop and start the app under test (same port, same database). */
const CONTROL = process.env.E2E_APP_CONTROL;

async function control(action: 'stop' | 'start'): Promise<void> {
  if (!CONTROL) throw new Error('E2E_APP_CONTROL is not set: run the journeys through `npm test -- e2e`');
  const res = await fetch(`${CONTROL}/app/${action}`, { method: 'POST' });
  if (res.status !== 204) throw new Error(`app ${action}: ${res.status} ${await res.text()}`);
}

/** Kills the API process (SIGKILL, as a crash); resolves when it is gone. */
export const stopApp = () => control('stop');
/** Starts the API again on the same port and database; resolves when it answers its health check. */
export const startApp = () => control('start');

export interface ApiUser {
  id: string;
  headers: Record<string, string>;
}

/** Signs in through the API (what a test checks on the server is read this way, not through the page). */
export async function apiLogin(email: string, password = DEMO_PASSWORD): Promise<ApiUser> {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200 && login.status !== 201) throw new Error(`login ${email}: ${login.status}`);
  const body = (await login.json()) as { accessToken: string; user: { id: string } };
  return { id: body.user.id, headers: { 'content-type': 'application/json', authorization: `Bearer ${body.accessToken}` } };
}

/** GET (or another method) on the API as `user`; throws unless the answer is 2xx. */
export async function api<T>(user: ApiUser, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${BASE_URL}${path}`, {
    method: init.method ?? 'GET',
    headers: user.headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}
