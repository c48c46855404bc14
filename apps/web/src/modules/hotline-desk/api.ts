import type {
  THotlineCategory,
  THotlineItem,
  THotlineListItem,
  THotlineSettings,
  THotlineSettingsInput,
  THotlineStats,
  THotlineUrgency,
  TRoutingRule,
  TUnitChannels,
  ZUnitChannelsInput,
} from '@lifeline/shared';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';
import { queryString } from '../admin-kit/files';

// Input types from the shared zod schemas (as types only: zod stays off the pages).
type In<S extends { parse: (v: unknown) => unknown }> = ReturnType<S['parse']>;
export type TUnitChannelsInput = In<typeof ZUnitChannelsInput>;

/** Every cached answer of the hotline back office starts with this key. */
export const HOTLINE_KEY = ['hotline-desk'] as const;
export const itemKey = (id: number) => [...HOTLINE_KEY, 'item', id] as const;
export const ITEMS_KEY = [...HOTLINE_KEY, 'items'] as const;
export const SETTINGS_KEY = [...HOTLINE_KEY, 'settings'] as const;
export const RULES_KEY = [...HOTLINE_KEY, 'rules'] as const;
export const channelsKey = (unitId: number) => [...HOTLINE_KEY, 'channels', unitId] as const;
const base = '/api/hotline';

/** The filters of the handler's list; the export takes the same. */
export type ItemFilters = {
  unitId?: number;
  state?: string;
  category?: string;
  urgency?: string;
  overdue?: boolean;
  q?: string;
};

type ItemPage = { items: THotlineListItem[]; next: string | null };

/** The active categories (any logged-in user may read them), for labels and filters. */
export function useCategories() {
  return useQuery({
    queryKey: [...HOTLINE_KEY, 'categories'],
    queryFn: ({ signal }) => apiFetch<THotlineCategory[]>(`${base}/categories`, { signal }),
    staleTime: 5 * 60_000,
  });
}

/** A unit an item may concern or go to: every unit of the organisation, by name. */
export type UnitChoice = { id: number; name: string; parentName: string | null };

/** All current units (names only), for transferring an item beyond my own part of the tree. */
export function useAllUnits(enabled = true) {
  return useQuery({
    queryKey: [...HOTLINE_KEY, 'units'],
    queryFn: ({ signal }) => apiFetch<UnitChoice[]>(`${base}/units`, { signal }),
    staleTime: 10 * 60_000,
    enabled,
  });
}

/** The items handled in my scope, newest first, 20 at a time; "load more" follows `next`. */
export function useItems(filters: ItemFilters) {
  return useInfiniteQuery({
    queryKey: [...ITEMS_KEY, filters],
    queryFn: ({ signal, pageParam }) =>
      apiFetch<ItemPage>(`${base}/items${queryString({ ...filters, before: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** A first page of items matching a text, for picking the item to merge into. */
export function useItemSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...ITEMS_KEY, 'search', q],
    queryFn: ({ signal }) => apiFetch<ItemPage>(`${base}/items${queryString({ q })}`, { signal }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export const itemsExportPath = (filters: ItemFilters) => `${base}/items/export${queryString(filters)}`;
export const photoPath = (itemId: number, photoId: string) =>
  `${base}/items/${itemId}/photos/${encodeURIComponent(photoId)}`;

export function useItem(id: number | undefined) {
  return useQuery({
    queryKey: itemKey(id ?? 0),
    queryFn: ({ signal }) => apiFetch<THotlineItem>(`${base}/items/${id}`, { signal }),
    enabled: id !== undefined,
  });
}

/** The handler's actions, each with the body the server expects. */
export type ItemAction =
  | { action: 'accept' | 'start'; version: number }
  | { action: 'ask_reporter' | 'answer' | 'close_not_applicable'; text: string; version: number }
  | {
      action: 'transfer';
      unitId: number;
      category?: string;
      urgency?: THotlineUrgency;
      reason: string;
      version: number;
    }
  | { action: 'merge'; intoId: number; version: number };

const ACTION_PATHS: Record<ItemAction['action'], string> = {
  accept: 'accept',
  start: 'start',
  ask_reporter: 'ask-reporter',
  answer: 'answer',
  transfer: 'transfer',
  merge: 'merge',
  close_not_applicable: 'close-not-applicable',
};

/**
 * Takes an action on an item. Whatever it answers, the item and the lists are loaded again:
 * the answer's shape is not relied on, and a refusal may mean the item changed meanwhile.
 */
export function useItemAction(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: ItemAction) =>
      apiFetch<unknown>(`${base}/items/${id}/${ACTION_PATHS[action]}`, { method: 'POST', body }),
    // Not awaited: after a transfer the page leaves before the item (now maybe out of scope) reloads.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: HOTLINE_KEY });
    },
  });
}

/** A reply to the reporter (state unchanged) or an internal note. */
export function useItemMessage(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, text }: { kind: 'reply' | 'note'; text: string }) =>
      apiFetch<unknown>(`${base}/items/${id}/${kind === 'reply' ? 'reply' : 'notes'}`, {
        method: 'POST',
        body: { text },
      }),
    onSettled: () => client.invalidateQueries({ queryKey: itemKey(id) }),
  });
}

export function useHotlineSettings() {
  return useQuery({
    queryKey: SETTINGS_KEY,
    queryFn: ({ signal }) => apiFetch<THotlineSettings>(`${base}/settings`, { signal }),
  });
}

export function useSaveHotlineSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: THotlineSettingsInput) =>
      apiFetch<THotlineSettings>(`${base}/settings`, { method: 'PUT', body }),
    onSuccess: (settings) => {
      if (settings && typeof settings === 'object' && 'version' in settings)
        client.setQueryData(SETTINGS_KEY, settings);
      void client.invalidateQueries({ queryKey: SETTINGS_KEY });
      void client.invalidateQueries({ queryKey: [...HOTLINE_KEY, 'categories'] });
    },
  });
}

export function useRoutingRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: ({ signal }) => apiFetch<TRoutingRule[]>(`${base}/routing-rules`, { signal }),
  });
}

export function useAddRoutingRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { category: string | null; unitId: number; handlingUnitId: number }) =>
      apiFetch<TRoutingRule>(`${base}/routing-rules`, { method: 'POST', body }),
    onSettled: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useRemoveRoutingRule() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<void>(`${base}/routing-rules/${id}`, { method: 'DELETE' }),
    onSettled: () => client.invalidateQueries({ queryKey: RULES_KEY }),
  });
}

export function useUnitChannels(unitId: number | undefined) {
  return useQuery({
    queryKey: channelsKey(unitId ?? 0),
    queryFn: ({ signal }) => apiFetch<TUnitChannels>(`${base}/units/${unitId}/channels`, { signal }),
    enabled: unitId !== undefined,
  });
}

export function useSaveUnitChannels(unitId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUnitChannelsInput) =>
      apiFetch<TUnitChannels>(`${base}/units/${unitId}/channels`, { method: 'PUT', body }),
    onSettled: () => client.invalidateQueries({ queryKey: channelsKey(unitId) }),
  });
}

/** The statistics query: a unit and a range of months (YYYY-MM). */
export type StatsQuery = { unitId: number; from: string; to: string };

export function useHotlineStats(query: StatsQuery | null) {
  return useQuery({
    queryKey: [...HOTLINE_KEY, 'stats', query],
    queryFn: ({ signal }) => apiFetch<THotlineStats>(`${base}/stats${queryString(query ?? {})}`, { signal }),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export const statsExportPath = (query: StatsQuery) => `${base}/stats/export${queryString(query)}`;
