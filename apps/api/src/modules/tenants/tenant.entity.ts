import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A metropolitan city. Its primary key is the tenant id every other table carries. */
@Entity({ name: 'tenants' })
export class Tenant {
  @PrimaryGeneratedColumn('uuid', { name: 'tenant_id' })
  id: string;

  /** ISTAT code of the metropolitan city: province code + 200 (Bari 272, Bologna 237) */
  @Column({ name: 'istat_code', type: 'varchar', length: 3, unique: true })
  istatCode: string;

  @Column({ type: 'text' })
  name: string;

  /** file prefix of its territory data, e.g. `bari` for bari-comuni.csv */
  @Column({ type: 'text' })
  slug: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @Column({ type: 'int', default: 1 })
  version: number;
}
