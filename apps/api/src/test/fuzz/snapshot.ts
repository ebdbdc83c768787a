import { Client } from 'pg';

/** table → `rows:sum of xmin` */
export type Snapshot = Record<string, string>;

/**
 * Tables that are not records: the migrations, the request throttle's counters, which count
 * every attempt on a throttled route whatever its answer (that is their job: docs/sign-in.md), and
 * the two models' stored results and job rows (reuse scores; collaboration suggestions, open suggestions, communities and
 * runs), derived data a background recompute writes after an earlier accepted request, whenever it runs
 * (docs/reuse.md, docs/collaborations.md), and the data versions (`map_versions`): bumped by the triggers
 * of the tables above and of the records (whose own rows show any write), and by every collaboration
 * recompute (docs/collaborations.md "Stored suggestions").
 */
const NOT_RECORDS = [
  'migrations',
  'rate_limit_hits',
  'reuse_scores',
  'reuse_jobs',
  'collaboration_suggestions',
  'collaboration_communities',
  'collaboration_open_suggestions',
  'collaboration_runs',
  'map_versions',
];

/**
 * What a refused request must leave as it was: every table of the test database, by its row count
 * and the sum of its rows' `xmin` (the transaction that wrote each row version). An insert or a
 * delete changes the count, an update gives the row a new xmin; a rolled-back change leaves both.
 * Cheaper than hashing the rows, and read with the test's own pg client, not the app's pool.
 */
export class Snapshots {
  private constructor(
    private readonly client: Client,
    private readonly sql: string,
  ) {}

  static async open(databaseUrl: string): Promise<Snapshots> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND NOT (tablename = ANY($1)) ORDER BY tablename`,
      [NOT_RECORDS],
    );
    if (rows.length < 5) throw new Error(`fuzz: only ${rows.length} tables in the test database`);
    const sql = rows
      .map(
        ({ name }) =>
          `SELECT '${name}' AS name, count(*)::text || ':' || coalesce(sum(xmin::text::bigint), 0)::text AS state FROM "${name}"`,
      )
      .join(' UNION ALL ');
    return new Snapshots(client, sql);
  }

  async take(): Promise<Snapshot> {
    const { rows } = await this.client.query<{ name: string; state: string }>(this.sql);
    return Object.fromEntries(rows.map((r) => [r.name, r.state]));
  }

  /** The tables that differ, with their row counts before → after. */
  static changed(before: Snapshot, after: Snapshot): string[] {
    return Object.keys(after)
      .filter((name) => before[name] !== after[name])
      .map((name) => `${name} (rows ${before[name]?.split(':')[0]} → ${after[name].split(':')[0]})`);
  }

  close(): Promise<void> {
    return this.client.end();
  }
}
