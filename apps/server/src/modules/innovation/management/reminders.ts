import { and, eq, isNull } from 'drizzle-orm';
import { endOfShanghaiDay } from '../../../platform/calendar/work-calendar.js';
import type { Db } from '../../../platform/db/types.js';
import { enqueueJob } from '../../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../../platform/jobs/job-worker.js';
import { notify } from '../../../platform/notifications/notify.js';
import { innovationMilestones, innovationProjects } from '../innovation.table.js';
import { RUNNING_STATES } from '../projects/projects.rules.js';

export const MILESTONE_DUE_JOB = 'innovation.milestone_due';
export const MILESTONE_OVERDUE_JOB = 'innovation.milestone_overdue';

const DAY_MS = 86_400_000;

/**
 * Schedules the reminder before each open milestone of a project falls due, and the overdue
 * notice after its day ends. Keys carry the due date, so a moved deadline gets new jobs and
 * the handlers ignore jobs of a date that no longer applies.
 */
export async function scheduleMilestoneJobs(db: Db, projectId: number, reminderDays: number): Promise<void> {
  const open = await db
    .select()
    .from(innovationMilestones)
    .where(and(eq(innovationMilestones.projectId, projectId), isNull(innovationMilestones.doneOn)));
  for (const m of open) {
    const end = endOfShanghaiDay(m.dueOn);
    const remindAt = new Date(end.getTime() - (reminderDays + 1) * DAY_MS);
    const payload = { milestoneId: m.id, dueOn: m.dueOn };
    await enqueueJob(db, MILESTONE_DUE_JOB, payload, {
      runAt: remindAt,
      dedupeKey: `${MILESTONE_DUE_JOB}:${m.id}:${m.dueOn}`,
    });
    await enqueueJob(db, MILESTONE_OVERDUE_JOB, payload, {
      runAt: end,
      dedupeKey: `${MILESTONE_OVERDUE_JOB}:${m.id}:${m.dueOn}`,
    });
  }
}

/** Notifies the project's leader and declarer, unless the milestone is done, moved or stopped. */
function milestoneNotice(kind: string): JobHandler {
  return async (job, ctx) => {
    const { milestoneId, dueOn } = job.payload as { milestoneId: number; dueOn: string };
    await ctx.complete(async (tx) => {
      const [row] = await tx
        .select({ m: innovationMilestones, p: innovationProjects })
        .from(innovationMilestones)
        .innerJoin(innovationProjects, eq(innovationProjects.id, innovationMilestones.projectId))
        .where(eq(innovationMilestones.id, milestoneId));
      if (!row || row.m.doneOn || row.m.dueOn !== dueOn || !RUNNING_STATES.includes(row.p.state)) return;
      if (row.p.state !== 'approved') return;
      await notify(tx, [row.p.leaderId, row.p.createdBy], {
        kind,
        params: { code: row.p.code, title: row.p.title, milestone: row.m.title, dueOn },
        link: `/innovation/projects/${row.p.id}`,
      });
    });
  };
}

/** The module's job handlers. */
export function innovationJobs(): Record<string, JobHandler> {
  return {
    [MILESTONE_DUE_JOB]: milestoneNotice('innovation.milestone_due'),
    [MILESTONE_OVERDUE_JOB]: milestoneNotice('innovation.milestone_overdue'),
  };
}
