import type {
  THotlineBoardItem,
  THotlineCategory,
  THotlineFiled,
  THotlineItemInput,
  THotlineMessage,
  THotlineMine,
  THotlineSimilar,
  THotlineState,
  THotlineUrgency,
  THotlineVisibility,
} from '@lifeline/shared';
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { ApiError, apiErrorFromResponse } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';

// The answers' types come from the shared zod schemas, as types only: zod stays off the phone.
export type {
  THotlineBoardItem,
  THotlineCategory,
  THotlineFiled,
  THotlineItemInput,
  THotlineMessage,
  THotlineMine,
  THotlineSimilar,
  THotlineState,
  THotlineUrgency,
  THotlineVisibility,
};

const base = '/api/hotline';
const KEY = ['hotline'] as const;
const keys = {
  categories: [...KEY, 'categories'] as const,
  mine: [...KEY, 'mine'] as const,
  item: (source: TItemSource) =>
    source.kind === 'mine'
      ? ([...KEY, 'mine', source.id] as const)
      : ([...KEY, 'track', source.code, source.secret] as const),
  similar: (unitId: number, q: string) => [...KEY, 'similar', unitId, q] as const,
  board: (filters: TBoardFilters) => [...KEY, 'board', filters] as const,
  units: ['hotline', 'units'] as const,
};

/**
 * Which item a page shows: one of mine (by id, through my session), or an anonymous one (by its
 * tracking code, with the secret in a header: nothing ties it to the account).
 */
export type TItemSource = { kind: 'mine'; id: number } | { kind: 'track'; code: string; secret: string };

const SECRET_HEADER = 'x-hotline-secret';

type FetchOptions = {
  method?: 'GET' | 'POST';
  body?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  signal?: AbortSignal;
};

/** Like apiFetch, with extra headers (the anonymous secret) and multipart bodies. */
async function call<T>(path: string, options: FetchOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError('network', 0, err instanceof Error ? err.message : 'network error');
  }
  if (!res.ok) throw await apiErrorFromResponse(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

function itemPath(source: TItemSource): string {
  return source.kind === 'mine'
    ? `${base}/mine/${source.id}`
    : `${base}/track/${encodeURIComponent(source.code)}`;
}

function secretHeaders(source: TItemSource): Record<string, string> | undefined {
  return source.kind === 'track' ? { [SECRET_HEADER]: source.secret } : undefined;
}

/** The active categories, with their names in both languages and their answer days. */
export function useCategories() {
  return useQuery({
    queryKey: keys.categories,
    queryFn: ({ signal }) => apiFetch<THotlineCategory[]>(`${base}/categories`, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** My named and confidential items, newest first. */
export function useMine() {
  return useQuery({
    queryKey: keys.mine,
    queryFn: ({ signal }) => apiFetch<THotlineMine[]>(`${base}/mine`, { signal }),
  });
}

/** One item as its reporter sees it: mine by id, or an anonymous one by code and secret. */
export function useItem(source: TItemSource) {
  return useQuery({
    queryKey: keys.item(source),
    queryFn: ({ signal }) => call<THotlineMine>(itemPath(source), { headers: secretHeaders(source), signal }),
    // A wrong code or secret answers 404 (or 429 after many tries): asking again will not help.
    retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
  });
}

/** Asks an item again (after a 409: the unit changed it meanwhile). */
export function useReloadItem(source: TItemSource) {
  const client = useQueryClient();
  return async () => {
    if (source.kind === 'mine') void client.invalidateQueries({ queryKey: keys.mine, exact: true });
    await client.refetchQueries({ queryKey: keys.item(source) });
  };
}

export type TItemAction =
  | { action: 'add-info'; text: string; version: number }
  | { action: 'reopen'; text: string; version: number }
  | { action: 'rate'; rating: number; comment: string; publishConsent?: boolean; version: number };

function isItem(value: unknown): value is THotlineMine {
  return !!value && typeof value === 'object' && 'state' in value && 'version' in value;
}

function afterChange(client: QueryClient, source: TItemSource, answer: unknown) {
  if (isItem(answer)) client.setQueryData(keys.item(source), answer);
  else void client.invalidateQueries({ queryKey: keys.item(source) });
  if (source.kind === 'mine') void client.invalidateQueries({ queryKey: keys.mine, exact: true });
}

/** The reporter's actions: add information when asked, rate the answer, or reopen it once. */
export function useItemAction(source: TItemSource) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, ...body }: TItemAction) =>
      call<unknown>(`${itemPath(source)}/${action}`, {
        method: 'POST',
        body,
        headers: secretHeaders(source),
      }),
    onSuccess: (answer) => afterChange(client, source, answer),
  });
}

