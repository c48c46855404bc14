import {
  type TRubricDimension,
  type TScoreInput,
  weightedTotal,
  type ZConflictInput,
} from '@lifeline/shared';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { findUnit, orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import {
  assertUpdated,
  loadCycle,
  loadProject,
  loadProjects,
  type ProjectRow,
  personRefs,
  requirePeople,
} from '../innovation.access.js';
import {
  innovationConflicts,
  innovationCycles,
  innovationProjects,
  innovationReviews,
} from '../innovation.table.js';
import { projectPolicy, projectRecord } from '../projects/projects.policy.js';
import { visibleProject } from '../projects/visible-project.js';
import { conflictsWith, declaredConflicts, reviewerConflicts } from './conflicts.js';
import { conflictPolicy, type ReviewRecord, reviewPolicy } from './reviews.policy.js';

type ReviewRow = typeof innovationReviews.$inferSelect;

/** The policy's view of a review of a project. */
const reviewRecord = (r: ReviewRow, p: ProjectRow): ReviewRecord => ({
  reviewerId: r.reviewerId,
  unitPath: p.unitPath,
  state: r.state,
});

/** Assigns reviewers to a completed project; refuses anyone with a conflict, naming why. */
export async function assignReviewers(db: Db, actor: Actor, projectId: number, reviewerIds: number[]) {
  return db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, projectId, true);
    const grant = projectPolicy.authorize(actor, 'assignReviewers', projectRecord(p));
    const refs = await requirePeople(tx, reviewerIds, 'reviewerIds');
    const conflicts = await reviewerConflicts(tx, [...refs.values()], p);
    if (conflicts.size)
      throw new AppError('conflict', 'A reviewer has a conflict of interest with this project', {
        conflicts: [...conflicts].map(([personId, reason]) => ({
          personId,
          name: refs.get(personId)?.name,
          reason,
        })),
      });
    const added = await tx
      .insert(innovationReviews)
      .values([...refs.keys()].map((reviewerId) => ({ projectId, reviewerId, assignedBy: actor.personId })))
      .onConflictDoNothing()
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.assign_reviewers',
      recordType: 'innovation_project',
      recordId: projectId,
      unitId: p.unitId,
      details: { reviewerIds: added.map((r) => r.reviewerId) },
    });
    await notify(
      tx,
      added.map((r) => r.reviewerId),
      {
        kind: 'innovation.review_assigned',
        params: { code: p.code, title: p.title },
        link: '/innovation-reviews',
      },
    );
    return added;
  });
}

/** A reviewer declares a conflict with a project or a unit's subtree. */
export async function declareConflict(db: Db, actor: Actor, input: z.infer<typeof ZConflictInput>) {
  return db.transaction(async (tx) => {
    const unitPath = input.projectId
      ? (await loadProject(tx, input.projectId)).unitPath
      : (await findUnit(tx, input.unitId!)).path;
    conflictPolicy.authorize(actor, 'declare', { unitPath });
    const [row] = await tx
      .insert(innovationConflicts)
      .values({
        reviewerId: actor.personId,
        projectId: input.projectId ?? null,
        unitId: input.unitId ?? null,
        reason: input.reason,
      })
      .returning();
    // An open assignment that the declaration now conflicts with is withdrawn.
    const open = await tx
      .select({ id: innovationReviews.id, projectId: innovationReviews.projectId })
      .from(innovationReviews)
      .where(and(eq(innovationReviews.reviewerId, actor.personId), eq(innovationReviews.state, 'assigned')));
    const me = [...(await personRefs(tx, [actor.personId])).values()];
    const projects = await loadProjects(
      tx,
      open.map((r) => r.projectId),
    );
    const declared = await declaredConflicts(tx, [actor.personId]);
    const withdrawn = open.filter((r) => conflictsWith(me, projects.get(r.projectId)!, declared).size);
    if (withdrawn.length)
      await tx.delete(innovationReviews).where(
        inArray(
          innovationReviews.id,
          withdrawn.map((r) => r.id),
        ),
      );
    await writeAudit(tx, auditActor(actor, null), {
      action: 'innovation_conflict.declare',
      recordType: 'innovation_conflict',
      recordId: row.id,
      details: { projectId: row.projectId, unitId: row.unitId },
    });
    return row;
  });
}

export function presentReview(r: ReviewRow, reviewer: { id: number; name: string; employeeNo: string }) {
  return {
    id: r.id,
    projectId: r.projectId,
    reviewer,
    state: r.state as 'assigned' | 'submitted',
    scores: r.scores,
    comments: r.comments,
    overallComment: r.overallComment,
    recommendation: r.recommendation as never,
    total: r.total,
    submittedAt: r.submittedAt,
    version: r.version,
  };
}

