import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { CredentialsRepository, type FailureOutcome, type LoginCandidate } from './credentials.repository';

export type { FailureOutcome, LoginCandidate };

/**
 * The accounts' credentials (password hash, password stamp, sign-in counters), for sign-in (the
 * auth feature) and for user management (a reset). The users feature owns the `users` table, so
 * the other features reach these columns here. No scope: sign-in runs before one exists.
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

  recordFailure(tx: ScopedTx, userId: string, maxFailures: number, lockoutMinutes: number): Promise<FailureOutcome> {
    return this.credentials.recordFailure(tx, userId, maxFailures, lockoutMinutes);
  }

  recordSuccess(tx: ScopedTx, userId: string): Promise<void> {
    return this.credentials.recordSuccess(tx, userId);
  }

  setPassword(tx: ScopedTx, userId: string, passwordHash: string): Promise<void> {
    return this.credentials.setPassword(tx, userId, passwordHash);
  }
}
