import type {
  TCycleNotice,
  ZApprovedLine,
  ZAward,
  ZAwardsView,
  ZCommendation,
  ZConference,
  ZObjection,
} from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/api-fetch';

// The answers' types come from the shared zod schemas, as types only: zod stays off the phone.
export type { TCycleNotice };
export type TApprovedLine = z.infer<typeof ZApprovedLine>;
export type TApprovedList = { publishedAt: string | null; lines: TApprovedLine[] };
export type TAwardsView = z.infer<typeof ZAwardsView>;
export type TAward = z.infer<typeof ZAward>;
export type TObjection = z.infer<typeof ZObjection>;
export type TConference = z.infer<typeof ZConference>;
export type TCommendation = z.infer<typeof ZCommendation>;

const KEY = ['innovation-notices'] as const;
const cycleKey = (id: number, what: string) => [...KEY, 'cycle', id, what] as const;
const base = '/api/innovation';

/** What the cycles above me have made public, newest first. */
export function useNotices() {
  return useQuery({
    queryKey: [...KEY, 'list'],
    queryFn: ({ signal }) => apiFetch<TCycleNotice[]>(`${base}/notices`, { signal }),
  });
}

/** The published list of a cycle's approved projects (立项名单). */
export function useApprovedList(cycleId: number) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'approved'),
    queryFn: ({ signal }) => apiFetch<TApprovedList>(`${base}/cycles/${cycleId}/approved`, { signal }),
  });
}

/** A cycle's awards in publicity or final, with the objections lodged against them. */
export function useAwards(cycleId: number) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'awards'),
    queryFn: ({ signal }) => apiFetch<TAwardsView>(`${base}/cycles/${cycleId}/awards`, { signal }),
  });
}

/** A cycle's innovation conference and its commendations. */
export function useConference(cycleId: number) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'conference'),
    queryFn: ({ signal }) => apiFetch<TConference>(`${base}/cycles/${cycleId}/conference`, { signal }),
  });
}

/** Lodges an objection to an award during its publicity; the awards are asked again afterwards. */
export function useLodgeObjection(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ awardId, text }: { awardId: number; text: string }) =>
      apiFetch<{ id: number }>(`${base}/awards/${awardId}/objections`, { method: 'POST', body: { text } }),
    onSuccess: () => client.invalidateQueries({ queryKey: cycleKey(cycleId, 'awards') }),
  });
}
