import type { TCycle, TProject, TRecommendation, ZMyReview, ZReview } from '@lifeline/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { apiFetch } from '../../api/api-fetch';

/** An assignment as its reviewer sees it (`others` only once their own review is submitted). */
export type TMyReview = z.infer<typeof ZMyReview>;
export type TOtherReview = z.infer<typeof ZReview>;

/** What the scoring form sends: a draft, or (`submit`) the final review. */
export type TScoreBody = {
  scores: Record<string, number>;
  comments: Record<string, string>;
  overallComment: string;
  recommendation: TRecommendation | null;
  submit: boolean;
  version: number;
};

export const REVIEWS_KEY = ['innovation-reviews'] as const;
const reviewKey = (id: number) => [...REVIEWS_KEY, 'one', id] as const;

/** My assignments, open ones first. */
export function useMyReviews() {
  return useQuery({
    queryKey: [...REVIEWS_KEY, 'list'],
    queryFn: ({ signal }) => apiFetch<TMyReview[]>('/api/innovation/reviews', { signal }),
  });
}

export function useMyReview(id: number | undefined) {
  return useQuery({
    queryKey: reviewKey(id ?? 0),
    queryFn: ({ signal }) => apiFetch<TMyReview>(`/api/innovation/reviews/${id}`, { signal }),
    enabled: id !== undefined,
    staleTime: 0,
  });
}

/** The cycle of a review, for its rubric (dimension names and weights). */
export function useReviewCycle(cycleId: number | undefined) {
  return useQuery({
    queryKey: ['innovation-cycle', cycleId],
    queryFn: ({ signal }) => apiFetch<TCycle>(`/api/innovation/cycles/${cycleId}`, { signal }),
    enabled: cycleId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** The project under review: an assigned reviewer may read it (content, results, attachments). */
export function useReviewedProject(projectId: number | undefined) {
  return useQuery({
    queryKey: [...REVIEWS_KEY, 'project', projectId],
    queryFn: ({ signal }) => apiFetch<TProject>(`/api/innovation/projects/${projectId}`, { signal }),
    enabled: projectId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** Saves a draft or submits; the review is then asked again (with the others' once submitted). */
export function useSaveReview(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TScoreBody) =>
      apiFetch<TOtherReview>(`/api/innovation/reviews/${id}`, { method: 'PUT', body }),
    // Not awaited: the form remounts with the new version, and its messages must come first.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: REVIEWS_KEY });
    },
  });
}

export type TConflictBody = { projectId?: number; unitId?: number; reason: string };

/** Declares a conflict of interest; open assignments it touches are withdrawn by the server. */
export function useDeclareConflict() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TConflictBody) =>
      apiFetch<{ id: number }>('/api/innovation/conflicts', { method: 'POST', body }),
    // Not awaited: the caller first leaves a withdrawn review's page, then the lists refresh.
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: REVIEWS_KEY });
    },
  });
}
