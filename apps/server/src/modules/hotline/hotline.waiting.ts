import {
  HOTLINE_FOLLOW_UP_DAYS,
  HOTLINE_TRANSITIONS,
  type TWorkbenchTask,
  type TWorkbenchTaskKind,
  WORKBENCH_DUE_SOON_MS,
} from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.js';
import { queryRows, textArray } from '../../platform/db/sql.js';
import type { AppContext } from '../../platform/http/request-context.js';
import { hotlineItemPolicy } from './hotline.policy.js';
import { reporterIndexes } from './reporter/reporter-keys.js';

type Row = {
  kind: TWorkbenchTaskKind;
  n: number;
  overdue: number;
  soon: number;
  due: string | Date | null;
  one_id: number;
  one_state: string;
  states: number;
};

const PATH = sql.raw('u.path');
const list = (states: readonly string[]) =>
  sql.join(
    states.map((s) => sql`${s}`),
    sql`, `,
  );

/**
 * How many of the rows wait, are past `due` or near it, their nearest deadline, and what the link
 * needs (the item when only one waits, the state when all share one).
 */
const aggregate = (due: SQL) => sql`count(*)::int as n,
  count(*) filter (where ${due} < now())::int as overdue,
  count(*) filter (where ${due} >= now() and ${due} < now() + ${`${WORKBENCH_DUE_SOON_MS} milliseconds`}::interval)::int as soon,
  min(${due}) as due, min(h.id)::int as one_id, min(h.state) as one_state, count(distinct h.state)::int as states`;

/**
 * The hotline work waiting for the caller, in at most two queries. On the handlers' side: items to
 * accept and to answer in the handling units where the item policy gives the caller that move
 * (the table's states, the policy's scope for handlers and the office), with the accept or answer
 * deadline. As a reporter: their own named or confidential items the handlers asked more about,
 * and answered ones to rate within the follow-up days.
 */
export async function hotlineWaiting(ctx: Pick<AppContext, 'database' | 'crypto'>, actor: Actor) {
  const db = ctx.database.db;
  const tasks: TWorkbenchTask[] = [];
  const accept = HOTLINE_TRANSITIONS.accept.from;
  const answer = HOTLINE_TRANSITIONS.answer.from;
  if (hotlineItemPolicy.holds(actor, 'accept') || hotlineItemPolicy.holds(actor, 'answer')) {
    const acceptable = sql`h.state in (${list(accept)}) and ${hotlineItemPolicy.scope(actor, 'accept', PATH)}`;
    const answerable = sql`h.state in (${list(answer)}) and ${hotlineItemPolicy.scope(actor, 'answer', PATH)}`;
    const rows = await queryRows<Row>(
      db,
      // The handling units in scope first (the few dozen that ever handled an item), then each
      // one's open items through its (handling unit, state) index: a handler's login does not
      // read the whole group's open items.
      sql`with units as materialized (
            select u.id, u.path from hotline_handling_units hu join org_units u on u.id = hu.unit_id
            where ${hotlineItemPolicy.scope(actor, 'accept', PATH)} or ${hotlineItemPolicy.scope(actor, 'answer', PATH)})
          select case when h.state in (${list(accept)}) then 'hotline.accept' else 'hotline.answer' end as kind,
            ${aggregate(sql`(case when h.state in (${list(accept)}) then h.accept_due else h.answer_due end)`)}
          from units u join hotline_items h on h.handling_unit_id = u.id
            and h.state in (${list([...accept, ...answer])})
          where (${acceptable}) or (${answerable})
          group by 1`,
    );
    for (const r of rows)
      tasks.push(task(r, Number(r.n) === 1 ? `/hotline/items/${r.one_id}` : `/hotline${byState(r)}`));
  }
  const mine = sql`((h.visibility = 'named' and h.reporter_person_id = ${actor.personId}::bigint)
    or (h.visibility = 'confidential'
        and h.reporter_index = any(${textArray(reporterIndexes(ctx.crypto, actor.personId))})))`;
  const rows = await queryRows<Row>(
    db,
    sql`select case when h.state = 'answered' then 'hotline.rate' else 'hotline.add_info' end as kind,
          ${aggregate(sql`(case when h.state = 'answered' then h.answered_at + ${`${HOTLINE_FOLLOW_UP_DAYS} days`}::interval end)`)}
        from hotline_items h
        where h.state in (${list([...HOTLINE_TRANSITIONS.rate.from, ...HOTLINE_TRANSITIONS.add_info.from])})
          and ${mine}
        group by 1`,
  );
  for (const r of rows) tasks.push(task(r, Number(r.n) === 1 ? `/m/hotline/mine/${r.one_id}` : '/m/hotline'));
  return tasks;
}

/** The desk filtered by the one state all the items share (accepting: often `submitted`). */
const byState = (r: Row) => (Number(r.states) === 1 ? `?state=${r.one_state}` : '');

function task(r: Row, link: string): TWorkbenchTask {
  return {
    module: 'hotline',
    kind: r.kind,
    count: Number(r.n),
    overdue: Number(r.overdue),
    dueSoon: Number(r.soon),
    dueAt: r.due ? new Date(r.due).toISOString() : null,
    link,
  };
}
