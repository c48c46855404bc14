import { ZHotlineState } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types.js';
import { HIST_BUCKETS } from './rollup.js';

const STATES = ZHotlineState.options;

/** Per item, what `contribution()` in rollup.ts counts, as aggregates over a unit's items. */
const PER_UNIT = [
  'count(*) as total',
  ...STATES.map((s) => `count(*) filter (where i.state = '${s}') as ${s}`),
  'count(i.accept_on_time) as accept_decided',
  'count(*) filter (where i.accept_on_time) as accept_on_time',
  'count(i.answer_on_time) as answer_decided',
  'count(*) filter (where i.answer_on_time) as answer_on_time',
  'coalesce(sum(i.working_days), 0) as wd_sum',
  'count(i.working_days) as wd_n',
  'count(i.rating) as rated_n',
  'coalesce(sum(i.rating), 0) as rating_sum',
  'count(i.reopened_at) as reopened_n',
  ...Array.from(
    { length: HIST_BUCKETS },
    (_, b) =>
      `count(i.working_days) filter (where least(i.working_days, ${HIST_BUCKETS - 1}) = ${b}) as h${b}`,
  ),
];
const COUNTERS = [
  'total',
  ...STATES,
  'accept_decided',
  'accept_on_time',
  'answer_decided',
  'answer_on_time',
  'wd_sum',
  'wd_n',
  'rated_n',
  'rating_sum',
  'reopened_n',
];
const HIST = `array[${Array.from({ length: HIST_BUCKETS }, (_, b) => `sum(p.h${b})`).join(', ')}]::int[]`;

/**
 * Recomputes the whole statistics rollup from the items, set-based: the items are counted per
 * (unit, arrival month in Beijing time, category), then each of those rows is added to every
 * ancestor on the unit's materialized path. Same rows and meaning as the incremental
 * `applyRollup` (which leaves rows of all zeros behind; this does not). For loading history in
 * bulk and for repair; the table is locked against concurrent item changes meanwhile, which then
 * apply their increments after it (read-committed statements see them only once committed).
 */
export async function rebuildRollups(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table hotline_rollups in exclusive mode`);
    await tx.execute(sql`delete from hotline_rollups`);
    // UTC+8 written out (no time-zone database needed, so both engines agree; see SHANGHAI_TODAY).
    const result = await tx.execute(
      sql.raw(`with per_unit as (
        select i.unit_id, to_char((i.created_at at time zone 'UTC') + interval '8 hours', 'YYYY-MM') as month,
               i.category, ${PER_UNIT.join(', ')}
        from hotline_items i group by 1, 2, 3
      )
      insert into hotline_rollups (unit_id, month, category, ${COUNTERS.join(', ')}, wd_hist)
      select anc.id::bigint, p.month, p.category, ${COUNTERS.map((c) => `sum(p.${c})::int`).join(', ')}, ${HIST}
      from per_unit p join org_units u on u.id = p.unit_id
      cross join lateral unnest(string_to_array(trim(both '/' from u.path), '/')) as anc(id)
      group by anc.id::bigint, p.month, p.category`),
    );
    const r = result as unknown as { rowCount?: number | null; affectedRows?: number };
    return Number(r.rowCount ?? r.affectedRows ?? 0);
  });
}
