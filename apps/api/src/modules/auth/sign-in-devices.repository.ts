import { Injectable } from '@nestjs/common';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';

/** A user keeps at most this many device cookies (the newest). */
const DEVICES_PER_USER = 20;

/**
 * Browsers that signed in successfully, by the SHA-256 of their device cookie. A device is known
 * for one e-mail (the one it signed in with) until it expires. Read and written during sign-in,
 * before any scope exists: every statement takes the door's exit.
 */
@Injectable()
export class SignInDevicesRepository {
  constructor(private readonly door: ScopedData) {}

  async isKnown(tokenHash: string, emailKey: string): Promise<boolean> {
    const rows: unknown[] = await this.door
      .unscoped('sign-in devices: the presented device cookie is checked before any scope exists')
      .query(`SELECT 1 FROM sign_in_devices WHERE token_hash = $1 AND email_key = $2 AND expires_at > now()`, [tokenHash, emailKey]);
    return rows.length > 0;
  }

  async insert(
    tx: ScopedTx,
    device: { tokenHash: string; userId: string; tenantId: string | null; emailKey: string; expiresAt: Date },
  ): Promise<void> {
    await tx
      .unscoped('sign-in devices: the browser of a successful sign-in, recorded before the session exists')
      .query(`INSERT INTO sign_in_devices (token_hash, user_id, tenant_id, email_key, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
        device.tokenHash,
        device.userId,
        device.tenantId,
        device.emailKey,
        device.expiresAt,
      ]);
    await tx.unscoped('sign-in devices: a user keeps their newest device cookies only').query(
      `DELETE FROM sign_in_devices WHERE user_id = $1 AND token_hash NOT IN (
         SELECT token_hash FROM sign_in_devices WHERE user_id = $1 ORDER BY created_at DESC, token_hash LIMIT $2)`,
      [device.userId, DEVICES_PER_USER],
    );
  }

  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.door
      .unscoped('sign-in devices: the pruner deletes expired device cookies of every tenant (platform housekeeping)')
      .query(`DELETE FROM sign_in_devices WHERE expires_at < now()`);
    return result[1];
  }
}
