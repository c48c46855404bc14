import { type SQL, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../../platform/calendar/work-calendar.js';
import type { Db } from '../../../platform/db/types.js';
import type { hotlineItems } from '../hotline.table.js';

type Item = Pick<
  typeof hotlineItems.$inferSelect,
  | 'unitId'
  | 'category'
  | 'state'
  | 'createdAt'
  | 'acceptOnTime'
  | 'answerOnTime'
  | 'workingDays'
  | 'rating'
  | 'reopenedAt'
>;

/** The counters of the rollup table, in column order. */
const COUNTERS = [
  'total',
  'submitted',
  'accepted',
  'in_progress',
  'waiting_reporter',
  'answered',
  'reopened',
  'confirmed',
  'closed',
  'accept_decided',
  'accept_on_time',
  'answer_decided',
  'answer_on_time',
  'wd_sum',
  'wd_n',
  'rated_n',
  'rating_sum',
  'reopened_n',
] as const;
type Counter = (typeof COUNTERS)[number];
export const HIST_BUCKETS = 32;

type Contribution = {
  key: string;
  unitPath: string;
  month: string;
  category: string;
  c: Record<Counter, number>;
  hist: number[];
};

/** What one item adds to its rollup rows (one per ancestor of its unit, for its arrival month and category). */
function contribution(item: Item, unitPath: string, sign: 1 | -1): Contribution {
  const c = Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Record<Counter, number>;
  c.total = 1;
  c[item.state as Counter] = 1;
  if (item.acceptOnTime !== null) {
    c.accept_decided = 1;
    c.accept_on_time = item.acceptOnTime ? 1 : 0;
  }
  if (item.answerOnTime !== null) {
    c.answer_decided = 1;
    c.answer_on_time = item.answerOnTime ? 1 : 0;
  }
  const hist = new Array<number>(HIST_BUCKETS).fill(0);
  if (item.workingDays !== null) {
    c.wd_sum = item.workingDays;
    c.wd_n = 1;
    hist[Math.min(item.workingDays, HIST_BUCKETS - 1)] = sign;
  }
  if (item.rating !== null) {
    c.rated_n = 1;
    c.rating_sum = item.rating;
  }
  if (item.reopenedAt) c.reopened_n = 1;
  for (const k of COUNTERS) c[k] *= sign;
  const month = shanghaiDate(new Date(item.createdAt)).slice(0, 7);
  return { key: `${month}|${item.category}`, unitPath, month, category: item.category, c, hist };
}

/**
 * Keeps the statistics rollup in step with a change to an item: subtracts what the item counted
 * for before, adds what it counts for now, on every ancestor of its unit. Call it in the
 * transaction of the change. `unitPath` is the materialized path of the item's unit.
 */
export async function applyRollup(
  db: Db,
  before: (Item & { unitPath: string }) | null,
  after: (Item & { unitPath: string }) | null,
): Promise<void> {
  const parts = [
    ...(before ? [contribution(before, before.unitPath, -1)] : []),
    ...(after ? [contribution(after, after.unitPath, 1)] : []),
  ];
  // Merge per (ancestor, month, category): one statement must not touch a row twice.
  const rows = new Map<
    string,
    { unitId: number; month: string; category: string; c: Record<Counter, number>; hist: number[] }
  >();
  for (const p of parts) {
    for (const id of p.unitPath.split('/').filter(Boolean).map(Number)) {
      const key = `${id}|${p.key}`;
      const row = rows.get(key) ?? {
        unitId: id,
        month: p.month,
        category: p.category,
        c: Object.fromEntries(COUNTERS.map((k) => [k, 0])) as Record<Counter, number>,
        hist: new Array<number>(HIST_BUCKETS).fill(0),
      };
      for (const k of COUNTERS) row.c[k] += p.c[k];
      p.hist.forEach((v, i) => {
        row.hist[i] += v;
      });
      rows.set(key, row);
    }
  }
  const changed = [...rows.values()].filter(
    (r) => COUNTERS.some((k) => r.c[k] !== 0) || r.hist.some((v) => v !== 0),
  );
  if (!changed.length) return;
  const values: SQL[] = changed.map(
    (r) =>
      sql`(${r.unitId}, ${r.month}, ${r.category}, ${sql.join(
        COUNTERS.map((k) => sql`${r.c[k]}`),
        sql`, `,
      )}, ${sql.raw(`array[${r.hist.join(',')}]::int[]`)})`,
  );
  const cols = sql.raw(COUNTERS.join(', '));
  const updates = sql.raw(COUNTERS.map((k) => `${k} = hotline_rollups.${k} + excluded.${k}`).join(', '));
  await db.execute(sql`insert into hotline_rollups (unit_id, month, category, ${cols}, wd_hist)
    values ${sql.join(values, sql`, `)}
    on conflict (unit_id, month, category) do update set ${updates},
      wd_hist = (select array_agg(a + b order by i) from unnest(hotline_rollups.wd_hist, excluded.wd_hist) with ordinality as t(a, b, i))`);
}
