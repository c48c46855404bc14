import type { TWorkbenchTask, TWorkbenchTaskKind } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.js';
import { endOfShanghaiDay } from '../../platform/calendar/work-calendar.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { awardsPolicy } from './awards/awards.policy.js';
import { decisionPolicy } from './decisions/meetings.policy.js';
import { reviewPolicy } from './evaluation/reviews.policy.js';
import { today } from './innovation.access.js';
import { changePolicy } from './management/changes.policy.js';
import { projectPolicy } from './projects/projects.policy.js';

/**
 * One kind's aggregate: how many wait, how many are late or due today, the nearest due day, and
 * what the link needs (the target record when only one is concerned, else the cycle).
 */
type Row = {
  kind: TWorkbenchTaskKind;
  n: number;
  overdue: number;
  soon: number;
  due: string | null;
  target_id: number | null;
  targets: number;
  cycle_id: number | null;
  cycles: number;
};

const PATH = sql.raw('u.path');

/**
 * The aggregate of one kind over the rows of `from`, whose deadline is the day `due` (a
 * YYYY-MM-DD text, or null) and whose link target is `target`: a project, a meeting, a review.
 */
function part(kind: TWorkbenchTaskKind, from: SQL, due: SQL, target: SQL, day: string): SQL {
  return sql`select ${kind}::text as kind, count(*)::int as n,
      count(*) filter (where ${due} < ${day})::int as overdue,
      count(*) filter (where ${due} = ${day})::int as soon,
      min(${due}) as due,
      min(${target})::int as target_id, count(distinct ${target})::int as targets,
      max(c.id)::int as cycle_id, count(distinct c.id)::int as cycles
    ${from}`;
}

const PROJECTS = sql`from innovation_projects p
  join org_units u on u.id = p.unit_id
  join innovation_cycles c on c.id = p.cycle_id`;
/** The last day of one of the cycle's windows (a constant name: no parameter for the JSON key). */
const window = (name: 'review' | 'decision' | 'evaluation' | 'declaration') =>
  sql.raw(`(c.windows -> '${name}' ->> 'to')`);

/**
 * The innovation work waiting for the caller, in one query: each kind is counted only where the
 * module's policy gives the caller the action (its scope in SQL, its conditions as the same
 * conditions on the rows), and only kinds whose permission the caller holds are asked at all.
 */
