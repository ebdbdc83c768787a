import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { api, download, getAccessToken, serializeQuery, setAccessToken, setSessionHandlers, unwrap } from './api-client';
import { ApiRequestError } from './api-error';
import type { LoginResponse } from './types';

function json(status: number, body?: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

const unauthenticated = { statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'Token expired' };
const session = (token: string): LoginResponse => ({
  accessToken: token,
  expiresIn: 900,
  user: { id: 'u1', email: 'a@b.it', fullName: 'A B', role: 'coordinator', tenant: null, assignedMunicipalities: [], territory: null },
});

function authorization(call: Parameters<typeof fetch>): string | undefined {
  return (call[1]?.headers as Record<string, string>).Authorization;
}

describe('the API client over the session', () => {
  const onRefreshed = jest.fn();
  const onExpired = jest.fn();
  let fetchMock: ReturnType<typeof jest.fn<typeof fetch>>;

  beforeEach(() => {
    fetchMock = jest.fn<typeof fetch>();
    globalThis.fetch = fetchMock;
    onRefreshed.mockReset();
    onExpired.mockReset();
    setSessionHandlers({ onRefreshed, onExpired });
    setAccessToken('old-token');
  });

  it('sends the access token and returns the JSON body', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0, page: 2, pageSize: 50 }));
    await expect(unwrap(api.GET('/api/users', { params: { query: { role: 'innovator', q: '', page: 2 } } }))).resolves.toEqual({
      items: [],
      total: 0,
      page: 2,
      pageSize: 50,
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/users?role=innovator&page=2');
    expect(authorization(fetchMock.mock.calls[0])).toBe('Bearer old-token');
  });

  it('fills path parameters encoded, and sends bodies as JSON', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { id: 'a/b' }));
    await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: 'a/b' } }, body: { version: 3, fullName: 'Anna Bianchi' } }));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/users/a%2Fb');
    expect(init?.method).toBe('PATCH');
    expect(JSON.parse(String(init?.body))).toEqual({ version: 3, fullName: 'Anna Bianchi' });
    expect((init?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('on a 401 refreshes once, then retries the call with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, unauthenticated))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(200, { ok: true }));

    await expect(unwrap(api.GET('/api/auth/me'))).resolves.toEqual({ ok: true });

    expect(fetchMock.mock.calls.map((c) => `${c[1]?.method} ${String(c[0])}`)).toEqual([
      'GET /api/auth/me',
      'POST /api/auth/refresh',
      'GET /api/auth/me',
    ]);
    expect(authorization(fetchMock.mock.calls[2])).toBe('Bearer new-token');
    expect(fetchMock.mock.calls[1][1]?.credentials).toBe('same-origin');
    expect(getAccessToken()).toBe('new-token');
    expect(onRefreshed).toHaveBeenCalledWith(session('new-token'));
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('retries a call with a body with the same body', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, unauthenticated))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(200, { id: 'u2' }));
    await unwrap(api.PATCH('/api/users/{id}', { params: { path: { id: 'u2' } }, body: { version: 1, active: false } }));
    expect(fetchMock.mock.calls[0][1]?.body).toBe('{"version":1,"active":false}');
    expect(fetchMock.mock.calls[2][1]?.body).toBe('{"version":1,"active":false}');
  });

  it('ends the session when the refresh is refused, without retrying', async () => {
    fetchMock.mockResolvedValueOnce(json(401, unauthenticated)).mockResolvedValueOnce(json(401, unauthenticated));

    const error = await unwrap(api.GET('/api/users')).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(onExpired).toHaveBeenCalledTimes(1);
    expect(getAccessToken()).toBeNull();
  });

  it('does not loop when the retried call is refused again', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, unauthenticated))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(401, unauthenticated));

    await expect(unwrap(api.GET('/api/users'))).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).toHaveBeenCalledTimes(3);
  });

  it('shares one refresh between concurrent calls that get a 401', async () => {
    let refreshes = 0;
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === '/api/auth/refresh') {
        refreshes++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return json(200, session('new-token'));
      }
      const auth = (init?.headers as Record<string, string>).Authorization;
      return auth === 'Bearer new-token' ? json(200, { url }) : json(401, unauthenticated);
    });

    const get = (id: string) => unwrap(api.GET('/api/activities/{id}', { params: { path: { id } } }));
    const results = await Promise.all([get('a'), get('b'), get('c')]);

    expect(results).toEqual([{ url: '/api/activities/a' }, { url: '/api/activities/b' }, { url: '/api/activities/c' }]);
    expect(refreshes).toBe(1);
  });

  it('does not try to refresh for the login call itself', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Invalid' }));
    await expect(unwrap(api.POST('/api/auth/login', { body: { email: 'a@b.it', password: 'wrong-password' } }))).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('keeps the session when the refresh cannot reach the server', async () => {
    fetchMock.mockResolvedValueOnce(json(401, unauthenticated)).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(unwrap(api.GET('/api/users'))).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('returns undefined for 204 and turns non-JSON errors into a generic ApiRequestError', async () => {
    fetchMock
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(unwrap(api.POST('/api/auth/logout'))).resolves.toBeUndefined();
    await expect(unwrap(api.GET('/api/users'))).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it("turns the server's error body into an ApiRequestError with its code and field details", async () => {
    fetchMock.mockResolvedValueOnce(
      json(400, {
        statusCode: 400,
        error: 'Bad Request',
        code: 'VALIDATION_FAILED',
        message: 'Validation failed',
        details: [{ field: 'email', messages: ['email must be an email'] }],
      }),
    );
    const error = await unwrap(api.POST('/api/users', { body: { email: 'nope', fullName: 'X', role: 'innovator' } })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', message: 'Validation failed' });
    expect((error as ApiRequestError).fieldMessages('email')).toEqual(['email must be an email']);
  });

  it('downloads a file with the session, named by Content-Disposition, refreshing on a 401 like any call', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, unauthenticated))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(
        new Response('a;b\n', { status: 200, headers: { 'Content-Disposition': "attachment; filename*=UTF-8''attivit%C3%A0.csv" } }),
      );
    const file = await download(
      api.GET('/api/activities/export', { params: { query: { format: 'csv-it', theme: 'youth' } }, parseAs: 'blob' }),
    );
    expect(file.filename).toBe('attività.csv');
    await expect(file.blob.text()).resolves.toBe('a;b\n');
    expect(fetchMock.mock.calls[2][0]).toBe('/api/activities/export?format=csv-it&theme=youth');
    expect(authorization(fetchMock.mock.calls[2])).toBe('Bearer new-token');
  });
});

describe('serializeQuery', () => {
  it('leaves out empty values and repeats the key of an array', () => {
    expect(serializeQuery({ q: '', status: undefined, tenant: null, theme: ['youth', 'culture'], page: 1, active: false })).toBe(
      'theme=youth&theme=culture&page=1&active=false',
    );
  });
});
