import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource, Through } from '../../common/access/scope-rules';
import { Project } from './project.entity';

/** The municipalities of a project, for the door's `{ through }` binding. */
export const PROJECT_MUNICIPALITIES: Through = {
  table: 'project_municipalities',
  key: 'project_id',
  municipality: 'municipality_id',
};

/**
 * Who reads which projects (docs/projects.md, "Who may do what"); the door binds the tenant (admins:
 * every tenant) before it:
 * - innovators and coordinators: every project of the tenant;
 * - municipality users: those with ANY of their municipalities in their territory (a project of
 *   no municipality, metropolitan-wide, is not shown to them).
 */
const readableProjects: Predicate = (c, alias) => c.territory(alias, { through: PROJECT_MUNICIPALITIES, rule: 'visible' });

/**
 * The projects register's rules as sources other features select from (indicators, a programme
 * page): `door.select(scope, projectsPolicy.readable, 'p')`.
 */
@Injectable()
export class ProjectsPolicy {
  readonly readable: ScopedSource<Project> = { target: Project, rule: readableProjects };
  readonly readableRule: Predicate = readableProjects;

  /**
   * Who may create and edit projects, add progress and import: the coordinators (and platform admins
   * on a tenant's project). Innovators read: the project sheets are the managing office's records,
   * kept by the coordination (docs/projects.md).
   */
  writes(scope: AccessScope): boolean {
    return scope.role === 'coordinator' || scope.role === 'admin';
  }
}
