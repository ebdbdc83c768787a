import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Role } from '@trama/contracts';
import { AccessScope } from '../access/access-scope';
import { CommonErrors } from '../errors/app-error';
import { ALLOW_PENDING_PASSWORD_CHANGE, IS_PUBLIC, ROLES_KEY } from './decorators';

/**
 * Global guard: every route needs a valid access token unless marked @Public(); a user who must
 * change a temporary password reaches only the routes marked @AllowPendingPasswordChange();
 * @Roles() narrows by role.
 */
@Injectable()
export class AppAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const scope = context.switchToHttp().getRequest<{ user?: unknown }>().user;
    if (!(scope instanceof AccessScope)) throw CommonErrors.UNAUTHENTICATED();
    if (scope.passwordChangeRequired && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD_CHANGE, targets)) {
      throw CommonErrors.PASSWORD_CHANGE_REQUIRED();
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0) scope.requireRole(...roles);
    return true;
  }

  override handleRequest<T>(error: unknown, user: T): T {
    if (error) throw error;
    if (!user) throw CommonErrors.UNAUTHENTICATED();
    return user;
  }
}
