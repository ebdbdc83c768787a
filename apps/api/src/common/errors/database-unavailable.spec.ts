import { isDatabaseUnavailable } from './database-unavailable';

/** pg's DatabaseError: a message and a SQLSTATE code. */
const pgError = (code: string, message = 'server error') => Object.assign(new Error(message), { code, severity: 'FATAL' });
/** TypeORM's QueryFailedError: the driver's error in `driverError`, its fields copied. */
const queryFailed = (driverError: Error & { code?: string }) =>
  Object.assign(new Error(driverError.message), { name: 'QueryFailedError', driverError, code: driverError.code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['connection refused', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['reset under a query', queryFailed(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))],
    ['terminated by the administrator (57P01)', queryFailed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['crash shutdown (57P02)', pgError('57P02')],
    ['starting up or shutting down (57P03)', pgError('57P03', 'the database system is shutting down')],
    ['connection exception (08006)', pgError('08006')],
    ['connection does not exist (08003)', pgError('08003')],
    ['too many connections (53300)', pgError('53300')],
    ['socket closed', new Error('Connection terminated unexpectedly')],
    ['connect timeout', new Error('timeout exceeded when trying to connect')],
    ['client broken', new Error('Client has encountered a connection error and is not queryable')],
    ['several addresses refused', Object.assign(new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]), {})],
    ['cause chain', new Error('wrapped', { cause: Object.assign(new Error('x'), { code: 'EHOSTUNREACH' }) })],
    ['DataSource gone', Object.assign(new Error('not connected'), { name: 'CannotExecuteNotConnectedError' })],
  ])('is true for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', queryFailed(pgError('23505', 'duplicate key value violates unique constraint'))],
    ['invalid input syntax', queryFailed(pgError('22P02'))],
    ['NUL in text', queryFailed(pgError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))],
    ['statement timeout (57014)', queryFailed(pgError('57014', 'canceling statement due to statement timeout'))],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a message that only mentions a connection', new Error('Connection limit of the tenant reached')],
    ['not an error', 'ECONNREFUSED'],
    ['null', null],
  ])('is false for %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('does not loop on a cyclic cause', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    a.cause = a;
    expect(isDatabaseUnavailable(a)).toBe(false);
  });
});
