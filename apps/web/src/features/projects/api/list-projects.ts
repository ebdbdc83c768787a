import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { projectKeys } from './project-keys';
import type { ProjectListQuery, ProjectPage } from './types';

export function listProjects(query: ProjectListQuery, signal?: AbortSignal): Promise<ProjectPage> {
  return unwrap(api.GET('/api/projects', { params: { query }, signal }));
}

export function useProjects(query: ProjectListQuery) {
  return useQuery(
    queryOptions({
      queryKey: projectKeys.list(query),
      queryFn: ({ signal }) => listProjects(query, signal),
      placeholderData: keepPreviousData,
    }),
  );
}
