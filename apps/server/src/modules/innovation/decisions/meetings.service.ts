import type { TDecisionInput, ZMeetingInput, ZMeetingUpdate } from '@lifeline/shared';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { cycleRecord } from '../cycles/cycles.policy.js';
import { visibleCycle } from '../cycles/cycles.service.js';
import {
  assertUpdated,
  type CycleRow,
  loadCycle,
  personRefs,
  ref,
  requirePeople,
} from '../innovation.access.js';
import { innovationDecisions, innovationMeetings, innovationProjects } from '../innovation.table.js';
import { scheduleMilestoneJobs } from '../management/reminders.js';
import { presentSummaries } from '../projects/projects.presenter.js';
import { listProjects } from '../projects/projects.service.js';
import { recordEvent } from '../projects/transitions.service.js';
import { visibleProject } from '../projects/visible-project.js';
import {
  DECISION_ABILITIES,
  decisionPolicy,
  decisionRecord,
  MEETING_ABILITIES,
  meetingPolicy,
} from './meetings.policy.js';
import { recusals } from './recusal.js';

type MeetingRow = typeof innovationMeetings.$inferSelect;

/** The policy's view of a meeting of a cycle, with these members. */
const meetingRecord = (cycle: CycleRow, memberIds: readonly number[]) => ({
  ...cycleRecord(cycle),
  memberIds,
});

/** A meeting the caller may see, with its cycle; 404 otherwise. */
async function visibleMeeting(db: Db, actor: Actor, id: number, lock = false) {
  const q = db.select().from(innovationMeetings).where(eq(innovationMeetings.id, id));
  const [m] = lock ? await q.for('update') : await q;
  if (!m) throw notFound('Meeting');
  const cycle = await loadCycle(db, m.cycleId);
  meetingPolicy.authorize(actor, 'read', meetingRecord(cycle, m.memberIds));
  return { m, cycle };
}

/** The fields of a meeting that leave the server, with the caller's abilities on it. */
export async function presentMeeting(db: Db, actor: Actor, m: MeetingRow) {
  const cycle = await loadCycle(db, m.cycleId);
  const refs = await personRefs(db, m.memberIds);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(innovationDecisions)
    .where(eq(innovationDecisions.meetingId, m.id));
  return {
    id: m.id,
    cycleId: m.cycleId,
    heldOn: m.heldOn,
    members: m.memberIds.flatMap((id) => ref(refs, id) ?? []),
    minutes: m.minutes,
    decisionCount: count.n,
    version: m.version,
    abilities: meetingPolicy.abilities(actor, meetingRecord(cycle, m.memberIds), MEETING_ABILITIES),
  };
}

export async function createMeeting(
  db: Db,
  actor: Actor,
  cycleId: number,
  input: z.infer<typeof ZMeetingInput>,
) {
  const cycle = await visibleCycle(db, actor, cycleId);
  const memberIds = [...new Set(input.memberIds)];
  const grant = meetingPolicy.authorize(actor, 'create', meetingRecord(cycle, memberIds));
  return db.transaction(async (tx) => {
    await requirePeople(tx, memberIds, 'memberIds');
    const [m] = await tx
      .insert(innovationMeetings)
      .values({ ...input, memberIds, cycleId, createdBy: actor.personId })
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_meeting.create',
      recordType: 'innovation_meeting',
      recordId: m.id,
      unitId: cycle.ownerUnitId,
      details: { cycleId, heldOn: m.heldOn, members: m.memberIds.length },
    });
    return m;
  });
}

