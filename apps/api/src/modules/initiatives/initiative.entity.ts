import type { FundingSource, InitiativeStatus, Theme } from '@trama/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/**
 * An initiative of social innovation (DESIGN.md, Initiative; docs/initiatives.md). Its municipalities
 * are rows of `initiative_municipalities` (the main one, `municipalityId`, included); its
 * organizations rows of `initiative_organizations`.
 */
@Entity({ name: 'initiatives' })
export class Initiative extends BaseRecord {
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @Column({ name: 'client_hash', type: 'text' })
  clientHash: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** the main municipality (also a row of initiative_municipalities) */
  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  /** the hosting building (checked through BuildingsService); no foreign key yet: the integrator adds it */
  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId: string | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  themes: Theme[];

  @Column({ type: 'text' })
  status: InitiativeStatus;

  @Column({ name: 'start_date', type: 'date', nullable: true })
  startDate: string | null;

  @Column({ name: 'end_date', type: 'date', nullable: true })
  endDate: string | null;

  @Column({ name: 'funding_source', type: 'text', nullable: true })
  fundingSource: FundingSource | null;

  /** euros, numeric(14,2): read as text by the driver */
  @Column({ name: 'funding_amount', type: 'numeric', precision: 14, scale: 2, nullable: true })
  fundingAmount: string | null;

  @Column({ type: 'text', nullable: true })
  cup: string | null;

  @Column({ name: 'beneficiaries_count', type: 'int', nullable: true })
  beneficiariesCount: number | null;

  @Column({ name: 'beneficiaries_description', type: 'text', nullable: true })
  beneficiariesDescription: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  /** never shown to municipality users */
  @Column({ name: 'internal_notes', type: 'text', nullable: true })
  internalNotes: string | null;

  /** why it was stopped (the latest stop) */
  @Column({ name: 'stop_reason', type: 'text', nullable: true })
  stopReason: string | null;
}

/** A municipality of an initiative (the door's `{ through }` binding reads this table). */
@Entity({ name: 'initiative_municipalities' })
export class InitiativeMunicipality {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;
}

/** An organization of an initiative: its lead (at most one) or a partner. */
@Entity({ name: 'initiative_organizations' })
export class InitiativeOrganization {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  role: 'lead' | 'partner';
}

/** One change of an initiative's status (its timeline). */
@Entity({ name: 'initiative_status_changes' })
export class InitiativeStatusChange extends BaseRecord {
  @Column({ name: 'initiative_id', type: 'uuid' })
  initiativeId: string;

  @Column({ name: 'from_status', type: 'text', nullable: true })
  fromStatus: InitiativeStatus | null;

  @Column({ name: 'to_status', type: 'text' })
  toStatus: InitiativeStatus;

  @Column({ name: 'effective_date', type: 'date', nullable: true })
  effectiveDate: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
