import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** What runs a scoped query inside an outer shell: the door (`ScopedData` or a transaction's `ScopedTx`). */
export interface ShellRunner {
  run<R>(qb: SelectQueryBuilder<ObjectLiteral>, shell: (sql: string) => string): Promise<R[]>;
}

/**
 * The number of rows a query matches, counted up to `cap + 1`: `SELECT count(*) FROM (<query>
 * LIMIT cap + 1)`. The LIMIT lets PostgreSQL stop reading an index after cap + 1 entries, where an
 * exact count of a large table costs a full (index-only) scan on every page. `qb` is not changed.
 */
export async function countCapped(runner: ShellRunner, qb: SelectQueryBuilder<ObjectLiteral>, cap: number): Promise<number> {
  const limited = qb.clone().limit(Math.trunc(cap) + 1);
  const [{ n }] = await runner.run<{ n: number }>(limited, (sql) => `SELECT count(*)::int AS n FROM (${sql}) counted`);
  return n;
}

/** A capped count as a page reports it: `total` at most `cap`, `capped` when there were more. */
export function cappedTotal(n: number, cap: number): { total: number; capped: boolean } {
  return { total: Math.min(n, cap), capped: n > cap };
}
