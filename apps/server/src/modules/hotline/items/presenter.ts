import {
  HOTLINE_FOLLOW_UP_DAYS,
  hotlineActionsFrom,
  type THotlineAction,
  type THotlineActor,
  type THotlineItem,
  type THotlineListItem,
  type THotlineMessage,
  type THotlineMine,
  type THotlineState,
} from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import type { ItemRow } from './item-rows.js';

const OPEN: readonly string[] = ['submitted', 'accepted', 'in_progress', 'reopened'];
const DAY_MS = 86_400_000;

/** Overdue now: a deadline passed (marked by the overdue job) and the item still waits for the unit. */
export const isOverdue = (i: ItemRow) => i.overdueAt !== null && OPEN.includes(i.state);

async function unitNames(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await queryRows<{ id: string; name: string }>(
    db,
    sql`select id, name from org_units where id in (${sql.join(
      [...new Set(ids)].map((i) => sql`${i}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [Number(r.id), r.name]));
}

/** Rows of a list, with their units' names (one query for all). */
export async function presentList(db: Db, rows: ItemRow[]): Promise<THotlineListItem[]> {
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.unitId, r.handlingUnitId]),
  );
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    category: r.category,
    urgency: r.urgency as THotlineListItem['urgency'],
    state: r.state as THotlineState,
    unit: { id: r.unitId, name: names.get(r.unitId) ?? '' },
    handlingUnit: { id: r.handlingUnitId, name: names.get(r.handlingUnitId) ?? '' },
    meToo: r.meToo,
    createdAt: r.createdAt,
    acceptDue: r.acceptDue,
    answerDue: r.answerDue,
    calendarMissingYear: r.calendarMissingYear,
    overdue: isOverdue(r),
  }));
}

/**
 * The thread. Handlers see every message with its author; the reporter sees replies and their
 * own words only (never internal notes), with the replying unit rather than a person.
 */
async function thread(db: Db, item: ItemRow, forReporter: boolean): Promise<THotlineMessage[]> {
  const rows = await queryRows<{
    id: string;
    kind: string;
    text: string;
    created_at: string;
    person: string | null;
    unit: string | null;
  }>(
    db,
    sql`select m.id, m.kind, m.text, m.created_at, p.name as person, u.name as unit
        from hotline_messages m left join people p on p.id = m.author_person_id left join org_units u on u.id = m.author_unit_id
        where m.item_id = ${item.id} ${forReporter ? sql`and m.kind <> 'note'` : sql``} order by m.id`,
  );
  return rows.map((m) => ({
    id: Number(m.id),
    kind: m.kind as THotlineMessage['kind'],
    text: m.text,
    author:
      m.kind === 'reporter'
        ? null
        : forReporter
          ? m.unit
          : [m.person, m.unit].filter(Boolean).join(' · ') || null,
    at: new Date(m.created_at).toISOString(),
  }));
}

async function photos(db: Db, itemId: number) {
  const rows = await queryRows<{ id: string; mime: string; size: number }>(
    db,
    sql`select f.id, f.mime, f.size from hotline_photos h join stored_files f on f.id = h.file_id where h.item_id = ${itemId} order by h.position`,
  );
  return rows.map((r) => ({ id: r.id, mime: r.mime, size: Number(r.size) }));
}

/** The handler's actions: what the table allows the caller's part (office can do what handlers can). */
export function handlerActions(item: ItemRow, parties: THotlineActor[]): THotlineAction[] {
  const set = new Set(parties.flatMap((p) => hotlineActionsFrom(item.state as THotlineState, p)));
  return [...set];
}

/** The reporter's actions: the table, then "reopen once, within the follow-up days". */
export function reporterActions(item: ItemRow, now = new Date()): THotlineAction[] {
  const open = hotlineActionsFrom(item.state as THotlineState, 'reporter');
  const within =
    item.answeredAt !== null &&
    now.getTime() <= new Date(item.answeredAt).getTime() + HOTLINE_FOLLOW_UP_DAYS * DAY_MS;
  return open.filter((a) =>
    a === 'reopen' ? within && item.reopenedAt === null : a === 'rate' ? within : true,
  );
}

/**
 * An item for a handler: the reporter only when named (confidential and anonymous reporters are
 * never in a handler-facing answer), internal notes included.
 */
export async function presentForHandler(
  db: Db,
  item: ItemRow,
  parties: THotlineActor[],
): Promise<THotlineItem> {
  const [base] = await presentList(db, [item]);
  let reporter: THotlineItem['reporter'] = null;
  if (item.visibility === 'named' && item.reporterPersonId) {
    const [p] = await queryRows<{ name: string; unit: string; phone: string | null }>(
      db,
      sql`select p.name, u.name as unit, p.phone from people p join org_units u on u.id = p.unit_id where p.id = ${item.reporterPersonId}`,
    );
    if (p) reporter = { name: p.name, unitName: p.unit, phone: p.phone };
  }
  let mergedInto: THotlineItem['mergedInto'] = null;
  if (item.mergedIntoId) {
    const [m] = await queryRows<{ id: string; code: string }>(
      db,
      sql`select id, code from hotline_items where id = ${item.mergedIntoId}`,
    );
    if (m) mergedInto = { id: Number(m.id), code: m.code };
  }
  return {
    ...base,
    description: item.description,
    visibility: item.visibility as THotlineItem['visibility'],
    reporter,
    photos: await photos(db, item.id),
    messages: await thread(db, item, false),
    closeReason: item.closeReason as THotlineItem['closeReason'],
    mergedInto,
    rating: item.rating,
    ratingComment: item.ratingComment,
    reopened: item.reopenedAt !== null,
    answeredAt: item.answeredAt,
    version: item.version,
    actions: handlerActions(item, parties),
  };
}

/** An item for its reporter. */
export async function presentForReporter(db: Db, item: ItemRow): Promise<THotlineMine> {
  const [base] = await presentList(db, [item]);
  return {
    ...base,
    description: item.description,
    visibility: item.visibility as THotlineMine['visibility'],
    photos: await photos(db, item.id),
    messages: await thread(db, item, true),
    closeReason: item.closeReason as THotlineMine['closeReason'],
    rating: item.rating,
    ratingComment: item.ratingComment,
    publishConsent: item.publishConsent,
    answeredAt: item.answeredAt,
    followUpUntil: item.answeredAt
      ? new Date(new Date(item.answeredAt).getTime() + HOTLINE_FOLLOW_UP_DAYS * DAY_MS).toISOString()
      : null,
    version: item.version,
    actions: reporterActions(item),
  };
}
