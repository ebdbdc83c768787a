import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { errorFromBody } from '../api/api-error';
import { sessionFetch } from '../api/api-client';

/** Query keys of files fetched as blobs: one per URL (a file's bytes never change under its id). */
export const fileKeys = {
  all: ['files'] as const,
  blob: (path: string) => [...fileKeys.all, path] as const,
};

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
  const [url, setUrl] = useState<string | null>(null);
  const blob = query.data;
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return undefined;
    }
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return { url, isError: query.isError };
}
