import {
  HOTLINE_TRANSITIONS,
  type THotlineAction,
  type THotlineActor,
  type THotlineItem,
} from '@lifeline/shared';
import { and, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor, can, canOn } from '../../../platform/authz/actor.js';
import { loadWorkCalendar } from '../../../platform/calendar/calendar.service.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import { notify } from '../../../platform/notifications/notify.js';
import { tellUnitChannels } from '../channels.js';
import { handlersOf, reporterToNotify } from '../hotline.people.js';
import { hotlineItems, hotlineMessages } from '../hotline.table.js';
import { applyRollupFor, type ItemRow, loadItem, unitRow } from '../items/item-rows.js';
import { handlerActions, loadHandlerPage, presentForHandler, presentPage } from '../items/presenter.js';
import { categoryOf, hotlineConfig } from '../settings/hotline-settings.js';
import { computeDeadlines } from '../sla/deadlines.js';
import { reportMissingYear, scheduleExpiry, scheduleSla } from '../sla/sla.jobs.js';

type Ctx = Pick<AppContext, 'database' | 'crypto'>;

/**
 * The caller's parts on an item: the hotline office (triage on the handling unit's line) and/or
 * a handler (hotline.handle on it). Without the permission anywhere: 403; elsewhere only: 404.
 */
export async function partiesOn(db: Db, actor: Actor, item: ItemRow): Promise<THotlineActor[]> {
  return partiesAt(actor, (await unitRow(db, item.handlingUnitId)).path);
}

/** The same, given the handling unit's path. */
function partiesAt(actor: Actor, path: string): THotlineActor[] {
  if (!can(actor, 'hotline.handle')) throw new AppError('forbidden', 'You may not do this (hotline.handle)');
  const parties: THotlineActor[] = [];
  if (canOn(actor, 'hotline.handle', path)) parties.push('handler');
  if (canOn(actor, 'hotline.triage', path)) parties.push('office');
  if (!parties.length) throw notFound('Item');
  return parties;
}

export async function readForHandler(ctx: Ctx, actor: Actor, id: number): Promise<THotlineItem> {
  const db = ctx.database.db;
  const { item, handlingPath, extras } = await loadHandlerPage(db, id);
  return presentPage(item, extras, partiesAt(actor, handlingPath));
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
    const parties = await partiesOn(tx, actor, before);
    if (before.version !== input.version) {
      throw new AppError('conflict', 'This item was changed meanwhile; reload it', {
        currentVersion: before.version,
      });
    }
    const t = HOTLINE_TRANSITIONS[input.action];
    if (!handlerActions(before, parties).includes(input.action)) {
      const reason = t.from.includes(before.state as never) ? 'office_only' : `from_${before.state}`;
      throw new AppError('invalid_transition', `Cannot ${input.action} an item that is ${before.state}`, {
        reason,
      });
    }
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
          cal.covers(Number(before.createdAt.slice(0, 4))) && cal.covers(now.getUTCFullYear())
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
    await writeAudit(tx, auditActor(actor), {
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
      await notify(tx, [reporterToNotify(ctx.crypto, next)], {
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
  return presentForHandler(db, after, await partiesOn(db, actor, after).catch(() => ['handler' as const]));
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
  const parties = await partiesOn(db, actor, item);
  if (kind === 'reply' && ['closed', 'confirmed'].includes(item.state)) {
    throw new AppError('invalid_transition', 'The item is closed', { reason: `from_${item.state}` });
  }
  await db.transaction(async (tx) => {
    await tx
      .insert(hotlineMessages)
      .values({ itemId: id, kind, text, authorPersonId: actor.personId, authorUnitId: actor.unitId });
    await writeAudit(tx, auditActor(actor), {
      action: `hotline_item.${kind}`,
      recordType: 'hotline_item',
      recordId: id,
      unitId: item.handlingUnitId,
    });
    if (kind === 'reply') {
      await notify(tx, [reporterToNotify(ctx.crypto, item)], {
        kind: 'hotline.replied',
        params: { code: item.code, title: item.title },
        link: `/m/hotline/mine/${item.id}`,
      });
    }
  });
  return presentForHandler(db, await loadItem(db, id), parties);
}
