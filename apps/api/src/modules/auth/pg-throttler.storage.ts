import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ScopedData } from '../../common/access/scoped-data';

/** What @nestjs/throttler expects back from a storage (its ThrottlerStorageRecord). */
export interface ThrottleRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

interface HitRow {
  total: number;
  accepted: boolean;
  expires_in: number;
  retry_in: number;
}

/**
 * @nestjs/throttler's counters in PostgreSQL, so that every API replica counts the same requests.
 * One row per key holds the accepted requests of the last `ttl` (a sliding window, oldest first);
 * a request is accepted while fewer than `limit` of them remain, in one atomic upsert (the row
 * lock orders concurrent requests of one key, from any replica). Rows of idle keys are deleted by
 * `prune()` (SignInStatePruner). Only sliding windows: a `blockDuration` is not supported.
 */
export class PgThrottlerStorage implements ThrottlerStorage {
  constructor(private readonly door: ScopedData) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number): Promise<ThrottleRecord> {
    if (blockDuration > 0) throw new Error('PgThrottlerStorage counts sliding windows only: use blockDuration 0');
    const rows: HitRow[] = await this.door
      .unscoped('request throttle: a platform table keyed by route and client address, counted before any scope exists')
      .query(
        `INSERT INTO rate_limit_hits AS r (key, hits, last_accepted, expires_at)
       VALUES ($1, ARRAY[now()], true, now() + $2::int * interval '1 millisecond')
       ON CONFLICT (key) DO UPDATE SET
         hits = CASE WHEN cardinality(array(SELECT h FROM unnest(r.hits) AS h WHERE h > now() - $2::int * interval '1 millisecond' ORDER BY h)) < $3
                     THEN array(SELECT h FROM unnest(r.hits) AS h WHERE h > now() - $2::int * interval '1 millisecond' ORDER BY h) || now()
                     ELSE array(SELECT h FROM unnest(r.hits) AS h WHERE h > now() - $2::int * interval '1 millisecond' ORDER BY h) END,
         last_accepted = cardinality(array(SELECT h FROM unnest(r.hits) AS h WHERE h > now() - $2::int * interval '1 millisecond' ORDER BY h)) < $3,
         expires_at = now() + $2::int * interval '1 millisecond'
       RETURNING cardinality(r.hits) AS total, r.last_accepted AS accepted,
                 ceil(extract(epoch FROM r.expires_at - now()))::int AS expires_in,
                 ceil(extract(epoch FROM r.hits[1] + $2::int * interval '1 millisecond' - now()))::int AS retry_in`,
        [key, ttl, limit],
      );
    const row = rows[0];
    return {
      totalHits: row.total + (row.accepted ? 0 : 1),
      timeToExpire: row.expires_in,
      isBlocked: !row.accepted,
      timeToBlockExpire: row.accepted ? 0 : Math.max(1, row.retry_in),
    };
  }

  /** Deletes the rows of keys with no request in their last window. Returns how many. */
  async prune(): Promise<number> {
    const result: [unknown[], number] = await this.door
      .unscoped('request throttle: the pruner deletes ended windows of every key (platform housekeeping)')
      .query(`DELETE FROM rate_limit_hits WHERE expires_at < now()`);
    return result[1];
  }
}
