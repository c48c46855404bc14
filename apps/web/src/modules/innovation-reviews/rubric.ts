import type { TRubricDimension } from '@lifeline/shared';
import { weightedTotal } from '@lifeline/shared';

/** A rubric dimension's name in the UI language. */
export function dimensionName(d: TRubricDimension, lang: string): string {
  return lang === 'en' ? d.nameEn : d.nameZh;
}

/** A dimension's share of the total weight, in percent (weights are relative). */
export function weightShare(rubric: readonly TRubricDimension[], d: TRubricDimension): number {
  const sum = rubric.reduce((s, x) => s + x.weight, 0);
  return sum > 0 ? Math.round((d.weight / sum) * 1000) / 10 : 0;
}

/**
 * The live weighted total of the scores entered so far (the server's own formula), or null
 * while no dimension has a score; `complete` tells whether every dimension has one.
 */
export function liveTotal(
  rubric: TRubricDimension[],
  scores: Record<string, number | null | undefined> | undefined,
): { total: number | null; complete: boolean } {
  const given: Record<string, number> = {};
  for (const d of rubric) {
    const v = scores?.[d.key];
    if (typeof v === 'number' && Number.isFinite(v)) given[d.key] = v;
  }
  const count = Object.keys(given).length;
  return {
    total: count === 0 ? null : weightedTotal(rubric, given),
    complete: count === rubric.length,
  };
}

/** A score or total with at most two decimals, as the server rounds them. */
export function formatScore(value: number | null | undefined, lang: string): string {
  if (value === null || value === undefined) return '';
  return value.toLocaleString(lang, { maximumFractionDigits: 2 });
}
