import {
  HOTLINE_TRANSITIONS,
  type THotlineAction,
  type THotlineItem,
  type THotlineState,
} from '@lifeline/shared';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import { loadWorkCalendar } from '../../../platform/calendar/calendar.service.js';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import { notify } from '../../../platform/notifications/notify.js';
import { assertStands } from '../../org-units/index.js';
import { tellUnitChannels } from '../channels.js';
import { handlersOf, notifyReporter } from '../hotline.people.js';
import { DESK_MOVES, type HandlingRecord, hotlineItemPolicy as policy } from '../hotline.policy.js';
import { hotlineItems, hotlineMessages } from '../hotline.table.js';
import { applyRollupFor, type ItemRow, loadItem, unitRow } from '../items/item-rows.js';
import { abilitiesOf, loadHandlerPage, presentForHandler, presentPage } from '../items/presenter.js';
import { categoryOf, hotlineConfig } from '../settings/hotline-settings.js';
import { computeDeadlines } from '../sla/deadlines.js';
import { reportMissingYear, scheduleExpiry, scheduleSla } from '../sla/sla.jobs.js';

type Ctx = Pick<AppContext, 'database' | 'crypto'>;

/** The year of an instant in Beijing, as the calendar counts working days (not the UTC year). */
const beijingYear = (at: Date) => Number(shanghaiDate(at).slice(0, 4));

/** An item as the handlers' policy sees it: its handling unit's path and its state. */
export async function handlingRecord(db: Db, item: ItemRow): Promise<HandlingRecord> {
  return { unitPath: (await unitRow(db, item.handlingUnitId)).path, state: item.state as THotlineState };
}

/** The caller's abilities on an item: the moves the table gives their part (handler or office). */
function deskAbilities(actor: Actor, record: HandlingRecord) {
  return abilitiesOf(policy.abilities(actor, record, DESK_MOVES));
}

export async function readForHandler(ctx: Ctx, actor: Actor, id: number): Promise<THotlineItem> {
  const db = ctx.database.db;
  const { item, handlingPath, extras } = await loadHandlerPage(db, id);
  const record: HandlingRecord = { unitPath: handlingPath, state: item.state as THotlineState };
  policy.authorize(actor, 'read', record);
  return presentPage(item, extras, deskAbilities(actor, record));
}

export type HandlerInput =
  | { action: 'accept' | 'start'; version: number }
  | { action: 'ask_reporter' | 'answer' | 'close_not_applicable'; text: string; version: number }
  | {
      action: 'transfer';
      unitId: number;
      category?: string;
      urgency?: ItemRow['urgency'];
      reason: string;
      version: number;
    }
  | { action: 'merge'; intoId: number; version: number };

const STATE_NOTICE: Partial<Record<THotlineAction, true>> = {
  accept: true,
  ask_reporter: true,
  answer: true,
  close_not_applicable: true,
  merge: true,
  transfer: true,
};

/**
 * A handler's or the office's move: the version first (two handlers acting at once: one wins,
 * the other gets `conflict`), then the table and the caller's part (`invalid_transition` with a
 * reason), then the change, the rollup, the audit row, the reporter's notice and the deadline
 * jobs in one transaction.
 */
