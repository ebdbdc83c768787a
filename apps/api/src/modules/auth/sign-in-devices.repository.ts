import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A user keeps at most this many device cookies (the newest). */
const DEVICES_PER_USER = 20;

/**
 * Browsers that signed in successfully, by the SHA-256 of their device cookie. A device is known
 * for one e-mail (the one it signed in with) until it expires.
 */
@Injectable()
export class SignInDevicesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async isKnown(tokenHash: string, emailKey: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM sign_in_devices WHERE token_hash = $1 AND email_key = $2 AND expires_at > now()`,
      [tokenHash, emailKey],
    );
    return rows.length > 0;
  }

  async insert(
    manager: EntityManager,
    device: { tokenHash: string; userId: string; tenantId: string | null; emailKey: string; expiresAt: Date },
  ): Promise<void> {
    await manager.query(`INSERT INTO sign_in_devices (token_hash, user_id, tenant_id, email_key, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
      device.tokenHash,
      device.userId,
      device.tenantId,
      device.emailKey,
      device.expiresAt,
    ]);
    await manager.query(
      `DELETE FROM sign_in_devices WHERE user_id = $1 AND token_hash NOT IN (
         SELECT token_hash FROM sign_in_devices WHERE user_id = $1 ORDER BY created_at DESC, token_hash LIMIT $2)`,
      [device.userId, DEVICES_PER_USER],
    );
  }

  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.dataSource.query(`DELETE FROM sign_in_devices WHERE expires_at < now()`);
    return result[1];
  }
}
