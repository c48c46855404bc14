import type { TChangePasswordRequest, TLoginRequest, TMe } from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error';
import { apiFetch } from './api-fetch';
import { ME_QUERY_KEY } from './query-client';

/** `GET /api/me`; any error answer means "not logged in" (only a network failure is an error). */
async function fetchMe(): Promise<TMe | null> {
  try {
    return await apiFetch<TMe>('/api/me');
  } catch (err) {
    if (err instanceof ApiError && err.code !== 'network') return null;
    throw err;
  }
}

/** The logged-in user, or null. Every guard and greeting reads this one cached query. */
export function useMe() {
  return useQuery({ queryKey: ME_QUERY_KEY, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Logs in and caches the answer as `me`, so the guard lets the user in without a refetch. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TLoginRequest) => apiFetch<TMe>('/api/auth/login', { method: 'POST', body }),
    meta: { checksPassword: true },
    onSuccess: (me) => client.setQueryData(ME_QUERY_KEY, me),
  });
}

/** Logs out and forgets every cached answer, so the next user on this device sees nothing of ours. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiFetch<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      client.clear();
      client.setQueryData(ME_QUERY_KEY, null);
    },
  });
}

/** Changes the own password; the current session survives, the account's other sessions end. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) =>
      apiFetch<void>('/api/me/password', { method: 'POST', body }),
    // A wrong current password is a 400 naming the field, so a 401 here does mean the session is
    // gone and is handled like any other. On success `mustChangePassword` has become false.
    onSuccess: () => client.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}

/** The words a new password must not contain: the user's own identifiers. */
export function personalWords(me: TMe | null | undefined): string[] {
  if (!me) return [];
  return [me.person.employeeNo, me.account.login, me.person.name].filter(Boolean);
}
