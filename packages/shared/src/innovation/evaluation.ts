import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import type { TRubricDimension } from './cycles.js';
import { ZInnovationLevel, ZRecommendation } from './enums.js';
import { ZPersonRef } from './projects.js';

export const ZAssignReviewersInput = z.object({
  reviewerIds: z.array(z.number().int().positive()).min(1).max(15),
});

/** A conflict a reviewer declares: a project, or a whole unit's subtree. */
export const ZConflictInput = z
  .object({
    projectId: z.number().int().positive().optional(),
    unitId: z.number().int().positive().optional(),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((c) => (c.projectId ? 1 : 0) + (c.unitId ? 1 : 0) === 1, {
    message: 'Name either a project or a unit',
    path: ['projectId'],
  });

/** A conflict as its reviewer sees it. */
export const ZConflict = z.object({
  id: z.number(),
  projectId: z.number().nullable(),
  projectTitle: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type TConflict = z.infer<typeof ZConflict>;

/** A reviewer assigned to a project, as the secretariat sees the assignment (not the scores). */
export const ZAssignment = z.object({
  reviewId: z.number(),
  reviewer: ZPersonRef,
  state: z.enum(['assigned', 'submitted']),
  submittedAt: z.string().nullable(),
});
export type TAssignment = z.infer<typeof ZAssignment>;

export const ZScoreInput = z.object({
  scores: z.record(z.string(), z.number().min(0).max(100)),
  comments: z.record(z.string(), z.string().trim().max(2000)).default({}),
  overallComment: z.string().trim().max(4000).default(''),
  recommendation: ZRecommendation.nullable().default(null),
  /** False saves a draft; true submits, after which the review is final. */
  submit: z.boolean().default(false),
  version: ZVersion,
});
export type TScoreInput = z.infer<typeof ZScoreInput>;

export const ZReview = z.object({
  id: z.number(),
  projectId: z.number(),
  reviewer: ZPersonRef,
  state: z.enum(['assigned', 'submitted']),
  scores: z.record(z.string(), z.number()),
  comments: z.record(z.string(), z.string()),
  overallComment: z.string(),
  recommendation: ZRecommendation.nullable(),
  total: z.number().nullable(),
  submittedAt: z.string().nullable(),
  version: z.number(),
});
export type TReview = z.infer<typeof ZReview>;

/** An assignment as its reviewer sees it: the others' reviews only after submitting one's own. */
export const ZMyReview = ZReview.extend({
  projectCode: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  level: ZInnovationLevel.nullable(),
  cycleId: z.number(),
  cycleName: z.string(),
  others: z.array(ZReview).nullable(),
});

/** Aggregated scores of one project. */
export const ZProjectScore = z.object({
  projectId: z.number(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  level: ZInnovationLevel.nullable(),
  reviewers: z.number(),
  submitted: z.number(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  spread: z.number().nullable(),
  disagreement: z.boolean(),
  normalized: z.number().nullable(),
  rankRaw: z.number().nullable(),
  rankNormalized: z.number().nullable(),
  byDimension: z.record(z.string(), z.number()),
});
export type TProjectScore = z.infer<typeof ZProjectScore>;

// ---- the pure aggregation rules ----

/** A reviewer's total: the weighted mean of the dimension scores (0–100), rounded to 0.01. */
export function weightedTotal(rubric: TRubricDimension[], scores: Record<string, number>): number {
  const weight = rubric.reduce((s, d) => s + d.weight, 0);
  const sum = rubric.reduce((s, d) => s + d.weight * (scores[d.key] ?? 0), 0);
  return round2(sum / weight);
}

export function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

export function mean(xs: number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Population standard deviation. */
export function stdDev(xs: number[]): number {
  const m = mean(xs);
  if (m === null || xs.length < 2) return 0;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / xs.length);
}

export type ScoredReview = { projectId: number; reviewerId: number; total: number };

/**
 * Per-project figures from submitted reviews: mean, median, spread (max − min) with a
 * disagreement flag, and a z-score normalisation that corrects lenient or harsh reviewers:
 * each reviewer's totals become (total − their mean) / their standard deviation, and a
 * project's normalised score is the mean of its reviewers' z-scores. A reviewer with one
 * review, or all-equal totals, contributes 0 (no information about their scale).
 */
export function aggregateScores(
  reviews: ScoredReview[],
  disagreementSpread: number,
): Map<number, { mean: number; median: number; spread: number; disagreement: boolean; normalized: number }> {
  const byReviewer = new Map<number, number[]>();
  for (const r of reviews) byReviewer.set(r.reviewerId, [...(byReviewer.get(r.reviewerId) ?? []), r.total]);
  const scale = new Map<number, { m: number; sd: number }>();
  for (const [id, totals] of byReviewer) scale.set(id, { m: mean(totals) ?? 0, sd: stdDev(totals) });
  const byProject = new Map<number, ScoredReview[]>();
  for (const r of reviews) byProject.set(r.projectId, [...(byProject.get(r.projectId) ?? []), r]);
  const out = new Map<
    number,
    { mean: number; median: number; spread: number; disagreement: boolean; normalized: number }
  >();
  for (const [projectId, rs] of byProject) {
    const totals = rs.map((r) => r.total);
    const spread = Math.max(...totals) - Math.min(...totals);
    const zs = rs.map((r) => {
      const s = scale.get(r.reviewerId)!;
      return s.sd > 0 ? (r.total - s.m) / s.sd : 0;
    });
    out.set(projectId, {
      mean: round2(mean(totals)!),
      median: round2(median(totals)!),
      spread: round2(spread),
      disagreement: spread > disagreementSpread,
      normalized: Math.round(mean(zs)! * 1000) / 1000,
    });
  }
  return out;
}

/** Ranks (1 = best) by a score, ties sharing a rank ("1, 2, 2, 4"). */
export function rankBy<T>(items: T[], score: (t: T) => number | null): Map<T, number> {
  const scored = items.filter((i) => score(i) !== null).sort((a, b) => score(b)! - score(a)!);
  const ranks = new Map<T, number>();
  scored.forEach((item, i) => {
    const prev = scored[i - 1];
    ranks.set(item, prev !== undefined && score(prev) === score(item) ? ranks.get(prev)! : i + 1);
  });
  return ranks;
}

export const ZEvaluationBoard = z.object({
  cycleId: z.number(),
  disagreementSpread: z.number(),
  projects: z.array(ZProjectScore),
});
