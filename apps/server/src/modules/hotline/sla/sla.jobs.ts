import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { SYSTEM_ACTOR, writeAudit } from '../../../platform/audit/audit.js';
import { loadWorkCalendar } from '../../../platform/calendar/calendar.service.js';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import { enqueueJob } from '../../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../../platform/jobs/job-worker.js';
import { notify } from '../../../platform/notifications/notify.js';
import { tellUnitChannels } from '../channels.js';
import { escalationRecipients, handlersOf, notifyReporter, sysadmins } from '../hotline.people.js';
import { hotlineItems } from '../hotline.table.js';
import { applyRollupFor, unitRow } from '../items/item-rows.js';
import { hotlineConfig } from '../settings/hotline-settings.js';
import { computeDeadlines } from './deadlines.js';

export const DUE_SOON_JOB = 'hotline.due_soon';
export const OVERDUE_JOB = 'hotline.overdue';
export const EXPIRE_JOB = 'hotline.expire';
export const CALENDAR_SWEEP_JOB = 'hotline.calendar_sweep';

type Item = typeof hotlineItems.$inferSelect;
const OPEN = ['submitted', 'accepted', 'in_progress', 'reopened'] as const;
const DAY_MS = 86_400_000;

/**
 * Queues the deadline jobs of an item: a reminder before the answer is due, and the overdue
 * check at each deadline. Keys carry the deadline, so a moved deadline gets new jobs and the
 * handlers ignore jobs of a deadline that no longer applies.
 */
export async function scheduleSla(db: Db, item: Item, reminderDays: number): Promise<void> {
  if (item.acceptDue && (item.state === 'submitted' || item.state === 'reopened')) {
    await enqueueJob(
      db,
      OVERDUE_JOB,
      { itemId: item.id, which: 'accept', due: item.acceptDue },
      {
        runAt: new Date(item.acceptDue),
        dedupeKey: `${OVERDUE_JOB}:${item.id}:accept:${item.acceptDue}`,
      },
    );
  }
  if (item.answerDue && OPEN.includes(item.state as (typeof OPEN)[number])) {
    const due = new Date(item.answerDue);
    const lead = item.urgency === 'immediate' ? 3_600_000 : Math.max(1, reminderDays) * DAY_MS;
    await enqueueJob(
      db,
      DUE_SOON_JOB,
      { itemId: item.id, due: item.answerDue },
      {
        runAt: new Date(due.getTime() - lead),
        dedupeKey: `${DUE_SOON_JOB}:${item.id}:${item.answerDue}`,
      },
    );
    await enqueueJob(
      db,
      OVERDUE_JOB,
      { itemId: item.id, which: 'answer', due: item.answerDue },
      {
        runAt: due,
        dedupeKey: `${OVERDUE_JOB}:${item.id}:answer:${item.answerDue}`,
      },
    );
  }
}

/** Queues the closing of an answered item that is not rated within the follow-up days. */
export async function scheduleExpiry(db: Db, item: Item): Promise<void> {
  if (!item.answeredAt) return;
  const at = new Date(new Date(item.answeredAt).getTime() + 7 * DAY_MS);
  await enqueueJob(
    db,
    EXPIRE_JOB,
    { itemId: item.id, answeredAt: item.answeredAt },
    {
      runAt: at,
      dedupeKey: `${EXPIRE_JOB}:${item.id}:${item.answeredAt}`,
    },
  );
}

/** Makes sure the hourly sweep of items waiting for a calendar year is queued. */
export async function scheduleCalendarSweep(db: Db, now = new Date()): Promise<void> {
  await enqueueJob(
    db,
    CALENDAR_SWEEP_JOB,
    {},
    { runAt: new Date(now.getTime() + 3_600_000), dedupeKey: CALENDAR_SWEEP_JOB },
  );
}