/** A review by its id, or 404; `lock` takes the row for the transaction. */
async function loadReview(db: Db, id: number, lock = false) {
  const q = db.select().from(innovationReviews).where(eq(innovationReviews.id, id));
  const [r] = lock ? await q.for('update') : await q;
  if (!r) throw notFound('Review');
  return r;
}

type OtherRow = { r: ReviewRow; name: string; no: string };

/** The submitted reviews on these projects, by project (one query). */
async function submittedOn(db: Db, projectIds: number[]): Promise<Map<number, OtherRow[]>> {
  const byProject = new Map<number, OtherRow[]>();
  if (!projectIds.length) return byProject;
  const rows = await db
    .select({ r: innovationReviews, name: people.name, no: people.employeeNo })
    .from(innovationReviews)
    .innerJoin(people, eq(people.id, innovationReviews.reviewerId))
    .where(
      and(
        inArray(innovationReviews.projectId, [...new Set(projectIds)]),
        eq(innovationReviews.state, 'submitted'),
      ),
    )
    .orderBy(asc(innovationReviews.id));
  for (const o of rows) byProject.set(o.r.projectId, [...(byProject.get(o.r.projectId) ?? []), o]);
  return byProject;
}

/** A review as its reviewer sees it: the others' reviews only once their own is submitted. */
function detailOf(actor: Actor, r: ReviewRow, p: ProjectRow, submitted: Map<number, OtherRow[]>) {
  const others =
    r.state === 'submitted' ? (submitted.get(r.projectId) ?? []).filter((o) => o.r.id !== r.id) : null;
  return {
    ...presentReview(r, { id: actor.personId, name: actor.name, employeeNo: actor.employeeNo }),
    projectCode: p.code,
    projectTitle: p.title,
    unitName: p.unitName,
    level: p.levelApproved as never,
    cycleId: p.cycleId,
    cycleName: p.cycleName,
    others:
      others?.map((o) => presentReview(o.r, { id: o.r.reviewerId, name: o.name, employeeNo: o.no })) ?? null,
  };
}

/** One of the caller's reviews, as its reviewer sees it (nobody else's is reachable by its id). */
export async function reviewDetail(db: Db, actor: Actor, id: number) {
  const r = await loadReview(db, id);
  const p = await loadProject(db, r.projectId);
  reviewPolicy.authorize(actor, 'read', reviewRecord(r, p));
  return detailOf(actor, r, p, r.state === 'submitted' ? await submittedOn(db, [r.projectId]) : new Map());
}

/**
 * The caller's assignments, open ones first, in three queries whatever their number: the
 * reviews, their projects, and the others' submitted reviews where the caller's own is submitted.
 * An assignment on a unit the caller no longer evaluates for is left out (its page answers 404).
 */
export async function myReviews(db: Db, actor: Actor) {
  const rows = await db
    .select()
    .from(innovationReviews)
    .where(eq(innovationReviews.reviewerId, actor.personId))
    .orderBy(asc(innovationReviews.state), desc(innovationReviews.id));
  const projects = await loadProjects(
    db,
    rows.map((r) => r.projectId),
  );
  const inScope = rows.filter((r) =>
    reviewPolicy.can(actor, 'read', reviewRecord(r, projects.get(r.projectId)!)),
  );
  const submitted = await submittedOn(
    db,
    inScope.filter((r) => r.state === 'submitted').map((r) => r.projectId),
  );
  return inScope.map((r) => detailOf(actor, r, projects.get(r.projectId)!, submitted));
}

function checkScores(rubric: TRubricDimension[], input: TScoreInput) {
  const unknown = Object.keys(input.scores).filter((k) => !rubric.some((d) => d.key === k));
  const missing = rubric.filter((d) => input.scores[d.key] === undefined).map((d) => d.key);
  const issues = [
    ...unknown.map((k) => ({ path: ['scores', k], message: `Not a dimension of this rubric: ${k}` })),
    ...(input.submit ? missing.map((k) => ({ path: ['scores', k], message: `Score missing: ${k}` })) : []),
  ];
  if (input.submit && !input.recommendation)
    issues.push({ path: ['recommendation'], message: 'An overall recommendation is required' });
  if (issues.length) throw new AppError('validation_failed', issues[0].message, { issues });
}

