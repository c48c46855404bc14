import {
  PROJECT_ACTIONS,
  type TInnovationCategory,
  type TInnovationLevel,
  type TProject,
  type TProjectSummary,
} from '@lifeline/shared';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { storedFiles } from '../../../platform/files/files.table.js';
import { people } from '../../people/index.js';
import { type ProjectRow, personRefs, ref, today } from '../innovation.access.js';
import {
  innovationAttachments,
  innovationEvents,
  innovationProgressReports,
  innovationRevisions,
  innovationSupervisionNotes,
} from '../innovation.table.js';
import { PROJECT_PAGE_ABILITIES, projectPolicy, projectRecord } from './projects.policy.js';
import { RUNNING_STATES } from './projects.rules.js';
import { milestonesOf } from './projects.service.js';

type Leader = { id: number; name: string; employeeNo: string };

/** A list row: only what a list needs, with the caller's abilities on the moves of the workflow now. */
export function presentProjectSummary(actor: Actor, p: ProjectRow & { leader: Leader }): TProjectSummary {
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
    abilities: projectPolicy.abilities(actor, projectRecord(p), PROJECT_ACTIONS),
  };
}

/** List rows, each with the caller's abilities on it. */
export function presentSummaries(actor: Actor, rows: (ProjectRow & { leader: Leader })[]): TProjectSummary[] {
  return rows.map((r) => presentProjectSummary(actor, r));
}

/** The whole project as the caller may see it, with their abilities on it now. */
export async function presentProject(db: Db, actor: Actor, p: ProjectRow): Promise<TProject> {
  const day = today();
  const record = projectRecord(p, day);
  const staff = projectPolicy.can(actor, 'readSupervision', record);
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
  return {
    ...presentProjectSummary(actor, { ...p, leader: ref(refs, p.leaderId)! }),
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
    abilities: projectPolicy.abilities(actor, record, [...PROJECT_ACTIONS, ...PROJECT_PAGE_ABILITIES]),
  };
}
