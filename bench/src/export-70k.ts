/**
 * Export benchmark: seeds the benchmark dataset (70,000 people in ~2,000 units), starts the built
 * server in its own process, and exports the whole group's roster as a job (POST
 * /api/people/exports, then GET /api/exports/{id} until done, then the file), while another loop
 * asks /api/health every 50 ms. Records the export's wall time, the file's size and rows, and
 * the health check's latency percentiles during the export (target: ≤ 15 s, p99 ≤ 200 ms).
 *
 *   npm run bench:export -- --engine pglite
 *   npm run bench:export -- --engine postgres   (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/lifeline_bench)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { machine, root, serverEnv, startBuiltServer } from './harness.js';

const { values } = parseArgs({ options: { engine: { type: 'string', default: 'pglite' } } });
const engine = values.engine === 'postgres' ? 'postgres' : 'pglite';
const secret = 'bench-secret-0123456789-abcdefghijklmnop';
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lifeline_bench';
const port = 3900 + Math.floor(Math.random() * 90);
const dataDir = mkdtempSync(path.join(tmpdir(), 'lifeline-bench-'));
const env = () => serverEnv({ engine, dataDir, secret, pgUrl });

async function prepare(): Promise<void> {
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
  const seed = spawnSync(
    process.execPath,
    [path.join(root, 'apps/server/bin/lifeline.mjs'), 'seed-demo', '--scale', 'bench'],
    { env: env(), stdio: ['ignore', 'ignore', 'inherit'] },
  );
  if (seed.status !== 0) throw new Error('seeding failed');
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  await prepare();
  const server = await startBuiltServer(env(), port, 120);
  try {
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ login: 'admin', password: 'Lifeline@2026' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const headers = { cookie, origin: base, 'content-type': 'application/json' };

    // Health, asked every 50 ms (one at a time) while the export runs.
    const latencies: number[] = [];
    let exporting = true;
    const prober = (async () => {
      while (exporting) {
        const t0 = performance.now();
        await fetch(`${base}/api/health`);
        latencies.push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 50));
      }
    })();

    const load = loadavg()[0];
    const started = performance.now();
    const job = (await (
      await fetch(`${base}/api/people/exports`, { method: 'POST', headers, body: '{}' })
    ).json()) as { id: number };
    let state: { state: string; total: number | null; done: number; downloadUrl: string | null };
    let polls = 0;
    for (;;) {
      state = (await (await fetch(`${base}/api/exports/${job.id}`, { headers })).json()) as typeof state;
      polls += 1;
      if (state.state === 'done' || state.state === 'failed') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const file = Buffer.from(await (await fetch(`${base}${state.downloadUrl}`, { headers })).arrayBuffer());
    const seconds = (performance.now() - started) / 1000;
    exporting = false;
    await prober;

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].actualRowCount - 1;
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      engine,
      date: new Date().toISOString(),
      machine: machine(),
      loadAverageBefore: load,
      loadAverageAfter: loadavg()[0],
      export: {
        state: state.state,
        total: state.total,
        rows,
        seconds: Number(seconds.toFixed(2)),
        bytes: file.length,
        polls,
      },
      healthDuringExport: {
        requests: sorted.length,
        p50ms: Number(percentile(sorted, 50).toFixed(1)),
        p99ms: Number(percentile(sorted, 99).toFixed(1)),
        maxMs: Number(sorted[sorted.length - 1].toFixed(1)),
      },
    };
    mkdirSync(path.join(root, 'bench/results'), { recursive: true });
    writeFileSync(
      path.join(root, `bench/results/export-70k-${engine}.json`),
      `${JSON.stringify(result, null, 2)}\n`,
    );
    console.log(JSON.stringify(result, null, 2));
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
