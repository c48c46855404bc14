import type { TAccount, TPerson, TPersonInput, TPersonSummary, TPersonUpdate } from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { queryString } from '../admin-kit/files';

/** The search and filters of the people list (the export takes the same, without the page). */
export type PeopleFilters = {
  q?: string;
  unitId?: number;
  politicalStatus?: string;
  position?: string;
  employmentStatus?: string;
};

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const PEOPLE_KEY = ['people'] as const;
const personKey = (id: number) => [...PEOPLE_KEY, 'one', id] as const;
const accountKey = (id: number) => [...PEOPLE_KEY, 'account', id] as const;

/** One page of people in my scope; the previous page stays visible while the next one loads. */
export function usePeople(filters: PeopleFilters, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...PEOPLE_KEY, 'list', filters, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<TPersonSummary>>(`/api/people${queryString({ ...filters, page, pageSize })}`, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePerson(id: number | undefined) {
  return useQuery({
    queryKey: personKey(id ?? 0),
    queryFn: () => apiFetch<TPerson>(`/api/people/${id}`),
    enabled: id !== undefined,
  });
}

/** The full ID-card number: read on request only, as every read is audited. */
export function useReadIdCard() {
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ idCard: string | null }>(`/api/people/${id}/id-card`),
  });
}

export function useCreatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TPersonInput) => apiFetch<TPerson>('/api/people', { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: PEOPLE_KEY }),
  });
}

export function useUpdatePerson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: TPersonUpdate & { id: number }) =>
      apiFetch<TPerson>(`/api/people/${id}`, { method: 'PATCH', body }),
    onSuccess: (person) => {
      client.setQueryData(personKey(person.id), person);
      void client.invalidateQueries({ queryKey: [...PEOPLE_KEY, 'list'] });
    },
  });
}

/** The person's account, or null when they have none (the API answers 404). */
export function useAccount(personId: number, enabled: boolean) {
  return useQuery({
    queryKey: accountKey(personId),
    queryFn: async () => {
      try {
        return await apiFetch<TAccount>(`/api/people/${personId}/account`);
      } catch (err) {
        if (err instanceof ApiError && err.code === 'not_found') return null;
        throw err;
      }
    },
    enabled,
  });
}

export type AccountChange = { disabled?: boolean; resetPassword?: string; unlock?: boolean };

/** Creates the account (`initialPassword`) or changes it; the answer replaces the cached one. */
export function useAccountMutation(personId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: { create: string } | AccountChange) =>
      'create' in change
        ? apiFetch<TAccount>(`/api/people/${personId}/account`, {
            method: 'POST',
            body: { initialPassword: change.create },
          })
        : apiFetch<TAccount>(`/api/people/${personId}/account`, { method: 'PATCH', body: change }),
    onSuccess: (account) => {
      client.setQueryData(accountKey(personId), account);
      void client.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
}
