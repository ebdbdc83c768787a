import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { initiativeKeys } from './initiative-keys';
import type { ChangeInitiativeStatusRequest, CreateInitiativeRequest, InitiativeDto, UpdateInitiativeRequest } from './types';

/** Creates an initiative; the body's `clientId` makes it idempotent (a retry returns the same one). */
export function createInitiative(body: CreateInitiativeRequest): Promise<InitiativeDto> {
  return unwrap(api.POST('/api/initiatives', { body }));
}

export function updateInitiative(id: string, body: UpdateInitiativeRequest): Promise<InitiativeDto> {
  return unwrap(api.PATCH('/api/initiatives/{id}', { params: { path: { id } }, body }));
}

export function changeInitiativeStatus(id: string, body: ChangeInitiativeStatusRequest): Promise<InitiativeDto> {
  return unwrap(api.POST('/api/initiatives/{id}/status', { params: { path: { id } }, body }));
}

function useSaved() {
  const queryClient = useQueryClient();
  return (initiative: InitiativeDto) => {
    queryClient.setQueryData(initiativeKeys.detail(initiative.id), initiative);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: initiativeKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: initiativeKeys.history(initiative.id) }),
    ]);
  };
}

export function useCreateInitiative() {
  const saved = useSaved();
  return useMutation({ mutationFn: createInitiative, onSuccess: saved });
}

export function useUpdateInitiative() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateInitiativeRequest }) => updateInitiative(id, body),
    onSuccess: saved,
  });
}

export function useChangeInitiativeStatus() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ChangeInitiativeStatusRequest }) => changeInitiativeStatus(id, body),
    onSuccess: saved,
  });
}
