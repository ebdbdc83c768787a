import type { ActivityStatus, ActivityType, Theme } from '@trama/contracts';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/**
 * An activity of the field log (DESIGN.md, Activity). The `search` tsvector is a generated column
 * of the table, deliberately not mapped: TypeORM never writes it.
 */
@Entity({ name: 'activities' })
export class Activity extends BaseRecord {
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  /** sha256 of the normalised creation request (idempotent creation) */
  @Column({ name: 'client_hash', type: 'text' })
  clientHash: string;

  @Column({ name: 'author_id', type: 'uuid' })
  authorId: string;

  @Column({ name: 'municipality_id', type: 'uuid' })
  municipalityId: string;

  @Column({ type: 'date' })
  date: string;

  /** type, title, duration and participants may be missing in a draft (CHECK activities_complete_unless_draft) */
  @Column({ name: 'duration_minutes', type: 'int', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'text', nullable: true })
  type: ActivityType | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'participants_total', type: 'int', nullable: true })
  participantsTotal: number | null;

  @Column({ name: 'participants_citizens', type: 'int', nullable: true })
  participantsCitizens: number | null;

  @Column({ name: 'participants_youth', type: 'int', nullable: true })
  participantsYouth: number | null;

  @Column({ name: 'participants_families', type: 'int', nullable: true })
  participantsFamilies: number | null;

  @Column({ name: 'participants_ets', type: 'int', nullable: true })
  participantsEts: number | null;

  @Column({ name: 'participants_businesses', type: 'int', nullable: true })
  participantsBusinesses: number | null;

  @Column({ name: 'participants_public_staff', type: 'int', nullable: true })
  participantsPublicStaff: number | null;

  @Column({ type: 'text', array: true, default: () => `'{}'` })
  themes: Theme[];

  /** the building where it took place, set through the API as `building` (checked by BuildingsService); no foreign key yet */
  @Column({ name: 'building_id', type: 'uuid', nullable: true })
  buildingId: string | null;

  /** the linked initiative: composite foreign key (tenant_id, initiative_id) → initiatives, set through the API as `initiative` */
  @Column({ name: 'initiative_id', type: 'uuid', nullable: true })
  initiativeId: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ type: 'text', nullable: true })
  outcomes: string | null;

  @Column({ name: 'follow_ups', type: 'text', nullable: true })
  followUps: string | null;

  /** never shown to municipality users */
  @Column({ name: 'internal_notes', type: 'text', nullable: true })
  internalNotes: string | null;

  /** `deleted`: a soft-deleted draft, which the readable rule leaves out everywhere (never in the API's vocabulary) */
  @Column({ type: 'text', default: 'draft' })
  status: ActivityStatus | 'deleted';

  /** submissions so far: a review decision belongs to this round */
  @Column({ name: 'review_round', type: 'int', default: 0 })
  reviewRound: number;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Column({ name: 'deleted_by', type: 'uuid', nullable: true })
  deletedBy: string | null;

  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment: string | null;

  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ name: 'submitted_by', type: 'uuid', nullable: true })
  submittedBy: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'reviewed_by', type: 'uuid', nullable: true })
  reviewedBy: string | null;
}
