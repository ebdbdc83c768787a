import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RefreshToken } from './refresh-token.entity';

export interface StoredRefreshToken {
  id: string;
  userId: string;
  tenantId: string | null;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
}

export type RevokeReason = 'reuse' | 'logout' | 'password_change' | 'password_reset' | 'deactivated' | 'inactive';

/**
 * Refresh tokens, looked up by the SHA-256 hash of the presented token (the token is the
 * credential, so no AccessScope exists yet) or revoked by user/family id.
 */
@Injectable()
export class RefreshTokensRepository {
  async insert(
    manager: EntityManager,
    token: { userId: string; tenantId: string | null; familyId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await manager.createQueryBuilder().insert().into(RefreshToken).values(token).execute();
  }

  /** The token with this hash, locked for the rest of the transaction (two refreshes with one token cannot both win). */
  async findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<StoredRefreshToken | null> {
    const row = await manager
      .createQueryBuilder(RefreshToken, 'rt')
      .select('rt.id', 'id')
      .addSelect('rt.user_id', 'userId')
      .addSelect('rt.tenant_id', 'tenantId')
      .addSelect('rt.family_id', 'familyId')
      .addSelect('rt.expires_at', 'expiresAt')
      .addSelect('rt.used_at', 'usedAt')
      .addSelect('rt.revoked_at', 'revokedAt')
      .where('rt.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getRawOne<StoredRefreshToken>();
    return row ?? null;
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ usedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Revokes every live token of one sign-in. Returns how many were revoked. */
  async revokeFamily(manager: EntityManager, familyId: string, reason: RevokeReason): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('family_id = :familyId', { familyId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }

  /** Revokes every live token of a user (all their sessions). Returns how many were revoked. */
  async revokeAllOfUser(manager: EntityManager, userId: string, reason: RevokeReason): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }
}
