import { Injectable } from '@nestjs/common';
import type { ScopedTx } from '../../common/access/scoped-data';
import { SignInBackoffRepository } from './sign-in-backoff.repository';
import { emailKey } from './sign-in-keys';

/**
 * The sign-in back-off as user management sees it: what a coordinator sees as "locked" on a user,
 * and the lift that comes with an authorised password reset (docs/sign-in.md). The counters are
 * keyed by the e-mail string, not by account, so the callers pass e-mails of users they have
 * already read (and may manage) through the users' policy.
 */
@Injectable()
export class SignInBackoffService {
  constructor(private readonly backoff: SignInBackoffRepository) {}

  /** The running e-mail-wide back-off of each of these e-mails (absent: none running), keyed by the e-mail as given. */
  async lockedUntil(emails: string[], tx?: ScopedTx): Promise<Map<string, Date>> {
    const running = await this.backoff.emailBlockedUntil(
      emails.map((email) => emailKey(email)),
      tx,
    );
    const out = new Map<string, Date>();
    for (const email of emails) {
      const until = running.get(emailKey(email));
      if (until) out.set(email, until);
    }
    return out;
  }

  /** Lifts every back-off of an e-mail (per client and e-mail-wide); returns how many counters were cleared. */
  lift(tx: ScopedTx, email: string): Promise<number> {
    return this.backoff.lift(tx, emailKey(email));
  }
}