/** Saves or submits the caller's scores; a submitted review is final. */
export async function saveReview(db: Db, actor: Actor, id: number, input: TScoreInput) {
  return db.transaction(async (tx) => {
    const r = await loadReview(tx, id, true);
    const p = await loadProject(tx, r.projectId);
    reviewPolicy.authorize(actor, 'read', reviewRecord(r, p));
    if (input.version !== r.version) assertUpdated([], 'review', r.version);
    const grant = reviewPolicy.authorize(actor, 'save', reviewRecord(r, p));
    const cycle = await loadCycle(tx, p.cycleId);
    checkScores(cycle.rubric, input);
    const rows = await tx
      .update(innovationReviews)
      .set({
        scores: input.scores,
        comments: input.comments,
        overallComment: input.overallComment,
        recommendation: input.recommendation,
        state: input.submit ? 'submitted' : 'assigned',
        total: input.submit ? weightedTotal(cycle.rubric, input.scores) : null,
        submittedAt: input.submit ? sql`now()` : null,
        version: sql`${innovationReviews.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(innovationReviews.id, id), eq(innovationReviews.version, input.version)))
      .returning();
    const row = assertUpdated(rows, 'review', r.version);
    await writeAudit(tx, auditActor(actor, grant), {
      action: input.submit ? 'innovation_review.submit' : 'innovation_review.save',
      recordType: 'innovation_review',
      recordId: id,
      unitId: p.unitId,
      details: { projectId: p.id },
    });
    return row;
  });
}

/** Submitted reviews of a cycle's projects, for aggregation. */
export async function cycleReviews(db: Db, cycleId: number) {
  return db
    .select({ r: innovationReviews, unitPath: orgUnits.path })
    .from(innovationReviews)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationReviews.projectId))
    .innerJoin(innovationCycles, eq(innovationCycles.id, innovationProjects.cycleId))
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .where(
      and(
        eq(innovationProjects.cycleId, cycleId),
        inArray(innovationReviews.state, ['assigned', 'submitted']),
      ),
    );
}

/** The conflicts the caller declared. */
export async function myConflicts(db: Db, actor: Actor) {
  const rows = await db
    .select({ c: innovationConflicts, projectTitle: innovationProjects.title, unitName: orgUnits.name })
    .from(innovationConflicts)
    .leftJoin(innovationProjects, eq(innovationProjects.id, innovationConflicts.projectId))
    .leftJoin(orgUnits, eq(orgUnits.id, innovationConflicts.unitId))
    .where(eq(innovationConflicts.reviewerId, actor.personId))
    .orderBy(desc(innovationConflicts.id));
  return rows.map(({ c, projectTitle, unitName }) => ({
    id: c.id,
    projectId: c.projectId,
    projectTitle,
    unitId: c.unitId,
    unitName,
    reason: c.reason,
    createdAt: c.createdAt,
  }));
}

/** Withdraws one of the caller's declared conflicts (assignments withdrawn for it stay withdrawn). */
export async function withdrawConflict(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(innovationConflicts)
      .where(and(eq(innovationConflicts.id, id), eq(innovationConflicts.reviewerId, actor.personId)))
      .returning();
    if (!gone.length) throw notFound('Conflict');
    await writeAudit(tx, auditActor(actor, null), {
      action: 'innovation_conflict.withdraw',
      recordType: 'innovation_conflict',
      recordId: id,
    });
  });
}

/** The reviewers assigned to a project and whether they submitted (never their scores here). */
export async function projectReviewers(db: Db, actor: Actor, projectId: number) {
  const p = await visibleProject(db, actor, projectId);
  projectPolicy.authorize(actor, 'readReviewers', projectRecord(p));
  const rows = await db
    .select({ r: innovationReviews, name: people.name, no: people.employeeNo })
    .from(innovationReviews)
    .innerJoin(people, eq(people.id, innovationReviews.reviewerId))
    .where(eq(innovationReviews.projectId, projectId))
    .orderBy(asc(innovationReviews.id));
  return rows.map(({ r, name, no }) => ({
    reviewId: r.id,
    reviewer: { id: r.reviewerId, name, employeeNo: no },
    state: r.state as 'assigned' | 'submitted',
    submittedAt: r.submittedAt,
  }));
}

/** Takes a reviewer off a project before they submitted. */
export async function removeReviewer(db: Db, actor: Actor, projectId: number, reviewerId: number) {
  await db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, projectId);
    const grant = projectPolicy.authorize(actor, 'removeReviewer', projectRecord(p));
    const [r] = await tx
      .select()
      .from(innovationReviews)
      .where(and(eq(innovationReviews.projectId, projectId), eq(innovationReviews.reviewerId, reviewerId)))
      .for('update');
    if (!r) throw notFound('Assignment');
    if (r.state === 'submitted')
      throw new AppError('invalid_transition', 'A submitted review stays', {
        reason: 'review_submitted',
        state: r.state,
      });
    await tx.delete(innovationReviews).where(eq(innovationReviews.id, r.id));
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.remove_reviewer',
      recordType: 'innovation_project',
      recordId: projectId,
      unitId: p.unitId,
      details: { reviewerId },
    });
  });
}
