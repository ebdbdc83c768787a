import type { ActivityStatus, Role } from '@trama/contracts';
import type { ActivityDto } from '../api/types';
import type { SessionUser } from '../../../lib/api/types';

/**
 * What the interface offers around activities. The server decides on every request; these only
 * avoid showing controls that would be refused (status machine in the API's activity-status.ts).
 */
export const ACTIVITY_AUTHOR_ROLES: readonly Role[] = ['innovator'];
export const ACTIVITY_REVIEWER_ROLES: readonly Role[] = ['coordinator', 'admin'];
export const EDITABLE_STATUSES: readonly ActivityStatus[] = ['draft', 'returned'];

export type ActivityAction = 'edit' | 'submit' | 'approve' | 'return' | 'reopen';

export function canLogActivities(role: Role): boolean {
  return ACTIVITY_AUTHOR_ROLES.includes(role);
}

export function canReview(role: Role): boolean {
  return ACTIVITY_REVIEWER_ROLES.includes(role);
}

export function isEditable(status: ActivityStatus): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/** The actions the user may take on an activity in its current status. */
export function allowedActions(activity: Pick<ActivityDto, 'status' | 'author'>, user: Pick<SessionUser, 'id' | 'role'>): ActivityAction[] {
  const actions: ActivityAction[] = [];
  const isAuthor = activity.author.id === user.id;
  if (isAuthor && isEditable(activity.status)) actions.push('edit', 'submit');
  if (canReview(user.role)) {
    if (activity.status === 'submitted') actions.push('approve', 'return');
    if (activity.status === 'approved') actions.push('reopen');
  }
  return actions;
}
