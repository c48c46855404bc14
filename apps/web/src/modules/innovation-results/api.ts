import type {
  TAwardTier,
  TCommendationKind,
  TCycle,
  TProjectSummary,
  ZAward,
  ZAwardsView,
  ZCommendation,
  ZConference,
  ZEvaluationBoard,
  ZInnovationStats,
  ZObjection,
} from '@lifeline/shared';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/api-fetch';
import { queryString } from '../admin-kit/files';

export type TEvaluationBoard = z.infer<typeof ZEvaluationBoard>;
export type TAwardsView = z.infer<typeof ZAwardsView>;
export type TAward = z.infer<typeof ZAward>;
export type TObjection = z.infer<typeof ZObjection>;
export type TConference = z.infer<typeof ZConference>;
export type TCommendation = z.infer<typeof ZCommendation>;
export type TInnovationStats = z.infer<typeof ZInnovationStats>;

/** A reviewer refused for a conflict of interest (`details.conflicts` of a 409). */
export type TReviewerConflict = {
  personId: number;
  name?: string;
  reason: 'unit' | 'team' | 'declared' | string;
};

export const RESULTS_KEY = ['innovation-results'] as const;
const cycleKey = (id: number, what: string) => [...RESULTS_KEY, 'cycle', id, what] as const;

/** The cycles I can see, newest first. */
export function useCycles() {
  return useQuery({
    queryKey: [...RESULTS_KEY, 'cycles'],
    queryFn: ({ signal }) => apiFetch<TCycle[]>('/api/innovation/cycles', { signal }),
    staleTime: 60_000,
  });
}

/** Scores, disagreement and both rankings of a cycle's completed projects (innovation.review). */
export function useEvaluationBoard(cycleId: number, enabled = true) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'evaluation'),
    queryFn: ({ signal }) =>
      apiFetch<TEvaluationBoard>(`/api/innovation/cycles/${cycleId}/evaluation`, { signal }),
    enabled,
  });
}

/** The completed projects of a cycle: what can be awarded and commended. */
export function useCompletedProjects(cycleId: number, enabled = true) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'completed'),
    queryFn: ({ signal }) =>
      apiFetch<{ items: TProjectSummary[]; total: number }>(
        `/api/innovation/projects${queryString({ cycleId, state: 'completed', pageSize: 200 })}`,
        { signal },
      ),
    enabled,
  });
}

export function useAssignReviewers(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ projectId, reviewerIds }: { projectId: number; reviewerIds: number[] }) =>
      apiFetch<{ assigned: number }>(`/api/innovation/projects/${projectId}/reviewers`, {
        method: 'POST',
        body: { reviewerIds },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: cycleKey(cycleId, 'evaluation') }),
  });
}

export function useAwards(cycleId: number) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'awards'),
    queryFn: ({ signal }) => apiFetch<TAwardsView>(`/api/innovation/cycles/${cycleId}/awards`, { signal }),
  });
}

/** Every change to the awards answers with the new view; the cycle list (stage) is asked again. */
function useAwardsMutation<V>(cycleId: number, fn: (vars: V) => Promise<TAwardsView | undefined>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (view) => {
      if (view) client.setQueryData(cycleKey(cycleId, 'awards'), view);
    },
    onSettled: () => {
      void client.invalidateQueries({ queryKey: cycleKey(cycleId, 'awards') });
      void client.invalidateQueries({ queryKey: [...RESULTS_KEY, 'cycles'] });
    },
  });
}

export function useSetAwards(cycleId: number) {
  return useAwardsMutation(
    cycleId,
    (body: { awards: { projectId: number; tier: TAwardTier }[]; version: number }) =>
      apiFetch<TAwardsView>(`/api/innovation/cycles/${cycleId}/awards`, { method: 'PUT', body }),
  );
}

export function usePublishAwards(cycleId: number) {
  return useAwardsMutation(cycleId, (body: { publicityEndsOn: string; version: number }) =>
    apiFetch<TAwardsView>(`/api/innovation/cycles/${cycleId}/awards/publish`, { method: 'POST', body }),
  );
}

export function useFinalizeAwards(cycleId: number) {
  return useAwardsMutation(cycleId, (body: { version: number }) =>
    apiFetch<TAwardsView>(`/api/innovation/cycles/${cycleId}/awards/finalize`, { method: 'POST', body }),
  );
}

export function useLodgeObjection(cycleId: number) {
  return useAwardsMutation(cycleId, async ({ awardId, text }: { awardId: number; text: string }) => {
    await apiFetch<{ id: number }>(`/api/innovation/awards/${awardId}/objections`, {
      method: 'POST',
      body: { text },
    });
    return undefined;
  });
}

export function useAnswerObjection(cycleId: number) {
  return useAwardsMutation(
    cycleId,
    async ({ objectionId, answer }: { objectionId: number; answer: string }) => {
      await apiFetch<void>(`/api/innovation/objections/${objectionId}/answer`, {
        method: 'POST',
        body: { answer },
      });
      return undefined;
    },
  );
}

export function useConference(cycleId: number) {
  return useQuery({
    queryKey: cycleKey(cycleId, 'conference'),
    queryFn: ({ signal }) =>
      apiFetch<TConference>(`/api/innovation/cycles/${cycleId}/conference`, { signal }),
  });
}

export type TConferenceBody = {
  name: string;
  heldOn: string;
  commendations: {
    kind: TCommendationKind;
    projectId: number | null;
    personId: number | null;
    title: string;
  }[];
  version: number;
};

export function useSetConference(cycleId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TConferenceBody) =>
      apiFetch<TConference>(`/api/innovation/cycles/${cycleId}/conference`, { method: 'PUT', body }),
    onSuccess: (c) => client.setQueryData(cycleKey(cycleId, 'conference'), c),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: cycleKey(cycleId, 'conference') });
      void client.invalidateQueries({ queryKey: [...RESULTS_KEY, 'cycles'] });
      void client.invalidateQueries({ queryKey: [...RESULTS_KEY, 'stats'] });
    },
  });
}

/** The figures per cycle; the span (years) chooses the cycles shown and the commended results. */
export function useStats(span: { fromYear?: number; toYear?: number }) {
  return useQuery({
    queryKey: [...RESULTS_KEY, 'stats', span.fromYear ?? null, span.toYear ?? null],
    queryFn: ({ signal }) =>
      apiFetch<TInnovationStats>(`/api/innovation/stats${queryString(span)}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
