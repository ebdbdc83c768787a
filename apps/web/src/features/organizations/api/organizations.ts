import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegisterExportFormat } from '@trama/contracts';
import { useTranslation } from 'react-i18next';
import { api, download, unwrap } from '../../../lib/api/api-client';
import { uploadFile } from '../../../lib/files/upload-file';
import { DEFAULT_LANGUAGE, isLanguage } from '../../../lib/i18n/i18n';
import { organizationKeys } from './organization-keys';
import type {
  CreateOrganizationRequest,
  DuplicatesAnswer,
  ImportReport,
  OrganizationDto,
  OrganizationListQuery,
  UpdateOrganizationRequest,
} from './types';

/* One file for the register's operations beyond the picker's search and inline create. */

export const LIST_PAGE_SIZE = 25;

export function listOrganizations(query: OrganizationListQuery, signal?: AbortSignal) {
  return unwrap(api.GET('/api/organizations', { params: { query }, signal }));
}

export function useOrganizations(query: OrganizationListQuery) {
  return useQuery({
    queryKey: organizationKeys.list(query),
    queryFn: ({ signal }) => listOrganizations(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function useStaleOrganizations(query: { page?: number; months?: number }) {
  return useQuery({
    queryKey: organizationKeys.stale(query),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/organizations/stale', { params: { query: { ...query, pageSize: LIST_PAGE_SIZE } }, signal })),
  });
}

export const organizationQueryOptions = (id: string) =>
  queryOptions({
    queryKey: organizationKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/organizations/{id}', { params: { path: { id } }, signal })),
  });

export function useOrganization(id: string) {
  return useQuery(organizationQueryOptions(id));
}

export function useOrganizationHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: organizationKeys.history(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/organizations/{id}/history', { params: { path: { id } }, signal })),
    enabled,
  });
}

/** The activities linked to an organization (the activities API's own filter), newest first. */
export function useLinkedActivities(id: string) {
  return useQuery({
    queryKey: organizationKeys.activities(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/activities', { params: { query: { organization: id, pageSize: 20 } }, signal })),
  });
}

export function findDuplicates(body: {
  name: string;
  municipality: string;
  taxCode?: string | null;
  exclude?: string;
}): Promise<DuplicatesAnswer> {
  return unwrap(api.POST('/api/organizations/duplicates', { body }));
}

function useInvalidate() {
  const queryClient = useQueryClient();
  return (organization?: OrganizationDto) => {
    void queryClient.invalidateQueries({ queryKey: organizationKeys.all });
    if (organization) queryClient.setQueryData(organizationKeys.detail(organization.id), organization);
  };
}

export function useSaveOrganization() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (request: { id?: string; body: CreateOrganizationRequest | UpdateOrganizationRequest }) =>
      request.id
        ? unwrap(
            api.PATCH('/api/organizations/{id}', { params: { path: { id: request.id } }, body: request.body as UpdateOrganizationRequest }),
          )
        : unwrap(api.POST('/api/organizations', { body: request.body as CreateOrganizationRequest })),
    onSuccess: invalidate,
  });
}

export function useVerifyOrganization(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (version: number) => unwrap(api.POST('/api/organizations/{id}/verify', { params: { path: { id } }, body: { version } })),
    onSuccess: invalidate,
  });
}

export function useMergeOrganization(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { duplicate: string; version: number; duplicateVersion: number }) =>
      unwrap(api.POST('/api/organizations/{id}/merge', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

const EXTENSIONS: Record<RegisterExportFormat, string> = { csv: 'csv', 'csv-it': 'csv', xlsx: 'xlsx', geojson: 'geojson' };

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** GET /organizations/export with the list's filters, in the interface's language. */
export function useExportOrganizations() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async (query: OrganizationListQuery & { format: RegisterExportFormat }) => {
      const { page: _page, pageSize: _size, ...filters } = query;
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/organizations/export', { params: { query: { ...filters, lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveBlob(file.blob, file.filename ?? `organizzazioni.${EXTENSIONS[query.format]}`);
      return file;
    },
  });
}

/** The import template in the interface's language. */
export function useDownloadTemplate() {
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: async () => {
      const lang = isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
      const file = await download(
        api.GET('/api/organizations/import/template', { params: { query: { lang } }, parseAs: 'blob', headers: { Accept: '*/*' } }),
      );
      saveBlob(file.blob, file.filename ?? 'modello-organizzazioni.csv');
      return file;
    },
  });
}

export function useImportOrganizations() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ file, dryRun }: { file: File; dryRun: boolean }) =>
      uploadFile<ImportReport>(`/api/organizations/import${dryRun ? '?dryRun=true' : ''}`, file),
    onSuccess: (report) => {
      if (report.applied) invalidate();
    },
  });
}
