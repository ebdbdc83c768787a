import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ResponseOf } from '@trama/api-client';
import { useState } from 'react';
import { api, unwrap } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';

export type TenantLogo = ResponseOf<'getTenantLogo'>;

export const tenantLogoKeys = {
  all: ['tenant-logo'] as const,
};

/** The API path of the logo's bytes (fetched with the session's token: lib/files/use-file-url.ts). */
export const tenantLogoPath = (fileId: string) => `/api/tenant-logo/${fileId}`;

/** GET /tenant-logo: the caller's tenant's logo, or null. It rarely changes: kept fresh for 10 minutes. */
export function useTenantLogo(enabled = true) {
  return useQuery({
    queryKey: tenantLogoKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET('/api/tenant-logo', { signal })),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** PUT /tenant-logo (multipart), with the upload's progress (0…1, null when idle). */
export function useSetTenantLogo() {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const mutation = useMutation({
    mutationFn: (file: File) => {
      setProgress(0);
      return uploadFile<TenantLogo>('/api/tenant-logo', file, { method: 'PUT', onProgress: setProgress });
    },
    onSuccess: (logo) => queryClient.setQueryData(tenantLogoKeys.all, logo),
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** DELETE /tenant-logo. */
export function useRemoveTenantLogo() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/tenant-logo')),
    onSuccess: () => queryClient.setQueryData<TenantLogo>(tenantLogoKeys.all, { logo: null }),
  });
}
