import { Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';
import { User } from './user.entity';

export interface LoginCandidate {
  id: string;
  tenantId: string | null;
  email: string;
  role: Role;
  active: boolean;
  passwordHash: string;
  lockedUntil: Date | null;
}

export interface FailureOutcome {
  /** consecutive failures counted so far (0 once the account got locked by this failure) */
  failedLogins: number;
  /** set when the account is locked (by this failure or a concurrent one) */
  lockedUntil: Date | null;
}

/**
 * Credentials and sign-in counters of users. These queries run before anyone is signed in (or on
 * the caller's own row), so they cannot take an AccessScope: an email is unique across the
 * platform and a user id is the caller's own. They take the door's exit, and never return profile data.
 */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly door: ScopedData) {}

  async findForLogin(email: string): Promise<LoginCandidate | null> {
    const row = await this.door
      .unscoped('credentials: sign-in looks the account up by e-mail before any scope exists')
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .addSelect('u.tenant_id', 'tenantId')
      .addSelect('u.email', 'email')
      .addSelect('u.role', 'role')
      .addSelect('u.active', 'active')
      .addSelect('u.password_hash', 'passwordHash')
      .addSelect('u.locked_until', 'lockedUntil')
      .where('u.email = :email', { email })
      .getRawOne<LoginCandidate>();
    return row ?? null;
  }

  async passwordHashOf(userId: string): Promise<string | null> {
    const row = await this.door
      .unscoped('credentials: the password hash of the signed-in user, never exposed by a scoped read')
      .createQueryBuilder(User, 'u')
      .select('u.password_hash', 'passwordHash')
      .where('u.id = :userId', { userId })
      .getRawOne<{ passwordHash: string }>();
    return row?.passwordHash ?? null;
  }

  /** When the user's password last changed: access tokens issued before it are refused. */
  async passwordChangedAt(userId: string, tx?: ScopedTx): Promise<Date | null> {
    const row = await (tx ?? this.door)
      .unscoped('credentials: the password stamp of a token being issued')
      .createQueryBuilder(User, 'u')
      .select('u.password_changed_at', 'at')
      .where('u.id = :userId', { userId })
      .getRawOne<{ at: Date }>();
    return row ? new Date(row.at) : null;
  }

  /**
   * Counts one failed sign-in, atomically: the failure that reaches `maxFailures` locks the
   * account for `lockoutMinutes` and restarts the count. A locked account is left as it is.
   */
  async recordFailure(tx: ScopedTx, userId: string, maxFailures: number, lockoutMinutes: number): Promise<FailureOutcome> {
    const rows: { failed_logins: number; locked_until: Date | null }[] = await tx
      .unscoped('credentials: counts a failed sign-in before any scope exists')
      .query(
        `UPDATE users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until  = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3::int) ELSE locked_until END
       WHERE id = $1 AND (locked_until IS NULL OR locked_until <= now())
       RETURNING failed_logins, CASE WHEN locked_until > now() THEN locked_until END AS locked_until`,
        [userId, maxFailures, lockoutMinutes],
      );
    // TypeORM returns [rows, affected] for UPDATE … RETURNING on postgres.
    const returned = (Array.isArray(rows[0]) ? rows[0] : rows) as { failed_logins: number; locked_until: Date | null }[];
    const row = returned[0];
    if (row) return { failedLogins: Number(row.failed_logins), lockedUntil: row.locked_until ? new Date(row.locked_until) : null };
    // Locked meanwhile by a concurrent failure: report the lock.
    const locked = await tx
      .unscoped('credentials: the lock set by a concurrent failed sign-in')
      .createQueryBuilder(User, 'u')
      .select('u.locked_until', 'lockedUntil')
      .where('u.id = :userId', { userId })
      .getRawOne<{ lockedUntil: Date | null }>();
    return { failedLogins: 0, lockedUntil: locked?.lockedUntil ? new Date(locked.lockedUntil) : null };
  }

  /** A successful sign-in: the failure count and any lock are cleared, last_login_at is set. */
  async recordSuccess(tx: ScopedTx, userId: string): Promise<void> {
    await tx
      .unscoped('credentials: a successful sign-in, recorded before the session exists')
      .createQueryBuilder()
      .update(User)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: () => 'now()' })
      .where('id = :userId', { userId })
      .execute();
  }

  /**
   * A new password (changed by its owner or reset by a coordinator): password_changed_at moves
   * on (older access tokens stop working) and any lock is cleared. A reset is authorised by the
   * caller's service first (the user read through the users' policy).
   */
  async setPassword(tx: ScopedTx, userId: string, passwordHash: string): Promise<void> {
    await tx
      .unscoped('credentials: the password hash, written only by change-password and an authorised reset')
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, passwordChangedAt: () => 'clock_timestamp()', failedLogins: 0, lockedUntil: null })
      .where('id = :userId', { userId })
      .execute();
  }
}
