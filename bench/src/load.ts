/**
 * Load benchmark: starts the real server (built) in its own process on the benchmark dataset
 * (70,000 people in ~2,000 units), then drives each endpoint with autocannon at 20 connections
 * from this process, and writes requests/s and latency percentiles to bench/results/.
 *
 *   npm run bench:load -- --engine pglite
 *   npm run bench:load -- --engine postgres   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lifeline_bench)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { machine, serverEnv, startBuiltServer } from './harness.js';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: { engine: { type: 'string', default: 'pglite' }, seconds: { type: 'string', default: '10' } },
});
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
const seconds = Number(values.seconds);
const secret = 'bench-secret-0123456789-abcdefghijklmnop';
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lifeline_bench';
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(path.join(tmpdir(), 'lifeline-bench-'));

const env = () => serverEnv({ engine, dataDir, secret, pgUrl });

async function prepare() {
  if (!existsSync(path.join(root, 'apps/server/dist/main.js')))
    throw new Error('Build first: node scripts/build.mjs');
  if (engine === 'postgres') {
    const admin = new pg.Client({ connectionString: pgUrl.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    const name = new URL(pgUrl).pathname.slice(1);
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  }
  const started = Date.now();
  const seed = spawnSync(
    process.execPath,
    [path.join(root, 'apps/server/bin/lifeline.mjs'), 'seed-demo', '--scale', 'bench'],
    {
      env: env(),
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  if (seed.status !== 0) throw new Error('seeding failed');
  return (Date.now() - started) / 1000;
}

const startServer = () => startBuiltServer(env(), port, 60);

async function main() {
  const seedSeconds = await prepare();
  const server = await startServer();
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'admin', password: 'Lifeline@2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const get = async (url: string) => (await fetch(`${base}${url}`, { headers: { cookie } })).json();
    const tree = (await get('/api/org-units/tree')) as { id: number; depth: number; code: string }[];
    const subsidiary = tree.find((u) => u.code === 'S1')!;
    const branch = tree.find((u) => u.code === 'S3-W2-B4')!;
    const person = ((await get(`/api/people?unitId=${branch.id}&pageSize=1`)) as { items: { id: number }[] })
      .items[0];
    const endpoints: [string, string][] = [
      ['health', '/api/health'],
      ['me', '/api/me'],
      ['people: first page of the whole group (by pinyin)', '/api/people?pageSize=20'],
      ['people: a subsidiary subtree', `/api/people?unitId=${subsidiary.id}&pageSize=20`],
      ['people: a branch', `/api/people?unitId=${branch.id}&pageSize=20`],
      ['people: search by pinyin initials', '/api/people?q=zw&pageSize=20'],
      ['people: search by name', `/api/people?q=${encodeURIComponent('王')}&pageSize=20`],
      ['one person', `/api/people/${person.id}`],
      ['unit tree with headcounts (~2,000 units)', '/api/org-units/tree'],
      ['audit events', '/api/audit-events?pageSize=50'],
    ];
    const rows = [];
    for (const [name, url] of endpoints) {
      const r = await autocannon({
        url: `${base}${url}`,
        connections: 20,
        duration: seconds,
        headers: { cookie },
      });
      rows.push({
        endpoint: name,
        url,
        requestsPerSecond: Math.round(r.requests.average),
        p50ms: r.latency.p50,
        p99ms: r.latency.p99,
        errors: r.errors + r.non2xx,
      });
      console.log(
        `${name.padEnd(48)} ${String(Math.round(r.requests.average)).padStart(6)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms`,
      );
    }
    const out = {
      benchmark: 'HTTP load, autocannon at 20 connections from a separate process',
      engine,
      dataset: '70,000 people in ~2,000 units (seed-demo --scale bench)',
      seedSeconds,
      secondsPerEndpoint: seconds,
      machine: machine(),
      measuredAt: new Date().toISOString(),
      results: rows,
    };
    const dir = path.join(root, 'bench/results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, `load-${engine}.json`), `${JSON.stringify(out, null, 2)}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
