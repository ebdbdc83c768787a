import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { errorFromBody } from '../api/api-error';
import { sessionFetch } from '../api/api-client';

/** Query keys of files fetched as blobs: one per URL (a file's bytes never change under its id). */
export const fileKeys = {
  all: ['files'] as const,
  blob: (path: string) => [...fileKeys.all, path] as const,
};

/** One object URL per blob, shared by every component that shows it, revoked when none has shown it for a second. */
const objectUrls = new WeakMap<Blob, string>();
const users = new Map<string, number>();

function objectUrlOf(blob: Blob): string {
  let url = objectUrls.get(blob);
  if (!url) {
    url = URL.createObjectURL(blob);
    objectUrls.set(blob, url);
  }
  return url;
}

function release(blob: Blob, url: string): void {
  users.set(url, (users.get(url) ?? 1) - 1);
  // later, not now: a remount (React's StrictMode, a list re-ordered) takes it again first
  setTimeout(() => {
    if ((users.get(url) ?? 0) > 0) return;
    users.delete(url);
    objectUrls.delete(blob);
    URL.revokeObjectURL(url);
  }, 1000);
}

/** GET a file the API serves, through the session's transport (token, one refresh on a 401). */
export async function fetchFile(path: string, signal?: AbortSignal): Promise<Blob> {
  const base = typeof location !== 'undefined' ? location.origin : 'http://localhost';
  const response = await sessionFetch(new Request(new URL(path, base), { headers: { Accept: '*/*' }, signal }));
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw errorFromBody(response, body);
  }
  return response.blob();
}

/**
 * The bytes at an API path that serves a file (an attachment, a thumbnail, the logo), fetched with
 * the session's token, as an object URL for `<img src>` or a link; revoked when no longer shown.
 * The access token is never a cookie nor in a URL, so an `<img>` cannot fetch the file itself.
 */
export function useFileUrl(path: string | null): { url: string | null; isError: boolean } {
  const query = useQuery({
    queryKey: fileKeys.blob(path ?? ''),
    enabled: path !== null,
    staleTime: Infinity,
    gcTime: 5 * 60_000,
    queryFn: ({ signal }) => fetchFile(path as string, signal),
  });
  const blob = query.data;
  const url = blob ? objectUrlOf(blob) : null;
  useEffect(() => {
    if (!blob || !url) return undefined;
    users.set(url, (users.get(url) ?? 0) + 1);
    return () => release(blob, url);
  }, [blob, url]);
  return { url, isError: query.isError };
}