/**
 * A photo of an item as an object URL. Mine could be an `<img src>`, but an anonymous item's
 * photo needs the secret in a header, so both are fetched the same way.
 */
export function usePhoto(source: TItemSource, photoId: string) {
  const path = `${itemPath(source)}/photos/${encodeURIComponent(photoId)}`;
  return useQuery({
    queryKey: [...keys.item(source), 'photo', photoId],
    queryFn: async ({ signal }) => {
      const res = await fetch(path, {
        headers: { accept: 'image/*', ...secretHeaders(source) },
        credentials: 'same-origin',
        signal,
      });
      if (!res.ok) throw await apiErrorFromResponse(res);
      return res.blob();
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Open items of a unit like the title being typed, so the reporter may say "me too" instead. */
export function useSimilar(unitId: number | null, q: string) {
  return useQuery({
    queryKey: keys.similar(unitId ?? 0, q),
    queryFn: ({ signal }) =>
      apiFetch<THotlineSimilar[]>(`${base}/similar?${new URLSearchParams({ unitId: String(unitId), q })}`, {
        signal,
      }),
    enabled: unitId !== null && q.length >= 2,
    staleTime: 30_000,
    // The last suggestions stay while the next ones load, so the list does not flicker.
    placeholderData: keepPreviousData,
  });
}

/** "Me too" on someone else's open item (once per person; 409 when already said). */
export function useMeToo() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiFetch<{ meToo: number }>(`${base}/items/${id}/me-too`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...KEY, 'similar'] }),
  });
}

/** Files a problem: the JSON in the field "item", then each photo in a field "photo". */
export function useFileItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ item, photos }: { item: THotlineItemInput; photos: File[] }) => {
      const form = new FormData();
      form.append('item', JSON.stringify(item));
      for (const p of photos) form.append('photo', p, p.name || 'photo.jpg');
      return call<THotlineFiled>(`${base}/items`, { method: 'POST', form });
    },
    onSuccess: () => client.invalidateQueries({ queryKey: keys.mine, exact: true }),
  });
}

export type TBoardFilters = { category: string; unitId: number | null; q: string };

type TBoardPage = { items: THotlineBoardItem[]; next: string | null };

/** The public board: answered items whose reporters agreed, newest first, page by page. */
export function useBoard(filters: TBoardFilters) {
  return useInfiniteQuery({
    queryKey: keys.board(filters),
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams();
      if (filters.category) params.set('category', filters.category);
      if (filters.unitId) params.set('unitId', String(filters.unitId));
      if (filters.q) params.set('q', filters.q);
      if (pageParam) params.set('before', pageParam);
      const qs = params.toString();
      return apiFetch<TBoardPage>(`${base}/board${qs ? `?${qs}` : ''}`, { signal });
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
}

/** A unit one may file about or filter by. */
export type TUnitChoice = { id: number; name: string; parentName: string | null };

/**
 * The units to choose from: the organisation tree as far as the caller may read it. Employees
 * without a role may not read the tree (org_unit.read), so they get an error here, and the picker
 * keeps to their own unit.
 */
export function useUnitChoices(enabled: boolean) {
  return useQuery({
    queryKey: keys.units,
    queryFn: async ({ signal }) => {
      return apiFetch<TUnitChoice[]>('/api/hotline/units', { signal });
    },
    enabled,
    staleTime: 10 * 60_000,
    retry: false,
  });
}
