/**
 * Query-level hotline benchmark (#5): what each endpoint asks of the database — the very service
 * functions its route calls (list, one item, statistics), without HTTP — from 20 concurrent
 * callers over a pool of 20 connections, as the "Subtree queries at scale" figures in
 * ARCHITECTURE.md were measured (e.g. the naive list: ~240 queries/s, p99 ~120 ms). Uses the
 * dataset `npm run bench:hotline -- --engine postgres --keep` leaves in place (500,000 items).
 *
 *   npm run bench:hotline-queries                     (BENCH_DATABASE_URL, default …/lifeline_bench_hotline)
 *   npm run bench:hotline-queries -- --engine pglite   (the data dir kept by bench:hotline --engine pglite --keep)
 *
 * Writes bench/results/hotline-queries-<engine>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { activeGrants } from '../../apps/server/src/modules/auth/sessions.js';
import { readForHandler } from '../../apps/server/src/modules/hotline/handling/handling.service.js';
import { listItems } from '../../apps/server/src/modules/hotline/handling/list.service.js';
import { hotlineStats } from '../../apps/server/src/modules/hotline/stats/stats.service.js';
import type { Actor } from '../../apps/server/src/platform/authz/actor.js';
import { createFieldCrypto } from '../../apps/server/src/platform/crypto/field-crypto.js';
import { openHandle } from '../../apps/server/src/platform/db/adapter.js';
import { queryOne, queryRows } from '../../apps/server/src/platform/db/sql.js';
import { HOTLINE_SUBTREES, itemIds, lastTwelveMonths, machine } from './harness.js';

const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'postgres' }, seconds: { type: 'string', default: '10' } },
});
const engine = values.engine === 'pglite' ? 'pglite' : 'postgres';
const seconds = Number(values.seconds);
const CALLERS = 20;
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lifeline_bench_hotline';
const results = path.resolve(import.meta.dirname, '../results');

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
const ms = (v: number) => Math.round(v * 100) / 100;

async function main() {
  const database = await openHandle(
    engine === 'postgres'
      ? { databaseUrl: pgUrl, poolMax: CALLERS, applicationName: 'bench-queries' }
      : { dataDir: path.join(tmpdir(), 'lifeline-bench-hotline-pglite', 'db') },
  );
  const db = database.db;
  const n = await queryOne<{ n: number }>(db, sql`select count(*)::int as n from hotline_items`);
  if (!n || n.n < 500_000) throw new Error(`Seed first: npm run bench:hotline -- --engine ${engine} --keep`);
  const me = (await queryOne<{ id: string; name: string; unit_id: string; path: string }>(
    db,
    sql`select p.id, p.name, p.unit_id, u.path from people p join org_units u on u.id = p.unit_id where p.employee_no = 'hotline'`,
  ))!;
  const actor: Actor = {
    accountId: 0,
    sessionId: 'bench',
    personId: Number(me.id),
    name: me.name,
    employeeNo: 'hotline',
    unitId: Number(me.unit_id),
    unitPath: me.path,
    mustChangePassword: false,
    grants: await activeGrants(db, Number(me.id)),
    ip: null,
    requestId: null,
  };
  const ctx = { database, crypto: createFieldCrypto(['bench-secret-0123456789-abcdefghijklmnop']) };
  const units = await queryRows<{ id: string; code: string }>(db, sql`select id, code from org_units`);
  const unit = (code: string) => Number(units.find((u) => u.code === code)!.id);
  // The same subtrees as bench:hotline: the group (~2,000 units), subsidiaries (~250), works (~30).
  const subtrees = HOTLINE_SUBTREES.map(unit);
  const maxId = (await queryOne<{ m: number }>(db, sql`select max(id)::int as m from hotline_items`))!.m;
  const ids = itemIds(maxId);
  const { from, to } = lastTwelveMonths();

  const endpoints: [string, (i: number) => Promise<unknown>][] = [
    [
      'list: a subtree’s newest items in progress',
      (i) => listItems(db, actor, { unitId: subtrees[i % subtrees.length], state: 'in_progress' }),
    ],
    [
      'list: a subtree’s newest items (any state)',
      (i) => listItems(db, actor, { unitId: subtrees[i % subtrees.length] }),
    ],
    ['one item', (i) => readForHandler(ctx, actor, ids[i % ids.length])],
    [
      'stats: a subtree, the last 12 months',
      (i) => hotlineStats(db, actor, { unitId: subtrees[i % subtrees.length], from, to }),
    ],
  ];
  /** 20 callers calling as fast as they can for `secs` seconds; each call's time. */
  const drive = async (call: (i: number) => Promise<unknown>, secs: number) => {
    const times: number[] = [];
    let counter = 0;
    const end = performance.now() + secs * 1000;
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (performance.now() < end) {
          const i = counter++;
          const t0 = performance.now();
          await call(i);
          times.push(performance.now() - t0);
        }
      }),
    );
    return times;
  };
  // Warm up as a running server is: every connection of the pool open, with its prepared statements.
  for (const [, call] of endpoints) {
    await call(0); // fail early on an error
    await drive(call, 3);
  }
  const rows = [];
  for (const [name, call] of endpoints) {
    const loadAverageBefore = Math.round(loadavg()[0] * 100) / 100;
    const times = await drive(call, seconds);
    times.sort((a, b) => a - b);
    const row = {
      endpoint: name,
      callers: CALLERS,
      perSecond: Math.round(times.length / seconds),
      p50ms: ms(pct(times, 0.5)),
      p99ms: ms(pct(times, 0.99)),
      maxMs: ms(times[times.length - 1]),
      loadAverageBefore,
    };
    rows.push(row);
    console.log(
      `${name.padEnd(46)} ${String(row.perSecond).padStart(6)}/s  p50 ${row.p50ms} ms  p99 ${row.p99ms} ms  (load ${loadAverageBefore})`,
    );
  }
  await database.close();
  mkdirSync(results, { recursive: true });
  writeFileSync(
    path.join(results, `hotline-queries-${engine}.json`),
    `${JSON.stringify(
      {
        benchmark:
          'Hotline endpoints’ data access (the routes’ service functions, no HTTP), 20 concurrent callers, pool of 20',
        engine,
        date: new Date().toISOString(),
        machine: machine(),
        secondsPerEndpoint: seconds,
        rows,
      },
      null,
      2,
    )}\n`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
