import { timingSafeEqual } from 'node:crypto';
import { HOTLINE_TRANSITIONS, type THotlineMine } from '@lifeline/shared';
import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { type Actor as AuditActor, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import { loadWorkCalendar } from '../../../platform/calendar/calendar.service.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import type { AppContext } from '../../../platform/http/request-context.js';
import { notify } from '../../../platform/notifications/notify.js';
import { handlersOf } from '../hotline.people.js';
import { hotlineItems, hotlineMessages } from '../hotline.table.js';
import { secretHash } from '../items/filing.js';
import { applyRollupFor, type ItemRow, unitRow } from '../items/item-rows.js';
import { presentForReporter, presentManyForReporter, reporterActions } from '../items/presenter.js';
import { categoryOf, hotlineConfig } from '../settings/hotline-settings.js';
import { computeDeadlines, resumeDeadline } from '../sla/deadlines.js';
import { reportMissingYear, scheduleSla } from '../sla/sla.jobs.js';
import { reporterIndexes } from './reporter-keys.js';

type Ctx = Pick<AppContext, 'database' | 'crypto'>;

/** How the caller is known as the reporter: their account (named, confidential) or the code and secret (anonymous). */
export type Reporter = { kind: 'account'; actor: Actor } | { kind: 'secret'; code: string; secret: string };

/**
 * The reporter's items: named ones by person, confidential ones by the keyed hash of the person
 * (under the current secret or a previous one: items filed before a key rotation).
 */
export async function myItems(ctx: Ctx, actor: Actor): Promise<THotlineMine[]> {
  const db = ctx.database.db;
  const rows = await db
    .select()
    .from(hotlineItems)
    .where(
      or(
        and(eq(hotlineItems.visibility, 'named'), eq(hotlineItems.reporterPersonId, actor.personId)),
        and(
          eq(hotlineItems.visibility, 'confidential'),
          inArray(hotlineItems.reporterIndex, reporterIndexes(ctx.crypto, actor.personId)),
        ),
      ),
    )
    .orderBy(desc(hotlineItems.createdAt), desc(hotlineItems.id))
    .limit(200);
  return presentManyForReporter(db, rows);
}

const sameSecret = (hash: string | null, secret: string) => {
  if (!hash) return false;
  const a = Buffer.from(hash, 'hex');
  const b = Buffer.from(secretHash(secret), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The item the reporter may see; anyone else (a wrong secret included) gets 404. */
export async function reporterItem(
  ctx: Ctx,
  db: Db,
  who: Reporter,
  idOrCode: number | string,
): Promise<ItemRow> {
  const [row] = await db
    .select()
    .from(hotlineItems)
    .where(typeof idOrCode === 'number' ? eq(hotlineItems.id, idOrCode) : eq(hotlineItems.code, idOrCode));
  if (!row) throw notFound('Item');
  if (who.kind === 'secret') {
    if (row.visibility !== 'anonymous' || !sameSecret(row.secretHash, who.secret)) throw notFound('Item');
    return row;
  }
  const pid = who.actor.personId;
  const mine =
    (row.visibility === 'named' && row.reporterPersonId === pid) ||
    (row.visibility === 'confidential' &&
      row.reporterIndex !== null &&
      reporterIndexes(ctx.crypto, pid).includes(row.reporterIndex));
  if (!mine) throw notFound('Item');
  return row;
}

export async function readMine(ctx: Ctx, who: Reporter, idOrCode: number | string): Promise<THotlineMine> {
  const db = ctx.database.db;
  return presentForReporter(db, await reporterItem(ctx, db, who, idOrCode));
}

/** The reporter in the audit trail: the person for named items, nobody for the others. */
function reporterAudit(who: Reporter, item: ItemRow): AuditActor {
  return who.kind === 'account' && item.visibility === 'named'
    ? auditActor(who.actor)
    : { personId: null, role: 'reporter', ip: null, requestId: null };
}

export type ReporterInput =
  | { action: 'add_info'; text: string; version: number }
  | { action: 'rate'; rating: number; comment: string; publishConsent?: boolean; version: number }
  | { action: 'reopen'; text: string; version: number };

/**
 * The reporter's moves: add information when asked (the clock runs again with what was left),
 * rate the answer (confirming it), or reopen once within the follow-up days — the item then
 * goes to the handling unit's superior with fresh deadlines.
 */
export async function reporterAct(
  ctx: Ctx,
  who: Reporter,
  idOrCode: number | string,
  input: ReporterInput,
): Promise<THotlineMine> {
  const db = ctx.database.db;
  const config = await hotlineConfig(db);
  const cal = await loadWorkCalendar(db);
  const next = await db.transaction(async (tx) => {
    const before = await reporterItem(ctx, tx, who, idOrCode);
    if (before.version !== input.version) {
      throw new AppError('conflict', 'This item was changed meanwhile; reload it', {
        currentVersion: before.version,
      });
    }
    if (!reporterActions(before).includes(input.action)) {
      const t = HOTLINE_TRANSITIONS[input.action];
      const reason = !t.from.includes(before.state as never)
        ? `from_${before.state}`
        : input.action === 'reopen' && before.reopenedAt
          ? 'reopened_once'
          : 'follow_up_over';
      throw new AppError('invalid_transition', `Cannot ${input.action} this item now`, { reason });
    }
    const now = new Date();
    const set: Partial<typeof hotlineItems.$inferInsert> = { state: HOTLINE_TRANSITIONS[input.action].to };
    let text: string | null = null;
    let tellUnit: number | null = null;
    if (input.action === 'add_info') {
      text = input.text;
      if (before.answerDue && before.pausedAt) {
        set.answerDue = resumeDeadline(
          cal,
          before.urgency as 'normal',
          new Date(before.answerDue),
          new Date(before.pausedAt),
          now,
        ).toISOString();
      }
      set.pausedAt = null;
      tellUnit = before.handlingUnitId;
    } else if (input.action === 'rate') {
      set.rating = input.rating;
      set.ratingComment = input.comment || null;
      if (input.publishConsent !== undefined) set.publishConsent = input.publishConsent;
      tellUnit = before.handlingUnitId;
    } else {
      text = input.text;
      const handling = await unitRow(tx, before.handlingUnitId);
      const superior = handling.parentId ?? handling.id;
      const category = categoryOf(config, before.category);
      const d = computeDeadlines(
        cal,
        now,
        before.urgency as 'normal',
        category.answerDays,
        config.immediateHours,
      );
      if (d.calendarMissingYear) await reportMissingYear(tx, d.calendarMissingYear);
      Object.assign(set, {
        handlingUnitId: superior,
        reopenedAt: now.toISOString(),
        clockFrom: now.toISOString(),
        acceptDue: d.acceptDue?.toISOString() ?? null,
        answerDue: d.answerDue?.toISOString() ?? null,
        calendarMissingYear: d.calendarMissingYear,
        acceptedAt: null,
        overdueAt: null,
      });
      tellUnit = superior;
    }
    const [row] = await tx
      .update(hotlineItems)
      .set({ ...set, version: sql`${hotlineItems.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(hotlineItems.id, before.id), eq(hotlineItems.version, input.version)))
      .returning();
    if (!row) throw new AppError('conflict', 'This item was changed meanwhile; reload it');
    if (text) await tx.insert(hotlineMessages).values({ itemId: row.id, kind: 'reporter', text });
    await applyRollupFor(tx, before, row);
    await writeAudit(tx, reporterAudit(who, before), {
      action: `hotline_item.${input.action}`,
      recordType: 'hotline_item',
      recordId: row.id,
      unitId: row.handlingUnitId,
      changes: { state: { before: before.state, after: row.state } },
      details: input.action === 'rate' ? { rating: input.rating } : null,
    });
    if (tellUnit) {
      await notify(tx, await handlersOf(tx, tellUnit), {
        kind:
          input.action === 'reopen'
            ? 'hotline.reopened'
            : input.action === 'rate'
              ? 'hotline.rated'
              : 'hotline.info_added',
        params: { code: row.code, title: row.title },
        link: `/hotline/items/${row.id}`,
      });
    }
    await scheduleSla(tx, row, config.reminderDays);
    return row;
  });
  return presentForReporter(db, next);
}
