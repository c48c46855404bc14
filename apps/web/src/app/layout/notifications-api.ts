import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api/api-fetch';

/** One notice of my inbox: a `kind` worded by the UI from its `params`, and where it leads. */
export type TNotification = {
  id: number;
  kind: string;
  params: Record<string, string | number | null>;
  link: string | null;
  createdAt: string;
  readAt: string | null;
};

export type TInbox = { items: TNotification[]; unread: number };

export const NOTIFICATIONS_KEY = ['notifications'] as const;

/** How often the bell asks for news: modest, as the inbox is a convenience, not a chat. */
const POLL_MS = 60_000;

/** The newest notices and the unread count, polled while the page is visible. */
export function useInbox(enabled: boolean) {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'inbox'],
    queryFn: ({ signal }) => apiFetch<TInbox>('/api/notifications?limit=10', { signal }),
    enabled,
    staleTime: 15_000,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
  });
}

/** Marks one notice read (null: all of mine); the inbox is asked again afterwards. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) =>
      apiFetch<void>(id === null ? '/api/notifications/read-all' : `/api/notifications/${id}/read`, {
        method: 'POST',
      }),
    onMutate: (id) => {
      // Show it read at once; the refetch below confirms.
      client.setQueryData<TInbox>([...NOTIFICATIONS_KEY, 'inbox'], (old) => {
        if (!old) return old;
        const now = new Date().toISOString();
        const items = old.items.map((n) =>
          id === null || n.id === id ? { ...n, readAt: n.readAt ?? now } : n,
        );
        const wasUnread = id !== null && old.items.some((n) => n.id === id && !n.readAt);
        return { items, unread: id === null ? 0 : Math.max(0, old.unread - (wasUnread ? 1 : 0)) };
      });
    },
    onSettled: () => client.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
  });
}
