import { MutationCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { homeKeys } from '../features/home/api/home-keys';
import { isApiRequestError } from '../lib/api/api-error';
import { connectSession } from '../lib/auth/session';
import { i18n } from '../lib/i18n/i18n';

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    // every change (a submit, an approval, a return, an edit) may change what the homes and the badges count
    mutationCache: new MutationCache({ onSettled: () => client.invalidateQueries({ queryKey: homeKeys.all }) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change by asking again; network blips and 5xx may.
        retry: (failureCount, error) => failureCount < 2 && !(isApiRequestError(error) && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
  return client;
}

export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  useEffect(() => connectSession(client), [client]);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </I18nextProvider>
  );
}
