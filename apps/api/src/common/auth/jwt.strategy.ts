import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AccessScope } from '../access/access-scope';
import { AccessService } from '../access/access.service';
import { CommonErrors } from '../errors/app-error';

export interface AccessTokenPayload {
  sub: string;
  role: string;
  tenant: string | null;
  /** the user's password_changed_at (epoch ms) when the token was issued: older than the current one → refused */
  pwdChangedAt: number;
  /** the session: the refresh-token family opened at sign-in. Once it is revoked (sign-out, reuse, reset) the token is refused. */
  sid: string;
}

/** Verifies the bearer access token, then loads the caller's AccessScope from the database. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly access: AccessService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(payload: AccessTokenPayload): Promise<AccessScope> {
    // Tokens issued before the last password change (or without the stamp), or of a session that ended, are refused.
    const scope = await this.access.scopeFor(payload.sub, {
      tokenPasswordStamp: typeof payload.pwdChangedAt === 'number' ? payload.pwdChangedAt : null,
      sessionId: typeof payload.sid === 'string' ? payload.sid : null,
    });
    if (!scope) throw CommonErrors.UNAUTHENTICATED('Your session has ended: sign in again');
    return scope;
  }
}
