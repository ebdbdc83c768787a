import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { LoginResponseDto } from './dto/login.response';
import type { IssuedSession } from './auth.service';
import { DEVICE_COOKIE, DEVICE_COOKIE_PATH, DEVICE_COOKIE_TTL_DAYS, REFRESH_COOKIE, REFRESH_COOKIE_PATH } from './refresh-token';

/**
 * The refresh-token cookie: httpOnly, SameSite=Strict, sent only to /api/auth, Secure in production
 * and whenever APP_ORIGIN is https. The device cookie has the same attributes, is sent only to the
 * sign-in route and outlives sign-out (it is no credential: it only exempts this browser from the
 * back-off strangers cause).
 */
@Injectable()
export class AuthCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  private options(): CookieOptions {
    return { httpOnly: true, sameSite: 'strict', path: REFRESH_COOKIE_PATH, secure: this.config.secureCookies };
  }

  read(req: Request): string | undefined {
    return cookieOf(req, REFRESH_COOKIE);
  }

  readDevice(req: Request): string | undefined {
    return cookieOf(req, DEVICE_COOKIE);
  }

  writeDevice(res: Response, token: string): void {
    res.cookie(DEVICE_COOKIE, token, { ...this.options(), path: DEVICE_COOKIE_PATH, maxAge: DEVICE_COOKIE_TTL_DAYS * 86_400_000 });
  }

  write(res: Response, token: string): void {
    res.cookie(REFRESH_COOKIE, token, { ...this.options(), maxAge: this.config.refreshTokenTtlDays * 86_400_000 });
  }

  /** Sets the session's refresh cookie (and a new device cookie, if the sign-in made one) and returns the body for the client. */
  send(res: Response, session: IssuedSession): LoginResponseDto {
    this.write(res, session.refreshToken);
    if (session.deviceToken) this.writeDevice(res, session.deviceToken);
    return session.body;
  }

  clear(res: Response): void {
    res.clearCookie(REFRESH_COOKIE, this.options());
  }
}

function cookieOf(req: Request, name: string): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 100 ? value : undefined;
}
