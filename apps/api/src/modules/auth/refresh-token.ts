import { createHash, randomBytes } from 'node:crypto';

export const REFRESH_COOKIE = 'trama_refresh';
export const REFRESH_COOKIE_PATH = '/api/auth';

/** A refresh token: 256 random bits, URL-safe. Only its hash is stored. */
export function generateRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A sign-in attempt's lock: when it ends, in words the login page can show. */
export function lockMessage(lockedUntil: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 60_000));
  return `Too many failed sign-in attempts: the account is locked. Try again in ${minutes} minute${minutes === 1 ? '' : 's'} (after ${lockedUntil.toISOString()}).`;
}
