import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The embedded database survives a hard kill: the server is killed with SIGKILL in the middle
 * of a stream of writes, restarted on the same data directory, and every write it had
 * acknowledged is still there.
 */
const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const main = path.join(root, 'apps/server/dist/main.js');
const dataDir = mkdtempSync(path.join(tmpdir(), 'lifeline-crash-'));
const port = 4300 + Math.floor(Math.random() * 500);
const base = `http://127.0.0.1:${port}`;
let child: ChildProcess | undefined;
/** The end of the running server's stderr, to say why it did not come up. */
let stderr = '';

function start(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LIFELINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LIFELINE_SEED_DEMO: 'true',
  };
  delete env.DATABASE_URL;
  stderr = '';
  const proc = spawn(process.execPath, [main], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  // Read it, or a full pipe would block the server.
  proc.stderr?.setEncoding('utf8');
  proc.stderr?.on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-8_000);
  });
  return proc;
}

/**
 * Waits until the server answers its health check, however long its start takes on a busy
 * machine (the test's own timeout is the limit); fails at once if the server exits instead.
 */
async function waitHealthy(proc: ChildProcess): Promise<void> {
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null)
      throw new Error(
        `the server exited (${proc.exitCode ?? proc.signalCode}) before it was healthy:\n${stderr}`,
      );
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function login(): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ login: 'admin', password: 'Lifeline@2026' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

beforeAll(() => {
  if (!existsSync(main)) {
    const built = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/build.mjs'), '--only=shared,server'],
      { stdio: 'inherit' },
    );
    if (built.status !== 0) throw new Error('could not build the server');
  }
}, 600_000);
afterAll(() => {
  child?.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded database crash safety', () => {
  it('keeps every acknowledged write after SIGKILL and reopens', async () => {
    child = start();
    await waitHealthy(child);
    let cookie = await login();
    const tree = (await (await fetch(`${base}/api/org-units/tree`, { headers: { cookie } })).json()) as {
      id: number;
      code: string;
    }[];
    const parent = tree.find((u) => u.code === 'S1')!;
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        const code = `CRASH-${w}-${i}`;
        try {
          const res = await fetch(`${base}/api/org-units`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin: base, cookie },
            body: JSON.stringify({
              parentId: parent.id,
              name: `崩溃测试${w}-${i}`,
              code,
              type: 'party_branch',
            }),
          });
          if (res.status === 201) acknowledged.push(code);
        } catch {
          return; // the server is gone
        }
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    // Until 40 writes are acknowledged (or the server is gone, which the checks below report).
    while (acknowledged.length < 40 && child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);

    child = start();
    await waitHealthy(child);
    cookie = await login();
    const after = (await (await fetch(`${base}/api/org-units/tree`, { headers: { cookie } })).json()) as {
      code: string;
    }[];
    const codes = new Set(after.map((u) => u.code));
    expect(acknowledged.filter((c) => !codes.has(c))).toEqual([]);
    const stopped = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    expect(await stopped).toBe(0);
  }, 600_000); // a generous limit: two starts with the demo data on a busy machine
});
