import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
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
 * credential, so no AccessScope exists yet) or revoked by user/family id: every statement takes
 * the door's exit, inside the caller's transaction.
 */
@Injectable()
export class RefreshTokensRepository {
  async insert(
    tx: ScopedTx,
    token: { userId: string; tenantId: string | null; familyId: string; tokenHash: string; expiresAt: Date },
  ): Promise<void> {
    await tx
      .unscoped('refresh tokens: a new token of a session, for the user signing in or refreshing')
      .createQueryBuilder()
      .insert()
      .into(RefreshToken)
      .values(token)
      .execute();
  }

  /** The token with this hash, locked for the rest of the transaction (two refreshes with one token cannot both win). */
  async findByHashForUpdate(tx: ScopedTx, tokenHash: string): Promise<StoredRefreshToken | null> {
    const row = await tx
      .unscoped('refresh tokens: the presented token is the credential, found by its hash')
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

  async markUsed(tx: ScopedTx, id: string): Promise<void> {
    await tx
      .unscoped('refresh tokens: marks the presented token used')
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ usedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Revokes every live token of one sign-in. Returns how many were revoked. */
  async revokeFamily(tx: ScopedTx, familyId: string, reason: RevokeReason): Promise<number> {
    const result = await tx
      .unscoped('refresh tokens: ends the session of a presented token')
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('family_id = :familyId', { familyId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }

  /** Revokes every live token of a user (all their sessions). Returns how many were revoked. */
  async revokeAllOfUser(tx: ScopedTx, userId: string, reason: RevokeReason): Promise<number> {
    const result = await tx
      .unscoped('refresh tokens: ends every session of a user (their own change, or an authorised reset)')
      .createQueryBuilder()
      .update(RefreshToken)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId', { userId })
      .andWhere('revoked_at IS NULL')
      .execute();
    return result.affected ?? 0;
  }
}
