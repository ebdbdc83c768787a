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

/**
 * The users feature's rules as sources other features select from (staff lists, names of
 * authors and reviewers) without naming the tables: `door.select(scope, usersPolicy.users, 'u')`.
 */
@Injectable()
export class UsersPolicy {
  readonly users: ScopedSource<User> = { target: User, rule: readableUsers };
  readonly assignments: ScopedSource<UserMunicipality> = { target: UserMunicipality, rule: readableAssignments };
}
