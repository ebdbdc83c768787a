import { isIssuedAfterPasswordChange, passwordStamp } from '../../common/auth/token-validity';
import { generateRefreshToken, hashRefreshToken, lockMessage } from './refresh-token';

describe('session rules', () => {
  it('generates unguessable, URL-safe refresh tokens and stores only a SHA-256 hash', () => {
    const a = generateRefreshToken();
    const b = generateRefreshToken();
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).toBe(hashRefreshToken(a));
    expect(hashRefreshToken(a)).not.toBe(hashRefreshToken(b));
  });

  it('refuses access tokens issued under an older password, even within the same second', () => {
    const changedAt = new Date('2026-11-24T10:00:00.300Z');
    expect(isIssuedAfterPasswordChange(passwordStamp(changedAt), changedAt)).toBe(true);
    expect(isIssuedAfterPasswordChange(passwordStamp(new Date('2026-11-24T10:00:00.299Z')), changedAt)).toBe(false);
    expect(isIssuedAfterPasswordChange(passwordStamp(new Date('2026-11-24T09:59:00Z')), changedAt)).toBe(false);
    expect(isIssuedAfterPasswordChange(undefined, changedAt)).toBe(false);
    expect(isIssuedAfterPasswordChange(null, changedAt)).toBe(false);
  });

  it('tells a locked-out user when to try again', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(lockMessage(new Date('2026-11-24T10:15:00Z'), now)).toBe(
      'Too many failed sign-in attempts: the account is locked. Try again in 15 minutes (after 2026-11-24T10:15:00.000Z).',
    );
    expect(lockMessage(new Date('2026-11-24T10:00:20Z'), now)).toContain('Try again in 1 minute (');
  });
});
