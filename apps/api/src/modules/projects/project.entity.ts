import type { ProjectProgramme, ProjectStatus } from '@trama/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

export interface ProjectDocument {
  title: string;
  url: string;
}

/**
 * A funded project (progetto finanziato; docs/projects.md). Its municipalities are rows of
 * `project_municipalities`; its financial progress rows of `project_progress`; beneficiaries and
 * links their own join tables.
 */
@Entity({ name: 'projects' })
export class Project extends BaseRecord {
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'client_hash', type: 'text' })
  clientHash: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  programme: ProjectProgramme;

  @Column({ type: 'text', nullable: true })
  action: string | null;

  @Column({ name: 'implementing_body', type: 'text', nullable: true })
  implementingBody: string | null;

  @Column({ name: 'implementing_organization_id', type: 'uuid', nullable: true })
  implementingOrganizationId: string | null;

  @Column({ type: 'text', nullable: true })
  cup: string | null;

  @Column({ type: 'text', nullable: true })
  rup: string | null;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ type: 'text' })
  status: ProjectStatus;

  /** euros, numeric(14,2): read as text by the driver */
  @Column({ name: 'expected_investment', type: 'numeric', precision: 14, scale: 2, nullable: true })
  expectedInvestment: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  documents: ProjectDocument[];
}

/** A municipality of a project (the door's `{ through }` binding reads this table). */
@Entity({ name: 'project_municipalities' })
export class ProjectMunicipality {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;
}

/** One dated snapshot of the financial progress (euros as text, numeric(14,2)). */
@Entity({ name: 'project_progress' })
export class ProjectProgress extends BaseRecord {
  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  programmed: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  admitted: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  committed: string;

  @Column({ type: 'numeric', precision: 14, scale: 2 })
  paid: string;
}

/** An organization funded by the project, with its grant. */
@Entity({ name: 'project_beneficiaries' })
export class ProjectBeneficiary {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true })
  amount: string | null;
}

@Entity({ name: 'project_initiatives' })
export class ProjectInitiative {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;
}

@Entity({ name: 'project_buildings' })
export class ProjectBuilding {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'building_id', type: 'uuid' })
  buildingId: string;
}

@Entity({ name: 'project_activities' })
export class ProjectActivity {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @PrimaryColumn({ name: 'activity_id', type: 'uuid' })
  activityId: string;
}

export const PROJECT_ENTITIES = [
  Project,
  ProjectMunicipality,
  ProjectProgress,
  ProjectBeneficiary,
  ProjectInitiative,
  ProjectBuilding,
  ProjectActivity,
];
