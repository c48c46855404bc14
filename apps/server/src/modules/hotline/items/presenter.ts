import {
  HOTLINE_ACTIONS,
  HOTLINE_FOLLOW_UP_DAYS,
  hotlineActionsFrom,
  type THotlineAbilities,
  type THotlineAction,
  type THotlineItem,
  type THotlineListItem,
  type THotlineMessage,
  type THotlineMine,
  type THotlineState,
} from '@lifeline/shared';
import { eq, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { notFound } from '../../../platform/errors.js';
import { orgUnits } from '../../org-units/index.js';
import { hotlineItems } from '../hotline.table.js';
import type { ItemRow } from './item-rows.js';

const OPEN: readonly string[] = ['submitted', 'accepted', 'in_progress', 'reopened'];
const DAY_MS = 86_400_000;

/** Overdue now: a deadline passed (marked by the overdue job) and the item still waits for the unit. */
export const isOverdue = (i: ItemRow) => i.overdueAt !== null && OPEN.includes(i.state);

/** A list's row: the item's columns and its units' names (read in the list's query). */
export type ListRow = ItemRow & { unitName: string; handlingUnitName: string };

export function presentList(rows: ListRow[]): THotlineListItem[] {
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    title: r.title,
    category: r.category,
    urgency: r.urgency as THotlineListItem['urgency'],
    state: r.state as THotlineState,
    unit: { id: r.unitId, name: r.unitName },
    handlingUnit: { id: r.handlingUnitId, name: r.handlingUnitName },
    meToo: r.meToo,
    createdAt: r.createdAt,
    acceptDue: r.acceptDue,
    answerDue: r.answerDue,
    calendarMissingYear: r.calendarMissingYear,
    overdue: isOverdue(r),
  }));
}

type MessageRow = {
  id: number;
  kind: string;
  text: string;
  created_at: string;
  person: string | null;
  unit: string | null;
};
type Extras = {
  unit_name: string;
  handling_name: string;
  reporter: { name: string; unit: string; phone: string | null } | null;
  merged: { id: number; code: string } | null;
  accepted_by: { name: string; unit: string | null } | null;
  photos: { id: string; mime: string; size: number }[];
  messages: MessageRow[];
};

const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/**
 * Everything an item's page shows besides the row, as columns of a query over `hotline_items`:
 * the units' names, a named reporter (never another kind; never for the reporter's own view),
 * the item it was merged into, who accepted it (handlers only), its photos and its thread — for
 * the reporter without internal notes and without the names of the people who wrote (the unit
 * answers).
 */
function extrasFields(forReporter: boolean): Record<keyof Extras, SQL<unknown>> {
  return {
    unit_name: sql`(select name from org_units where id = hotline_items.unit_id)`,
    handling_name: sql`(select name from org_units where id = hotline_items.handling_unit_id)`,
    reporter: forReporter
      ? sql`null::json`
      : sql`case when hotline_items.visibility = 'named' then
              (select json_build_object('name', p.name, 'unit', u.name, 'phone', p.phone)
               from people p join org_units u on u.id = p.unit_id where p.id = hotline_items.reporter_person_id) end`,
    merged: sql`(select json_build_object('id', m.id, 'code', m.code) from hotline_items m where m.id = hotline_items.merged_into_id)`,
    // The handler of the latest acceptance move and the unit they acted for, from its audit row
    // (every move writes one; a transfer or a reopening clears accepted_at until the next).
    accepted_by: forReporter
      ? sql`null::json`
      : sql`case when hotline_items.accepted_at is not null then
              (select json_build_object('name', p.name, 'unit', u.name)
               from audit_events a join people p on p.id = a.actor_person_id
               left join org_units u on u.id = coalesce(a.actor_unit_id, p.unit_id)
               where a.record_type = 'hotline_item' and a.record_id = hotline_items.id::text
                 and a.action = 'hotline_item.accept'
               order by a.at desc, a.id desc limit 1) end`,
    photos: sql`(select coalesce(json_agg(json_build_object('id', f.id, 'mime', f.mime, 'size', f.size) order by h.position), '[]'::json)
         from hotline_photos h join stored_files f on f.id = h.file_id where h.item_id = hotline_items.id)`,
    messages: sql`(select coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'text', m.text, 'created_at', m.created_at,
                'person', ${forReporter ? sql`null` : sql`p.name`}, 'unit', u.name) order by m.id), '[]'::json)
         from hotline_messages m left join people p on p.id = m.author_person_id left join org_units u on u.id = m.author_unit_id
         where m.item_id = hotline_items.id ${forReporter ? sql`and m.kind <> 'note'` : sql``})`,
  };
}

function toExtras(row: Record<keyof Extras, unknown>): Extras {
  return {
    unit_name: String(row.unit_name ?? ''),
    handling_name: String(row.handling_name ?? ''),
    reporter: row.reporter ? json<Extras['reporter']>(row.reporter as string) : null,
    merged: row.merged ? json<Extras['merged']>(row.merged as string) : null,
    accepted_by: row.accepted_by ? json<Extras['accepted_by']>(row.accepted_by as string) : null,
    photos: json<Extras['photos']>(row.photos as string),
    messages: json<MessageRow[]>(row.messages as string),
  };
}

/** An item's extras in one round trip. */
async function extras(db: Db, item: ItemRow, forReporter: boolean): Promise<Extras> {
  const [row] = await queryRows<Record<keyof Extras, unknown>>(
    db,
    sql`select ${extrasColumns(forReporter)} from hotline_items where hotline_items.id = ${item.id}`,
  );
  return toExtras(row);
}

