import type { THotlineListItem } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import { escapeLike, queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { hotlineDeskPolicy } from '../hotline.policy.js';
import { unitRow } from '../items/item-rows.js';
import { type ListRow, presentList } from '../items/presenter.js';

export type ListQuery = {
  unitId?: number;
  state?: string;
  category?: string;
  urgency?: string;
  overdue?: boolean;
  q?: string;
  before?: string;
  limit?: number;
};

/** A keyset cursor: the last row's time and id, opaque to clients. */
const encode = (r: ListRow) => Buffer.from(`${r.createdAt}|${r.id}`).toString('base64url');
function decode(cursor: string): { at: string; id: number } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!at || !Number.isInteger(Number(id)) || Number.isNaN(Date.parse(at))) {
    throw new AppError('validation_failed', 'Bad cursor', {
      issues: [{ path: 'querystring.before', message: 'Bad cursor' }],
    });
  }
  return { at, id: Number(id) };
}

type Raw = Record<string, unknown>;
const toRow = (r: Raw): ListRow =>
  ({
    id: Number(r.id),
    code: r.code,
    title: r.title,
    category: r.category,
    urgency: r.urgency,
    state: r.state,
    unitId: Number(r.unit_id),
    handlingUnitId: Number(r.handling_unit_id),
    meToo: Number(r.me_too),
    createdAt: new Date(r.created_at as string).toISOString(),
    acceptDue: r.accept_due ? new Date(r.accept_due as string).toISOString() : null,
    answerDue: r.answer_due ? new Date(r.answer_due as string).toISOString() : null,
    calendarMissingYear: r.calendar_missing_year === null ? null : Number(r.calendar_missing_year),
    overdueAt: r.overdue_at ? String(r.overdue_at) : null,
    unitName: String(r.unit_name),
    handlingUnitName: String(r.handling_unit_name),
  }) as ListRow;

/**
 * The newest items handled in a unit's subtree (the caller's scope when no unit is named).
 * Each handling unit of the subtree is read through its own index, newest first, and the
 * per-unit tops are merged (LATERAL), so a subtree of thousands of units does not read their
 * items' heap, nor probe the index of every unit that never handles anything.
 */
export async function listItems(
  db: Db,
  actor: Actor,
  q: ListQuery,
): Promise<{ items: THotlineListItem[]; next: string | null }> {
  const limit = Math.min(q.limit ?? 20, 100);
  let paths: string[];
  if (q.unitId) {
    const unit = await unitRow(db, q.unitId).catch(() => {
      throw new AppError('not_found', 'Unit not found');
    });
    hotlineDeskPolicy.authorize(actor, 'list', { unitPath: unit.path });
    paths = [unit.path];
  } else {
    paths = hotlineDeskPolicy.scopePaths(actor, 'list');
  }
  const conds: SQL[] = [];
  if (q.state) conds.push(sql`h.state = ${q.state}`);
  if (q.category) conds.push(sql`h.category = ${q.category}`);
  if (q.urgency) conds.push(sql`h.urgency = ${q.urgency}`);
  if (q.overdue)
    conds.push(
      sql`h.overdue_at is not null and h.state in ('submitted', 'accepted', 'in_progress', 'reopened')`,
    );
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    conds.push(sql`(h.title like ${like} or h.code like ${like} or h.description like ${like})`);
  }
  if (q.before) {
    const c = decode(q.before);
    conds.push(sql`(h.created_at, h.id) < (${c.at}::timestamptz, ${c.id})`);
  }
  if (!paths.length) return { items: [], next: null };
  const inScope = sql.join(
    paths.map((p) => sql`u.path like ${`${p}%`}`),
    sql` or `,
  );
  const filters = conds.length ? sql` and ${sql.join(conds, sql` and `)}` : sql``;
  // The units that have handled items (a few dozen, kept by triggers) and are in the subtree,
  // materialized first so that no plan probes every unit of the subtree. A subtree with at most
  // half of them reads each unit's top through its (handling unit, [state,] newest first) index;
  // a wider one (the group) reads the newest of all and keeps its units' — one short scan instead
  // of a top per unit. Only the keys are read (index-only without other filters), then the page's
  // rows from the table, with their units' names.
  const rows = await queryRows<Raw>(
    db,
    sql`with units as materialized (
          select u.id from hotline_handling_units hu join org_units u on u.id = hu.unit_id where ${inScope}),
        wide as materialized (
          select (select count(*) from units) * 2 > (select count(*) from hotline_handling_units) as yes),
        top as (
          (select t.id, t.created_at from units cross join lateral (
             select h.id, h.created_at from hotline_items h where h.handling_unit_id = units.id${filters}
             order by h.created_at desc nulls last, h.id desc nulls last limit ${limit + 1}) t
           where not (select yes from wide)
           order by t.created_at desc, t.id desc limit ${limit + 1})
          union all
          (select h.id, h.created_at from hotline_items h
           where (select yes from wide) and h.handling_unit_id = any(array(select id from units))${filters}
           order by h.created_at desc nulls last, h.id desc nulls last limit ${limit + 1}))
        select h.id, h.code, h.title, h.category, h.urgency, h.state, h.unit_id, h.handling_unit_id, h.me_too,
               h.created_at, h.accept_due, h.answer_due, h.calendar_missing_year, h.overdue_at,
               un.name as unit_name, hn.name as handling_unit_name
        from top join hotline_items h on h.id = top.id
        join org_units un on un.id = h.unit_id join org_units hn on hn.id = h.handling_unit_id
        order by h.created_at desc, h.id desc`,
  );
  const page = rows.slice(0, limit).map(toRow);
  return {
    items: presentList(page),
    next: rows.length > limit ? encode(page[page.length - 1]) : null,
  };
}
