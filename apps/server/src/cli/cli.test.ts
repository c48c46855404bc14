import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** The `lifeline` command as an operator runs it: seed, back up, restore elsewhere, create an admin. */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const bin = path.join(root, 'apps/server/bin/lifeline.mjs');
const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-cli-'));
const SECRET = 'cli-test-secret-0123456789-abcdefghijklmn';

function lifeline(args: string[], env: Record<string, string> = {}) {
  const base: NodeJS.ProcessEnv = { ...process.env, LIFELINE_SECRET: SECRET, LOG_LEVEL: 'warn', ...env };
  if (!env.DATABASE_URL) delete base.DATABASE_URL;
  const r = spawnSync(process.execPath, [bin, ...args], { env: base, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(() => {
  if (!existsSync(path.join(root, 'apps/server/dist/cli/index.js'))) {
    const built = spawnSync(
      process.execPath,
      [path.join(root, 'scripts/build.mjs'), '--only=shared,server'],
      { stdio: 'inherit' },
    );
    if (built.status !== 0) throw new Error('could not build the server');
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lifeline CLI', () => {
  it('prints help and refuses unknown commands and bad configuration', () => {
    expect(lifeline(['help']).out).toContain('restore <file.jsonl.gz>');
    expect(lifeline(['frobnicate'], { LIFELINE_DATA_DIR: path.join(dir, 'x') }).code).toBe(2);
    const bad = lifeline(['migrate'], { PORT: 'x', LIFELINE_DATA_DIR: path.join(dir, 'x') });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('PORT');
  }, 60_000);

  it('seeds, backs up, and restores into an empty data dir with the same content', () => {
    const a = { LIFELINE_DATA_DIR: path.join(dir, 'a') };
    const b = { LIFELINE_DATA_DIR: path.join(dir, 'b') };
    const file = path.join(dir, 'backup.jsonl.gz');
    expect(lifeline(['seed-demo'], a).out).toMatch(/Seeded \d+ units, 3011 people, 11 demo accounts/);
    expect(lifeline(['seed-demo'], a).code).toBe(1);
    const backup = lifeline(['backup', file], a);
    expect(backup.code, backup.out).toBe(0);
    const rows = Number(/(\d+) rows/.exec(backup.out)?.[1]);
    const restore = lifeline(['restore', file], b);
    expect(restore.code, restore.out).toBe(0);
    expect(restore.out).toContain(`Restored ${rows} rows`);
    expect(lifeline(['restore', file], b).out).toMatch(/not empty/);
    const again = lifeline(['backup', path.join(dir, 'again.jsonl.gz')], b);
    expect(again.out).toContain(`${rows} rows`);
  }, 180_000);

  it('creates the first administrator of an empty installation', () => {
    const env = { LIFELINE_DATA_DIR: path.join(dir, 'c'), LIFELINE_ADMIN_PASSWORD: 'Str0ng-Passw0rd!' };
    expect(lifeline(['create-admin', '--login', 'A0001', '--name', '张三'], env).out).toContain('--org-name');
    const ok = lifeline(
      ['create-admin', '--login', 'A0001', '--name', '张三', '--org-name', '测试集团党委'],
      env,
    );
    expect(ok.code, ok.out).toBe(0);
    expect(lifeline(['create-admin', '--login', 'A0001', '--name', '张三'], env).out).toContain(
      'already exists',
    );
    const weak = lifeline(['create-admin', '--login', 'A0002', '--name', '李四'], {
      ...env,
      LIFELINE_ADMIN_PASSWORD: 'weak',
    });
    expect(weak.out).toContain('too weak');
  }, 120_000);
});
