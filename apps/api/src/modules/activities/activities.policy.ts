import { Injectable } from '@nestjs/common';
import type { AccessScope } from '../../common/access/access-scope';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { Activity } from './activity.entity';
import { ActivityOrganization } from './activity-organization.entity';

/**
 * Who reads which activities (docs/activities.md, "Who may do what"), on any alias; the door binds
 * the tenant (admins: every tenant) before it:
 * - coordinators and admins: every activity of the tenant, drafts included;
 * - municipality users: approved activities of their municipality or social area;
 * - innovators: their own (any status, any municipality), and colleagues' non-draft activities in
 *   the municipalities assigned to them. The assigned list is bound inside the OR branch as a
 *   literal list: the planner estimates it from statistics and can combine the author and
 *   municipality indexes (a BitmapOr). The tenant is repeated in that branch, as it always was.
 * A deleted draft (`status = 'deleted'`) is read by nobody: it is gone from details, lists, counts,
 * exports and staff output alike. `status` is in every list index's INCLUDE, so counts stay index-only.
 */
const readableActivities: Predicate = (c, a) => {
  const visible = c.territory(a, { municipality: `${a}.municipality_id`, rule: 'visible' });
  if (c.scope.role === 'municipality') return [visible, `${a}.status = 'approved'`];
  const notDeleted = `${a}.status <> 'deleted'`;
  if (c.scope.role === 'innovator') {
    const colleagues = c.and(
      `${a}.status <> 'draft'`,
      c.tenant(a),
      c.territory(a, { municipality: `${a}.municipality_id`, rule: 'assigned' }),
    );
    return [visible, notDeleted, c.or(`${a}.author_id = ${c.param(c.scope.actor.id)}`, colleagues)];
  }
  return [visible, notDeleted];
};

/**
 * The activities' visibility rule, for this feature and for those that read activities (staff
 * output today; map layers, indicators, models and sync next): compose `readable` instead of
 * naming the table or re-deriving the rule. Exported by ActivitiesModule.
 */
@Injectable()
export class ActivitiesPolicy {
  /** The activities the caller may read: `door.select(scope, policy.readable, 'a')`, `qb.subquery(policy.readable, 'la')`. */
  readonly readable: ScopedSource<Activity> = { target: Activity, rule: readableActivities };

  /** The same rule alone, for an alias of activities already in a query: `qb.andWhereRule('x', policy.readableRule)`. */
  readonly readableRule: Predicate = readableActivities;

  /** The organizations of the activities (tenant-bound); join `readable` on the activity to apply its rule (the collaboration network). */
  readonly organizations: ScopedSource<ActivityOrganization> = { target: ActivityOrganization, rule: {} };

  /**
   * The readable set as disjoint parts, each counted on its own index (an innovator: own activities
   * via the author index; colleagues' non-draft ones via the municipality index, with the assigned
   * municipalities spelled out), or null when it is one part. Each part only narrows a query
   * already bound by `readable`: it can never widen what is counted.
   */
  countParts(scope: AccessScope): Predicate[] | null {
    const assigned = scope.municipalityIds('assigned');
    if (scope.role !== 'innovator' || assigned === null) return null;
    const own: Predicate = (c, a) => `${a}.author_id = ${c.param(c.scope.actor.id)}`;
    if (assigned.length === 0) return [own];
    const colleagues: Predicate = (c, a) => [
      `${a}.author_id <> ${c.param(c.scope.actor.id)}`,
      `${a}.status <> 'draft'`,
      c.territory(a, { municipality: `${a}.municipality_id`, rule: 'assigned' }),
    ];
    return [own, colleagues];
  }

  /** Internal notes, the review comment and the reviewer are staff matters: municipality users never read them. */
  readsStaffFields(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }

  /** The history holds staff matters too: municipality users get 404 (as for a record they cannot read). */
  readsHistory(scope: AccessScope): boolean {
    return scope.role !== 'municipality';
  }
}
