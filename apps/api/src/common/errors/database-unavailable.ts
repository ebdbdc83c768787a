/**
 * Whether an error means "the database cannot be reached right now" (the request may succeed if
 * retried in a few seconds), as opposed to a bug or a bad query. Such errors become 503
 * `SERVICE_UNAVAILABLE` with `Retry-After` (error.filter.ts). Shapes seen in tests
 * (database-outage.int-spec.ts, through a TCP proxy that is cut):
 * - pool cannot open a connection: `Error: connect ECONNREFUSED` (code on the error; an
 *   AggregateError with the same code when a host name resolves to several addresses);
 * - connection reset under a query: TypeORM's `QueryFailedError` whose `driverError` (and copied
 *   `code`) is `ECONNRESET`; pg's "Connection terminated unexpectedly" when the socket closes;
 * - server ending the session (`pg_terminate_backend`, shutdown): SQLSTATE 57P01 on the next
 *   query of a pooled client that had not noticed yet;
 * - host unreachable: pg-pool's "timeout exceeded when trying to connect" after
 *   `connectionTimeoutMillis` (database/data-source.ts).
 * SQLSTATE 57P02/57P03 (crash, starting up or shutting down), class 08 (connection exception) and
 * 53300 (too many connections) are the server's own words for the same situation.
 */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** SQLSTATEs: admin shutdown, crash shutdown, cannot connect now, too many connections. */
const SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

const MESSAGES = [
  /^Connection terminated/, // pg: "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect/, // pg-pool, connectionTimeoutMillis
  /^Client has encountered a connection error and is not queryable/, // pg
  /^Cannot use a pool after calling end on the pool/, // pg-pool, during shutdown
];

/** TypeORM's errors for a DataSource that is not (or no longer) connected. */
const TYPEORM_NAMES = new Set(['ConnectionIsNotSetError', 'CannotExecuteNotConnectedError', 'CannotConnectAlreadyConnectedError']);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function isSelfUnavailable(e: ErrorLike): boolean {
  const code = typeof e.code === 'string' ? e.code : '';
  if (NETWORK_CODES.has(code) || SERVER_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  if (typeof e.name === 'string' && TYPEORM_NAMES.has(e.name)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  return MESSAGES.some((pattern) => pattern.test(message));
}

/** Looks through TypeORM's `driverError`, `cause` chains and AggregateError's `errors` (a few levels). */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 4 || error === null || typeof error !== 'object') return false;
  const e = error as ErrorLike;
  if (isSelfUnavailable(e)) return true;
  const inner = [e.driverError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  return inner.some((x) => isDatabaseUnavailable(x, depth + 1));
}

/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_SECONDS = 5;
