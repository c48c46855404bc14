/**
 * Hotline load benchmark (#5): the benchmark dataset with its 500,000 hotline items over five
 * years, served by the built server in its own process, driven with autocannon at 20
 * connections from this process as the demo hotline office (hotline.handle and hotline.stats
 * over the whole group). Each endpoint rotates over subtrees of different sizes or random items.
 * Writes requests/s and p50/p97.5/p99 to bench/results/hotline-<engine>.json.
 *
 *   npm run bench:hotline -- --engine postgres     (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lifeline_bench_hotline)
 *   npm run bench:hotline -- --engine pglite
 *   --keep: keep the seeded database (PostgreSQL database / /tmp/lifeline-bench-hotline-pglite) and
 *           reuse it on the next run instead of seeding again; --seconds N per endpoint (default 10);
 *   --rate N: also a pass at a fixed offered N requests/s over the 20 connections (autocannon
 *           fires the connections in step, so this measures bursts of 20 simultaneous requests).
 * Passes per endpoint: 20 connections as fast as they go (throughput; latency is then mostly
 * queueing on the 2 cores), and 1 connection (service time of one request at a time).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import {
  HOTLINE_SUBTREES,
  itemIds,
  lastTwelveMonths,
  machine,
  serverEnv,
  startBuiltServer,
} from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    seconds: { type: 'string', default: '10' },
    keep: { type: 'boolean', default: false },
    rate: { type: 'string' },
  },
});
const engine = values.engine === 'pglite' ? 'pglite' : 'postgres';
const seconds = Number(values.seconds);
const rate = values.rate ? Number(values.rate) : null;
const secret = 'bench-secret-0123456789-abcdefghijklmnop';
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lifeline_bench_hotline';
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = values.keep
  ? path.join(tmpdir(), 'lifeline-bench-hotline-pglite')
  : mkdtempSync(path.join(tmpdir(), 'lifeline-bench-'));

const env = () => serverEnv({ engine, dataDir, secret, pgUrl });

/** Seeds the benchmark dataset, unless --keep finds it seeded already. Returns seconds or null. */
async function prepare(): Promise<number | null> {
  if (!existsSync(path.join(root, 'apps/server/dist/main.js')))
    throw new Error('Build first: node scripts/build.mjs');
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const name = new URL(pgUrl).pathname.slice(1);
    const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    let seeded = false;
    if (exists && values.keep) {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      seeded = await c
        .query('select count(*)::int as n from hotline_items')
        .then((r) => r.rows[0].n >= 500_000)
        .catch(() => false);
      await c.end();
    }
    if (!seeded) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
    await admin.end();
    if (seeded) return null;
  } else if (values.keep && existsSync(path.join(dataDir, 'hotline-seeded'))) return null;
  const started = Date.now();
  const seed = spawnSync(
    process.execPath,
    [path.join(root, 'apps/server/bin/lifeline.mjs'), 'seed-demo', '--scale', 'bench'],
    { env: env(), stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (seed.status !== 0) throw new Error('seeding failed');
  if (engine === 'pglite') writeFileSync(path.join(dataDir, 'hotline-seeded'), '');
  if (engine === 'postgres') {
    // As after a bulk load in production: fresh planner statistics.
    const c = new pg.Client({ connectionString: pgUrl });
    await c.connect();
    await c.query('vacuum analyze');
    await c.end();
  }
  return (Date.now() - started) / 1000;
}

const startServer = () => startBuiltServer(env(), port);

/** A deterministic rotation (so that both engines see the same sequence of requests). */
function rotation(urls: string[]) {
  let i = 0;
  return () => urls[i++ % urls.length];
}

type Row = {
  endpoint: string;
  mode: string;
  urls: string;
  requestsPerSecond: number;
  p50ms: number;
  p97_5ms: number;
  p99ms: number;
  maxMs: number;
  errors: number;
  loadAverageBefore: number;
};

async function main() {
  const seedSeconds = await prepare();
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'hotline', password: 'Lifeline@2026' }),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (url: string) => {
      const res = await fetch(`${base}${url}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const tree = (await get('/api/org-units/tree')) as { id: number; code: string }[];
    const unit = (code: string) => tree.find((u) => u.code === code)!.id;
    // Subtrees of different sizes: the group (~2,000 units), subsidiaries (~250), works (~30).
    const subtrees = HOTLINE_SUBTREES.map(unit);
    const newest = (await get(`/api/hotline/items?unitId=${unit('G')}`)) as { items: { id: number }[] };
    const maxId = newest.items[0].id;
    const ids = itemIds(maxId);
    const { from, to } = lastTwelveMonths();
    const endpoints: [string, string[]][] = [
      [
        'list: a subtree’s newest items in progress',
        subtrees.map((u) => `/api/hotline/items?unitId=${u}&state=in_progress`),
      ],
      ['list: a subtree’s newest items (any state)', subtrees.map((u) => `/api/hotline/items?unitId=${u}`)],
      ['one item', ids.map((id) => `/api/hotline/items/${id}`)],
      [
        'stats: a subtree, the last 12 months',
        subtrees.map((u) => `/api/hotline/stats?unitId=${u}&from=${from}&to=${to}`),
      ],
    ];
    for (const [, urls] of endpoints) await get(urls[0]); // fail early on an error
    // Warm up as a running server is warm: the pool's connections opened, each with its prepared
    // statements and caches, the JIT's code compiled. (Without this the first endpoint measured
    // pays for it: its p99 was 60 ms where a second run of it gave 30.) Not recorded.
    for (const [, urls] of endpoints) {
      const next = rotation(urls);
      await autocannon({
        url: base,
        connections: 20,
        duration: 3,
        headers: { cookie },
        requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
      });
    }
    const rows: Row[] = [];
    const modes: [string, number, number | null][] = [
      ['20 connections, as fast as they go', 20, null],
      ...(rate ? [[`20 connections, ${rate} requests/s offered`, 20, rate] as [string, number, number]] : []),
      ['1 connection (service time)', 1, null],
    ];
    for (const [mode, connections, overallRate] of modes) {
      for (const [name, urls] of endpoints) {
        const next = rotation(urls);
        const loadAverageBefore = Math.round(loadavg()[0] * 100) / 100;
        const r = await autocannon({
          url: base,
          connections,
          duration: seconds,
          headers: { cookie },
          ...(overallRate ? { overallRate } : {}),
          requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: next() }) }],
        });
        const row: Row = {
          endpoint: name,
          mode,
          urls: urls.length > 10 ? `${urls[0]} … (${urls.length} ids)` : urls.join(' | '),
          requestsPerSecond: Math.round(r.requests.average),
          p50ms: r.latency.p50,
          p97_5ms: r.latency.p97_5,
          p99ms: r.latency.p99,
          maxMs: r.latency.max,
          errors: r.errors + r.non2xx + r.timeouts,
          loadAverageBefore,
        };
        rows.push(row);
        console.log(
          `${name.padEnd(46)} ${overallRate ? `@${overallRate}/s` : connections === 1 ? '1 conn' : 'max   '} ${String(row.requestsPerSecond).padStart(6)} req/s  p50 ${row.p50ms} ms  p99 ${row.p99ms} ms  errors ${row.errors}  (load ${loadAverageBefore})`,
        );
      }
    }
    const out = {
      benchmark: 'Hotline HTTP load, autocannon at 20 connections from a separate process',
      engine,
      dataset: '70,000 people in ~2,000 units, 500,000 hotline items over 5 years (seed-demo --scale bench)',
      user: 'hotline (hotline_office at the group: hotline.handle and hotline.stats over everything)',
      subtrees: 'G (whole group), S1, S4, S8 (subsidiaries), S2-W3, S5-W7, S7-W1 (works), in rotation',
      statsMonths: { from, to },
      seedSeconds,
      secondsPerEndpoint: seconds,
      machine: {
        ...machine(),
        loadAverageAfter: loadavg().map((l) => Math.round(l * 100) / 100),
      },
      measuredAt: new Date().toISOString(),
      results: rows,
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `hotline-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    if (!values.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
