import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-local';
import { AuthCookies } from './auth-cookies';
import { AuthErrors } from './auth.errors';
import { type AcceptedSignIn, AuthService, SignInBackoff } from './auth.service';
import { lockMessage, retryAfterSeconds } from './refresh-token';

/** Email + password. The body has been validated (LoginDto) by LocalAuthGuard before this runs. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: AuthCookies,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true, session: false });
  }

  async validate(req: Request, email: string, password: string): Promise<AcceptedSignIn> {
    try {
      return await this.auth.validateCredentials({ email, password, ip: req.ip, deviceToken: this.cookies.readDevice(req) });
    } catch (error) {
      if (!(error instanceof SignInBackoff)) throw error;
      const now = new Date();
      req.res?.setHeader('Retry-After', String(retryAfterSeconds(error.until, now)));
      throw AuthErrors.ACCOUNT_LOCKED(lockMessage(error.until, now));
    }
  }
}
