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
  /** set while the password is temporary: it must be changed at sign-in, and no longer signs in after this */
  temporaryPasswordExpiresAt: Date | null;
}

/** An account as a password reset by e-mail needs it (no hash). */
export interface ResetAccount {
  id: string;
  tenantId: string | null;
  email: string;
  fullName: string;
  active: boolean;
  /** the password was a temporary one (set by a coordinator or an admin) */
  temporary: boolean;
}

/**
 * Credentials of users (the sign-in counters are the auth feature's, in SignInBackoffRepository).
 * These queries run before anyone is signed in (or on the caller's own row), so they cannot take
 * an AccessScope: an email is unique across the platform and a user id is the caller's own. They
 * take the door's exit, and never return profile data.
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
      .addSelect('u.temporary_password_expires_at', 'temporaryPasswordExpiresAt')
      .where('u.email = :email', { email })
      .getRawOne<LoginCandidate>();
    return row ?? null;
  }

  /** The account of an e-mail (a reset request) or of an id (the account of a presented reset link), locked in `tx` when given. */
  async findForReset(by: { email: string } | { id: string }, tx?: ScopedTx): Promise<ResetAccount | null> {
    const qb = (tx ?? this.door)
      .unscoped('credentials: a password reset by e-mail finds the account before any sign-in')
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .addSelect('u.tenant_id', 'tenantId')
      .addSelect('u.email', 'email')
      .addSelect('u.full_name', 'fullName')
      .addSelect('u.active', 'active')
      .addSelect('u.temporary_password_expires_at IS NOT NULL', 'temporary');
    if ('email' in by) qb.where('u.email = :email', { email: by.email });
    else qb.where('u.id = :id', { id: by.id });
    if (tx) qb.setLock('pessimistic_write');
    const row = await qb.getRawOne<ResetAccount>();
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

  /** A successful sign-in: last_login_at is set. */
  async recordSuccess(tx: ScopedTx, userId: string): Promise<void> {
    await tx
      .unscoped('credentials: a successful sign-in, recorded before the session exists')
      .createQueryBuilder()
      .update(User)
      .set({ lastLoginAt: () => 'now()' })
      .where('id = :userId', { userId })
      .execute();
  }

  /**
   * A new password (changed by its owner or reset by a coordinator): password_changed_at moves
   * on (older access tokens stop working). A reset is authorised by the caller's service first
   * (the user read through the users' policy, then canResetPassword). `temporaryUntil`: a password
   * set by someone else is temporary (changed at the next sign-in, expiring then); the owner's own
   * is not (null).
   */
  async setPassword(tx: ScopedTx, userId: string, passwordHash: string, temporaryUntil: Date | null): Promise<void> {
    await tx
      .unscoped('credentials: the password hash, written only by change-password and an authorised reset')
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, passwordChangedAt: () => 'clock_timestamp()', temporaryPasswordExpiresAt: temporaryUntil })
      .where('id = :userId', { userId })
      .execute();
  }
}
