import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';

/** Pieces every benchmark here shares: the built server in its own process, the machine, the hotline workload. */

export const root = path.resolve(import.meta.dirname, '../..');

/** The built server's environment: its data dir and secret, quiet, no demo; PostgreSQL or the embedded engine. */
export function serverEnv(o: {
  engine: 'postgres' | 'pglite';
  dataDir: string;
  secret: string;
  pgUrl: string;
}): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {
    ...process.env,
    LIFELINE_DATA_DIR: o.dataDir,
    LIFELINE_SECRET: o.secret,
    LOG_LEVEL: 'warn',
    LIFELINE_SEED_DEMO: 'false',
  };
  if (o.engine === 'postgres') return { ...base, DATABASE_URL: o.pgUrl };
  delete base.DATABASE_URL;
  return base;
}

/** Starts the built server on a port and waits until it answers its health check. */
export async function startBuiltServer(
  env: NodeJS.ProcessEnv,
  port: number,
  waitSeconds = 120,
): Promise<ChildProcess> {
  const child = spawn(process.execPath, [path.join(root, 'apps/server/dist/main.js')], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < waitSeconds * 5; i += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

/** What the results were measured on. */
export function machine() {
  return {
    cpus: cpus().length,
    model: cpus()[0]?.model,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** The hotline benchmarks' subtrees, by unit code: the group (~2,000 units), subsidiaries (~250), works (~30). */
export const HOTLINE_SUBTREES = ['G', 'S1', 'S4', 'S8', 'S2-W3', 'S5-W7', 'S7-W1'];

/** 4,000 pseudo-random item ids up to `maxId`, the same sequence on every run and engine. */
export function itemIds(maxId: number): number[] {
  let seed = 7;
  return Array.from({ length: 4000 }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return 1 + (seed % maxId);
  });
}

/** The last 12 months as `from`/`to` months (YYYY-MM, Beijing time), this month included. */
export function lastTwelveMonths(now = new Date()): { from: string; to: string } {
  const month = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
  return {
    from: month(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() + 1, 15))),
    to: month(now),
  };
}
