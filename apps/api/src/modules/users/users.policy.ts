import { Injectable } from '@nestjs/common';
import type { Predicate, ScopedSource } from '../../common/access/scope-rules';
import { UserMunicipality } from './user-municipality.entity';
import { User } from './user.entity';

/**
 * Who sees which users: a coordinator the users of their tenant, an admin every user (the door
 * binds the tenant: an admin spans tenants); any other role only their own account.
 */
export const readableUsers: Predicate = (c, alias) =>
  c.scope.hasRole('coordinator') ? null : `${alias}.id = ${c.param(c.scope.actor.id)}`;

/**
 * Who sees which innovator assignments (`user_municipalities`): a coordinator (admin) those of
 * the tenant (of every tenant); any other role only their own.
 */
export const readableAssignments: Predicate = (c, alias) =>
  c.scope.hasRole('coordinator') ? null : `${alias}.user_id = ${c.param(c.scope.actor.id)}`;

const countedInnovators: Predicate = (_c, alias) => `${alias}.role = 'innovator'`;
const countedAssignments: Predicate = (c, alias) => c.territory(alias, { municipality: `${alias}.municipality_id`, rule: 'visible' });

/**
 * The users feature's rules as sources other features select from (staff lists, names of
 * authors and reviewers) without naming the tables: `door.select(scope, usersPolicy.users, 'u')`.
 */
@Injectable()
export class UsersPolicy {
  readonly users: ScopedSource<User> = { target: User, rule: readableUsers };
  readonly assignments: ScopedSource<UserMunicipality> = { target: UserMunicipality, rule: readableAssignments };

  /**
   * Innovators as the indicators count them (community managers employed): the tenant's
   * innovators, for every role that reads indicators. Only counts leave the indicators feature
   * (never a name, an e-mail or a date), so a municipality user may count what they may not list.
   */
  readonly countedInnovators: ScopedSource<User> = { target: User, rule: countedInnovators };

  /** Innovator assignments as the indicators count them: those in the caller's visible territory. */
  readonly countedAssignments: ScopedSource<UserMunicipality> = { target: UserMunicipality, rule: countedAssignments };
}
