import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { projectKeys } from './project-keys';
import type { ProjectDto, ProjectHistory } from './types';

export function getProject(id: string, signal?: AbortSignal): Promise<ProjectDto> {
  return unwrap(api.GET('/api/projects/{id}', { params: { path: { id } }, signal }));
}

export function useProject(id: string) {
  return useQuery(queryOptions({ queryKey: projectKeys.detail(id), queryFn: ({ signal }) => getProject(id, signal) }));
}

export function getProjectHistory(id: string, signal?: AbortSignal): Promise<ProjectHistory> {
  return unwrap(api.GET('/api/projects/{id}/history', { params: { path: { id } }, signal }));
}

export function useProjectHistory(id: string) {
  return useQuery({ queryKey: projectKeys.history(id), queryFn: ({ signal }) => getProjectHistory(id, signal) });
}
