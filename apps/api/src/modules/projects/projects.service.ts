import { Injectable } from '@nestjs/common';
import {
  PROJECT_STATUSES_WITHOUT_CUP,
  type ProgressAmounts,
  type ProjectProgramme,
  type ProjectStatus,
  progressProblems,
  progressShares,
} from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import { AuditService } from '../../common/audit/audit.service';
import type { FieldProblem } from '../../common/errors/app-error';
import { CommonErrors } from '../../common/errors/app-error';
import { type ExportedFile, exportFile } from '../../common/export/export-file';
import type { AddProjectProgressDto } from './dto/add-progress.dto';
import type { CreateProjectDto } from './dto/create-project.dto';
import type { ExportProjectsQuery, ListProjectsQuery, ProjectFiltersQuery } from './dto/project-filters.query';
import type { ProjectHistoryDto, ProjectPageDto, ProjectProgressDto, ProjectResponseDto } from './dto/project.response';
import type { UpdateProjectDto } from './dto/update-project.dto';
import type { Project, ProjectDocument } from './project.entity';
import { ProjectErrors } from './projects.errors';
import { projectsExport } from './projects.export';
import { ProjectsPolicy } from './projects.policy';
import {
  LINKS,
  type LinkKind,
  type MunicipalityKey,
  type ProgressRow,
  type ProjectFilters,
  type ProjectRow,
  ProjectsRepository,
} from './projects.repository';

/** The editable content of a project, in API terms: what creation hashes, updates diff and the audit records. */
export interface ProjectContent {
  code: string;
  title: string;
  description: string | null;
  programme: ProjectProgramme;
  action: string | null;
  implementingBody: string | null;
  implementingOrganization: string | null;
  cup: string | null;
  rup: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  expectedInvestment: number | null;
  /** ISTAT codes, sorted */
  municipalities: string[];
  /** by organization id */
  beneficiaries: { organization: string; amount: number | null }[];
  initiatives: string[];
  buildings: string[];
  activities: string[];
  documents: ProjectDocument[];
}

const LINK_KINDS = Object.keys(LINKS) as LinkKind[];

const sortedIds = (ids: readonly string[]) => [...new Set(ids.map((id) => id.toLowerCase()))].sort();

function normalized(c: ProjectContent): ProjectContent {
  return {
    ...c,
    implementingOrganization: c.implementingOrganization?.toLowerCase() ?? null,
    municipalities: [...new Set(c.municipalities)].sort(),
    beneficiaries: c.beneficiaries
      .map((b) => ({ organization: b.organization.toLowerCase(), amount: b.amount }))
      .sort((a, b) => a.organization.localeCompare(b.organization)),
    initiatives: sortedIds(c.initiatives),
    buildings: sortedIds(c.buildings),
    activities: sortedIds(c.activities),
    documents: c.documents.map((d) => ({ title: d.title, url: d.url })),
  };
}

export function contentOf(body: CreateProjectDto): ProjectContent {
  return normalized({
    code: body.code,
    title: body.title,
    description: body.description ?? null,
    programme: body.programme,
    action: body.action ?? null,
    implementingBody: body.implementingBody ?? null,
    implementingOrganization: body.implementingOrganization ?? null,
    cup: body.cup ?? null,
    rup: body.rup ?? null,
    startDate: body.startDate ?? null,
    endDate: body.endDate ?? null,
    status: body.status,
    expectedInvestment: body.expectedInvestment ?? null,
    municipalities: body.municipalities ?? [],
    beneficiaries: (body.beneficiaries ?? []).map((b) => ({ organization: b.organization, amount: b.amount ?? null })),
    initiatives: body.initiatives ?? [],
    buildings: body.buildings ?? [],
    activities: body.activities ?? [],
    documents: body.documents ?? [],
  });
}

const problem = (field: string, message: string, code: string): FieldProblem[] => [{ field, messages: [message], codes: [code] }];

