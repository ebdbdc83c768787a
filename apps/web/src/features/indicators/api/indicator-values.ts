import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { MAX_PAGE_SIZE } from '@trama/contracts';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { CreateValueRequest, IndicatorValueDto, IndicatorValuePage, UpdateValueRequest } from './types';

/** POST /api/indicators/<code>/values: a manual value (a draft, unless a coordinator's own entry is validated at once). */
export function createIndicatorValue(code: string, body: CreateValueRequest): Promise<IndicatorValueDto> {
  return unwrap(api.POST('/api/indicators/{code}/values', { params: { path: { code } }, body }));
}

/** The validation queue: drafts entered or imported, newest first (one page of the largest size). */
export function listDraftValues(page: number, signal?: AbortSignal): Promise<IndicatorValuePage> {
  return unwrap(
    api.GET('/api/indicators/values/entries', { params: { query: { status: 'draft', page, pageSize: MAX_PAGE_SIZE } }, signal }),
  );
}

export function validateIndicatorValue(id: string, version: number): Promise<IndicatorValueDto> {
  return unwrap(api.POST('/api/indicators/values/{id}/validate', { params: { path: { id } }, body: { version } }));
}

export function updateIndicatorValue(id: string, body: UpdateValueRequest): Promise<IndicatorValueDto> {
  return unwrap(api.PATCH('/api/indicators/values/{id}', { params: { path: { id } }, body }));
}

export function deleteIndicatorValue(id: string, version: number): Promise<void> {
  return unwrap(api.DELETE('/api/indicators/values/{id}', { params: { path: { id }, query: { version } } })) as Promise<void>;
}

export function useDraftValues(page: number) {
  return useQuery({
    queryKey: [...indicatorKeys.queue(), page],
    queryFn: ({ signal }) => listDraftValues(page, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every write of values changes the queue and every view computed from values. */
function useValuesChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: indicatorKeys.values() });
}

export function useCreateIndicatorValue() {
  const changed = useValuesChanged();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: CreateValueRequest }) => createIndicatorValue(code, body),
    onSuccess: changed,
  });
}

export function useValidateIndicatorValue() {
  const changed = useValuesChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => validateIndicatorValue(id, version),
    onSettled: changed,
  });
}

export function useUpdateIndicatorValue() {
  const changed = useValuesChanged();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateValueRequest }) => updateIndicatorValue(id, body),
    onSettled: changed,
  });
}

export function useDeleteIndicatorValue() {
  const changed = useValuesChanged();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => deleteIndicatorValue(id, version),
    onSettled: changed,
  });
}
