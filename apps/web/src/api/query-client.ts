import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { checksPassword?: boolean };
  }
}

/** The query key of the logged-in user; a null value means "not logged in". */
export const ME_QUERY_KEY = ['me'] as const;

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx will not change by asking again; network and 5xx errors get two more tries.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/**
 * One client per app. A 401 anywhere means the session is gone, so `me` becomes null and the
 * route guard sends the user to the login page; a 403 asking for a password change refetches `me`.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    if (error.code === 'unauthenticated') client.setQueryData(ME_QUERY_KEY, null);
    if (error.code === 'password_change_required') void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({
      // The login form reads its 401 as a wrong password, not as a lost session.
      onError: (error, _vars, _result, mutation) => {
        if (!mutation.meta?.checksPassword) onError(error);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  return client;
}
