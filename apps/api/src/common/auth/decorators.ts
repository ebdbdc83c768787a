import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import type { Request } from 'express';
import { AccessScope } from '../access/access-scope';
import { CommonErrors } from '../errors/app-error';

export const IS_PUBLIC = 'trama:isPublic';
export const ROLES_KEY = 'trama:roles';
export const ALLOW_PENDING_PASSWORD_CHANGE = 'trama:allowPendingPasswordChange';

/** The route needs no sign-in. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * The route stays open to a user who must change a temporary password first (me, the change
 * itself). Every other signed-in route answers them 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD_CHANGE, true);

/** Only these roles (and admins) may call the route. Finer rules (territory, ownership) live in services. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller's AccessScope, set by the auth guard. */
export const Scope = createParamDecorator((_: unknown, ctx: ExecutionContext): AccessScope => {
  const request = ctx.switchToHttp().getRequest<Request & { user?: unknown }>();
  if (!(request.user instanceof AccessScope)) throw CommonErrors.UNAUTHENTICATED();
  return request.user;
});
