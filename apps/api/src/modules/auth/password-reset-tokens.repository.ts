import { Injectable } from '@nestjs/common';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';

export interface UsableResetToken {
  id: string;
  userId: string;
  tenantId: string | null;
}

/**
 * The links of "Password dimenticata?" (`password_reset_tokens`), stored as SHA-256 hashes. The
 * token is the credential and no one is signed in: every statement takes the door's exit.
 */
@Injectable()
export class PasswordResetTokensRepository {
  constructor(private readonly door: ScopedData) {}

  async insert(tx: ScopedTx, token: { userId: string; tenantId: string | null; tokenHash: string; expiresAt: Date }): Promise<void> {
    await tx
      .unscoped('password reset: a new link for the account of a requested e-mail, before any sign-in')
      .query(`INSERT INTO password_reset_tokens (user_id, tenant_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
        token.userId,
        token.tenantId,
        token.tokenHash,
        token.expiresAt,
      ]);
  }

  /** The unused, unexpired token with this hash, locked (two uses of one link cannot both win). */
  async findUsableForUpdate(tx: ScopedTx, tokenHash: string): Promise<UsableResetToken | null> {
    const rows: { id: string; user_id: string; tenant_id: string | null }[] = await tx
      .unscoped('password reset: the presented link is the credential, found by its hash')
      .query(
        `SELECT id, user_id, tenant_id FROM password_reset_tokens
          WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
        [tokenHash],
      );
    const row = rows[0];
    return row ? { id: row.id, userId: row.user_id, tenantId: row.tenant_id } : null;
  }

  /** Marks every unused link of the user used (the one presented and any older one); returns how many. */
  async useAllOfUser(tx: ScopedTx, userId: string): Promise<number> {
    const result: [unknown[], number] = await tx
      .unscoped('password reset: the links of the user whose password the presented link just reset')
      .query(`UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL`, [userId]);
    return result[1];
  }

  /** Deletes links expired for a day (housekeeping of every account). */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.door
      .unscoped('password reset: the pruner deletes links expired for a day (platform housekeeping)')
      .query(`DELETE FROM password_reset_tokens WHERE expires_at < now() - interval '1 day'`);
    return result[1];
  }
}
