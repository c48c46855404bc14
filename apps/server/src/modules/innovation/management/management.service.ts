import type {
  TChangeProposal,
  ZChangeDecisionInput,
  ZChangeRequestInput,
  ZProgressReportInput,
} from '@lifeline/shared';
import { and, asc, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import { cyclePolicy, cycleRecord } from '../cycles/cycles.policy.js';
import { visibleCycle } from '../cycles/cycles.service.js';
import { assertUpdated, loadCycle, loadProject, requirePeople, today } from '../innovation.access.js';
import {
  innovationChangeRequests,
  innovationMilestones,
  innovationProgressReports,
  innovationProjects,
  innovationSupervisionNotes,
} from '../innovation.table.js';
import { projectPolicy, projectRecord } from '../projects/projects.policy.js';
import { recordEvent } from '../projects/transitions.service.js';
import { visibleProject } from '../projects/visible-project.js';
import { CHANGE_ABILITIES, changePolicy } from './changes.policy.js';
import { scheduleMilestoneJobs } from './reminders.js';

/** A progress report of the applicant; may mark a milestone done. */
export async function addProgressReport(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof ZProgressReportInput>,
) {
  return db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, id, true);
    const grant = projectPolicy.authorize(actor, 'report', projectRecord(p));
    if (input.milestoneId) {
      const [m] = await tx
        .select()
        .from(innovationMilestones)
        .where(and(eq(innovationMilestones.id, input.milestoneId), eq(innovationMilestones.projectId, id)));
      if (!m) throw notFound('Milestone');
      if (input.milestoneDone && !m.doneOn)
        await tx
          .update(innovationMilestones)
          .set({ doneOn: today(), outcome: input.text })
          .where(eq(innovationMilestones.id, m.id));
    }
    const [row] = await tx
      .insert(innovationProgressReports)
      .values({ projectId: id, milestoneId: input.milestoneId, text: input.text, authorId: actor.personId })
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.progress_report',
      recordType: 'innovation_project',
      recordId: id,
      unitId: p.unitId,
      details: { reportId: row.id, milestoneId: input.milestoneId, milestoneDone: input.milestoneDone },
    });
    return row;
  });
}

/** A supervision note (督导) of the secretariat. */
export async function addSupervisionNote(db: Db, actor: Actor, id: number, note: string) {
  return db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, id);
    const grant = projectPolicy.authorize(actor, 'supervise', projectRecord(p));
    const [row] = await tx
      .insert(innovationSupervisionNotes)
      .values({ projectId: id, note, authorId: actor.personId })
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.supervision_note',
      recordType: 'innovation_project',
      recordId: id,
      unitId: p.unitId,
      details: { noteId: row.id },
    });
    return row;
  });
}

/** The applicant asks to change team, level, funding or a deadline. */
export async function requestChange(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof ZChangeRequestInput>,
) {
  return db.transaction(async (tx) => {
    const p = await visibleProject(tx, actor, id);
    const grant = projectPolicy.authorize(actor, 'requestChange', projectRecord(p));
    await checkProposal(tx, id, input.proposal);
    const [row] = await tx
      .insert(innovationChangeRequests)
      .values({
        projectId: id,
        kind: input.proposal.kind,
        proposal: input.proposal,
        reason: input.reason,
        requestedBy: actor.personId,
      })
      .returning();
    await recordEvent(tx, id, actor.personId, 'change_requested', {}, input.reason);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_change.request',
      recordType: 'innovation_change_request',
      recordId: row.id,
      unitId: p.unitId,
      details: { projectId: id, proposal: input.proposal },
    });
    return row;
  });
}

async function checkProposal(db: Db, projectId: number, proposal: TChangeProposal) {
  if (proposal.kind === 'team') await requirePeople(db, proposal.teamIds, 'proposal.teamIds');
  if (proposal.kind === 'level') {
    const p = await loadProject(db, projectId);
    const cycle = await loadCycle(db, p.cycleId);
    if (!cycle.levels.some((l) => l.level === proposal.level))
      throw new AppError('validation_failed', 'This cycle does not offer that level', {
        issues: [{ path: ['proposal', 'level'], message: 'This cycle does not offer that level' }],
      });
  }
  if (proposal.kind === 'deadline') {
    const [m] = await db
      .select()
      .from(innovationMilestones)
      .where(
        and(eq(innovationMilestones.id, proposal.milestoneId), eq(innovationMilestones.projectId, projectId)),
      );
    if (!m) throw notFound('Milestone');
    if (m.doneOn)
      throw new AppError('invalid_transition', 'The milestone is already done', { reason: 'milestone_done' });
  }
}

/** Loads a change request with its project's unit; 404 unless the caller may see the project. */
async function visibleChange(db: Db, actor: Actor, id: number) {
  const [row] = await db.select().from(innovationChangeRequests).where(eq(innovationChangeRequests.id, id));
  if (!row) throw notFound('Change request');
  const p = await visibleProject(db, actor, row.projectId, true);
  return { row, p };
}

