import { createHash } from 'node:crypto';
import { normalizeIp } from '@nestjs/throttler';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The key of an e-mail string in the sign-in back-off: a SHA-256 of the trimmed, lower-cased
 * text, whether or not any account has it. `SQL_EMAIL_KEY` computes the same in PostgreSQL.
 */
export function emailKey(email: string): string {
  return sha256(`email:${email.trim().toLowerCase()}`);
}

/** The SQL twin of emailKey() over a column holding a normalised e-mail (users.email is stored lower-case). */
export const SQL_EMAIL_KEY = (column: string) => `encode(sha256(convert_to('email:' || ${column}, 'UTF8')), 'hex')`;

/**
 * The key of a client address (req.ip, which follows TRUST_PROXY): IPv6 addresses count by
 * their /64, as the request throttle does, since one host usually holds a whole /64.
 */
export function clientKey(address: string | undefined): string {
  return sha256(`client:${address ? normalizeIp(address) : 'unknown'}`);
}
