import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { indicatorKeys } from './indicator-keys';
import type { CreateIndicatorRequest, IndicatorDefinitionDto, PutTargetsRequest, UpdateIndicatorRequest } from './types';

export function createIndicator(body: CreateIndicatorRequest): Promise<IndicatorDefinitionDto> {
  return unwrap(api.POST('/api/indicators', { body }));
}

export function updateIndicator(code: string, body: UpdateIndicatorRequest): Promise<IndicatorDefinitionDto> {
  return unwrap(api.PATCH('/api/indicators/{code}', { params: { path: { code } }, body }));
}

export function putIndicatorTargets(code: string, body: PutTargetsRequest): Promise<IndicatorDefinitionDto> {
  return unwrap(api.PUT('/api/indicators/{code}/targets', { params: { path: { code } }, body }));
}

export interface SaveIndicatorInput {
  /** absent: a new definition */
  code?: string;
  definition: CreateIndicatorRequest | UpdateIndicatorRequest;
  /** null: the targets did not change */
  targets: PutTargetsRequest['targets'] | null;
}

/**
 * Saves a definition and then, when they changed, its targets (the whole list, with the version the
 * definition's save returned). A failure of the second step leaves the definition saved: the form
 * stays open with the targets to retry.
 */
export async function saveIndicator({ code, definition, targets }: SaveIndicatorInput): Promise<IndicatorDefinitionDto> {
  const saved = code
    ? await updateIndicator(code, definition as UpdateIndicatorRequest)
    : await createIndicator(definition as CreateIndicatorRequest);
  if (targets === null) return saved;
  return putIndicatorTargets(saved.code, { version: saved.version, targets });
}

export function useSaveIndicator() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveIndicator,
    onSettled: () =>
      // targets and per-capita flags change what every view computes
      Promise.all([
        queryClient.invalidateQueries({ queryKey: indicatorKeys.definitions() }),
        queryClient.invalidateQueries({ queryKey: indicatorKeys.values() }),
      ]),
  });
}
