import { jest } from '@jest/globals';
import { QueryClient } from '@tanstack/react-query';
import { render, type RenderResult } from '@testing-library/react';
import type { SessionUser } from '../lib/api/types';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { AppProviders } from '../app/providers';
import { sessionKey } from '../lib/auth/session';
import { i18n } from '../lib/i18n/i18n';

export const coordinator: SessionUser = {
  id: '00000000-0000-4000-8000-000000000001',
  email: 'coordinatore.bari@trama.test',
  fullName: 'Coordinatrice Bari',
  role: 'coordinator',
  tenant: { id: '00000000-0000-4000-8000-0000000000aa', istatCode: '272', name: 'Città Metropolitana di Bari' },
  assignedMunicipalities: [],
  territory: null,
};

export function testQueryClient(user: SessionUser | null = null): QueryClient {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  client.setQueryData(sessionKey, user);
  return client;
}

/** Renders a component with the app's real providers (query cache, i18n in Italian) and a router. */
export function renderWithApp(
  ui: ReactElement,
  options: { user?: SessionUser | null; path?: string; client?: QueryClient } = {},
): RenderResult & { client: QueryClient } {
  if (i18n.language !== 'it') void i18n.changeLanguage('it');
  const client = options.client ?? testQueryClient(options.user ?? null);
  const result = render(
    <AppProviders queryClient={client}>
      <MemoryRouter initialEntries={[options.path ?? '/']}>{ui}</MemoryRouter>
    </AppProviders>,
  );
  return { ...result, client };
}

/** The app's real providers around a hook under test (`renderHook(useX, { wrapper: appWrapper(client) })`). */
export function appWrapper(client: QueryClient) {
  return function AppWrapper({ children }: { children: ReactNode }) {
    return <AppProviders queryClient={client}>{children}</AppProviders>;
  };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
  });
}

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>;

/** Replaces global fetch with a router over "METHOD /path" handlers; unknown requests fail the test loudly. */
export function mockFetch(handlers: Record<string, Handler>) {
  const mock = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://localhost');
    const key = `${(init.method ?? 'GET').toUpperCase()} ${url.pathname}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`Unexpected request in test: ${key}`);
    return handler(url, init);
  });
  globalThis.fetch = mock as unknown as typeof fetch;
  return mock;
}
