import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server started for this run listens, e.g. http://127.0.0.1:41234. */
    baseURL: string;
  }
}

const root = path.resolve(import.meta.dirname, '..');
/**
 * The server is waited for until it answers or exits; this only stops a server that hangs. It is
 * generous: migrating and seeding the demo data on a busy machine takes minutes, not seconds.
 */
const HEALTH_TIMEOUT_MS = 600_000;

/** A port the OS says is free now; the server binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Keeps the last part of a stream, to show when the server fails to start. */
function tail(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    text = (text + chunk).slice(-16_000);
  });
  return () => text;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      const body = (await res.json()) as { status?: string };
      if (res.ok && body.status === 'ok') return;
      last = `${res.status} ${JSON.stringify(body)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `The server did not become healthy in ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}):\n${output()}`,
  );
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the real, built server on a free port with a fresh embedded database and demo data,
 * as an operator would, and hands its URL to the browser journeys.
 */
export default async function setup(project: TestProject) {
  const web = path.join(root, 'apps/web/dist/index.html');
  const main = path.join(root, 'apps/server/dist/main.js');
  for (const file of [web, main]) {
    if (!existsSync(file))
      throw new Error(`${path.relative(root, file)} is missing: run \`node scripts/build.mjs\` first.`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'lifeline-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    LIFELINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    LIFELINE_SEED_DEMO: 'true',
  };
  // The journeys run on their own embedded database, never on one the environment points at.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout = tail(child.stdout);
  const stderr = tail(child.stderr);
  const output = () => `--- stderr ---\n${stderr()}\n--- stdout ---\n${stdout()}`;

  try {
    await waitForHealth(url, child, output);
  } catch (err) {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  project.provide('baseURL', url);

  return async () => {
    await stop(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
}
