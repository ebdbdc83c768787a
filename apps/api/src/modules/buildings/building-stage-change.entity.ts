import type { ReuseStage } from '@trama/contracts';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One move of a building along the reuse pipeline: who, when, from, to, why. */
@Entity({ name: 'building_stage_changes' })
export class BuildingStageChange {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'tenant_id', type: 'uuid' })
  tenantId: string;

  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @Column({ name: 'from_stage', type: 'text', nullable: true })
  fromStage: ReuseStage | null;

  @Column({ name: 'to_stage', type: 'text' })
  toStage: ReuseStage;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** the actor (stamped by the door) */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;
}
