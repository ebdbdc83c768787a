import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { CredentialsRepository, type LoginCandidate, type ResetAccount } from './credentials.repository';

export type { LoginCandidate, ResetAccount };

/**
 * The accounts' credentials (password hash, password stamp, last sign-in), for sign-in (the auth
 * feature) and for user management (a reset). The users feature owns the `users` table, so the
 * other features reach these columns here. No scope: sign-in runs before one exists. The sign-in
 * back-off is not here: it is keyed by the e-mail string, not by account (auth's SignInBackoffService).
 */
@Injectable()
export class CredentialsService {
  constructor(private readonly credentials: CredentialsRepository) {}

  findForLogin(email: string): Promise<LoginCandidate | null> {
    return this.credentials.findForLogin(email);
  }

  /** The account of an e-mail or an id, for a password reset by e-mail (locked in `tx` when given). */
  findForReset(by: { email: string } | { id: string }, tx?: ScopedTx): Promise<ResetAccount | null> {
    return this.credentials.findForReset(by, tx);
  }

  passwordHashOf(userId: string): Promise<string | null> {
    return this.credentials.passwordHashOf(userId);
  }

  passwordChangedAt(userId: string, tx?: ScopedTx): Promise<Date | null> {
    return this.credentials.passwordChangedAt(userId, tx);
  }

  recordSuccess(tx: ScopedTx, userId: string): Promise<void> {
    return this.credentials.recordSuccess(tx, userId);
  }

  /** `temporaryUntil`: set by a coordinator or an admin (a temporary password, expiring then); null: the owner's own. */
  setPassword(tx: ScopedTx, userId: string, passwordHash: string, temporaryUntil: Date | null): Promise<void> {
    return this.credentials.setPassword(tx, userId, passwordHash, temporaryUntil);
  }
}