export async function handleItem(
  ctx: Ctx,
  actor: Actor,
  id: number,
  input: HandlerInput,
): Promise<THotlineItem> {
  const db = ctx.database.db;
  const config = await hotlineConfig(db);
  const cal = await loadWorkCalendar(db);
  const after = await db.transaction(async (tx) => {
    const before = await loadItem(tx, id).catch(() => {
      throw notFound('Item');
    });
    const record = await handlingRecord(tx, before);
    policy.authorize(actor, 'read', record);
    if (before.version !== input.version) {
      throw new AppError('conflict', 'This item was changed meanwhile; reload it', {
        currentVersion: before.version,
      });
    }
    const t = HOTLINE_TRANSITIONS[input.action];
    const grant = policy.authorize(actor, input.action, record);
    const now = new Date();
    const set: Partial<typeof hotlineItems.$inferInsert> = { state: t.to };
    const messages: { kind: 'reply' | 'note'; text: string }[] = [];
    let notifyUnit: number | null = null;

    switch (input.action) {
      case 'accept':
        set.acceptedAt = now.toISOString();
        set.acceptOnTime = before.acceptDue ? now <= new Date(before.acceptDue) : null;
        break;
      case 'ask_reporter':
        set.pausedAt = now.toISOString();
        messages.push({ kind: 'reply', text: input.text });
        break;
      case 'answer':
        set.answeredAt = now.toISOString();
        set.answerOnTime = before.answerDue ? now <= new Date(before.answerDue) : null;
        set.workingDays =
          cal.covers(beijingYear(new Date(before.createdAt))) && cal.covers(beijingYear(now))
            ? cal.workingDaysBetween(new Date(before.createdAt), now)
            : null;
        if (!before.acceptedAt) {
          set.acceptedAt = now.toISOString();
          set.acceptOnTime = before.acceptDue ? now <= new Date(before.acceptDue) : null;
        }
        messages.push({ kind: 'reply', text: input.text });
        break;
      case 'close_not_applicable':
        set.closeReason = 'not_applicable';
        messages.push({ kind: 'reply', text: input.text });
        break;
      case 'transfer': {
        const target = await unitRow(tx, input.unitId).catch(() => {
          const message = 'Unknown unit';
          throw new AppError('validation_failed', message, { issues: [{ path: 'body.unitId', message }] });
        });
        assertStands(target, 'body.unitId');
        const category = categoryOf(config, input.category ?? before.category);
        const urgency = input.urgency ?? before.urgency;
        const d = computeDeadlines(cal, now, urgency as 'normal', category.answerDays, config.immediateHours);
        Object.assign(set, {
          handlingUnitId: target.id,
          category: category.code,
          urgency,
          clockFrom: now.toISOString(),
          acceptDue: d.acceptDue?.toISOString() ?? null,
          answerDue: d.answerDue?.toISOString() ?? null,
          calendarMissingYear: d.calendarMissingYear,
          acceptedAt: null,
          acceptOnTime: null,
          overdueAt: null,
          pausedAt: null,
        });
        if (d.calendarMissingYear) await reportMissingYear(tx, d.calendarMissingYear);
        messages.push({
          kind: 'note',
          text: `转办至 ${target.name} / Transferred to ${target.name}: ${input.reason}`,
        });
        notifyUnit = target.id;
        break;
      }
      case 'merge': {
        if (input.intoId === id)
          throw new AppError('validation_failed', 'An item cannot be merged into itself');
        const [into] = await tx.select().from(hotlineItems).where(eq(hotlineItems.id, input.intoId));
        if (!into || ['closed', 'confirmed'].includes(into.state)) {
          const message = 'Merge into an open item';
          throw new AppError('validation_failed', message, { issues: [{ path: 'body.intoId', message }] });
        }
        await tx
          .update(hotlineItems)
          .set({
            meToo: sql`${hotlineItems.meToo} + ${before.meToo + 1}`,
            version: sql`${hotlineItems.version} + 1`,
          })
          .where(eq(hotlineItems.id, into.id));
        await tx.insert(hotlineMessages).values({
          itemId: into.id,
          kind: 'note',
          text: `并入重复事项 ${before.code} / Duplicate ${before.code} merged into this item`,
          authorPersonId: actor.personId,
          authorUnitId: actor.unitId,
        });
        Object.assign(set, { closeReason: 'merged', mergedIntoId: into.id });
        messages.push({
          kind: 'reply',
          text: `此事项与 ${into.code} 重复，已合并办理。/ This item duplicates ${into.code} and is handled with it.`,
        });
        break;
      }
    }
    const [next] = await tx
      .update(hotlineItems)
      .set({ ...set, version: sql`${hotlineItems.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(hotlineItems.id, id), eq(hotlineItems.version, input.version)))
      .returning();
    if (!next) throw new AppError('conflict', 'This item was changed meanwhile; reload it');
    for (const m of messages) {
      await tx.insert(hotlineMessages).values({
        itemId: id,
        kind: m.kind,
        text: m.text,
        authorPersonId: actor.personId,
        authorUnitId: actor.unitId,
      });
    }
    await applyRollupFor(tx, before, next);
    await writeAudit(tx, auditActor(actor, grant), {
      action: `hotline_item.${input.action}`,
      recordType: 'hotline_item',
      recordId: id,
      unitId: next.handlingUnitId,
      changes: {
        state: { before: before.state, after: next.state },
        ...(input.action === 'transfer'
          ? { handlingUnitId: { before: before.handlingUnitId, after: next.handlingUnitId } }
          : {}),
      },
    });
    if (STATE_NOTICE[input.action]) {
      await notifyReporter(tx, ctx.crypto, next, {
        kind: 'hotline.state',
        params: { code: next.code, title: next.title, state: next.state },
        link: `/m/hotline/mine/${next.id}`,
      });
    }
    if (notifyUnit) {
      await tellUnitChannels(
        tx,
        notifyUnit,
        `【职工快线】转办事项 ${next.code}`,
        `${next.title}\n请登录生命线受理。`,
      );
      await notify(tx, await handlersOf(tx, notifyUnit), {
        kind: 'hotline.assigned',
        params: { code: next.code, title: next.title },
        link: `/hotline/items/${next.id}`,
      });
    }
    if (input.action === 'answer') await scheduleExpiry(tx, next);
    await scheduleSla(tx, next, config.reminderDays);
    return next;
  });
  // After a transfer the caller may no longer see the item: it is shown with no abilities.
  const afterRecord = await handlingRecord(db, after);
  return presentForHandler(db, after, deskAbilities(actor, afterRecord));
}

/** A reply without a change of state, or an internal note (never shown to the reporter). */
export async function addMessage(
  ctx: Ctx,
  actor: Actor,
  id: number,
  kind: 'reply' | 'note',
  text: string,
): Promise<THotlineItem> {
  const db = ctx.database.db;
  const item = await loadItem(db, id).catch(() => {
    throw notFound('Item');
  });
  const record = await handlingRecord(db, item);
  const grant = policy.authorize(actor, kind === 'reply' ? 'reply' : 'note', record);
  await db.transaction(async (tx) => {
    await tx
      .insert(hotlineMessages)
      .values({ itemId: id, kind, text, authorPersonId: actor.personId, authorUnitId: actor.unitId });
    await writeAudit(tx, auditActor(actor, grant), {
      action: `hotline_item.${kind}`,
      recordType: 'hotline_item',
      recordId: id,
      unitId: item.handlingUnitId,
    });
    if (kind === 'reply') {
      await notifyReporter(tx, ctx.crypto, item, {
        kind: 'hotline.replied',
        params: { code: item.code, title: item.title },
        link: `/m/hotline/mine/${item.id}`,
      });
    }
  });
  return presentForHandler(db, await loadItem(db, id), deskAbilities(actor, record));
}
