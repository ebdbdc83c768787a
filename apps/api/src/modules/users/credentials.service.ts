import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { CredentialsRepository, type LoginCandidate } from './credentials.repository';

export type { LoginCandidate };

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

  passwordHashOf(userId: string): Promise<string | null> {
    return this.credentials.passwordHashOf(userId);
  }

  passwordChangedAt(userId: string, tx?: ScopedTx): Promise<Date | null> {
    return this.credentials.passwordChangedAt(userId, tx);
  }

  recordSuccess(tx: ScopedTx, userId: string): Promise<void> {
    return this.credentials.recordSuccess(tx, userId);
  }

  setPassword(tx: ScopedTx, userId: string, passwordHash: string): Promise<void> {
    return this.credentials.setPassword(tx, userId, passwordHash);
  }
}