/** The extras as a select list. */
const extrasColumns = (forReporter: boolean) =>
  sql.join(
    Object.entries(extrasFields(forReporter)).map(([k, v]) => sql`${v} as ${sql.raw(k)}`),
    sql`, `,
  );

/** A handler's item page — the row, its handling unit's path (for scope) and the extras — in one query. */
export async function loadHandlerPage(
  db: Db,
  id: number,
): Promise<{ item: ItemRow; handlingPath: string; extras: Extras }> {
  const [row] = await db
    .select({ item: hotlineItems, handlingPath: orgUnits.path, ...extrasFields(false) })
    .from(hotlineItems)
    .innerJoin(orgUnits, eq(orgUnits.id, hotlineItems.handlingUnitId))
    .where(eq(hotlineItems.id, id));
  if (!row) throw notFound('Item');
  const { item, handlingPath, ...x } = row;
  return { item, handlingPath, extras: toExtras(x) };
}

/**
 * The reporter's view of many items in one round trip (the "my items" list): per item its
 * units' names, photos and thread without internal notes — never one query per item.
 */
async function reporterExtrasMany(db: Db, items: ItemRow[]): Promise<Map<number, Extras>> {
  if (!items.length) return new Map();
  const rows = await queryRows<{ id: string } & Record<keyof Extras, unknown>>(
    db,
    sql`select hotline_items.id, ${extrasColumns(true)} from hotline_items where hotline_items.id in (${sql.join(
      items.map((i) => sql`${i.id}`),
      sql`, `,
    )})`,
  );
  return new Map(rows.map((r) => [Number(r.id), toExtras(r)]));
}

/**
 * The thread. Handlers see every message with its author; the reporter sees replies and their
 * own words only (never internal notes), with the replying unit rather than a person.
 */
function thread(rows: MessageRow[], forReporter: boolean): THotlineMessage[] {
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

/** The list fields of one item, from the row and its units' names. */
function base(r: ItemRow, x: Extras): THotlineListItem {
  return {
    id: r.id,
    code: r.code,
    title: r.title,
    category: r.category,
    urgency: r.urgency as THotlineListItem['urgency'],
    state: r.state as THotlineState,
    unit: { id: r.unitId, name: x.unit_name },
    handlingUnit: { id: r.handlingUnitId, name: x.handling_name },
    meToo: r.meToo,
    createdAt: r.createdAt,
    acceptDue: r.acceptDue,
    answerDue: r.answerDue,
    calendarMissingYear: r.calendarMissingYear,
    overdue: isOverdue(r),
  };
}

const photoList = (x: Extras) => x.photos.map((f) => ({ id: f.id, mime: f.mime, size: Number(f.size) }));

/** Every action of the table as a boolean: the one shape of abilities, from the ones allowed. */
export function abilitiesOf(
  allowed: readonly THotlineAction[] | Partial<THotlineAbilities>,
): THotlineAbilities {
  const has = (a: THotlineAction) =>
    Array.isArray(allowed) ? allowed.includes(a) : Boolean((allowed as Partial<THotlineAbilities>)[a]);
  return Object.fromEntries(HOTLINE_ACTIONS.map((a) => [a, has(a)])) as THotlineAbilities;
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
  abilities: THotlineAbilities,
): Promise<THotlineItem> {
  return presentPage(item, await extras(db, item, false), abilities);
}

/** A handler's page from the row and its extras. */
export function presentPage(item: ItemRow, x: Extras, abilities: THotlineAbilities): THotlineItem {
  return {
    ...base(item, x),
    description: item.description,
    visibility: item.visibility as THotlineItem['visibility'],
    reporter: x.reporter
      ? { name: x.reporter.name, unitName: x.reporter.unit, phone: x.reporter.phone }
      : null,
    photos: photoList(x),
    messages: thread(x.messages, false),
    closeReason: item.closeReason as THotlineItem['closeReason'],
    mergedInto: x.merged ? { id: Number(x.merged.id), code: x.merged.code } : null,
    rating: item.rating,
    ratingComment: item.ratingComment,
    reopened: item.reopenedAt !== null,
    acceptedAt: item.acceptedAt,
    acceptedBy:
      item.acceptedAt && x.accepted_by
        ? { name: x.accepted_by.name, unitName: x.accepted_by.unit ?? '' }
        : null,
    answeredAt: item.answeredAt,
    version: item.version,
    abilities,
  };
}

/** An item for its reporter, from the row and its extras. */
function toMine(item: ItemRow, x: Extras): THotlineMine {
  return {
    ...base(item, x),
    description: item.description,
    visibility: item.visibility as THotlineMine['visibility'],
    photos: photoList(x),
    messages: thread(x.messages, true),
    closeReason: item.closeReason as THotlineMine['closeReason'],
    rating: item.rating,
    ratingComment: item.ratingComment,
    publishConsent: item.publishConsent,
    answeredAt: item.answeredAt,
    followUpUntil: item.answeredAt
      ? new Date(new Date(item.answeredAt).getTime() + HOTLINE_FOLLOW_UP_DAYS * DAY_MS).toISOString()
      : null,
    version: item.version,
    abilities: abilitiesOf(reporterActions(item)),
  };
}

/** An item for its reporter. */
export async function presentForReporter(db: Db, item: ItemRow): Promise<THotlineMine> {
  return toMine(item, await extras(db, item, true));
}

/** The reporter's items, in the order given, with one query for all their extras. */
export async function presentManyForReporter(db: Db, items: ItemRow[]): Promise<THotlineMine[]> {
  const x = await reporterExtrasMany(db, items);
  return items.map((i) => toMine(i, x.get(i.id)!));
}
