import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

export const REVIEW_DECISIONS = ['approve', 'return', 'reopen'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * One review decision of one round of an activity (docs/activities.md, "The review thread"): written
 * in the transaction of the status change, never deleted. An undone decision keeps its row.
 */
@Entity({ name: 'activity_reviews' })
export class ActivityReview extends BaseRecord {
  @Column({ name: 'activity_id', type: 'uuid' })
  activityId: string;

  @Column({ type: 'int' })
  round: number;

  @Column({ type: 'text' })
  decision: ReviewDecision;

  @Column({ type: 'text', nullable: true })
  comment: string | null;

  @Column({ name: 'reviewer_id', type: 'uuid' })
  reviewerId: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'edited_at', type: 'timestamptz', nullable: true })
  editedAt: Date | null;

  /** when the author first opened the activity after this decision (return, reopen) */
  @Column({ name: 'seen_at', type: 'timestamptz', nullable: true })
  seenAt: Date | null;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt: Date | null;
}
