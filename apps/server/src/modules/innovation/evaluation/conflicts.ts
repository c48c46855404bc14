import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types.js';
import { orgUnits } from '../../org-units/org-units.table.js';
import type { PersonRef, ProjectRow } from '../innovation.access.js';
import { innovationConflicts } from '../innovation.table.js';

export type ConflictReason = 'unit' | 'team' | 'declared';

/**
 * Why a reviewer may not review a project: they belong to the applicant unit's subtree or the
 * applicant unit belongs to theirs (their own unit's project), they are on the team, or they declared a conflict with the project or with a unit
 * whose subtree holds it.
 */
export async function reviewerConflicts(
  db: Db,
  reviewers: PersonRef[],
  p: ProjectRow,
): Promise<Map<number, ConflictReason>> {
  const out = new Map<number, ConflictReason>();
  const team = new Set([p.leaderId, ...p.teamIds]);
  for (const r of reviewers) {
    if (team.has(r.id)) out.set(r.id, 'team');
    else if (r.unitPath.startsWith(p.unitPath) || p.unitPath.startsWith(r.unitPath)) out.set(r.id, 'unit');
  }
  const ids = reviewers.map((r) => r.id);
  if (!ids.length) return out;
  const all = await db
    .select({
      reviewerId: innovationConflicts.reviewerId,
      projectId: innovationConflicts.projectId,
      path: orgUnits.path,
    })
    .from(innovationConflicts)
    .leftJoin(orgUnits, eq(orgUnits.id, innovationConflicts.unitId))
    .where(inArray(innovationConflicts.reviewerId, ids));
  for (const c of all) {
    if (out.has(c.reviewerId)) continue;
    if (c.projectId === p.id || (c.path && p.unitPath.startsWith(c.path))) out.set(c.reviewerId, 'declared');
  }
  return out;
}