export async function innovationWaiting(db: Db, actor: Actor): Promise<TWorkbenchTask[]> {
  const day = today();
  const me = sql`${actor.personId}::bigint`;
  const parts: SQL[] = [];
  // The secretariat's first review (pass, return, reject a submitted declaration), by the end of
  // the cycle's review window; late entries to accept or refuse.
  if (projectPolicy.holds(actor, 'pass'))
    parts.push(
      part(
        'innovation.first_review',
        sql`${PROJECTS} where p.state = 'submitted' and ${projectPolicy.scope(actor, 'pass', PATH)}`,
        window('review'),
        sql`p.id`,
        day,
      ),
    );
  if (projectPolicy.holds(actor, 'accept_late'))
    parts.push(
      part(
        'innovation.late_request',
        sql`${PROJECTS} where p.state = 'late_requested' and ${projectPolicy.scope(actor, 'accept_late', PATH)}`,
        sql`null::text`,
        sql`p.id`,
        day,
      ),
    );
  // Pending change requests of running projects (the change policy's `pending` and `running`).
  if (changePolicy.holds(actor, 'decide'))
    parts.push(
      part(
        'innovation.change_request',
        sql`from innovation_change_requests r
          join innovation_projects p on p.id = r.project_id
          join org_units u on u.id = p.unit_id
          join innovation_cycles c on c.id = p.cycle_id
          where r.state = 'pending' and p.state in ('approved', 'suspended')
            and ${changePolicy.scope(actor, 'decide', PATH)}`,
        sql`null::text`,
        sql`p.id`,
        day,
      ),
    );
  // Shortlisted projects a leader may decide: in a meeting of the cycle he sits in (the latest),
  // not recused (his unit is not in the applicant's subtree, he is not its leader or team), by the
  // end of the decision window. The same conditions as the decision policy's member/notRecused.
  if (decisionPolicy.holds(actor, 'decide'))
    parts.push(
      part(
        'innovation.decision',
        sql`${PROJECTS}
          join lateral (select m.id from innovation_meetings m
            where m.cycle_id = p.cycle_id and ${me} = any(m.member_ids)
            order by m.held_on desc, m.id desc limit 1) mt on true
          where p.state = 'shortlisted' and ${decisionPolicy.scope(actor, 'decide', PATH)}
            and p.leader_id <> ${me} and not (${me} = any(p.team_ids))
            and not (${actor.unitPath}::text like u.path || '%')`,
        window('decision'),
        sql`mt.id`,
        day,
      ),
    );
  // The caller's own reviews not yet submitted, by the end of the evaluation window.
  if (reviewPolicy.holds(actor, 'save'))
    parts.push(
      part(
        'innovation.review',
        sql`from innovation_reviews r
          join innovation_projects p on p.id = r.project_id
          join org_units u on u.id = p.unit_id
          join innovation_cycles c on c.id = p.cycle_id
          where r.reviewer_id = ${me} and r.state <> 'submitted' and ${reviewPolicy.scope(actor, 'save', PATH)}`,
        window('evaluation'),
        sql`r.id`,
        day,
      ),
    );
  // Objections to the awards not yet answered, for the organising unit's secretariat, by the end
  // of the publicity period.
  if (awardsPolicy.holds(actor, 'manage'))
    parts.push(
      part(
        'innovation.objection',
        sql`from innovation_objections o
          join innovation_awards a on a.id = o.award_id
          join innovation_cycles c on c.id = a.cycle_id
          join org_units u on u.id = c.owner_unit_id
          where o.answer is null and ${awardsPolicy.scope(actor, 'manage', PATH)}`,
        sql`c.publicity_ends_on::text`,
        sql`c.id`,
        day,
      ),
    );
  if (projectPolicy.holds(actor, 'edit')) {
    // The caller's own drafts (as creator or project leader) while the declaration window has not
    // closed, by its end; after it, a draft is no longer a task of the window.
    const mine = sql`(p.created_by = ${me} or p.leader_id = ${me}) and ${projectPolicy.scope(actor, 'edit', PATH)}`;
    parts.push(
      part(
        'innovation.draft',
        sql`${PROJECTS} where p.state = 'draft' and ${mine} and ${window('declaration')} >= ${day}`,
        window('declaration'),
        sql`p.id`,
        day,
      ),
      part(
        'innovation.returned',
        sql`${PROJECTS} where p.state = 'returned' and ${mine}`,
        sql`null::text`,
        sql`p.id`,
        day,
      ),
    );
  }
  // Open milestones of the caller's own approved projects that fall due within the cycle's
  // reminder days (or are late): the same as the milestone reminders go to.
  if (projectPolicy.holds(actor, 'report'))
    parts.push(
      part(
        'innovation.milestone',
        sql`from innovation_milestones ms
          join innovation_projects p on p.id = ms.project_id
          join org_units u on u.id = p.unit_id
          join innovation_cycles c on c.id = p.cycle_id
          where ms.done_on is null and p.state = 'approved'
            and (p.created_by = ${me} or p.leader_id = ${me})
            and ${projectPolicy.scope(actor, 'report', PATH)}
            and ms.due_on <= ${day}::date + c.reminder_days`,
        sql`ms.due_on::text`,
        sql`p.id`,
        day,
      ),
    );
  if (!parts.length) return [];
  const rows = await queryRows<Row>(db, sql.join(parts, sql` union all `));
  return rows.filter((r) => Number(r.n) > 0).map(toTask);
}

const projectOr = (r: Row, list: string) =>
  Number(r.targets) === 1 ? `/innovation/projects/${r.target_id}` : list;
/** The projects list of the one cycle concerned (else of the current cycle), in a state. */
const projectsIn = (r: Row, state: string) =>
  Number(r.cycles) === 1 ? `/innovation?cycle=${r.cycle_id}&state=${state}` : `/innovation?state=${state}`;
const oneCycle = (r: Row, path: string) => (Number(r.cycles) === 1 ? `${path}?cycle=${r.cycle_id}` : path);

/** Where each kind is acted on: the record when only one is concerned, else its list. */
const LINKS: Record<string, (r: Row) => string> = {
  'innovation.first_review': (r) => projectOr(r, projectsIn(r, 'submitted')),
  'innovation.late_request': (r) => projectOr(r, projectsIn(r, 'late_requested')),
  'innovation.change_request': (r) => projectOr(r, oneCycle(r, '/innovation/board')),
  'innovation.decision': (r) =>
    Number(r.targets) === 1 ? `/innovation/meetings/${r.target_id}` : oneCycle(r, '/innovation/meetings'),
  'innovation.review': (r) =>
    Number(r.targets) === 1 ? `/innovation-reviews/${r.target_id}` : '/innovation-reviews',
  'innovation.objection': (r) =>
    Number(r.targets) === 1 ? `/innovation-results/cycles/${r.target_id}/awards` : '/innovation-results',
  'innovation.draft': (r) => projectOr(r, projectsIn(r, 'draft')),
  'innovation.returned': (r) => projectOr(r, projectsIn(r, 'returned')),
  'innovation.milestone': (r) => projectOr(r, projectsIn(r, 'approved')),
};

function toTask(r: Row): TWorkbenchTask {
  return {
    module: 'innovation',
    kind: r.kind,
    count: Number(r.n),
    overdue: Number(r.overdue),
    dueSoon: Number(r.soon),
    dueAt: r.due ? endOfShanghaiDay(String(r.due).slice(0, 10)).toISOString() : null,
    link: LINKS[r.kind](r),
  };
}
