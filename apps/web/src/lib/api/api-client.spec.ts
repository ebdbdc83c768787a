import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LoginResponse } from '@trama/contracts';
import { apiRequest, getAccessToken, setAccessToken, setSessionHandlers } from './api-client';
import { ApiRequestError } from './api-error';

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

describe('apiRequest', () => {
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
    fetchMock.mockResolvedValueOnce(json(200, { items: [], total: 0 }));
    await expect(apiRequest('/users', { query: { role: 'innovator', q: '', page: 2 } })).resolves.toEqual({ items: [], total: 0 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0][0]).toBe('/api/users?role=innovator&page=2');
    expect(authorization(fetchMock.mock.calls[0])).toBe('Bearer old-token');
  });

  it('on a 401 refreshes once, then retries the call with the new token', async () => {
    fetchMock
      .mockResolvedValueOnce(json(401, unauthenticated))
      .mockResolvedValueOnce(json(200, session('new-token')))
      .mockResolvedValueOnce(json(200, { ok: true }));

    await expect(apiRequest('/auth/me')).resolves.toEqual({ ok: true });

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

  it('ends the session when the refresh is refused, without retrying', async () => {
    fetchMock.mockResolvedValueOnce(json(401, unauthenticated)).mockResolvedValueOnce(json(401, unauthenticated));

    const error = await apiRequest('/users').catch((e: unknown) => e);

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

    await expect(apiRequest('/users')).rejects.toMatchObject({ status: 401 });
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

    const results = await Promise.all([apiRequest('/a'), apiRequest('/b'), apiRequest('/c')]);

    expect(results).toEqual([{ url: '/api/a' }, { url: '/api/b' }, { url: '/api/c' }]);
    expect(refreshes).toBe(1);
  });

  it('does not try to refresh for the login call itself', async () => {
    fetchMock.mockResolvedValueOnce(json(401, { statusCode: 401, error: 'Unauthorized', code: 'INVALID_CREDENTIALS', message: 'Invalid' }));
    await expect(apiRequest('/auth/login', { method: 'POST', body: {}, refreshOn401: false })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
    });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('keeps the session when the refresh cannot reach the server', async () => {
    fetchMock.mockResolvedValueOnce(json(401, unauthenticated)).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(apiRequest('/users')).rejects.toMatchObject({ code: 'NETWORK_ERROR', status: 0 });
    expect(onExpired).not.toHaveBeenCalled();
  });

  it('returns undefined for 204 and turns non-JSON errors into a generic ApiRequestError', async () => {
    fetchMock
      .mockResolvedValueOnce(new Response(null, { status: 204 }))
      .mockResolvedValueOnce(new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(apiRequest('/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    await expect(apiRequest('/users')).rejects.toMatchObject({ status: 502, code: 'HTTP_502' });
  });
});
