import type { TRole, TRoleAssignment } from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { ME_QUERY_KEY } from '../../api/query-client';
import { queryString } from '../admin-kit/files';
import type { Page } from '../people/api';

export type RoleFilters = { unitId?: number; personId?: number; role?: TRole; includeEnded?: boolean };
export type RoleAssignmentInput = {
  personId: number;
  role: TRole;
  unitId: number;
  startsOn?: string | null;
  endsOn?: string | null;
};

const ROLES_KEY = ['role-assignments'] as const;

/** One page of role assignments on units in my scope (ended ones only when asked for). */
export function useRoleAssignments(filters: RoleFilters, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...ROLES_KEY, filters, page, pageSize],
    queryFn: ({ signal }) =>
      apiFetch<Page<TRoleAssignment>>(`/api/role-assignments${queryString({ ...filters, page, pageSize })}`, {
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Assigning or ending a role changes lists and possibly my own permissions. */
function useRoleMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ROLES_KEY });
      void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}

export function useAssignRole() {
  return useRoleMutation((body: RoleAssignmentInput) =>
    apiFetch<TRoleAssignment>('/api/role-assignments', { method: 'POST', body }),
  );
}

export function useRevokeRole() {
  return useRoleMutation((id: number) => apiFetch<void>(`/api/role-assignments/${id}`, { method: 'DELETE' }));
}

/** The roles I may grant on a unit (to a person, when chosen): the server's rule, asked, not copied. */
export function useGrantableRoles(unitId: number | undefined, personId: number | undefined) {
  return useQuery({
    queryKey: [...ROLES_KEY, 'grantable', unitId, personId],
    queryFn: ({ signal }) =>
      apiFetch<{ roles: TRole[] }>(`/api/role-assignments/grantable${queryString({ unitId, personId })}`, {
        signal,
      }),
    enabled: unitId !== undefined,
  });
}
