import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types.js';
import { orgUnits } from '../../org-units/index.js';
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
  return conflictsWith(
    reviewers,
    p,
    await declaredConflicts(
      db,
      reviewers.map((r) => r.id),
    ),
  );
}

export type Declared = { reviewerId: number; projectId: number | null; path: string | null };

/** The conflicts these reviewers declared (with a unit's path where a unit was named), in one query. */
export async function declaredConflicts(db: Db, reviewerIds: number[]): Promise<Declared[]> {
  if (!reviewerIds.length) return [];
  return db
    .select({
      reviewerId: innovationConflicts.reviewerId,
      projectId: innovationConflicts.projectId,
      path: orgUnits.path,
    })
    .from(innovationConflicts)
    .leftJoin(orgUnits, eq(orgUnits.id, innovationConflicts.unitId))
    .where(inArray(innovationConflicts.reviewerId, reviewerIds));
}

/** The same rule, given the declarations: for checking one reviewer against many projects. */
export function conflictsWith(
  reviewers: PersonRef[],
  p: ProjectRow,
  declared: Declared[],
): Map<number, ConflictReason> {
  const out = new Map<number, ConflictReason>();
  const team = new Set([p.leaderId, ...p.teamIds]);
  for (const r of reviewers) {
    if (team.has(r.id)) out.set(r.id, 'team');
    else if (r.unitPath.startsWith(p.unitPath) || p.unitPath.startsWith(r.unitPath)) out.set(r.id, 'unit');
  }
  for (const c of declared) {
    if (out.has(c.reviewerId)) continue;
    if (c.projectId === p.id || (c.path && p.unitPath.startsWith(c.path))) out.set(c.reviewerId, 'declared');
  }
  return out;
}
