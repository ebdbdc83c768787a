import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_COOKIE = 'trama_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** The device cookie: a browser that signed in before with an e-mail skips that e-mail's back-off for strangers. */
export const DEVICE_COOKIE = 'trama_device';
export const DEVICE_COOKIE_PATH = '/api/auth/login';
export const DEVICE_COOKIE_TTL_DAYS = 180;

/** A refresh token: 256 random bits, URL-safe. Only its hash is stored. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A sign-in back-off: when it ends, in words the login page can show (the same for known and unknown e-mails). */
export function lockMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts with this email: try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${lockedUntil.toISOString()}).`;
}

/** Whole seconds until a back-off ends, for Retry-After (at least 1). */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
