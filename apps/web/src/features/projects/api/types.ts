import type { QueryOf, RequestBodyOf, ResponseOf } from '@trama/api-client';

/** The projects' shapes, named from the generated client (by operation). */
export type ProjectDto = ResponseOf<'getProject'>;
export type ProjectPage = ResponseOf<'listProjects'>;
export type ProjectHistory = ResponseOf<'getProjectHistory'>;
export type ProjectProgress = NonNullable<ProjectDto['latestProgress']>;
export type CreateProjectRequest = RequestBodyOf<'createProject'>;
export type UpdateProjectRequest = RequestBodyOf<'updateProject'>;
export type AddProjectProgressRequest = RequestBodyOf<'addProjectProgress'>;
export type ProjectListQuery = QueryOf<'listProjects'>;
export type ProjectExportQuery = QueryOf<'exportProjects'>;
export type ProjectImportReport = ResponseOf<'importProjects'>;
