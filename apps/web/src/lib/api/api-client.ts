import type { LoginResponse } from '@trama/contracts';
import { errorFromResponse, networkError } from './api-error';

/**
 * The one way the web app talks to the API.
 * - The access token lives in this module's memory only (never in localStorage): a reload restores it
 *   from the httpOnly refresh cookie through POST /api/auth/refresh.
 * - A 401 on any call triggers one refresh (shared by concurrent callers) and one retry. When the
 *   refresh is refused the session is over: the `onExpired` handler sends the user to the login page.
 *   When the refresh cannot be attempted (offline), the error is reported and the session is kept.
 */

export type QueryValue = string | number | boolean | null | undefined | readonly string[];

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** false for the auth endpoints themselves: their 401 means "wrong credentials", not "expired token" */
  refreshOn401?: boolean;
}

export interface SessionHandlers {
  onRefreshed?: (response: LoginResponse) => void;
  onExpired?: () => void;
}

const API_BASE = '/api';
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

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.append(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw networkError(cause);
  }
}

async function doRefresh(): Promise<LoginResponse | null> {
  const response = await send(buildUrl('/auth/refresh'), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
  });
  if (response.status === 401 || response.status === 403) {
    accessToken = null;
    return null;
  }
  if (!response.ok) throw await errorFromResponse(response);
  const body = (await response.json()) as LoginResponse;
  accessToken = body.accessToken;
  handlers.onRefreshed?.(body);
  return body;
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

/** Sends a request to the API and returns its JSON body (undefined for 204). Throws ApiRequestError. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const attempt = (token: string | null) => {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    return send(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  };

  const usedToken = accessToken;
  let response = await attempt(usedToken);
  if (response.status === 401 && options.refreshOn401 !== false) {
    // Another call may have refreshed while this one was in flight: then just retry with the new token.
    const fresh = accessToken !== usedToken && accessToken !== null ? accessToken : ((await refreshSession())?.accessToken ?? null);
    if (!fresh) {
      handlers.onExpired?.();
      throw await errorFromResponse(response);
    }
    response = await attempt(fresh);
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
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
 * Downloads a file (an export) with the session's token, refreshing it once on a 401 like apiRequest.
 * A link cannot carry the bearer token, so files behind the login are fetched as blobs and saved by the caller.
 */
export async function apiDownload(path: string, options: Pick<RequestOptions, 'query' | 'signal'> = {}): Promise<DownloadedFile> {
  const url = buildUrl(path, options.query);
  const attempt = (token: string | null) =>
    send(url, {
      method: 'GET',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      credentials: 'same-origin',
      signal: options.signal,
    });
  const usedToken = accessToken;
  let response = await attempt(usedToken);
  if (response.status === 401) {
    const fresh = accessToken !== usedToken && accessToken !== null ? accessToken : ((await refreshSession())?.accessToken ?? null);
    if (!fresh) {
      handlers.onExpired?.();
      throw await errorFromResponse(response);
    }
    response = await attempt(fresh);
  }
  if (!response.ok) throw await errorFromResponse(response);
  return { blob: await response.blob(), filename: filenameOf(response.headers.get('Content-Disposition')) };
}
