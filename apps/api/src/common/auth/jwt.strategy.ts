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
    const scope = await this.access.scopeFor(payload.sub);
    if (!scope) throw CommonErrors.UNAUTHENTICATED('Your account is not active');
    return scope;
  }
}
