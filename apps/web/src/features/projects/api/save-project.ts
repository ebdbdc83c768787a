import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../lib/api/api-client';
import { projectKeys } from './project-keys';
import type { AddProjectProgressRequest, CreateProjectRequest, ProjectDto, UpdateProjectRequest } from './types';

/** Creates a project; the body's `clientId` makes it idempotent (a retry returns the same one). */
export function createProject(body: CreateProjectRequest): Promise<ProjectDto> {
  return unwrap(api.POST('/api/projects', { body }));
}

export function updateProject(id: string, body: UpdateProjectRequest): Promise<ProjectDto> {
  return unwrap(api.PATCH('/api/projects/{id}', { params: { path: { id } }, body }));
}

export function addProjectProgress(id: string, body: AddProjectProgressRequest): Promise<ProjectDto> {
  return unwrap(api.POST('/api/projects/{id}/progress', { params: { path: { id } }, body }));
}

function useSaved() {
  const queryClient = useQueryClient();
  return (project: ProjectDto) => {
    queryClient.setQueryData(projectKeys.detail(project.id), project);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: projectKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: projectKeys.history(project.id) }),
    ]);
  };
}

export function useCreateProject() {
  const saved = useSaved();
  return useMutation({ mutationFn: createProject, onSuccess: saved });
}

export function useUpdateProject() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateProjectRequest }) => updateProject(id, body),
    onSuccess: saved,
  });
}

export function useAddProjectProgress() {
  const saved = useSaved();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AddProjectProgressRequest }) => addProjectProgress(id, body),
    onSuccess: saved,
  });
}
