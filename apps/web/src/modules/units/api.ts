import type { TOrgUnit, TOrgUnitCreate, TOrgUnitTreeNode, TOrgUnitUpdate, TUnitType } from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';

/** Every cached tree (with and without dissolved units) starts with this key. */
export const UNIT_TREE_KEY = ['org-units', 'tree'] as const;

/**
 * The units in my scope as a flat list ordered by depth, with headcounts and my abilities on
 * each. One list serves the tree page and every unit picker, so it is fetched once.
 */
export function useUnitTree(includeDissolved = false, enabled = true) {
  return useQuery({
    queryKey: [...UNIT_TREE_KEY, includeDissolved],
    queryFn: () =>
      apiFetch<TOrgUnitTreeNode[]>(
        `/api/org-units/tree?includeDissolved=${includeDissolved ? 'true' : 'false'}`,
      ),
    enabled,
    staleTime: 60_000,
  });
}

/** Unit types are data (an administrator may add some), with both languages' names. */
export function useUnitTypes() {
  return useQuery({
    queryKey: ['org-unit-types'],
    queryFn: () => apiFetch<TUnitType[]>('/api/org-unit-types'),
    staleTime: 5 * 60_000,
  });
}

/** After any change to units, every tree and picker reloads (headcounts and paths move too). */
function useUnitMutation<V>(fn: (vars: V) => Promise<TOrgUnit>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => client.invalidateQueries({ queryKey: UNIT_TREE_KEY }),
  });
}

export function useCreateUnit() {
  return useUnitMutation((body: TOrgUnitCreate) =>
    apiFetch<TOrgUnit>('/api/org-units', { method: 'POST', body }),
  );
}

export function useUpdateUnit() {
  return useUnitMutation(({ id, ...body }: TOrgUnitUpdate & { id: number }) =>
    apiFetch<TOrgUnit>(`/api/org-units/${id}`, { method: 'PATCH', body }),
  );
}

export function useMoveUnit() {
  return useUnitMutation(({ id, ...body }: { id: number; newParentId: number; version: number }) =>
    apiFetch<TOrgUnit>(`/api/org-units/${id}/move`, { method: 'POST', body }),
  );
}

export function useDissolveUnit() {
  return useUnitMutation(({ id, ...body }: { id: number; dissolvedOn: string; version: number }) =>
    apiFetch<TOrgUnit>(`/api/org-units/${id}/dissolve`, { method: 'POST', body }),
  );
}
