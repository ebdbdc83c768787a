import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { LoginResponse } from '@trama/contracts';
import type { IssuedSession } from './auth.service';
import { REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './refresh-token';

/** The refresh-token cookie: httpOnly, SameSite=Strict, sent only to /api/auth, Secure in production and whenever APP_ORIGIN is https. */
@Injectable()
export class AuthCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private options(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: this.config.secureCookies };
  }

  read(req: Request): string | undefined {
    const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
    return typeof value === 'string' && value.length > 0 ? value : undefined;
  }

  write(res: Response, token: string): void {
    res.cookie(REFRESH_COOKIE, token, { ...this.options(), maxAge: this.config.refreshTokenTtlDays * 86_400_000 });
  }

  /** Sets the session's refresh cookie and returns the body for the client. */
  send(res: Response, session: IssuedSession): LoginResponse {
    this.write(res, session.refreshToken);
    return session.body;
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, this.options());
  }
}
