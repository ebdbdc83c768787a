import { Injectable } from '@nestjs/common';
import type { Role } from '@trama/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { User } from '../users/user.entity';

export interface LoginCandidate {
  id: string;
  tenantId: string | null;
  email: string;
  role: Role;
  active: boolean;
  passwordHash: string;
}

/**
 * Credentials of users (the sign-in counters are in SignInBackoffRepository). These queries run before anyone is signed in (or on
 * the caller's own row), so they cannot take an AccessScope: an email is unique across the
 * platform and a user id is the caller's own. They never return profile data.
 */
@Injectable()
export class CredentialsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private em(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findForLogin(email: string): Promise<LoginCandidate | null> {
    const row = await this.em()
      .createQueryBuilder(User, 'u')
      .select('u.id', 'id')
      .addSelect('u.tenant_id', 'tenantId')
      .addSelect('u.email', 'email')
      .addSelect('u.role', 'role')
      .addSelect('u.active', 'active')
      .addSelect('u.password_hash', 'passwordHash')
      .where('u.email = :email', { email })
      .getRawOne<LoginCandidate>();
    return row ?? null;
  }

  async passwordHashOf(userId: string): Promise<string | null> {
    const row = await this.em()
      .createQueryBuilder(User, 'u')
      .select('u.password_hash', 'passwordHash')
      .where('u.id = :userId', { userId })
      .getRawOne<{ passwordHash: string }>();
    return row?.passwordHash ?? null;
  }

  /** When the user's password last changed: access tokens issued before it are refused. */
  async passwordChangedAt(userId: string, manager?: EntityManager): Promise<Date | null> {
    const row = await this.em(manager)
      .createQueryBuilder(User, 'u')
      .select('u.password_changed_at', 'at')
      .where('u.id = :userId', { userId })
      .getRawOne<{ at: Date }>();
    return row ? new Date(row.at) : null;
  }

  /** A successful sign-in: last_login_at is set. */
  async recordSuccess(manager: EntityManager, userId: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ lastLoginAt: () => 'now()' })
      .where('id = :userId', { userId })
      .execute();
  }

  /**
   * A new password (changed by its owner or reset by a coordinator): password_changed_at moves
   * on (older access tokens stop working).
   */
  async setPassword(manager: EntityManager, userId: string, passwordHash: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, passwordChangedAt: () => 'clock_timestamp()' })
      .where('id = :userId', { userId })
      .execute();
  }
}
