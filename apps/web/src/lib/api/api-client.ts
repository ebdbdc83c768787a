import { createApiClient } from '@trama/api-client';
import { errorFromBody, networkError } from './api-error';
import type { LoginResponse } from './types';

/**
 * The one way the web app talks to the API: `api`, the client generated from the server's OpenAPI
 * document (typed paths, parameters, bodies and answers), over `sessionFetch`, which adds what the
 * document does not say:
 * - The access token lives in this module's memory only (never in localStorage): a reload restores it
 *   from the httpOnly refresh cookie through POST /api/auth/refresh.
 * - A 401 on any call triggers one refresh (shared by concurrent callers) and one retry. When the
 *   refresh is refused the session is over: the `onExpired` handler sends the user to the login page.
 *   When the refresh cannot be attempted (offline), the error is reported and the session is kept.
 * - A request that cannot reach the server rejects with an ApiRequestError `NETWORK_ERROR`.
 * Callers go through `unwrap` (the answer's body, or an ApiRequestError with the server's code and
 * field details) or `download` (a file).
 *
 * sessionFetch is openapi-fetch's `fetch` rather than a middleware because a retry needs the request
 * again: a Request's body can be read once, so the body is read here once and sent as text each time.
 */

export interface SessionHandlers {
  onRefreshed?: (response: LoginResponse) => void;
  onExpired?: () => void;
}

/** Their 401 means "wrong credentials" or "no session", not "expired token": never refreshed and retried. */
const NO_REFRESH = new Set(['/api/auth/login', '/api/auth/logout', '/api/auth/refresh']);

let accessToken: string | null = null;
let handlers: SessionHandlers = {};
let pendingRefresh: Promise<LoginResponse | null> | null = null;

export function setAccessToken(token: string | null): void {
  accessToken = token;
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function setSessionHandlers(next: SessionHandlers): void {
  handlers = next;
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

/** Query strings as the API reads them: empty values left out, arrays as repeated keys (`theme=a&theme=b`). */
export function serializeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query as Record<string, QueryValue>)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else params.append(key, String(value));
  }
  return params.toString();
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    // globalThis.fetch at call time (not captured at load), so tests and polyfills can replace it
    return await globalThis.fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

/** The request's target as sent: a path for the app's own origin (where the API lives), the full URL otherwise. */
function targetOf(request: Request): { target: string; path: string } {
  const url = new URL(request.url);
  const sameOrigin = typeof location !== 'undefined' && url.origin === location.origin;
  return { target: sameOrigin ? `${url.pathname}${url.search}` : url.href, path: url.pathname };
}

/** openapi-fetch's transport: the session's token, one refresh and one retry on a 401, network failures as ApiRequestError. */
export async function sessionFetch(request: Request): Promise<Response> {
  const { target, path } = targetOf(request);
  const body = request.body === null ? undefined : await request.text();
  const attempt = (token: string | null) => {
    const headers: Record<string, string> = Object.fromEntries(request.headers.entries());
    if (token) headers.Authorization = `Bearer ${token}`;
    return send(target, { method: request.method, headers, body, credentials: 'same-origin', signal: request.signal });
  };

  const usedToken = accessToken;
  const response = await attempt(usedToken);
  if (response.status !== 401 || NO_REFRESH.has(path)) return response;
  // Another call may have refreshed while this one was in flight: then just retry with the new token.
  const fresh = accessToken !== usedToken && accessToken !== null ? accessToken : ((await refreshSession())?.accessToken ?? null);
  if (!fresh) {
    handlers.onExpired?.();
    return response;
  }
  return attempt(fresh);
}

/** The generated client over the session's transport. Paths are the document's (`/api/activities/{id}`). */
export const api = createApiClient({
  // absolute, because Request needs one outside a browser (tests); sessionFetch sends same-origin calls as paths
  baseUrl: typeof location !== 'undefined' ? location.origin : 'http://localhost',
  fetch: sessionFetch,
  querySerializer: serializeQuery,
  headers: { Accept: 'application/json' },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful answer (undefined for 204); any other answer rejects with an ApiRequestError. */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFromBody(response, error);
  return data as T;
}

async function doRefresh(): Promise<LoginResponse | null> {
  const { data, error, response } = await api.POST('/api/auth/refresh');
  if (response.status === 401 || response.status === 403) {
    accessToken = null;
    return null;
  }
  if (!response.ok || !data) throw errorFromBody(response, error);
  accessToken = data.accessToken;
  handlers.onRefreshed?.(data);
  return data;
}

/** Exchanges the refresh cookie for a new access token. Concurrent callers share one request (the cookie rotates). */
export function refreshSession(): Promise<LoginResponse | null> {
  if (!pendingRefresh) {
    pendingRefresh = doRefresh().finally(() => {
      pendingRefresh = null;
    });
  }
  return pendingRefresh;
}

export interface DownloadedFile {
  blob: Blob;
  /** from Content-Disposition, when the server names the file */
  filename: string | null;
}

function filenameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : null;
}

/**
 * A file answer (an export), called with `parseAs: 'blob'`: the session's token and refresh apply as to
 * any call (a link cannot carry the bearer token, so files behind the login are fetched as blobs and
 * saved by the caller).
 */
export async function download(call: Promise<Answer<Blob>>): Promise<DownloadedFile> {
  const { response } = await call;
  const blob = await unwrap(call);
  return { blob, filename: filenameOf(response.headers.get('Content-Disposition')) };
}