/** The secretariat approves (and so applies) or rejects a change request. */
export async function decideChange(
  db: Db,
  actor: Actor,
  id: number,
  input: z.infer<typeof ZChangeDecisionInput>,
) {
  return db.transaction(async (tx) => {
    const { row, p } = await visibleChange(tx, actor, id);
    if (input.version !== row.version) assertUpdated([], 'change request', row.version);
    const grant = changePolicy.authorize(actor, 'decide', {
      unitPath: p.unitPath,
      projectState: p.state,
      state: row.state,
    });
    if (input.approve) await applyChange(tx, p.id, row.proposal);
    const state = input.approve ? 'approved' : 'rejected';
    const updated = await tx
      .update(innovationChangeRequests)
      .set({
        state,
        decidedBy: actor.personId,
        decidedAt: sql`now()`,
        decisionComment: input.comment,
        version: sql`${innovationChangeRequests.version} + 1`,
      })
      .where(and(eq(innovationChangeRequests.id, id), eq(innovationChangeRequests.version, input.version)))
      .returning();
    assertUpdated(updated, 'change request', row.version);
    await recordEvent(tx, p.id, actor.personId, `change_${state}`, {}, input.comment || null);
    await writeAudit(tx, auditActor(actor, grant), {
      action: `innovation_change.${input.approve ? 'approve' : 'reject'}`,
      recordType: 'innovation_change_request',
      recordId: id,
      unitId: p.unitId,
      details: { projectId: p.id, proposal: row.proposal, comment: input.comment },
    });
    await notify(tx, [row.requestedBy, p.leaderId], {
      kind: 'innovation.change_decided',
      params: { code: p.code, title: p.title, kind: row.kind, state },
      link: `/innovation/projects/${p.id}`,
    });
    return updated[0];
  });
}

async function applyChange(db: Db, projectId: number, proposal: TChangeProposal) {
  const set: Partial<typeof innovationProjects.$inferInsert> = {};
  if (proposal.kind === 'team') set.teamIds = proposal.teamIds;
  if (proposal.kind === 'level') set.levelApproved = proposal.level;
  if (proposal.kind === 'funding') set.fundingFen = proposal.fundingFen;
  if (proposal.kind === 'deadline') {
    await db
      .update(innovationMilestones)
      .set({ dueOn: proposal.dueOn })
      .where(eq(innovationMilestones.id, proposal.milestoneId));
    const p = await loadProject(db, projectId);
    await scheduleMilestoneJobs(db, projectId, (await loadCycle(db, p.cycleId)).reminderDays);
  }
  await db
    .update(innovationProjects)
    .set({ ...set, version: sql`${innovationProjects.version} + 1`, updatedAt: sql`now()` })
    .where(eq(innovationProjects.id, projectId));
}

/** Change requests of a project, or the pending ones of a cycle (the secretariat's queue). */
export async function listChanges(db: Db, actor: Actor, filter: { projectId?: number; cycleId?: number }) {
  const requester = sql`(select name from people where id = ${innovationChangeRequests.requestedBy})`;
  const decider = sql`(select name from people where id = ${innovationChangeRequests.decidedBy})`;
  const where = [changePolicy.scope(actor, 'list', orgUnits.path)];
  if (filter.projectId) {
    // Whoever may see the project sees its requests (its applicant unit's declarers too).
    const p = await visibleProject(db, actor, filter.projectId);
    where.length = 0;
    where.push(eq(innovationChangeRequests.projectId, p.id));
  }
  if (filter.cycleId) {
    const cycle = await visibleCycle(db, actor, filter.cycleId);
    cyclePolicy.authorize(actor, 'changes', cycleRecord(cycle));
    where.push(eq(innovationProjects.cycleId, filter.cycleId), eq(innovationChangeRequests.state, 'pending'));
  }
  const rows = await db
    .select({
      c: innovationChangeRequests,
      projectTitle: innovationProjects.title,
      projectState: innovationProjects.state,
      unitPath: orgUnits.path,
      requestedByName: sql<string | null>`${requester}`,
      decidedByName: sql<string | null>`${decider}`,
    })
    .from(innovationChangeRequests)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationChangeRequests.projectId))
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .where(and(...where))
    .orderBy(desc(innovationChangeRequests.id))
    .limit(500);
  return rows.map((r) => ({
    id: r.c.id,
    projectId: r.c.projectId,
    projectTitle: r.projectTitle,
    kind: r.c.kind as TChangeProposal['kind'],
    proposal: r.c.proposal,
    reason: r.c.reason,
    state: r.c.state as 'pending' | 'approved' | 'rejected' | 'closed',
    requestedBy: r.requestedByName,
    requestedAt: r.c.requestedAt,
    decidedBy: r.decidedByName,
    decidedAt: r.c.decidedAt,
    decisionComment: r.c.decisionComment,
    version: r.c.version,
    abilities: changePolicy.abilities(
      actor,
      { unitPath: r.unitPath, projectState: r.projectState, state: r.c.state },
      CHANGE_ABILITIES,
    ),
  }));
}

/** Open milestones past their due date in a cycle's running projects. */
export async function overdueMilestones(db: Db, actor: Actor, cycleId: number) {
  const cycle = await visibleCycle(db, actor, cycleId);
  cyclePolicy.authorize(actor, 'board', cycleRecord(cycle));
  const day = today();
  const rows = await db
    .select({
      m: innovationMilestones,
      p: innovationProjects,
      unitName: orgUnits.name,
      leaderName: people.name,
    })
    .from(innovationMilestones)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationMilestones.projectId))
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(people, eq(people.id, innovationProjects.leaderId))
    .where(
      and(
        eq(innovationProjects.cycleId, cycleId),
        eq(innovationProjects.state, 'approved'),
        isNull(innovationMilestones.doneOn),
        lt(innovationMilestones.dueOn, day),
        projectPolicy.scope(actor, 'listSubmitted', orgUnits.path),
      ),
    )
    .orderBy(asc(innovationMilestones.dueOn), asc(innovationMilestones.id));
  return rows.map((r) => ({
    milestoneId: r.m.id,
    title: r.m.title,
    dueOn: r.m.dueOn,
    daysOverdue: Math.round((Date.parse(day) - Date.parse(r.m.dueOn)) / 86_400_000),
    projectId: r.p.id,
    projectCode: r.p.code,
    projectTitle: r.p.title,
    unitName: r.unitName,
    leaderName: r.leaderName,
  }));
}
