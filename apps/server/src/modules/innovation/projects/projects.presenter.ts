import type {
  TInnovationCategory,
  TInnovationLevel,
  TProject,
  TProjectAction,
  TProjectSummary,
} from '@lifeline/shared';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { type Actor, canOn } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { storedFiles } from '../../../platform/files/files.table.js';
import { people } from '../../people/people.table.js';
import { loadCycle, type ProjectRow, personRefs, ref, today } from '../innovation.access.js';
import {
  innovationAttachments,
  innovationEvents,
  innovationProgressReports,
  innovationRevisions,
  innovationSupervisionNotes,
} from '../innovation.table.js';
import { ATTACHABLE_STATES, allowedActions, EDITABLE_STATES, RUNNING_STATES } from './projects.rules.js';
import { milestonesOf } from './projects.service.js';

type Leader = { id: number; name: string; employeeNo: string };

/** A list row: only what a list needs, with the actions open to the caller now. */
export function presentProjectSummary(
  p: ProjectRow & { leader: Leader },
  actions: TProjectAction[],
): TProjectSummary {
  return {
    id: p.id,
    code: p.code,
    cycleId: p.cycleId,
    cycleName: p.cycleName,
    unitId: p.unitId,
    unitName: p.unitName,
    title: p.title,
    category: p.category as TInnovationCategory,
    levelApplied: p.levelApplied as TInnovationLevel,
    levelApproved: p.levelApproved as TInnovationLevel | null,
    state: p.state as TProjectSummary['state'],
    leader: p.leader,
    budgetFen: p.budgetFen,
    fundingFen: p.fundingFen,
    late: p.late,
    submittedAt: p.submittedAt,
    updatedAt: p.updatedAt,
    version: p.version,
    actions,
  };
}

/** List rows with each row's actions, reading the declaration window of each cycle once. */
export async function presentSummaries(
  db: Db,
  actor: Actor,
  rows: (ProjectRow & { leader: Leader })[],
): Promise<TProjectSummary[]> {
  const day = today();
  const cycles = new Map<number, Awaited<ReturnType<typeof loadCycle>>>();
  for (const id of new Set(rows.map((r) => r.cycleId))) cycles.set(id, await loadCycle(db, id));
  return rows.map((r) =>
    presentProjectSummary(r, allowedActions(actor, r, cycles.get(r.cycleId)!.windows.declaration, day)),
  );
}

/** The whole project as the caller may see it, with the actions open to them now. */
export async function presentProject(db: Db, actor: Actor, p: ProjectRow): Promise<TProject> {
  const cycle = await loadCycle(db, p.cycleId);
  const day = today();
  const staff =
    canOn(actor, 'innovation.review', p.unitPath) || canOn(actor, 'innovation.decide', p.unitPath);
  const [milestones, attachments, events, reports, notes, [revisions]] = await Promise.all([
    milestonesOf(db, [p.id]),
    db
      .select({ file: storedFiles, uploadedAt: innovationAttachments.uploadedAt })
      .from(innovationAttachments)
      .innerJoin(storedFiles, eq(storedFiles.id, innovationAttachments.fileId))
      .where(eq(innovationAttachments.projectId, p.id))
      .orderBy(asc(innovationAttachments.uploadedAt)),
    db
      .select({ e: innovationEvents, actorName: people.name })
      .from(innovationEvents)
      .leftJoin(people, eq(people.id, innovationEvents.actorId))
      .where(eq(innovationEvents.projectId, p.id))
      .orderBy(asc(innovationEvents.id)),
    db
      .select({ r: innovationProgressReports, authorName: people.name })
      .from(innovationProgressReports)
      .innerJoin(people, eq(people.id, innovationProgressReports.authorId))
      .where(eq(innovationProgressReports.projectId, p.id))
      .orderBy(desc(innovationProgressReports.id)),
    staff
      ? db
          .select({ n: innovationSupervisionNotes, authorName: people.name })
          .from(innovationSupervisionNotes)
          .innerJoin(people, eq(people.id, innovationSupervisionNotes.authorId))
          .where(eq(innovationSupervisionNotes.projectId, p.id))
          .orderBy(desc(innovationSupervisionNotes.id))
      : Promise.resolve(null),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(innovationRevisions)
      .where(eq(innovationRevisions.projectId, p.id)),
  ]);
  const refs = await personRefs(db, [p.leaderId, ...p.teamIds]);
  const declarer = canOn(actor, 'innovation.declare', p.unitPath);
  return {
    ...presentProjectSummary(
      { ...p, leader: ref(refs, p.leaderId)! },
      allowedActions(actor, p, cycle.windows.declaration, day),
    ),
    objectives: p.objectives,
    plan: p.plan,
    team: p.teamIds.flatMap((id) => ref(refs, id) ?? []),
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueOn: m.dueOn,
      deliverable: m.deliverable,
      doneOn: m.doneOn,
      outcome: m.outcome,
      overdue: !m.doneOn && m.dueOn < day && RUNNING_STATES.includes(p.state),
    })),
    attachments: attachments.map((a) => ({
      id: a.file.id,
      name: a.file.originalName,
      mime: a.file.mime,
      size: a.file.size,
      uploadedAt: a.uploadedAt,
    })),
    events: events.map(({ e, actorName }) => ({
      id: e.id,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      comment: e.comment,
      actorName,
      at: e.at,
    })),
    progressReports: reports.map(({ r, authorName }) => ({
      id: r.id,
      milestoneId: r.milestoneId,
      text: r.text,
      authorName,
      at: r.at,
    })),
    supervisionNotes: notes
      ? notes.map(({ n, authorName }) => ({ id: n.id, note: n.note, authorName, at: n.at }))
      : null,
    revisionCount: revisions.n,
    abilities: {
      edit: declarer && EDITABLE_STATES.includes(p.state),
      attach: declarer && ATTACHABLE_STATES.includes(p.state),
      detach: declarer && EDITABLE_STATES.includes(p.state),
      report: declarer && RUNNING_STATES.includes(p.state),
      supervise: canOn(actor, 'innovation.review', p.unitPath) && p.state !== 'draft',
      requestChange: declarer && RUNNING_STATES.includes(p.state),
      assignReviewers: canOn(actor, 'innovation.review', p.unitPath) && p.state === 'completed',
    },
  };
}
