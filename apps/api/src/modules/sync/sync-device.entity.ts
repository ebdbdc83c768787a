import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** The last successful sync of one device of a user (field mode, docs/field-mode.md). */
@Entity({ name: 'sync_devices' })
export class SyncDevice {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  /** a random id the browser keeps in localStorage */
  @PrimaryColumn({ name: 'device_id', type: 'text' })
  deviceId: string;

  @Column({ name: 'last_sync_at', type: 'timestamptz' })
  lastSyncAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
