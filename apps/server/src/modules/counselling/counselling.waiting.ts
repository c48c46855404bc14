import { type TWorkbenchTask, type TWorkbenchTaskKind, WORKBENCH_DUE_SOON_MS } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { coachingPolicy, consultationPolicy } from './consultations.policy.js';

type Row = {
  kind: TWorkbenchTaskKind;
  n: number;
  overdue: number;
  soon: number;
  due: string | Date | null;
  one_id: number;
};

/**
 * The counselling work waiting for a coach, in one query, as the coach's inbox shows it:
 * requests to book or decline (sent to them, or open to the team of the units their coach role
 * covers, never their own), and their booked sessions to hold and then close (the nearest booked
 * time is the deadline; a session whose time has passed waits to be closed).
 */
export async function counsellingWaiting(db: Db, actor: Actor): Promise<TWorkbenchTask[]> {
  if (!coachingPolicy.holds(actor, 'coach')) return [];
  const me = sql`${actor.personId}::bigint`;
  const session = sql`(case when c.state = 'booked' then c.booked_for end)`;
  const rows = await queryRows<Row>(
    db,
    sql`select case when c.state = 'requested' then 'counselling.request' else 'counselling.session' end as kind,
          count(*)::int as n,
          count(*) filter (where ${session} < now())::int as overdue,
          count(*) filter (where ${session} >= now()
            and ${session} < now() + ${`${WORKBENCH_DUE_SOON_MS} milliseconds`}::interval)::int as soon,
          min(${session}) as due, min(c.id)::int as one_id
        from consultations c
        join people p on p.id = c.employee_person_id
        join org_units u on u.id = p.unit_id
        where c.employee_person_id <> ${me}
          and ((c.state = 'requested' and (c.coach_person_id = ${me}
                 or (c.coach_person_id is null and ${consultationPolicy.scope(actor, 'takeFromTeam', sql.raw('u.path'))})))
               or (c.state = 'booked' and c.coach_person_id = ${me}))
        group by 1`,
  );
  return rows.map((r) => ({
    module: 'counselling',
    kind: r.kind,
    count: Number(r.n),
    overdue: Number(r.overdue),
    dueSoon: Number(r.soon),
    dueAt: r.due ? new Date(r.due).toISOString() : null,
    link: Number(r.n) === 1 ? `/m/counselling/requests/${r.one_id}` : '/m/counselling/inbox',
  }));
}