export function hotlineJobs(ctx: Pick<AppContext, 'crypto'>): Record<string, JobHandler> {
  return {
    [DUE_SOON_JOB]: async (job, jc) => {
      const { itemId, due } = job.payload as { itemId: number; due: string };
      await jc.complete(async (tx) => {
        const [item] = await tx.select().from(hotlineItems).where(eq(hotlineItems.id, itemId));
        if (!item || item.answerDue !== due || !OPEN.includes(item.state as (typeof OPEN)[number])) return;
        await notify(tx, await handlersOf(tx, item.handlingUnitId), {
          kind: 'hotline.due_soon',
          params: { code: item.code, title: item.title, due },
          link: `/hotline/items/${item.id}`,
        });
      });
    },

    /**
     * Marks an item overdue and escalates it: the people handling it, the superior unit's hotline
     * handlers and administrators, the hotline office, and the outgoing channels of the handling
     * unit and its superior. Each deadline escalates once — the acceptance's when the item waits
     * to be accepted, the answer's when it is still open, whether or not the acceptance was on
     * time or already escalated. The job is held by one worker at a time, and the conditional
     * update (no mark yet at or after this deadline) lets only the first run that finds it still
     * late do anything; the mark is never earlier than the deadline it is for.
     */
    [OVERDUE_JOB]: async (job, jc) => {
      const { itemId, which, due } = job.payload as {
        itemId: number;
        which: 'accept' | 'answer';
        due: string;
      };
      await jc.complete(async (tx) => {
        const late =
          which === 'accept'
            ? and(eq(hotlineItems.acceptDue, due), inArray(hotlineItems.state, ['submitted', 'reopened']))
            : and(eq(hotlineItems.answerDue, due), inArray(hotlineItems.state, [...OPEN]));
        const notYet = or(isNull(hotlineItems.overdueAt), lt(hotlineItems.overdueAt, due));
        const [item] = await tx
          .update(hotlineItems)
          .set({
            overdueAt: sql`greatest(now(), ${due}::timestamptz)`,
            version: sql`${hotlineItems.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(hotlineItems.id, itemId), notYet, late))
          .returning();
        if (!item) return;
        const handling = await unitRow(tx, item.handlingUnitId);
        await notify(tx, await escalationRecipients(tx, handling), {
          kind: 'hotline.overdue',
          params: { code: item.code, title: item.title, which },
          link: `/hotline/items/${item.id}`,
        });
        await tellUnitChannels(
          tx,
          [handling.id, ...(handling.parentId === null ? [] : [handling.parentId])],
          `【职工快线·超期】${item.code}`,
          `${item.title}\n已超过${which === 'accept' ? '受理' : '答复'}期限，已报上级单位。`,
        );
        await writeAudit(tx, SYSTEM_ACTOR, {
          action: 'hotline_item.overdue',
          recordType: 'hotline_item',
          recordId: itemId,
          unitId: item.handlingUnitId,
          details: { which, due },
        });
      });
    },

    /** Closes an answered item nobody rated within the follow-up days. */
    [EXPIRE_JOB]: async (job, jc) => {
      const { itemId, answeredAt } = job.payload as { itemId: number; answeredAt: string };
      await jc.complete(async (tx) => {
        const [before] = await tx.select().from(hotlineItems).where(eq(hotlineItems.id, itemId));
        if (before?.state !== 'answered' || before.answeredAt !== answeredAt) return;
        const [item] = await tx
          .update(hotlineItems)
          .set({
            state: 'closed',
            closeReason: 'unrated',
            version: sql`${hotlineItems.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(and(eq(hotlineItems.id, itemId), eq(hotlineItems.state, 'answered')))
          .returning();
        if (!item) return;
        await applyRollupFor(tx, before, item);
        await writeAudit(tx, SYSTEM_ACTOR, {
          action: 'hotline_item.expire',
          recordType: 'hotline_item',
          recordId: itemId,
          unitId: item.handlingUnitId,
          changes: { state: { before: 'answered', after: 'closed' } },
        });
        await notifyReporter(tx, ctx.crypto, item, {
          kind: 'hotline.state',
          params: { code: item.code, title: item.title, state: 'closed' },
          link: `/m/hotline/mine/${item.id}`,
        });
      });
    },

    /**
     * Gives deadlines to items that waited for a calendar year, once an administrator entered it:
     * each deadline the calendar can now count (an item may get its answer deadline while a
     * later year is still missing); an item nothing new can be counted for is left as it is.
     */
    [CALENDAR_SWEEP_JOB]: async (_job, jc) => {
      await jc.complete(async (tx) => {
        const waiting = await tx
          .select()
          .from(hotlineItems)
          .where(
            and(sql`${hotlineItems.calendarMissingYear} is not null`, inArray(hotlineItems.state, [...OPEN])),
          )
          .limit(500);
        if (!waiting.length) return;
        const cal = await loadWorkCalendar(tx);
        const config = await hotlineConfig(tx);
        for (const item of waiting) {
          const days = config.categories.find((c) => c.code === item.category)?.answerDays ?? 5;
          const d = computeDeadlines(
            cal,
            new Date(item.clockFrom),
            item.urgency as 'normal',
            days,
            config.immediateHours,
          );
          const acceptDue =
            item.acceptedAt || item.acceptDue ? item.acceptDue : (d.acceptDue?.toISOString() ?? null);
          const answerDue = item.answerDue ?? d.answerDue?.toISOString() ?? null;
          if (
            acceptDue === item.acceptDue &&
            answerDue === item.answerDue &&
            d.calendarMissingYear === item.calendarMissingYear
          )
            continue;
          const [next] = await tx
            .update(hotlineItems)
            .set({
              acceptDue,
              answerDue,
              calendarMissingYear: d.calendarMissingYear,
              version: sql`${hotlineItems.version} + 1`,
            })
            .where(eq(hotlineItems.id, item.id))
            .returning();
          await scheduleSla(tx, next, config.reminderDays);
        }
      });
      await scheduleCalendarSweep(jc.db);
    },
  };
}

/** Tells the system administrators, once a day at most, that deadlines wait for a calendar year. */
export async function reportMissingYear(db: Db, year: number): Promise<void> {
  const recent = await queryRows(
    db,
    sql`select 1 from notifications where kind = 'hotline.calendar_missing' and params->>'year' = ${String(year)}
        and created_at > now() - interval '1 day' limit 1`,
  );
  if (recent.length) return;
  await notify(db, await sysadmins(db), {
    kind: 'hotline.calendar_missing',
    params: { year },
    link: '/calendar',
  });
}
