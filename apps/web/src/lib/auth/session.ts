import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { LoginResponse, SessionUser } from '../api/types';
import { refreshSession, setAccessToken, setSessionHandlers } from '../api/api-client';
import { offlineSessionUser, rememberSessionUser } from './offline-session';

/**
 * The signed-in user is server state like any other: one react-query entry, filled on app load by a
 * refresh (the httpOnly cookie survives reloads), by the login mutation, and emptied on sign-out or
 * when the server refuses to refresh.
 */
export const sessionKey = ['session'] as const;

export const sessionQueryOptions = queryOptions({
  queryKey: sessionKey,
  queryFn: async (): Promise<SessionUser | null> => {
    try {
      const user = (await refreshSession())?.user ?? null;
      rememberSessionUser(user);
      return user;
    } catch (error) {
      // offline: the last user of this browser, so the installed app opens in the field (offline-session.ts)
      const offline = offlineSessionUser(error);
      if (offline) return offline;
      throw error;
    }
  },
  staleTime: Infinity,
  gcTime: Infinity,
  retry: false,
  refetchOnWindowFocus: false,
  refetchOnReconnect: false,
});

export function useSession() {
  return useQuery(sessionQueryOptions);
}

/** For components under the authenticated layout, where the user is known to be present. */
export function useSessionUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useSessionUser() used outside the authenticated layout');
  return data;
}

/** Why the last session ended, for the login page to say so (kept until the next sign-in). */
export type SignOutReason = 'signedOut' | 'expired' | 'passwordChanged' | 'passwordReset';
let signOutReason: SignOutReason | null = null;

export function getSignOutReason(): SignOutReason | null {
  return signOutReason;
}

/** Records a successful login or refresh. */
export function startSession(queryClient: QueryClient, response: LoginResponse): void {
  signOutReason = null;
  setAccessToken(response.accessToken);
  rememberSessionUser(response.user);
  queryClient.setQueryData(sessionKey, response.user);
}

/** Forgets the token and every cached answer of the previous user; the authenticated layout then shows the login page. */
export function endSession(queryClient: QueryClient, reason: SignOutReason = 'signedOut'): void {
  signOutReason = reason;
  setAccessToken(null);
  if (reason !== 'expired') rememberSessionUser(null);
  queryClient.cancelQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] }).catch(() => undefined);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKey[0] });
  queryClient.setQueryData(sessionKey, null);
}

/** Connects the API client's session events to the query cache. Returns a disconnect function. */
export function connectSession(queryClient: QueryClient): () => void {
  setSessionHandlers({
    onRefreshed: (response) => queryClient.setQueryData(sessionKey, response.user),
    onExpired: () => endSession(queryClient, 'expired'),
  });
  return () => setSessionHandlers({});
}
