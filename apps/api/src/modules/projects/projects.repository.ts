import { Injectable } from '@nestjs/common';
import type { ProjectProgramme, ProjectStatus } from '@trama/contracts';
import type { AccessScope } from '../../common/access/access-scope';
import { ScopedData, type ScopedReads, type ScopedTx } from '../../common/access/scoped-data';
import type { ScopedSource } from '../../common/access/scope-rules';
import type { ScopedSelectQueryBuilder } from '../../common/access/scoped-query-builder';
import { createIdempotent } from '../../common/database/idempotent-create';
import { escapeLike } from '../../common/database/like';
import { ActivitiesPolicy } from '../activities/activities.policy';
import { BuildingsPolicy } from '../buildings/buildings.policy';
import { InitiativesPolicy } from '../initiatives/initiatives.policy';
import { OrganizationsPolicy } from '../organizations/organizations.policy';
import { TerritoryPolicy } from '../territory/territory.policy';
import {
  Project,
  ProjectActivity,
  ProjectBeneficiary,
  ProjectBuilding,
  type ProjectDocument,
  ProjectInitiative,
  ProjectMunicipality,
  ProjectProgress,
} from './project.entity';
import { ProjectsPolicy } from './projects.policy';

/** A snapshot as read (amounts numeric → text). */
export interface ProgressRow {
  id: string;
  date: string;
  programmed: string;
  admitted: string;
  committed: string;
  paid: string;
}

/** A project with what its response needs. */
export interface ProjectRow {
  id: string;
  tenantId: string;
  clientId: string;
  version: number;
  code: string;
  title: string;
  description: string | null;
  programme: ProjectProgramme;
  action: string | null;
  implementingBody: string | null;
  implementingOrganizationId: string | null;
  /** null when none, or the caller may not read it */
  implementingOrganizationName: string | null;
  cup: string | null;
  rup: string | null;
  startDate: string | null;
  endDate: string | null;
  status: ProjectStatus;
  expectedInvestment: string | null;
  documents: ProjectDocument[];
  /** by name */
  municipalities: { id: string; istatCode: string; name: string }[];
  latestProgress: ProgressRow | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProjectFilters {
  q?: string | null;
  status?: ProjectStatus;
  programme?: ProjectProgramme;
  municipality?: string;
}

export interface MunicipalityKey {
  id: string;
  tenantId: string;
  istatCode: string;
}

/** The link tables of a project, by kind. */
export const LINKS = {
  initiatives: { entity: ProjectInitiative, column: 'initiative_id', key: 'initiativeId' },
  buildings: { entity: ProjectBuilding, column: 'building_id', key: 'buildingId' },
  activities: { entity: ProjectActivity, column: 'activity_id', key: 'activityId' },
} as const;
export type LinkKind = keyof typeof LINKS;

type Query = ScopedSelectQueryBuilder<Project>;

const EXPORT_BATCH = 1000;

const progressJson = (alias: string) =>
  `json_build_object('id', ${alias}.id, 'date', to_char(${alias}.date, 'YYYY-MM-DD'), 'programmed', ${alias}.programmed::text,
                     'admitted', ${alias}.admitted::text, 'committed', ${alias}.committed::text, 'paid', ${alias}.paid::text)`;

/** The columns of ProjectRow on alias `p` (implementing organization `io`), as `[expression, alias]`. */
function rowColumns(a: string): [string, string][] {
  return [
    [`${a}.id`, 'id'],
    [`${a}.tenant_id`, 'tenantId'],
    [`${a}.client_id`, 'clientId'],
    [`${a}.version`, 'version'],
    [`${a}.code`, 'code'],
    [`${a}.title`, 'title'],
    [`${a}.description`, 'description'],
    [`${a}.programme`, 'programme'],
    [`${a}.action`, 'action'],
    [`${a}.implementing_body`, 'implementingBody'],
    [`${a}.implementing_organization_id`, 'implementingOrganizationId'],
    ['io.name', 'implementingOrganizationName'],
    [`${a}.cup`, 'cup'],
    [`${a}.rup`, 'rup'],
    [`to_char(${a}.start_date, 'YYYY-MM-DD')`, 'startDate'],
    [`to_char(${a}.end_date, 'YYYY-MM-DD')`, 'endDate'],
    [`${a}.status`, 'status'],
    [`${a}.expected_investment::text`, 'expectedInvestment'],
    [`${a}.documents`, 'documents'],
    [
      // the project's own municipalities (its tenant's: composite key), by name
      `coalesce((SELECT json_agg(json_build_object('id', pm.id, 'istatCode', pm.istat_code, 'name', pm.name) ORDER BY pm.name)
                   FROM project_municipalities x JOIN municipalities pm ON pm.tenant_id = x.tenant_id AND pm.id = x.municipality_id
                  WHERE x.tenant_id = ${a}.tenant_id AND x.project_id = ${a}.id), '[]'::json)`,
      'municipalities',
    ],
    [
      // the latest snapshot (project_progress_one_per_day is its index)
      `(SELECT ${progressJson('lp')} FROM project_progress lp
         WHERE lp.tenant_id = ${a}.tenant_id AND lp.project_id = ${a}.id ORDER BY lp.date DESC LIMIT 1)`,
      'latestProgress',
    ],
    [`${a}.created_at`, 'createdAt'],
    [`${a}.updated_at`, 'updatedAt'],
  ];
}

/**
 * Queries of the projects register, all through the scoped data door with ProjectsPolicy (readable:
 * the tenant; municipality users: ANY of the project's municipalities in their territory). Other
 * features' rows only through their policies.
 */
@Injectable()
export class ProjectsRepository {
  constructor(
    private readonly door: ScopedData,
    private readonly policy: ProjectsPolicy,
    private readonly territoryPolicy: TerritoryPolicy,
    private readonly organizationsPolicy: OrganizationsPolicy,
    private readonly initiativesPolicy: InitiativesPolicy,
    private readonly buildingsPolicy: BuildingsPolicy,
    private readonly activitiesPolicy: ActivitiesPolicy,
  ) {}

