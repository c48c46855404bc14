import { type THotlineStats, type THotlineStatsQuery, ZHotlineState } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import { queryRows } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { hotlineDeskPolicy } from '../hotline.policy.js';
import { unitRow } from '../items/item-rows.js';
import { HIST_BUCKETS } from './rollup.js';

/** The rollup's counters, summed over the span (json_build_object's arguments). */
const SUMS = [
  'total',
  ...ZHotlineState.options,
  'accept_decided',
  'accept_on_time',
  'answer_decided',
  'answer_on_time',
  'wd_sum',
  'wd_n',
  'rated_n',
  'rating_sum',
  'reopened_n',
]
  .map((c) => `'${c}', sum(r.${c})`)
  .join(', ');
/** The histogram summed bucket by bucket (32 sums in the same pass; unnesting the arrays cost 6× more). */
const HIST_SUMS = Array.from({ length: HIST_BUCKETS }, (_, i) => `sum(r.wd_hist[${i + 1}])`).join(', ');

/** The 90th percentile of a histogram of whole working days (the last bucket: that many or more). */
export function percentileOf(hist: number[], p: number): number | null {
  const n = hist.reduce((s, v) => s + v, 0);
  if (!n) return null;
  const rank = Math.ceil(p * n);
  let seen = 0;
  for (let i = 0; i < hist.length; i++) {
    seen += hist[i];
    if (seen >= rank) return i;
  }
  return hist.length - 1;
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);

/**
 * A subtree's figures for a span of months, read from the rollup (a few rows per month and
 * category), plus the units with the most items overdue now (from the partial overdue index).
 */
export async function hotlineStats(db: Db, actor: Actor, q: THotlineStatsQuery): Promise<THotlineStats> {
  if (q.from > q.to) {
    throw new AppError('validation_failed', 'The first month is after the last', {
      issues: [{ path: 'querystring.from', message: 'after "to"' }],
    });
  }
  const unit = await unitRow(db, q.unitId).catch(() => {
    throw new AppError('not_found', 'Unit not found');
  });
  hotlineDeskPolicy.authorize(actor, 'stats', { unitPath: unit.path });
  // Summed in the database and answered as one row of JSON: the client parses neither a
  // hundred rows of counters nor their histogram arrays (most of this endpoint's CPU before).
  const [agg] = await queryRows<{
    cells: [string, string, number][];
    sums: Record<string, number | null>;
    hist: (number | null)[];
  }>(
    db,
    sql`with r as (select * from hotline_rollups where unit_id = ${unit.id} and month >= ${q.from} and month <= ${q.to})
        select coalesce(json_agg(json_build_array(r.month, r.category, r.total)), '[]'::json) as cells,
               json_build_object(${sql.raw(SUMS)}) as sums,
               json_build_array(${sql.raw(HIST_SUMS)}) as hist
        from r`,
  );
  const sum = (col: string) => Number(agg.sums[col] ?? 0);
  const byKey = (key: 0 | 1) => {
    const m = new Map<string, number>();
    for (const c of agg.cells) m.set(c[key], (m.get(c[key]) ?? 0) + Number(c[2]));
    return m;
  };
  const hist = agg.hist.map((n) => Number(n ?? 0));
  const overdue = await queryRows<{ unit_id: string; name: string; n: string }>(
    db,
    sql`select h.handling_unit_id as unit_id, u.name, count(*) as n from hotline_items h join org_units u on u.id = h.handling_unit_id
        where h.overdue_at is not null and h.state in ('submitted', 'accepted', 'in_progress', 'reopened')
          and u.path like ${`${unit.path}%`}
        group by h.handling_unit_id, u.name order by count(*) desc, u.name limit 10`,
  );
  const total = sum('total');
  const wdN = sum('wd_n');
  return {
    unit: { id: unit.id, name: unit.name },
    from: q.from,
    to: q.to,
    total,
    byCategory: [...byKey(1)].map(([category, n]) => ({ category, n })).sort((a, b) => b.n - a.n),
    byState: ZHotlineState.options.map((state) => ({ state, n: sum(state) })),
    byMonth: [...byKey(0)].map(([month, n]) => ({ month, n })).sort((a, b) => a.month.localeCompare(b.month)),
    acceptOnTimeRate: ratio(sum('accept_on_time'), sum('accept_decided')),
    answerOnTimeRate: ratio(sum('answer_on_time'), sum('answer_decided')),
    avgWorkingDays: wdN ? Math.round((sum('wd_sum') / wdN) * 10) / 10 : null,
    p90WorkingDays: percentileOf(hist, 0.9),
    satisfaction: sum('rated_n') ? Math.round((sum('rating_sum') / sum('rated_n')) * 100) / 100 : null,
    rated: sum('rated_n'),
    reopenRate: ratio(sum('reopened_n'), total),
    mostOverdue: overdue.map((o) => ({ unitId: Number(o.unit_id), name: o.name, overdue: Number(o.n) })),
  };
}
