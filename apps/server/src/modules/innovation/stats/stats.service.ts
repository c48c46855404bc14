import { APPROVED_STATES, type TCycleStats } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { listCycles } from '../cycles/cycles.service.js';

/**
 * The figures of every cycle the caller can see, oldest first, each compared with the cycles
 * before it; and the results commended at conferences held within the span of years.
 */
export async function innovationStats(db: Db, actor: Actor, span: { fromYear?: number; toYear?: number }) {
  // Every cycle takes part in the comparison; the span only chooses which are shown.
  const cycles = await listCycles(db, actor);
  const shown = (c: { startYear: number }) =>
    (!span.fromYear || c.startYear + 1 >= span.fromYear) && (!span.toYear || c.startYear <= span.toYear);
  cycles.sort((a, b) => a.startYear - b.startYear || a.number - b.number);
  const ids = cycles.map((c) => c.id);
  const approved = sql.join(
    APPROVED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const figures = ids.length
    ? await queryRows<{
        cycle_id: number;
        declared: number;
        approved: number;
        funding: string;
        levels: Record<string, number> | null;
      }>(
        db,
        sql`select p.cycle_id,
                   count(*) filter (where p.submitted_at is not null)::int as declared,
                   count(*) filter (where p.state in (${approved}))::int as approved,
                   coalesce(sum(p.funding_fen) filter (where p.state in (${approved})), 0)::text as funding,
                   (select jsonb_object_agg(l.level_approved, l.n) from (
                      select level_approved, count(*)::int as n from innovation_projects q
                      where q.cycle_id = p.cycle_id and q.state in (${approved}) group by level_approved) l) as levels
            from innovation_projects p
            where p.cycle_id = any(${`{${ids.join(',')}}`}::bigint[])
            group by p.cycle_id`,
      )
    : [];
  const awards = ids.length
    ? await queryRows<{ cycle_id: number; n: number; paid: string }>(
        db,
        sql`select a.cycle_id, count(*)::int as n, sum(a.amount_fen)::text as paid
            from innovation_awards a join innovation_cycles c on c.id = a.cycle_id
            where c.award_stage = 'final' and a.cycle_id = any(${`{${ids.join(',')}}`}::bigint[])
            group by a.cycle_id`,
      )
    : [];
  const commended = ids.length
    ? await queryRows<{ cycle_id: number; n: number }>(
        db,
        sql`select cycle_id, count(*)::int as n from innovation_commendations
            where kind = 'result' and cycle_id = any(${`{${ids.join(',')}}`}::bigint[]) group by cycle_id`,
      )
    : [];
  let best = 0;
  let prev: number | null = null;
  const decidedIds = new Set<number>();
  const out: TCycleStats[] = cycles.map((c) => {
    const f = figures.find((x) => Number(x.cycle_id) === c.id);
    const a = awards.find((x) => Number(x.cycle_id) === c.id);
    const declared = f?.declared ?? 0;
    const approvedN = f?.approved ?? 0;
    // Before its decisions a cycle has no approval rate and takes no part in the comparison.
    const decided = approvedN > 0 || shanghaiDate(new Date()) > c.windows.decision.to;
    const stats: TCycleStats = {
      cycleId: c.id,
      number: c.number,
      name: c.name,
      startYear: c.startYear,
      endYear: c.startYear + 1,
      declared,
      approved: approvedN,
      approvedByLevel: f?.levels ?? {},
      approvalRate: decided && declared ? Math.round((approvedN / declared) * 1000) / 10 : null,
      fundingGrantedFen: Number(f?.funding ?? 0),
      awardsPaidFen: Number(a?.paid ?? 0),
      awards: a?.n ?? 0,
      commended: commended.find((x) => Number(x.cycle_id) === c.id)?.n ?? 0,
      mostApprovedEver: false, // set below, once every cycle is known
      approvedChange: decided && prev !== null ? approvedN - prev : null,
    };
    if (decided) {
      decidedIds.add(c.id);
      best = Math.max(best, approvedN);
      prev = approvedN;
    }
    return stats;
  });
  // "历届最多": the decided cycle with the most approvals of all, alone (not each running record,
  // and no tag when two share the most).
  const decidedWithBest = out.filter((s) => decidedIds.has(s.cycleId) && s.approved === best && best > 0);
  if (decidedWithBest.length === 1) decidedWithBest[0].mostApprovedEver = true;
  const inSpan = cycles.filter((c) => {
    const y = c.conferenceOn ? Number(c.conferenceOn.slice(0, 4)) : null;
    return y !== null && (!span.fromYear || y >= span.fromYear) && (!span.toYear || y <= span.toYear);
  });
  const resultsCommended = inSpan.reduce(
    (s, c) => s + (commended.find((x) => Number(x.cycle_id) === c.id)?.n ?? 0),
    0,
  );
  return {
    cycles: out.filter((c) => shown(c)),
    resultsCommended,
    fromYear: span.fromYear ?? null,
    toYear: span.toYear ?? null,
  };
}