  /** The projects the caller may read that match the filters, as a door-bound query on `alias`. */
  filtered(scope: AccessScope, filters: ProjectFilters, alias = 'p', db: ScopedReads = this.door): Query {
    const qb = db.select(scope, this.policy.readable, alias);
    const f = `f${alias}`;
    if (filters.municipality) {
      const sub = qb
        .subquery(ProjectMunicipality, `${f}pm`)
        .select(`${f}pm.project_id`)
        .innerJoin('municipalities', `${f}m`, `${f}m.tenant_id = ${f}pm.tenant_id AND ${f}m.id = ${f}pm.municipality_id`)
        .andWhere(`${f}m.istat_code = :${f}Municipality`, { [`${f}Municipality`]: filters.municipality });
      qb.andWhere(`${alias}.id IN ${sub.getQuery()}`);
    }
    if (filters.q) {
      qb.andWhere(
        `trama_unaccent(${alias}.code || ' ' || ${alias}.title || ' ' || coalesce(${alias}.cup, '')) ILIKE '%' || trama_unaccent(:${f}Q) || '%'`,
        { [`${f}Q`]: escapeLike(filters.q) },
      );
    }
    if (filters.status) qb.andWhere(`${alias}.status = :${f}Status`, { [`${f}Status`]: filters.status });
    if (filters.programme) qb.andWhere(`${alias}.programme = :${f}Programme`, { [`${f}Programme`]: filters.programme });
    return qb;
  }

  private withRowColumns(qb: Query): Query {
    const [first, ...rest] = rowColumns('p');
    qb.leftJoinSource(
      this.organizationsPolicy.readable,
      'io',
      'io.id = p.implementing_organization_id AND io.tenant_id = p.tenant_id',
    ).select(first[0], first[1]);
    for (const [expression, alias] of rest) qb.addSelect(expression, alias);
    return qb;
  }

  /** One page of matches, by code, and how many match. */
  async listPage(scope: AccessScope, filters: ProjectFilters, page: { offset: number; limit: number }) {
    const total = await this.filtered(scope, filters).getCount();
    const rows = await this.withRowColumns(this.filtered(scope, filters))
      .orderBy('lower(p.code)')
      .addOrderBy('p.id')
      .offset(page.offset)
      .limit(page.limit)
      .getRawMany<ProjectRow>();
    return { rows, total };
  }

  async findReadable(scope: AccessScope, id: string, tx?: ScopedTx): Promise<ProjectRow | null> {
    const row = await this.withRowColumns(this.filtered(scope, {}, 'p', tx))
      .andWhere('p.id = :id', { id })
      .getRawOne<ProjectRow>();
    return row ?? null;
  }

