import type { Role } from '@trama/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A person who signs in. Admins have no tenant; everyone else belongs to exactly one. */
@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid', nullable: true })
  tenantId: string | null;

  /** stored lower-case; unique across the platform */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @Column({ name: 'password_changed_at', type: 'timestamptz', default: () => 'now()' })
  passwordChangedAt: Date;

  /** set while the password is a temporary one (set by a coordinator or an admin): it must be changed, and stops signing in then */
  @Column({ name: 'temporary_password_expires_at', type: 'timestamptz', nullable: true })
  temporaryPasswordExpiresAt: Date | null;

  /** innovators: employment dates (the programme's first indicator counts them) */
  @Column({ name: 'hired_on', type: 'date', nullable: true })
  hiredOn: string | null;

  @Column({ name: 'contract_end', type: 'date', nullable: true })
  contractEnd: string | null;

  /** municipality users: one municipality, or one social area and its municipalities */
  @Column({ name: 'scope_municipality_id', type: 'uuid', nullable: true })
  scopeMunicipalityId: string | null;

  @Column({ name: 'scope_social_area_id', type: 'uuid', nullable: true })
  scopeSocialAreaId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;
}
