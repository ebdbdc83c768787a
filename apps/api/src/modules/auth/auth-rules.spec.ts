import { isIssuedAfterPasswordChange, passwordStamp } from '../../common/auth/token-validity';
import { generateRefreshToken, hashRefreshToken, lockMessage, retryAfterSeconds } from './refresh-token';
import { canResetPassword } from '../users/user-rules';
import { clientKey, emailKey } from './sign-in-keys';

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

  it('tells a backing-off caller when to try again, without saying whether the email has an account', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(lockMessage(new Date('2026-11-24T10:15:00Z'), now)).toBe(
      'Too many failed sign-in attempts with this email: try again in 15 minutes (after 2026-11-24T10:15:00.000Z).',
    );
    expect(lockMessage(new Date('2026-11-24T10:00:20Z'), now)).toContain('try again in 1 minute (');
    expect(retryAfterSeconds(new Date('2026-11-24T10:00:20.100Z'), now)).toBe(21);
    expect(retryAfterSeconds(new Date('2026-11-24T09:00:00Z'), now)).toBe(1);
  });

  it('keys the back-off by the normalised e-mail string and by the client address (an IPv6 /64 as one)', () => {
    expect(emailKey('  Anna@Trama.TEST ')).toBe(emailKey('anna@trama.test'));
    expect(emailKey('anna@trama.test')).toMatch(/^[0-9a-f]{64}$/);
    expect(emailKey('anna@trama.test')).not.toBe(emailKey('anna2@trama.test'));
    expect(clientKey('2001:db8:1:2::1')).toBe(clientKey('2001:db8:1:2:ffff::9'));
    expect(clientKey('2001:db8:1:2::1')).not.toBe(clientKey('2001:db8:1:3::1'));
    expect(clientKey('192.0.2.1')).not.toBe(clientKey('192.0.2.2'));
  });

  it('lets a coordinator reset only innovators and municipality users, an admin anyone but themselves', () => {
    const coordinator = { id: 'c', role: 'coordinator' as const };
    const admin = { id: 'a', role: 'admin' as const };
    expect(canResetPassword(coordinator, { id: 'i', role: 'innovator' })).toBe(true);
    expect(canResetPassword(coordinator, { id: 'm', role: 'municipality' })).toBe(true);
    expect(canResetPassword(coordinator, { id: 'c2', role: 'coordinator' })).toBe(false);
    expect(canResetPassword(coordinator, { id: 'a', role: 'admin' })).toBe(false);
    expect(canResetPassword(coordinator, coordinator)).toBe(false);
    expect(canResetPassword(admin, { id: 'c2', role: 'coordinator' })).toBe(true);
    expect(canResetPassword(admin, { id: 'a2', role: 'admin' })).toBe(true);
    expect(canResetPassword(admin, admin)).toBe(false);
    expect(canResetPassword({ id: 'i', role: 'innovator' }, { id: 'm', role: 'municipality' })).toBe(false);
  });
});
