import type { OrganizationKind, OrganizationSize, Resource, TargetGroup, Theme } from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** An organization of the register (DESIGN.md, Organization; docs/organizations.md). */
@Entity({ name: 'organizations' })
export class Organization extends BaseRecord {
  /** the key the client chose (idempotent creation); generated for rows made before it existed */
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** sha256 of the normalised creation request; null for rows made before idempotent creation */
  @Column({ name: 'client_hash', type: 'text', nullable: true })
  clientHash: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  kind: OrganizationKind;

  /** codice fiscale / partita IVA, normalised and checksum-verified; unique per tenant */
  @Column({ name: 'tax_code', type: 'text', nullable: true })
  taxCode: string | null;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  themes: Theme[];

  @Column({ name: 'target_groups', type: 'text', array: true, default: () => "'{}'" })
  targetGroups: TargetGroup[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  offers: Resource[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  needs: Resource[];

  @Column({ type: 'text', nullable: true })
  size: OrganizationSize | null;

  @Column({ type: 'text', nullable: true })
  website: string | null;

  /** the contact person: personal data, kept only with consent (a CHECK empties them without it) */
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone: string | null;

  @Column({ name: 'contact_consent', type: 'boolean', default: false })
  contactConsent: boolean;

  @Column({ name: 'contact_consent_at', type: 'timestamptz', nullable: true })
  contactConsentAt: Date | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'internal_notes', type: 'text', nullable: true })
  internalNotes: string | null;

  @Column({ name: 'last_verified_at', type: 'timestamptz', nullable: true })
  lastVerifiedAt: Date | null;

  @Column({ name: 'last_verified_by', type: 'uuid', nullable: true })
  lastVerifiedBy: string | null;

  /** the survivor this duplicate was merged into (then inactive, out of lists) */
  @Column({ name: 'merged_into', type: 'uuid', nullable: true })
  mergedInto: string | null;

  @Column({ name: 'merged_at', type: 'timestamptz', nullable: true })
  mergedAt: Date | null;
}
