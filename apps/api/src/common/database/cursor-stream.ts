import type { DataSource } from 'typeorm';

export interface CursorOptions {
  /** rows per FETCH, default 1000 */
  batchSize?: number;
  /** the cursor's name (an SQL identifier), default `stream_cursor` */
  cursor?: string;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * The rows of one query, in batches read from a server-side cursor inside one read-only
 * REPEATABLE READ transaction (a consistent snapshot) on a connection of its own. The next batch
 * is fetched only when the consumer asks for it, so memory stays flat whatever the size; a
 * consumer that stops early (a client gone) ends the generator, which rolls back and returns the
 * connection to the pool. Feature code reaches it through the door (`ScopedData.stream`), which
 * hands it only SQL built from scoped queries.
 */
export async function* streamCursor<R>(
  dataSource: DataSource,
  sql: string,
  parameters: readonly unknown[],
  options: CursorOptions = {},
): AsyncGenerator<R[]> {
  const batchSize = Math.trunc(options.batchSize ?? 1000);
  const cursor = options.cursor ?? 'stream_cursor';
  if (!IDENTIFIER.test(cursor)) throw new Error(`streamCursor: ${cursor} is not a plain identifier`);
  if (!(batchSize > 0)) throw new Error('streamCursor: batchSize must be positive');
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  let open = false;
  try {
    await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    open = true;
    await runner.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${sql}`, [...parameters]);
    for (;;) {
      const rows: R[] = await runner.query(`FETCH ${batchSize} FROM ${cursor}`);
      if (rows.length === 0) break;
      yield rows;
    }
    await runner.query('COMMIT');
    open = false;
  } finally {
    try {
      if (open) await runner.query('ROLLBACK');
    } finally {
      await runner.release();
    }
  }
}
