#!/usr/bin/env node
// Builds what is missing or older than its sources: shared → server (tsc) and web (vite).
// `--force` rebuilds everything. Used by `npm start`, `npm run build` and the test runner.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const force = process.argv.includes('--force');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

// After `npm install` (postinstall), build so that `npm start` is quick; an install without the
// build tools (e.g. --omit=dev) just skips it, and `npm start` will say what is missing.
if (
  process.argv.includes('--postinstall') &&
  !existsSync(path.join(root, 'node_modules/typescript/package.json'))
) {
  console.log('Build tools not installed; skipping the build.');
  process.exit(0);
}

function newest(dir) {
  let max = 0;
  if (!existsSync(dir)) return max;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const p = path.join(dir, entry.name);
    max = Math.max(max, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return max;
}

const targets = [
  {
    name: 'shared',
    inputs: ['packages/shared/src', 'packages/shared/tsconfig.json'],
    stamp: 'packages/shared/dist/.stamp',
    cmd: ['npx', 'tsc', '-p', 'packages/shared'],
  },
  {
    name: 'server',
    inputs: ['apps/server/src', 'apps/server/tsconfig.json', 'packages/shared/src'],
    stamp: 'apps/server/dist/.stamp',
    cmd: ['npx', 'tsc', '-p', 'apps/server'],
  },
  {
    name: 'web',
    inputs: [
      'apps/web/src',
      'apps/web/public',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/tsconfig.json',
      'packages/shared/src',
    ],
    stamp: 'apps/web/dist/.stamp',
    cmd: ['npx', 'vite', 'build', '--logLevel', 'warn'],
    cwd: 'apps/web',
  },
];

for (const t of targets) {
  if (only && !only.split(',').includes(t.name)) continue;
  const stamp = path.join(root, t.stamp);
  const srcTime = Math.max(
    ...t.inputs.map((i) => {
      const p = path.join(root, i);
      if (!existsSync(p)) return 0;
      return statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs;
    }),
  );
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= srcTime) continue;
  const started = Date.now();
  process.stdout.write(`Building ${t.name}… `);
  const r = spawnSync(t.cmd[0], t.cmd.slice(1), {
    cwd: path.join(root, t.cwd ?? '.'),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (r.status !== 0) {
    console.log('failed');
    process.stderr.write(r.stdout + r.stderr);
    process.exit(r.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
