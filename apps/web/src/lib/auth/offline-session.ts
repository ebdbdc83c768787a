import type { SessionUser } from '../api/types';
import { isApiRequestError, NETWORK_ERROR } from '../api/api-error';

/**
 * Field mode (docs/field-mode.md): the app opens without network. On load the session is a refresh
 * request; offline it cannot reach the server, so the last user who signed in on this browser is
 * remembered here (name, role, tenant, municipalities: what the shell shows, no token) and the shell
 * opens for them with what the device holds (the reference data, the outbox). Access is still
 * decided by the server: without a token every API call is refused until a refresh succeeds.
 * Forgotten on sign-out.
 */
const KEY = 'trama.offline-session';

export function rememberSessionUser(user: SessionUser | null): void {
  try {
    if (user) localStorage.setItem(KEY, JSON.stringify(user));
    else localStorage.removeItem(KEY);
  } catch {
    // storage refused (private mode, quota): the app then needs the network to open
  }
}

/** The remembered user when `error` says the server could not be reached, else null. */
export function offlineSessionUser(error: unknown): SessionUser | null {
  if (!isApiRequestError(error) || error.code !== NETWORK_ERROR) return null;
  try {
    const text = localStorage.getItem(KEY);
    return text ? (JSON.parse(text) as SessionUser) : null;
  } catch {
    return null;
  }
}