export async function updateMeeting(db: Db, actor: Actor, id: number, input: z.infer<typeof ZMeetingUpdate>) {
  return db.transaction(async (tx) => {
    const { m, cycle } = await visibleMeeting(tx, actor, id, true);
    const grant = meetingPolicy.authorize(actor, 'update', meetingRecord(cycle, m.memberIds));
    const { version, ...changes } = input;
    if (changes.memberIds) {
      changes.memberIds = [...new Set(changes.memberIds)];
      // Whoever records the meeting stays one of its members.
      meetingPolicy.authorize(actor, 'update', meetingRecord(cycle, changes.memberIds));
      await requirePeople(tx, changes.memberIds, 'memberIds');
      const [decided] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(innovationDecisions)
        .where(eq(innovationDecisions.meetingId, id));
      if (
        decided.n > 0 &&
        JSON.stringify([...changes.memberIds].sort()) !== JSON.stringify([...m.memberIds].sort())
      )
        throw new AppError(
          'invalid_transition',
          'Members cannot change after the meeting decided a project',
          { reason: 'members_locked' },
        );
    }
    const rows = await tx
      .update(innovationMeetings)
      .set({ ...changes, version: sql`${innovationMeetings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(innovationMeetings.id, id), eq(innovationMeetings.version, version)))
      .returning();
    const row = assertUpdated(rows, 'meeting', m.version);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_meeting.update',
      recordType: 'innovation_meeting',
      recordId: id,
      unitId: cycle.ownerUnitId,
      details: { fields: Object.keys(changes) },
    });
    return row;
  });
}

export async function listMeetings(db: Db, actor: Actor, cycleId: number) {
  const cycle = await visibleCycle(db, actor, cycleId);
  meetingPolicy.authorize(actor, 'list', cycleRecord(cycle));
  const rows = await db
    .select()
    .from(innovationMeetings)
    .where(eq(innovationMeetings.cycleId, cycleId))
    .orderBy(desc(innovationMeetings.heldOn), desc(innovationMeetings.id));
  return Promise.all(rows.map((m) => presentMeeting(db, actor, m)));
}

/** A meeting with its candidates: the cycle's shortlisted projects and those it decided. */
export async function meetingDetail(db: Db, actor: Actor, id: number) {
  const { m } = await visibleMeeting(db, actor, id);
  const members = [...(await personRefs(db, m.memberIds)).values()];
  const decisions = await db.select().from(innovationDecisions).where(eq(innovationDecisions.meetingId, id));
  const decidedIds = decisions.map((d) => d.projectId);
  const candidates = await db
    .select({ id: innovationProjects.id })
    .from(innovationProjects)
    .where(
      and(
        eq(innovationProjects.cycleId, m.cycleId),
        or(
          eq(innovationProjects.state, 'shortlisted'),
          decidedIds.length ? inArray(innovationProjects.id, decidedIds) : sql`false`,
        ),
      ),
    )
    .orderBy(asc(innovationProjects.code));
  const list = await listProjects(
    db,
    actor,
    { cycleId: m.cycleId, page: 1, pageSize: 1 },
    candidates.map((c) => c.id),
  );
  const summaries = presentSummaries(actor, list.items);
  const byId = new Map(list.items.map((p) => [p.id, p]));
  const summaryOf = new Map(summaries.map((p) => [p.id, p]));
  const refs = new Map(members.map((r) => [r.id, r]));
  return {
    ...(await presentMeeting(db, actor, m)),
    candidates: candidates.flatMap(({ id: pid }) => {
      const p = byId.get(pid);
      if (!p) return [];
      const d = decisions.find((x) => x.projectId === pid);
      const now = recusals(members, p);
      const rec = (d ? d.recused : now).map((r) => ({
        ...ref(refs, r.personId)!,
        reason: r.reason,
      }));
      return [
        {
          project: summaryOf.get(pid)!,
          recused: rec,
          abilities: decisionPolicy.abilities(actor, decisionRecord(p, m.memberIds, now), DECISION_ABILITIES),
          decision: d
            ? {
                id: d.id,
                projectId: pid,
                outcome: d.outcome as 'approve' | 'decline',
                level: d.level as never,
                fundingFen: d.fundingFen,
                comment: d.comment,
                recused: rec,
                decidedAt: d.decidedAt,
              }
            : null,
        },
      ];
    }),
  };
}

/**
 * Records the meeting's decision on one shortlisted project: the level (which may differ from
 * the one applied for) and funding within the level's range and quota, or a rejection. Members
 * tied to the project are recused and the record says so; the decider is a member who is not
 * (the decision policy), so someone always remains to decide.
 */
export async function decideProject(db: Db, actor: Actor, meetingId: number, input: TDecisionInput) {
  return db.transaction(async (tx) => {
    const { m, cycle } = await visibleMeeting(tx, actor, meetingId);
    const p = await visibleProject(tx, actor, input.projectId, true);
    if (p.cycleId !== m.cycleId) throw notFound('Project');
    if (input.version !== p.version) assertUpdated([], 'project', p.version);
    const members = [...(await personRefs(tx, m.memberIds)).values()];
    const recused = recusals(members, p);
    const grant = decisionPolicy.authorize(actor, 'decide', decisionRecord(p, m.memberIds, recused));
    let level: string | null = null;
    let funding: number | null = null;
    if (input.outcome === 'approve') {
      const setting = cycle.levels.find((l) => l.level === input.level);
      if (!setting)
        throw new AppError('validation_failed', 'This cycle does not offer that level', {
          issues: [{ path: ['level'], message: 'This cycle does not offer that level' }],
        });
      const f = input.fundingFen ?? 0;
      if (
        (setting.minFundingFen != null && f < setting.minFundingFen) ||
        (setting.maxFundingFen != null && f > setting.maxFundingFen)
      )
        throw new AppError('validation_failed', 'The funding is outside the range of the level', {
          issues: [{ path: ['fundingFen'], message: 'The funding is outside the range of the level' }],
          min: setting.minFundingFen,
          max: setting.maxFundingFen,
        });
      if (setting.quota != null) {
        const [used] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(innovationProjects)
          .where(
            and(
              eq(innovationProjects.cycleId, p.cycleId),
              eq(innovationProjects.levelApproved, setting.level),
            ),
          );
        if (used.n >= setting.quota)
          throw new AppError('conflict', `The quota of ${setting.quota} for this level is used up`, {
            quota: setting.quota,
          });
      }
      level = setting.level;
      funding = f;
    }
    const to = input.outcome === 'approve' ? 'approved' : 'declined';
    const rows = await tx
      .update(innovationProjects)
      .set({
        state: to,
        levelApproved: level,
        fundingFen: funding,
        decidedAt: sql`now()`,
        version: sql`${innovationProjects.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(innovationProjects.id, p.id), eq(innovationProjects.version, input.version)))
      .returning();
    assertUpdated(rows, 'project', p.version);
    const [d] = await tx
      .insert(innovationDecisions)
      .values({
        meetingId,
        projectId: p.id,
        outcome: input.outcome,
        level,
        fundingFen: funding,
        comment: input.comment,
        recused,
        decidedBy: actor.personId,
      })
      .returning();
    await recordEvent(tx, p.id, actor.personId, input.outcome, { from: p.state, to }, input.comment || null);
    if (to === 'approved') await scheduleMilestoneJobs(tx, p.id, cycle.reminderDays);
    await writeAudit(tx, auditActor(actor, grant), {
      action: `innovation_project.${input.outcome}`,
      recordType: 'innovation_project',
      recordId: p.id,
      unitId: p.unitId,
      changes: { state: { before: p.state, after: to } },
      details: { meetingId, decisionId: d.id, level, fundingFen: funding, recused },
    });
    await notify(tx, [p.createdBy, p.leaderId], {
      kind: 'innovation.project_state',
      params: { code: p.code, title: p.title, state: to, action: input.outcome },
      link: `/innovation/projects/${p.id}`,
    });
    return { ...d, projectVersion: rows[0].version, projectState: rows[0].state };
  });
}
