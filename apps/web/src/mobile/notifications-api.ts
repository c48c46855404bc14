import type { TNotification, TNotificationPage } from '@lifeline/shared';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../api/api-fetch';

export type { TNotification };

/** Every cached answer about my inbox starts with this key, so marking read refreshes them all. */
const KEY = ['notifications'] as const;
const PAGE_SIZE = 20;
/** How often the top bar asks for the unread count: modest, the inbox is not a chat. */
const POLL_MS = 60_000;

/** The unread count for the top bar (one notice fetched, only the count is used). */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) => apiFetch<TNotificationPage>('/api/notifications?limit=1', { signal }),
    select: (page) => page.unread,
    enabled,
    staleTime: 15_000,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
}

/** My notices, newest first, twenty at a time: the next page starts before the oldest shown. */
export function useInboxPages() {
  return useInfiniteQuery({
    queryKey: [...KEY, 'pages'],
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TNotificationPage>(
        `/api/notifications?limit=${PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ''}`,
        { signal },
      ),
    initialPageParam: 0,
    getNextPageParam: (last) =>
      last.items.length < PAGE_SIZE ? undefined : last.items[last.items.length - 1].id,
  });
}

/** Marks one notice read (null: all of mine); every inbox answer is asked again afterwards. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) =>
      apiFetch<void>(id === null ? '/api/notifications/read-all' : `/api/notifications/${id}/read`, {
        method: 'POST',
      }),
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
