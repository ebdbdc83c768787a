import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { RefreshTokensRepository, type RevokeReason } from './refresh-tokens.repository';

/**
 * Sessions (refresh-token families) as other features may end them: user management ends a
 * user's sessions on deactivation and on a password reset, in its own transaction. The caller
 * has already checked that it may manage the user.
 */
@Injectable()
export class SessionsService {
  constructor(private readonly refreshTokens: RefreshTokensRepository) {}

  /** Revokes every live refresh token of a user; returns how many were revoked. */
  revokeAllOfUser(tx: ScopedTx, userId: string, reason: RevokeReason): Promise<number> {
    return this.refreshTokens.revokeAllOfUser(tx, userId, reason);
  }
}
