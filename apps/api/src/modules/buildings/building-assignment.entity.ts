import type { AssignmentInstrument } from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** A building assigned to an organization; `endedAt` null = the current assignment (one per building). */
@Entity({ name: 'building_assignments' })
export class BuildingAssignment extends BaseRecord {
  @Column({ name: 'building_id', type: 'uuid' })
  buildingId: string;

  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'text' })
  instrument: AssignmentInstrument;

  @Column({ name: 'start_date', type: 'date' })
  startDate: string;

  @Column({ name: 'end_date', type: 'date' })
  endDate: string;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
