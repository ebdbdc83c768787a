import { ACTIVITY_STATUSES, type ActivityStatus } from '@trama/contracts';
import { ACTIVITY_ACTIONS, type ActivityAction, EDITABLE_STATUSES, isEditable, nextStatus, REVIEW_ACTIONS } from './activity-status';

/** The whole table, written out: status × action → next status, or null when refused. */
const TABLE: Record<ActivityStatus, Record<ActivityAction, ActivityStatus | null>> = {
  draft: { submit: 'submitted', approve: null, return: null, reopen: null },
  submitted: { submit: null, approve: 'approved', return: 'returned', reopen: null },
  approved: { submit: null, approve: null, return: null, reopen: 'returned' },
  returned: { submit: 'submitted', approve: null, return: null, reopen: null },
};

describe('the status machine of an activity', () => {
  const pairs = ACTIVITY_STATUSES.flatMap((status) => ACTIVITY_ACTIONS.map((action) => [status, action] as const));

  it.each(pairs)('from %s, %s', (status, action) => {
    expect(nextStatus(status, action)).toBe(TABLE[status][action]);
  });

  it('lets the author edit only drafts and returned activities', () => {
    expect(ACTIVITY_STATUSES.filter(isEditable)).toEqual(['draft', 'returned']);
    expect(EDITABLE_STATUSES).toEqual(['draft', 'returned']);
  });

  it('reserves every action but submit to reviewers', () => {
    expect([...REVIEW_ACTIONS].sort()).toEqual(['approve', 'reopen', 'return']);
  });

  it('can reach approved from a draft, and come back to it after a reopen', () => {
    const path: ActivityAction[] = ['submit', 'return', 'submit', 'approve', 'reopen', 'submit', 'approve'];
    let status: ActivityStatus = 'draft';
    for (const action of path) {
      const next = nextStatus(status, action);
      expect(next).not.toBeNull();
      status = next as ActivityStatus;
    }
    expect(status).toBe('approved');
  });
});
