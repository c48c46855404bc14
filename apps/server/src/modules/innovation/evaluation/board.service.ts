import { aggregateScores, rankBy, round2, type TProjectScore } from '@lifeline/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { orgUnits } from '../../org-units/index.js';
import { cyclePolicy, cycleRecord } from '../cycles/cycles.policy.js';
import { visibleCycle } from '../cycles/cycles.service.js';
import { innovationProjects } from '../innovation.table.js';
import { cycleReviews } from './reviews.service.js';

/**
 * The evaluation of a cycle: per completed project the reviewers' weighted mean, median,
 * spread and disagreement flag, the z-score normalised score, and the rank per level both
 * ways, so that the effect of lenient or harsh reviewers is visible.
 */
export async function evaluationBoard(db: Db, actor: Actor, cycleId: number) {
  const cycle = await visibleCycle(db, actor, cycleId);
  cyclePolicy.authorize(actor, 'scores', cycleRecord(cycle));
  const projects = await db
    .select({ p: innovationProjects, unitName: orgUnits.name })
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .where(and(eq(innovationProjects.cycleId, cycleId), inArray(innovationProjects.state, ['completed'])));
  const reviews = await cycleReviews(db, cycleId);
  const submitted = reviews.filter((r) => r.r.state === 'submitted' && r.r.total !== null);
  const agg = aggregateScores(
    submitted.map((r) => ({ projectId: r.r.projectId, reviewerId: r.r.reviewerId, total: r.r.total! })),
    cycle.disagreementSpread,
  );
  const rows: TProjectScore[] = projects.map(({ p, unitName }) => {
    const mine = reviews.filter((r) => r.r.projectId === p.id);
    const done = submitted.filter((r) => r.r.projectId === p.id);
    const a = agg.get(p.id);
    const byDimension: Record<string, number> = {};
    for (const d of cycle.rubric) {
      const xs = done.map((r) => r.r.scores[d.key]).filter((x) => typeof x === 'number');
      if (xs.length) byDimension[d.key] = round2(xs.reduce((s, x) => s + x, 0) / xs.length);
    }
    return {
      projectId: p.id,
      code: p.code,
      title: p.title,
      unitName,
      level: p.levelApproved as TProjectScore['level'],
      reviewers: mine.length,
      submitted: done.length,
      mean: a?.mean ?? null,
      median: a?.median ?? null,
      spread: a?.spread ?? null,
      disagreement: a?.disagreement ?? false,
      normalized: a?.normalized ?? null,
      rankRaw: null,
      rankNormalized: null,
      byDimension,
    };
  });
  for (const level of new Set(rows.map((r) => r.level))) {
    const group = rows.filter((r) => r.level === level);
    const raw = rankBy(group, (r) => r.mean);
    const norm = rankBy(group, (r) => r.normalized);
    for (const r of group) {
      r.rankRaw = raw.get(r) ?? null;
      r.rankNormalized = norm.get(r) ?? null;
    }
  }
  rows.sort(
    (a, b) => (a.level ?? '').localeCompare(b.level ?? '') || (a.rankRaw ?? 1e9) - (b.rankRaw ?? 1e9),
  );
  return { cycleId, disagreementSpread: cycle.disagreementSpread, projects: rows };
}