/** Today in Italy, YYYY-MM-DD. */
export function todayInItaly(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The rules of content that need no database: dates in order, the CUP past the idea, a beneficiary once. */
export function checkContent(c: ProjectContent): void {
  if (c.startDate && c.endDate && c.endDate < c.startDate) {
    throw ProjectErrors.PROJECT_DATES_ORDER(undefined, problem('endDate', 'endDate must not be before startDate', 'PROJECT_DATES_ORDER'));
  }
  if (!c.cup && !PROJECT_STATUSES_WITHOUT_CUP.includes(c.status)) {
    throw ProjectErrors.PROJECT_CUP_REQUIRED(
      undefined,
      problem('cup', 'a project needs its CUP unless it is an idea', 'PROJECT_CUP_REQUIRED'),
    );
  }
  const seen = new Set<string>();
  for (const b of c.beneficiaries) {
    if (seen.has(b.organization)) {
      throw ProjectErrors.PROJECT_BENEFICIARY_REPEATED(
        undefined,
        problem('beneficiaries', `organization ${b.organization} is listed twice`, 'PROJECT_BENEFICIARY_REPEATED'),
      );
    }
    seen.add(b.organization);
  }
}

/** The hard rules of a snapshot (libs/contracts progressProblems) as a 400 naming the first field. */
export function checkProgress(a: ProgressAmounts): void {
  const [first] = progressProblems(a);
  if (!first) return;
  const message =
    first.code === 'PROJECT_COMMITTED_OVER_ADMITTED' ? 'committed must not exceed admitted' : 'paid must not exceed committed';
  throw ProjectErrors[first.code](undefined, problem(first.field, message, first.code));
}

export function progressDto(r: ProgressRow): ProjectProgressDto {
  const amounts = { programmed: Number(r.programmed), admitted: Number(r.admitted), committed: Number(r.committed), paid: Number(r.paid) };
  return { id: r.id, date: r.date, ...amounts, shares: progressShares(amounts) };
}

function columnsOf(c: ProjectContent): Partial<Project> {
  return {
    code: c.code,
    title: c.title,
    description: c.description,
    programme: c.programme,
    action: c.action,
    implementingBody: c.implementingBody,
    implementingOrganizationId: c.implementingOrganization,
    cup: c.cup,
    rup: c.rup,
    startDate: c.startDate,
    endDate: c.endDate,
    status: c.status,
    expectedInvestment: c.expectedInvestment === null ? null : c.expectedInvestment.toFixed(2),
    documents: c.documents,
  };
}

export function filtersOf(query: ProjectFiltersQuery): ProjectFilters {
  return { q: query.q ?? undefined, status: query.status, programme: query.programme, municipality: query.municipality };
}

/**
 * The projects register (docs/projects.md): read by every role within ProjectsPolicy.readable,
 * written by coordinators (ProjectsPolicy.writes). Every change is audited in its transaction.
 */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ProjectsPolicy,
    private readonly projects: ProjectsRepository,
    private readonly audit: AuditService,
  ) {}

  toDto(row: ProjectRow): ProjectResponseDto {
    return {
      id: row.id,
      clientId: row.clientId,
      version: row.version,
      code: row.code,
      title: row.title,
      description: row.description,
      programme: row.programme,
      action: row.action,
      implementingBody: row.implementingBody,
      implementingOrganization:
        row.implementingOrganizationId && row.implementingOrganizationName
          ? { id: row.implementingOrganizationId, name: row.implementingOrganizationName }
          : null,
      cup: row.cup,
      rup: row.rup,
      startDate: row.startDate,
      endDate: row.endDate,
      status: row.status,
      expectedInvestment: row.expectedInvestment === null ? null : Number(row.expectedInvestment),
      municipalities: row.municipalities.map((m) => ({ istatCode: m.istatCode, name: m.name })),
      latestProgress: row.latestProgress ? progressDto(row.latestProgress) : null,
      documents: row.documents ?? [],
      createdAt: new Date(row.createdAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }

  async listProjects(scope: AccessScope, query: ListProjectsQuery): Promise<ProjectPageDto> {
    const { rows, total } = await this.projects.listPage(scope, filtersOf(query), {
      offset: (query.page - 1) * query.pageSize,
      limit: query.pageSize,
    });
    return { items: rows.map((r) => this.toDto(r)), total, page: query.page, pageSize: query.pageSize };
  }

  /** One project with its snapshots, beneficiaries and the linked records the caller may read. */
  async getProject(scope: AccessScope, id: string): Promise<ProjectResponseDto> {
    const row = await this.projects.findReadable(scope, id);
    if (!row) throw ProjectErrors.PROJECT_NOT_FOUND();
    const [progress, beneficiaries, initiatives, buildings, activities] = await Promise.all([
      this.projects.progress(this.door, scope, id),
      this.projects.beneficiaries(scope, id),
      this.projects.linked(scope, id, 'initiatives'),
      this.projects.linked(scope, id, 'buildings'),
      this.projects.linked(scope, id, 'activities'),
    ]);
    return {
      ...this.toDto(row),
      progress: progress.map(progressDto),
      beneficiaries: beneficiaries.map((b) => ({
        organization: { id: b.id, name: b.name },
        amount: b.amount === null ? null : Number(b.amount),
      })),
      initiatives: initiatives.map((i) => ({ id: i.id, name: i.name ?? '' })),
      buildings: buildings.map((b) => ({ id: b.id, name: b.name ?? '' })),
      activities: activities.map((a) => ({ id: a.id, title: a.name, date: a.date ?? '' })),
    };
  }

  /** Creates a project; idempotent by clientId (same author and normalised body → the same project). */
  async createProject(scope: AccessScope, body: CreateProjectDto): Promise<{ project: ProjectResponseDto; created: boolean }> {
    this.requireWriter(scope);
    const content = contentOf(body);
    const outcome = await this.door.transaction((tx) => this.insert(tx, scope, content, body.clientId));
    return { project: await this.getProject(scope, outcome.id), created: outcome.created };
  }

  /** Checks and writes a new project in `tx` (the API's create and the import): audited. */
  async insert(
    tx: ScopedTx,
    scope: AccessScope,
    content: ProjectContent,
    clientId: string,
    audit: Record<string, unknown> = {},
  ): Promise<{ id: string; created: boolean }> {
    if (scope.tenantId === null) throw CommonErrors.FORBIDDEN('Projects are created by the coordinators of a metropolitan city');
    const tenantId = scope.tenantId;
    checkContent(content);
    const municipalities = await this.resolveMunicipalities(scope, tenantId, content.municipalities);
    await this.requireUnique(tx, scope, tenantId, content, null);
    await this.requireLinkable(tx, scope, tenantId, content, null);
    const { id, created } = await this.projects.createIfAbsent(
      tx,
      scope,
      { ...columnsOf(content), tenantId, clientId },
      {
        clientId,
        body: { author: scope.actor.id, ...content },
        conflict: () =>
          ProjectErrors.PROJECT_CLIENT_ID_CONFLICT(
            undefined,
            problem('clientId', 'this clientId was already used', 'PROJECT_CLIENT_ID_CONFLICT'),
          ),
      },
    );
    if (!created) return { id, created: false };
    const key = { id, tenantId };
    await this.projects.replaceMunicipalities(
      tx,
      scope,
      key,
      municipalities.map((m) => m.id),
    );
    await this.projects.replaceBeneficiaries(tx, scope, key, content.beneficiaries);
    for (const kind of LINK_KINDS) await this.projects.replaceLinks(tx, scope, key, kind, content[kind]);
    await this.audit.record(tx, scope, {
      tenantId,
      entity: 'project',
      entityId: id,
      action: 'create',
      after: { clientId, ...content, ...audit },
    });
    return { id, created: true };
  }

  /** Changes the fields sent (optimistic locking on `version`); audited with the fields that changed. */
  async updateProject(scope: AccessScope, id: string, body: UpdateProjectDto): Promise<ProjectResponseDto> {
    await this.door.transaction((tx) => this.applyUpdate(tx, scope, id, body));
    return this.getProject(scope, id);
  }

  /** The update in `tx` (the API's PATCH and the import). */
  async applyUpdate(
    tx: ScopedTx,
    scope: AccessScope,
    id: string,
    body: UpdateProjectDto,
    audit: Record<string, unknown> = {},
  ): Promise<void> {
    const project = await this.lockWritable(tx, scope, id);
    if (body.version !== project.version) throw CommonErrors.STALE_VERSION();
    const before = await this.storedContent(tx, scope, id);
    const sent = (key: keyof UpdateProjectDto) => Object.prototype.hasOwnProperty.call(body, key) && body[key] !== undefined;
    const pick = <K extends keyof ProjectContent>(key: K, value: ProjectContent[K]): ProjectContent[K] =>
      sent(key as keyof UpdateProjectDto) ? value : before[key];
    const after = normalized({
      code: pick('code', body.code as string),
      title: pick('title', body.title as string),
      description: pick('description', body.description ?? null),
      programme: pick('programme', body.programme as ProjectProgramme),
      action: pick('action', body.action ?? null),
      implementingBody: pick('implementingBody', body.implementingBody ?? null),
      implementingOrganization: pick('implementingOrganization', body.implementingOrganization ?? null),
      cup: pick('cup', body.cup ?? null),
      rup: pick('rup', body.rup ?? null),
      startDate: pick('startDate', body.startDate ?? null),
      endDate: pick('endDate', body.endDate ?? null),
      status: pick('status', body.status as ProjectStatus),
      expectedInvestment: pick('expectedInvestment', body.expectedInvestment ?? null),
      municipalities: pick('municipalities', body.municipalities ?? []),
      beneficiaries: pick(
        'beneficiaries',
        (body.beneficiaries ?? []).map((b) => ({ organization: b.organization, amount: b.amount ?? null })),
      ),
      initiatives: pick('initiatives', body.initiatives ?? []),
      buildings: pick('buildings', body.buildings ?? []),
      activities: pick('activities', body.activities ?? []),
      documents: pick('documents', body.documents ?? []),
    });
    checkContent(after);
    const municipalities = await this.resolveMunicipalities(scope, project.tenantId, after.municipalities);
    await this.requireUnique(tx, scope, project.tenantId, after, id);
    await this.requireLinkable(tx, scope, project.tenantId, after, before);
    const changed = (Object.keys(after) as (keyof ProjectContent)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return;
    await this.projects.update(tx, scope, project, body.version, columnsOf(after));
    if (changed.includes('municipalities')) {
      await this.projects.replaceMunicipalities(
        tx,
        scope,
        project,
        municipalities.map((m) => m.id),
      );
    }
    if (changed.includes('beneficiaries')) await this.projects.replaceBeneficiaries(tx, scope, project, after.beneficiaries);
    for (const kind of LINK_KINDS) if (changed.includes(kind)) await this.projects.replaceLinks(tx, scope, project, kind, after[kind]);
    await this.audit.record(tx, scope, {
      tenantId: project.tenantId,
      entity: 'project',
      entityId: id,
      action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...audit },
    });
  }

  /** Adds a dated snapshot of the financial progress; the project's version moves on (an edit begun before answers 409). */
  async addProgress(scope: AccessScope, id: string, body: AddProjectProgressDto): Promise<ProjectResponseDto> {
    await this.door.transaction(async (tx) => {
      const project = await this.lockWritable(tx, scope, id);
      if (body.version !== undefined && body.version !== project.version) throw CommonErrors.STALE_VERSION();
      await this.insertProgress(tx, scope, project, body);
    });
    return this.getProject(scope, id);
  }

  /** Checks and writes one snapshot of a locked project, bumping its version (the API and the import). */
  async insertProgress(
    tx: ScopedTx,
    scope: AccessScope,
    project: Pick<Project, 'id' | 'tenantId' | 'version'>,
    body: ProgressAmounts & { date: string },
    audit: Record<string, unknown> = {},
  ): Promise<void> {
    if (body.date > todayInItaly()) {
      throw ProjectErrors.PROJECT_PROGRESS_DATE_FUTURE(
        undefined,
        problem('date', 'the date is in the future', 'PROJECT_PROGRESS_DATE_FUTURE'),
      );
    }
    checkProgress(body);
    const existing = await this.projects.progress(tx, scope, project.id);
    if (existing.some((p) => p.date === body.date)) {
      throw ProjectErrors.PROJECT_PROGRESS_DATE_TAKEN(
        undefined,
        problem('date', 'figures for this date exist', 'PROJECT_PROGRESS_DATE_TAKEN'),
      );
    }
    const amounts = { programmed: body.programmed, admitted: body.admitted, committed: body.committed, paid: body.paid };
    const progressId = await this.projects.insertProgress(tx, scope, {
      tenantId: project.tenantId,
      projectId: project.id,
      date: body.date,
      programmed: amounts.programmed.toFixed(2),
      admitted: amounts.admitted.toFixed(2),
      committed: amounts.committed.toFixed(2),
      paid: amounts.paid.toFixed(2),
    });
    await this.projects.update(tx, scope, project, project.version, {});
    await this.audit.record(tx, scope, {
      tenantId: project.tenantId,
      entity: 'project',
      entityId: project.id,
      action: 'progress',
      after: { progress: progressId, date: body.date, ...amounts, ...audit },
    });
  }

  /** The audit entries, oldest first. */
  async getHistory(scope: AccessScope, id: string): Promise<ProjectHistoryDto> {
    if (!(await this.projects.existsReadable(scope, id))) throw ProjectErrors.PROJECT_NOT_FOUND();
    const rows = await this.audit.history(scope, 'project', id);
    return {
      entries: rows.map((row) => ({
        id: String(row.id),
        at: new Date(row.at).toISOString(),
        actor: row.actorId ? { id: row.actorId, fullName: row.actorName ?? '' } : null,
        action: row.action,
        before: row.before ?? null,
        after: row.after ?? null,
      })),
    };
  }

  /** The filtered list as a file (csv, csv-it, xlsx), streamed from a cursor; the same scope as the list. */
  exportProjects(scope: AccessScope, query: ExportProjectsQuery): ExportedFile {
    return exportFile(
      projectsExport,
      { format: query.format ?? 'csv', language: query.lang ?? 'it' },
      this.projects.streamFiltered(scope, filtersOf(query)),
    );
  }

  /** A readable project locked for a change by a writer: 404 when unreadable, 403 when the role does not write. */
  async lockWritable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Project> {
    const project = await this.projects.lockReadable(tx, scope, id);
    if (!project) throw ProjectErrors.PROJECT_NOT_FOUND();
    this.requireWriter(scope);
    return project;
  }

  requireWriter(scope: AccessScope): void {
    if (!this.policy.writes(scope)) throw CommonErrors.FORBIDDEN('Projects are kept by the coordinators');
  }

  /** The stored content of a project (every link, readable or not), read in `tx`. */
  async storedContent(tx: ScopedTx, scope: AccessScope, id: string): Promise<ProjectContent> {
    const row = await this.projects.findReadable(scope, id, tx);
    if (!row) throw ProjectErrors.PROJECT_NOT_FOUND();
    const [beneficiaries, initiatives, buildings, activities] = await Promise.all([
      this.projects.beneficiaryRows(tx, scope, id),
      this.projects.linkIds(tx, scope, id, 'initiatives'),
      this.projects.linkIds(tx, scope, id, 'buildings'),
      this.projects.linkIds(tx, scope, id, 'activities'),
    ]);
    return normalized({
      code: row.code,
      title: row.title,
      description: row.description,
      programme: row.programme,
      action: row.action,
      implementingBody: row.implementingBody,
      implementingOrganization: row.implementingOrganizationId,
      cup: row.cup,
      rup: row.rup,
      startDate: row.startDate,
      endDate: row.endDate,
      status: row.status,
      expectedInvestment: row.expectedInvestment === null ? null : Number(row.expectedInvestment),
      municipalities: row.municipalities.map((m) => m.istatCode),
      beneficiaries: beneficiaries.map((b) => ({ organization: b.organization, amount: b.amount === null ? null : Number(b.amount) })),
      initiatives,
      buildings,
      activities,
      documents: row.documents ?? [],
    });
  }

  /**
   * For the import's dry run: what `insert` / `applyUpdate` would refuse after the DTO (unknown
   * municipality, code or CUP taken by another project, links), read without writing.
   */
  async checkStored(scope: AccessScope, content: ProjectContent, target: string | null): Promise<void> {
    const tenantId = scope.tenantId;
    if (tenantId === null) throw CommonErrors.FORBIDDEN('Projects are created by the coordinators of a metropolitan city');
    checkContent(content);
    await this.resolveMunicipalities(scope, tenantId, content.municipalities);
    await this.requireUnique(this.door, scope, tenantId, content, target);
    await this.requireLinkable(this.door, scope, tenantId, content, null);
  }

  /** The project of the tenant with this CUP, or else this code, that the caller may read (the import's match). */
  async findByKey(scope: AccessScope, key: { cup: string | null; code: string }): Promise<string | null> {
    const { rows } = await this.projects.listPage(scope, { q: key.cup ?? key.code }, { offset: 0, limit: 50 });
    const found =
      (key.cup ? rows.find((r) => r.cup === key.cup) : undefined) ?? rows.find((r) => r.code.toLowerCase() === key.code.toLowerCase());
    return found?.id ?? null;
  }

  /** ISTAT codes → municipalities of the tenant; unknown codes are a 400 naming the field. */
  private async resolveMunicipalities(scope: AccessScope, tenantId: string, codes: readonly string[]): Promise<MunicipalityKey[]> {
    const found = (await this.projects.findMunicipalities(scope, codes)).filter((m) => m.tenantId === tenantId);
    const missing = codes.filter((code) => !found.some((m) => m.istatCode === code));
    if (missing.length > 0) {
      throw ProjectErrors.PROJECT_MUNICIPALITY_UNKNOWN(
        undefined,
        problem('municipalities', `unknown municipalities: ${missing.join(', ')}`, 'PROJECT_MUNICIPALITY_UNKNOWN'),
      );
    }
    return found;
  }

  private async requireUnique(tx: ScopedReads, scope: AccessScope, tenantId: string, c: ProjectContent, except: string | null) {
    const taken = await this.projects.taken(tx, scope, tenantId, { code: c.code, cup: c.cup }, except);
    if (taken.code) throw ProjectErrors.PROJECT_CODE_TAKEN(undefined, problem('code', 'this code is taken', 'PROJECT_CODE_TAKEN'));
    if (taken.cup) throw ProjectErrors.PROJECT_CUP_TAKEN(undefined, problem('cup', 'this CUP is taken', 'PROJECT_CUP_TAKEN'));
  }

  /** New beneficiaries, implementing organization and links must be of the tenant and readable by the caller. */
  private async requireLinkable(tx: ScopedReads, scope: AccessScope, tenantId: string, c: ProjectContent, before: ProjectContent | null) {
    const added = (now: readonly string[], was: readonly string[] | undefined) => now.filter((id) => !(was ?? []).includes(id));
    const organizations = added(
      [...c.beneficiaries.map((b) => b.organization), ...(c.implementingOrganization ? [c.implementingOrganization] : [])],
      before
        ? [
            ...before.beneficiaries.map((b) => b.organization),
            ...(before.implementingOrganization ? [before.implementingOrganization] : []),
          ]
        : [],
    );
    const foundOrganizations = await this.projects.linkable(scope, 'organizations', tenantId, organizations, tx);
    const missingOrganization = organizations.find((id) => !foundOrganizations.has(id));
    if (missingOrganization) {
      const field =
        missingOrganization === c.implementingOrganization && !c.beneficiaries.some((b) => b.organization === missingOrganization)
          ? 'implementingOrganization'
          : 'beneficiaries';
      throw ProjectErrors.PROJECT_ORGANIZATION_UNKNOWN(
        undefined,
        problem(field, `unknown organization ${missingOrganization}`, 'PROJECT_ORGANIZATION_UNKNOWN'),
      );
    }
    for (const kind of LINK_KINDS) {
      const ids = added(c[kind], before?.[kind]);
      const found = await this.projects.linkable(scope, kind, tenantId, ids, tx);
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw ProjectErrors.PROJECT_LINK_UNKNOWN(
          undefined,
          problem(kind, `unknown ${kind}: ${missing.join(', ')}`, 'PROJECT_LINK_UNKNOWN'),
        );
      }
    }
  }
}
