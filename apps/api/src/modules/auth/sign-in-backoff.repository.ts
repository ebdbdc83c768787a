import { Injectable } from '@nestjs/common';
import { ScopedData, type ScopedTx } from '../../common/access/scoped-data';

/** Where a sign-in attempt stands: the back-offs running for its client and for its e-mail. */
export interface BackoffState {
  /** this e-mail from this client address */
  clientBlockedUntil: Date | null;
  /** this e-mail from any client without a device cookie */
  emailBlockedUntil: Date | null;
}

export interface BackoffKeys {
  email: string;
  client: string;
}

/** How a counter turns failures into a back-off. */
export interface BackoffRule {
  /** the failure that starts the back-off */
  threshold: number;
  /** doubling (1, 2, 4, 8 … minutes) or linear (1, 2, 3 … minutes) */
  growth: 'doubling' | 'linear';
  /** the longest back-off, in minutes */
  capMinutes: number;
}

export interface FailureCount {
  failures: number;
  blockedUntil: Date | null;
}

/** The e-mail's counter over every client has this client key. */
export const EVERY_CLIENT = '';

/** Failures older than this are forgotten: the next one counts from 1. */
const MEMORY = `interval '1 day'`;

/**
 * Failed sign-ins and their back-off, per e-mail string (known or not: nothing here tells them
 * apart) and per (e-mail, client address), in PostgreSQL so that every replica shares them.
 * Every change is one atomic upsert or delete; the row lock orders concurrent attempts.
 * `sign_in_backoff` is a platform table with no tenant (its rows exist before anyone is signed
 * in and mostly belong to no account), so every statement takes the door's exit.
 */
@Injectable()
export class SignInBackoffRepository {
  constructor(private readonly door: ScopedData) {}

  async state(keys: BackoffKeys): Promise<BackoffState> {
    const rows: { client_key: string; blocked_until: Date }[] = await this.door
      .unscoped('sign-in back-off: the counters of an e-mail string, read before any account or scope exists')
      .query(
        `SELECT client_key, blocked_until FROM sign_in_backoff
          WHERE email_key = $1 AND client_key IN ($2, $3) AND blocked_until > now()`,
        [keys.email, keys.client, EVERY_CLIENT],
      );
    const of = (client: string) => {
      const row = rows.find((r) => r.client_key === client);
      return row ? new Date(row.blocked_until) : null;
    };
    return { clientBlockedUntil: of(keys.client), emailBlockedUntil: of(EVERY_CLIENT) };
  }

  /** Counts one failure on one counter; returns the count and the back-off it earned (if any). */
  async recordFailure(tx: ScopedTx, emailKey: string, clientKey: string, rule: BackoffRule): Promise<FailureCount> {
    const count = `CASE WHEN b.last_failure_at < now() - ${MEMORY} THEN 1 ELSE b.failures + 1 END`;
    const beyond = (failures: string) => `(${failures}) - $3::int`;
    const delay = (failures: string) =>
      rule.growth === 'doubling'
        ? `power(2, LEAST(${beyond(failures)}, 16))::int * interval '1 minute'`
        : `(${beyond(failures)} + 1) * interval '1 minute'`;
    const blockedUntil = (failures: string) =>
      `CASE WHEN (${failures}) >= $3::int THEN now() + LEAST($4::int * interval '1 minute', ${delay(failures)}) END`;
    const rows: { failures: number; blocked_until: Date | null }[] = await tx
      .unscoped('sign-in back-off: counts a failed sign-in of an e-mail string, known or not, before any scope exists')
      .query(
        `INSERT INTO sign_in_backoff AS b (email_key, client_key, failures, blocked_until, last_failure_at)
       VALUES ($1, $2, 1, ${blockedUntil('1')}, now())
       ON CONFLICT (email_key, client_key) DO UPDATE SET
         failures = ${count},
         blocked_until = ${blockedUntil(count)},
         last_failure_at = now()
       RETURNING b.failures, b.blocked_until`,
        [emailKey, clientKey, rule.threshold, rule.capMinutes],
      );
    const row = rows[0];
    return { failures: Number(row.failures), blockedUntil: row.blocked_until ? new Date(row.blocked_until) : null };
  }

  /**
   * A successful sign-in: this client's counter for the e-mail starts again, and so does the
   * e-mail's own counter unless it is backing off (strangers elsewhere are still guessing).
   */
  async recordSuccess(tx: ScopedTx, keys: BackoffKeys): Promise<void> {
    await tx.unscoped('sign-in back-off: a successful sign-in restarts its counters, before the session exists').query(
      `DELETE FROM sign_in_backoff
        WHERE email_key = $1 AND (client_key = $2 OR (client_key = $3 AND (blocked_until IS NULL OR blocked_until <= now())))`,
      [keys.email, keys.client, EVERY_CLIENT],
    );
  }

  /** Lifts every back-off of an e-mail (a password reset by a coordinator or an admin). Returns how many counters were cleared. */
  async lift(tx: ScopedTx, emailKey: string): Promise<number> {
    const result: [unknown[], number] = await tx
      .unscoped('sign-in back-off: an authorised password reset lifts the counters of that e-mail')
      .query(`DELETE FROM sign_in_backoff WHERE email_key = $1`, [emailKey]);
    return result[1];
  }

  /** The running e-mail-wide back-offs of these e-mail keys (what a coordinator sees as "locked"). */
  async emailBlockedUntil(emailKeys: string[], tx?: ScopedTx): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    if (emailKeys.length === 0) return out;
    const rows: { email_key: string; blocked_until: Date }[] = await (tx ?? this.door)
      .unscoped('sign-in back-off: the running back-off of e-mails of users the caller already read through the users policy')
      .query(
        `SELECT email_key, blocked_until FROM sign_in_backoff
        WHERE email_key = ANY($1::text[]) AND client_key = $2 AND blocked_until > now()`,
        [emailKeys, EVERY_CLIENT],
      );
    for (const row of rows) out.set(row.email_key, new Date(row.blocked_until));
    return out;
  }

  /** Deletes counters with no failure for a day and no running back-off. Returns how many. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.door
      .unscoped('sign-in back-off: the pruner deletes idle counters of every e-mail (platform housekeeping)')
      .query(`DELETE FROM sign_in_backoff WHERE last_failure_at < now() - ${MEMORY} AND (blocked_until IS NULL OR blocked_until < now())`);
    return result[1];
  }
}
