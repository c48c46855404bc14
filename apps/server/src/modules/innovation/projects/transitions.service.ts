import { nextState, PROJECT_TRANSITIONS, type TProjectState, type TTransitionInput } from '@lifeline/shared';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { assertUpdated, loadProject, type ProjectRow } from '../innovation.access.js';
import {
  innovationChangeRequests,
  innovationEvents,
  innovationMilestones,
  innovationProjects,
  innovationRevisions,
} from '../innovation.table.js';
import { projectPolicy, projectRecord, tableProblem } from './projects.policy.js';
import { visibleProject } from './visible-project.js';

/** The declaration as submitted: what a revision keeps and the diff compares. */
async function snapshot(db: Db, p: ProjectRow): Promise<Record<string, unknown>> {
  const milestones = await db
    .select({
      title: innovationMilestones.title,
      dueOn: innovationMilestones.dueOn,
      deliverable: innovationMilestones.deliverable,
    })
    .from(innovationMilestones)
    .where(eq(innovationMilestones.projectId, p.id))
    .orderBy(innovationMilestones.position);
  return {
    title: p.title,
    category: p.category,
    levelApplied: p.levelApplied,
    leaderId: p.leaderId,
    teamIds: p.teamIds,
    objectives: p.objectives,
    plan: p.plan,
    budgetFen: p.budgetFen,
    milestones,
  };
}

/**
 * Takes one step of the workflow: the version first (two people acting at once: one wins, the
 * other gets a conflict and nothing changes), then the table, the project policy's rule for the
 * move (the permission of its row on the project's unit, the window) and the required text.
 * State, history, audit and notices commit together.
 */
export async function transitionProject(
  db: Db,
  actor: Actor,
  id: number,
  input: TTransitionInput,
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, id, true);
    if (input.version !== p.version) assertUpdated([], 'project', p.version);
    // A move the table does not have is refused as such, whoever asks.
    const refused = tableProblem(input.action, p.state);
    if (refused) throw refused;
    const to = nextState(p.state as TProjectState, input.action)!;
    const grant = projectPolicy.authorize(actor, input.action, projectRecord(p));
    const t = PROJECT_TRANSITIONS[input.action];
    const text = input.comment?.trim() ?? '';
    if (t.needs && !text)
      throw new AppError('validation_failed', `This action needs a ${t.needs}`, {
        issues: [{ path: ['comment'], message: `This action needs a ${t.needs}` }],
      });

    const set: Partial<typeof innovationProjects.$inferInsert> = { state: to };
    const submits = to === 'submitted';
    if (submits) {
      set.revision = p.revision + 1;
      if (!p.submittedAt) set.submittedAt = new Date().toISOString();
    }
    if (input.action === 'accept_late') {
      set.late = true;
      set.lateReason = text;
    }
    if (input.action === 'complete') set.completedAt = new Date().toISOString();
    if (to === 'completed' || to === 'terminated') {
      // Pending change requests end with the implementation.
      await tx
        .update(innovationChangeRequests)
        .set({
          state: 'closed',
          decidedAt: sql`now()`,
          version: sql`${innovationChangeRequests.version} + 1`,
        })
        .where(
          and(eq(innovationChangeRequests.projectId, id), eq(innovationChangeRequests.state, 'pending')),
        );
    }
    const rows = await tx
      .update(innovationProjects)
      .set({ ...set, version: sql`${innovationProjects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(innovationProjects.id, id), eq(innovationProjects.version, input.version)))
      .returning();
    assertUpdated(rows, 'project', p.version);
    if (submits)
      await tx.insert(innovationRevisions).values({
        projectId: id,
        revision: p.revision + 1,
        snapshot: await snapshot(tx, p),
        // A late entry is the applicant's submission, accepted by the secretariat.
        submittedBy: input.action === 'accept_late' ? p.createdBy : actor.personId,
      });
    await tx.insert(innovationEvents).values({
      projectId: id,
      action: input.action,
      fromState: p.state,
      toState: to,
      comment: text || null,
      actorId: actor.personId,
    });
    await writeAudit(tx, auditActor(actor, grant), {
      action: `innovation_project.${input.action}`,
      recordType: 'innovation_project',
      recordId: id,
      unitId: p.unitId,
      changes: { state: { before: p.state, after: to } },
      details: text ? { comment: text } : null,
    });
    await notify(
      tx,
      [p.createdBy, p.leaderId].filter((x) => x !== actor.personId),
      {
        kind: 'innovation.project_state',
        params: { code: p.code, title: p.title, state: to, action: input.action },
        link: `/innovation/projects/${id}`,
      },
    );
    return loadProject(tx, id);
  });
}

/** Records an event in a project's history (used by meetings, changes and supervision). */
export async function recordEvent(
  db: Db,
  projectId: number,
  actorId: number | null,
  action: string,
  states: { from?: string | null; to?: string | null } = {},
  comment: string | null = null,
): Promise<void> {
  await db.insert(innovationEvents).values({
    projectId,
    action,
    fromState: states.from ?? null,
    toState: states.to ?? null,
    comment,
    actorId,
  });
}
