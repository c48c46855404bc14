import { z } from 'zod';
import { ZBilingual } from './definition.js';

/** No figure is shown for a group smaller than this. */
export const MIN_GROUP = 10;

export const ZAggregateQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  instrument: z.string().trim().min(1).max(32),
  year: z.coerce.number().int().min(2000).max(2100),
  /** A quarter of the year, or the whole year. Periods are fixed so they cannot be differenced at will. */
  quarter: z.coerce.number().int().min(1).max(4).optional(),
});
export type TAggregateQuery = z.infer<typeof ZAggregateQuery>;

/** Why a row shows no figures. */
export const ZSuppression = z.enum(['small_group', 'complementary']);

export const ZAggregateRow = z.object({
  /** The child unit whose subtree the row counts; null for people attached to the unit itself. */
  unitId: z.number().nullable(),
  name: z.string(),
  headcount: z.number(),
  suppressed: ZSuppression.nullable(),
  participants: z.number().nullable(),
  /** Participants per band code (each counted once, with their latest result of the period). */
  counts: z.record(z.string(), z.number()).nullable(),
});
export type TAggregateRow = z.infer<typeof ZAggregateRow>;

export const ZAggregate = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  instrument: z.string(),
  name: ZBilingual,
  period: z.object({ year: z.number(), quarter: z.number().nullable(), from: z.string(), to: z.string() }),
  minGroup: z.number(),
  bands: z.array(z.object({ code: z.string(), label: ZBilingual })),
  total: ZAggregateRow,
  rows: z.array(ZAggregateRow),
});
export type TAggregate = z.infer<typeof ZAggregate>;

type Cell = { participants: number };

/**
 * Which rows of a table to suppress. Primary: every row under `min` participants. Then
 * complementary: the suppressed rows together are the total minus the shown rows, so they must
 * make a group of at least `min` as well (or be none); rows are added, smallest first, until
 * they do. If the whole table is under `min`, everything is suppressed (the caller hides the
 * total too). Returns, per row, null or why it is hidden.
 */
export function suppressRows(
  rows: readonly Cell[],
  min = MIN_GROUP,
): (z.infer<typeof ZSuppression> | null)[] {
  const out: (z.infer<typeof ZSuppression> | null)[] = rows.map((r) =>
    r.participants < min ? 'small_group' : null,
  );
  const hiddenSum = () => rows.reduce((s, r, i) => s + (out[i] ? r.participants : 0), 0);
  const anyHidden = () => out.some((o) => o !== null);
  // Rows with nobody in them reveal nothing when subtracted; a hidden set of only zeros is fine.
  while (anyHidden() && hiddenSum() > 0 && hiddenSum() < min) {
    const next = rows
      .map((r, i) => ({ r, i }))
      .filter(({ i }) => out[i] === null)
      .sort((a, b) => a.r.participants - b.r.participants)[0];
    if (!next) break;
    out[next.i] = 'complementary';
  }
  return out;
}
