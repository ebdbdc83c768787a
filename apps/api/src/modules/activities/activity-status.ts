import type { ActivityStatus } from '@trama/contracts';

/**
 * The status machine of an activity (docs/activities.md):
 *
 *   draft ──submit──▶ submitted ──approve──▶ approved
 *                        │  ▲                   │
 *                   return  submit           reopen
 *                        ▼  │                   │
 *                      returned ◀───────────────┘
 *
 * Editing (PATCH) is not a transition: it is allowed in the editable statuses and keeps the status.
 */
export const ACTIVITY_ACTIONS = ['submit', 'approve', 'return', 'reopen'] as const;
export type ActivityAction = (typeof ACTIVITY_ACTIONS)[number];

export const TRANSITIONS: Readonly<Record<ActivityAction, { from: readonly ActivityStatus[]; to: ActivityStatus }>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  return: { from: ['submitted'], to: 'returned' },
  reopen: { from: ['approved'], to: 'returned' },
};

/** Actions of the review, reserved to coordinators (and admins); `submit` belongs to the author. */
export const REVIEW_ACTIONS: readonly ActivityAction[] = ['approve', 'return', 'reopen'];

/** Statuses in which the author may edit the activity. */
export const EDITABLE_STATUSES: readonly ActivityStatus[] = ['draft', 'returned'];

/** A status as stored: `deleted` (a soft-deleted draft) is read by nobody, so no move starts from it. */
export type StoredStatus = ActivityStatus | 'deleted';

/** The status after `action`, or null when the action is not allowed from `status`. */
export function nextStatus(status: StoredStatus, action: ActivityAction): ActivityStatus | null {
  const transition = TRANSITIONS[action];
  return status !== 'deleted' && transition.from.includes(status) ? transition.to : null;
}

export function isEditable(status: StoredStatus): boolean {
  return status !== 'deleted' && EDITABLE_STATUSES.includes(status);
}