  async existsReadable(scope: AccessScope, id: string): Promise<boolean> {
    return this.door.select(scope, this.policy.readable, 'p').andWhere('p.id = :id', { id }).getExists();
  }

  /** Locks a readable project for a change; null when unknown or out of scope. */
  async lockReadable(tx: ScopedTx, scope: AccessScope, id: string): Promise<Project | null> {
    return tx.select(scope, this.policy.readable, 'p').andWhere('p.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The project of `tenantId` already holding this code (case ignored) or CUP, other than `except`. */
  async taken(
    tx: ScopedReads,
    scope: AccessScope,
    tenantId: string,
    key: { code?: string; cup?: string | null },
    except: string | null,
  ): Promise<{ code: boolean; cup: boolean }> {
    // the whole tenant, whatever the caller reads: uniqueness is the tenant's (tenant-only binding)
    const base = () => {
      const qb = tx.select(scope, Project, 'u', {}).andWhere('u.tenant_id = :takenTenant', { takenTenant: tenantId });
      if (except) qb.andWhere('u.id <> :takenExcept', { takenExcept: except });
      return qb;
    };
    const [code, cup] = await Promise.all([
      key.code ? base().andWhere('lower(u.code) = lower(:takenCode)', { takenCode: key.code }).getExists() : false,
      key.cup ? base().andWhere('u.cup = :takenCup', { takenCup: key.cup }).getExists() : false,
    ]);
    return { code, cup };
  }

  async createIfAbsent(
    tx: ScopedTx,
    scope: AccessScope,
    values: Partial<Project>,
    key: { clientId: string; body: unknown; conflict: () => Error },
  ): Promise<{ id: string; created: boolean }> {
    return createIdempotent(tx, scope, Project, { values, ...key });
  }

  async update(tx: ScopedTx, scope: AccessScope, project: Pick<Project, 'id' | 'tenantId'>, version: number, changes: Partial<Project>) {
    await tx.updateVersioned(scope, Project, { id: project.id, version, tenantId: project.tenantId }, changes);
  }

  /** The municipalities of the caller's reach with these ISTAT codes. */
  async findMunicipalities(scope: AccessScope, istatCodes: readonly string[]): Promise<MunicipalityKey[]> {
    if (istatCodes.length === 0) return [];
    return this.door
      .select(scope, this.territoryPolicy.municipalities, 'm')
      .select('m.id', 'id')
      .addSelect('m.tenant_id', 'tenantId')
      .addSelect('m.istat_code', 'istatCode')
      .andWhere('m.istat_code IN (:...istatCodes)', { istatCodes })
      .getRawMany<MunicipalityKey>();
  }

  async replaceMunicipalities(tx: ScopedTx, scope: AccessScope, project: Pick<Project, 'id' | 'tenantId'>, ids: readonly string[]) {
    await tx.delete(scope, ProjectMunicipality, { tenantId: project.tenantId, projectId: project.id });
    if (ids.length === 0) return;
    await tx.insert(
      scope,
      ProjectMunicipality,
      ids.map((municipalityId) => ({ tenantId: project.tenantId, projectId: project.id, municipalityId })),
    );
  }

  /** The ids among `ids` of `tenantId` that the caller may read in `source` (another feature's policy). */
  private async readableIds(scope: AccessScope, source: ScopedSource, tenantId: string, ids: readonly string[], tx?: ScopedReads) {
    if (ids.length === 0) return new Set<string>();
    const rows = await (tx ?? this.door)
      .select(scope, source, 'lk')
      .select('lk.id', 'id')
      .andWhere('lk.id IN (:...linkIds)', { linkIds: ids })
      .andWhere('lk.tenant_id = :linkTenant', { linkTenant: tenantId })
      .getRawMany<{ id: string }>();
    return new Set(rows.map((r) => r.id));
  }

  linkable(scope: AccessScope, kind: LinkKind | 'organizations', tenantId: string, ids: readonly string[], tx?: ScopedReads) {
    const source = {
      organizations: this.organizationsPolicy.readable,
      initiatives: this.initiativesPolicy.readable,
      buildings: this.buildingsPolicy.readable,
      activities: this.activitiesPolicy.readable,
    }[kind] as ScopedSource;
    return this.readableIds(scope, source, tenantId, ids, tx);
  }

  /** Every linked id of a kind (readable or not: what an update diffs and keeps). */
  async linkIds(tx: ScopedReads, scope: AccessScope, projectId: string, kind: LinkKind): Promise<string[]> {
    const { entity, column } = LINKS[kind];
    const rows = await tx
      .select(scope, entity, 'l')
      .select(`l.${column}`, 'id')
      .andWhere('l.project_id = :linkOf', { linkOf: projectId })
      .orderBy(`l.${column}`)
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  async replaceLinks(tx: ScopedTx, scope: AccessScope, project: Pick<Project, 'id' | 'tenantId'>, kind: LinkKind, ids: readonly string[]) {
    const { entity, key } = LINKS[kind];
    await tx.delete(scope, entity, { tenantId: project.tenantId, projectId: project.id });
    if (ids.length === 0) return;
    await tx.insert(
      scope,
      entity,
      ids.map((id) => ({ tenantId: project.tenantId, projectId: project.id, [key]: id })),
    );
  }

  /** Every beneficiary (readable or not), by organization id. */
  async beneficiaryRows(
    tx: ScopedReads,
    scope: AccessScope,
    projectId: string,
  ): Promise<{ organization: string; amount: string | null }[]> {
    return tx
      .select(scope, ProjectBeneficiary, 'b')
      .select('b.organization_id', 'organization')
      .addSelect('b.amount::text', 'amount')
      .andWhere('b.project_id = :beneficiariesOf', { beneficiariesOf: projectId })
      .orderBy('b.organization_id')
      .getRawMany();
  }

  async replaceBeneficiaries(
    tx: ScopedTx,
    scope: AccessScope,
    project: Pick<Project, 'id' | 'tenantId'>,
    rows: readonly { organization: string; amount: number | null }[],
  ) {
    await tx.delete(scope, ProjectBeneficiary, { tenantId: project.tenantId, projectId: project.id });
    if (rows.length === 0) return;
    await tx.insert(
      scope,
      ProjectBeneficiary,
      rows.map((r) => ({
        tenantId: project.tenantId,
        projectId: project.id,
        organizationId: r.organization,
        amount: r.amount === null ? null : r.amount.toFixed(2),
      })),
    );
  }

  /** The beneficiaries of a readable project with the organizations' names (OrganizationsPolicy), by name. */
  async beneficiaries(scope: AccessScope, projectId: string): Promise<{ id: string; name: string; amount: string | null }[]> {
    return this.door
      .select(scope, ProjectBeneficiary, 'b')
      .innerJoinSource(this.organizationsPolicy.readable, 'bo', 'bo.tenant_id = b.tenant_id AND bo.id = b.organization_id')
      .select('bo.id', 'id')
      .addSelect('bo.name', 'name')
      .addSelect('b.amount::text', 'amount')
      .andWhere('b.project_id = :beneficiariesOf', { beneficiariesOf: projectId })
      .orderBy('lower(bo.name)')
      .addOrderBy('bo.id')
      .getRawMany();
  }

  /** The linked records of a kind that the caller may read (their feature's policy), with a name. */
  async linked(scope: AccessScope, projectId: string, kind: LinkKind): Promise<{ id: string; name: string | null; date?: string }[]> {
    const source = {
      initiatives: this.initiativesPolicy.readable,
      buildings: this.buildingsPolicy.readable,
      activities: this.activitiesPolicy.readable,
    }[kind] as ScopedSource;
    const { entity, column } = LINKS[kind];
    const qb = this.door.select(scope, source, 'lr').select('lr.id', 'id');
    if (kind === 'initiatives') qb.addSelect('lr.title', 'name').orderBy('lower(lr.title)');
    if (kind === 'buildings') qb.addSelect('lr.name', 'name').orderBy('lower(lr.name)');
    if (kind === 'activities')
      qb.addSelect('lr.title', 'name').addSelect(`to_char(lr.date, 'YYYY-MM-DD')`, 'date').orderBy('lr.date', 'DESC');
    const sub = qb.subquery(entity, 'lpl').select(`lpl.${column}`).andWhere('lpl.project_id = :linkedOf', { linkedOf: projectId });
    return qb.andWhere(`lr.id IN ${sub.getQuery()}`).addOrderBy('lr.id').getRawMany();
  }

  /** Every snapshot of a project, oldest first (the caller has read the project). */
  async progress(db: ScopedReads, scope: AccessScope, projectId: string): Promise<ProgressRow[]> {
    return db
      .select(scope, ProjectProgress, 'pg')
      .select('pg.id', 'id')
      .addSelect(`to_char(pg.date, 'YYYY-MM-DD')`, 'date')
      .addSelect('pg.programmed::text', 'programmed')
      .addSelect('pg.admitted::text', 'admitted')
      .addSelect('pg.committed::text', 'committed')
      .addSelect('pg.paid::text', 'paid')
      .andWhere('pg.project_id = :progressOf', { progressOf: projectId })
      .orderBy('pg.date', 'ASC')
      .getRawMany();
  }

  async insertProgress(tx: ScopedTx, scope: AccessScope, values: Partial<ProjectProgress>): Promise<string> {
    const [row] = await tx.insert<ProjectProgress, { id: string }>(scope, ProjectProgress, values, { returning: ['id'] });
    return row.id;
  }

  /** Every match in code order, in batches from a server-side cursor (flat memory), for the export. */
  streamFiltered(scope: AccessScope, filters: ProjectFilters): AsyncGenerator<ProjectRow[]> {
    const qb = this.withRowColumns(this.filtered(scope, filters));
    return this.door.stream<ProjectRow>(qb, {
      shell: (sql) => `${sql} ORDER BY lower(p.code), p.id`,
      cursor: 'project_export',
      batchSize: EXPORT_BATCH,
    });
  }

  /**
   * For indicators: per readable project, its latest snapshot on or before `date` (null: none) and
   * its municipalities (ISTAT codes). One query; the service splits the amounts.
   */
  async amountsAt(
    scope: AccessScope,
    date: string,
  ): Promise<{ id: string; municipalities: string[]; committed: string | null; paid: string | null }[]> {
    return this.door
      .select(scope, this.policy.readable, 'p')
      .select('p.id', 'id')
      .addSelect(
        `coalesce((SELECT array_agg(am.istat_code ORDER BY am.istat_code) FROM project_municipalities ax
                     JOIN municipalities am ON am.tenant_id = ax.tenant_id AND am.id = ax.municipality_id
                    WHERE ax.tenant_id = p.tenant_id AND ax.project_id = p.id), '{}')`,
        'municipalities',
      )
      .addSelect(
        `(SELECT ap.committed::text FROM project_progress ap WHERE ap.tenant_id = p.tenant_id AND ap.project_id = p.id AND ap.date <= :amountsAt
           ORDER BY ap.date DESC LIMIT 1)`,
        'committed',
      )
      .addSelect(
        `(SELECT ap.paid::text FROM project_progress ap WHERE ap.tenant_id = p.tenant_id AND ap.project_id = p.id AND ap.date <= :amountsAt
           ORDER BY ap.date DESC LIMIT 1)`,
        'paid',
      )
      .setParameter('amountsAt', date)
      .orderBy('p.id')
      .getRawMany();
  }

  /** For indicators: the beneficiaries of the readable projects (organization, grant, the project's municipalities). */
  async fundedBeneficiaries(
    scope: AccessScope,
  ): Promise<{ organizationId: string; projectId: string; amount: string | null; municipalities: string[] }[]> {
    const qb = this.door.select(scope, ProjectBeneficiary, 'fb');
    const readable = qb.subquery(this.policy.readable, 'fp').select('fp.id');
    return qb
      .select('fb.organization_id', 'organizationId')
      .addSelect('fb.project_id', 'projectId')
      .addSelect('fb.amount::text', 'amount')
      .addSelect(
        `coalesce((SELECT array_agg(bm.istat_code ORDER BY bm.istat_code) FROM project_municipalities bx
                     JOIN municipalities bm ON bm.tenant_id = bx.tenant_id AND bm.id = bx.municipality_id
                    WHERE bx.tenant_id = fb.tenant_id AND bx.project_id = fb.project_id), '{}')`,
        'municipalities',
      )
      .andWhere(`fb.project_id IN ${readable.getQuery()}`)
      .orderBy('fb.project_id')
      .addOrderBy('fb.organization_id')
      .getRawMany();
  }
}
