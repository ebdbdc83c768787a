import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository';
import { RefreshTokensRepository, type RevokeReason } from './refresh-tokens.repository';

/**
 * Sessions (refresh-token families) as other features may end them: user management ends a
 * user's sessions on deactivation and on a password reset, in its own transaction. The caller
 * has already checked that it may manage the user.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly resetLinks: PasswordResetTokensRepository,
  ) {}

  /** Revokes every live refresh token of a user; returns how many were revoked. */
  revokeAllOfUser(tx: ScopedTx, userId: string, reason: RevokeReason): Promise<number> {
    return this.refreshTokens.revokeAllOfUser(tx, userId, reason);
  }

  /** Voids the user's unused password-reset links (a new password was set another way: a link sent before must not replace it). */
  voidResetLinks(tx: ScopedTx, userId: string): Promise<number> {
    return this.resetLinks.useAllOfUser(tx, userId);
  }
}
