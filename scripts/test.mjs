#!/usr/bin/env node
// `npm test`: type checks, lint, the server suite on the embedded database, the same suite on
// PostgreSQL when TEST_DATABASE_URL is set, and the browser journeys when a Chromium is found.
// Says in one line what it skipped and why; with CI=true nothing may be skipped.
// Last line: `N passed, N failed` (plus `, N skipped`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const args = process.argv.slice(2);
const only = (name) => args.length === 0 || args.includes(name);
const tmp = path.join(root, '.test-tmp');
mkdirSync(tmp, { recursive: true });

let passed = 0;
let failed = 0;
let skipped = 0;
const skips = [];
const failures = [];

function run(title, cmd, cmdArgs, env = {}) {
  console.log(`\n=== ${title} ===`);
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `--- ${title}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return r.status === 0;
}

function check(title, cmd, cmdArgs) {
  if (run(title, cmd, cmdArgs)) passed += 1;
  else {
    failed += 1;
    failures.push(title);
  }
}

function vitest(title, project, env, extra = []) {
  const out = path.join(tmp, `${project}-${env.LIFELINE_TEST_ENGINE ?? project}.json`);
  rmSync(out, { force: true });
  const ok = run(
    title,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...extra,
    ],
    env,
  );
  if (!existsSync(out)) {
    failed += 1;
    failures.push(`${title} (no results)`);
    return;
  }
  const report = JSON.parse(readFileSync(out, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  if (!ok && report.numFailedTests === 0) {
    failed += 1;
    failures.push(`${title} (a file failed to run)`);
  } else if (report.numFailedTests > 0) failures.push(title);
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(
    Boolean,
  );
  return candidates.find((p) => existsSync(p));
}

if (only('typecheck')) check('type check', 'npm', ['run', '--silent', 'typecheck']);
if (only('lint')) check('lint and format', 'npx', ['biome', 'ci', '.']);
if (only('server') || only('postgres') || only('e2e')) {
  if (!run('build', process.execPath, ['scripts/build.mjs'])) {
    failed += 1;
    failures.push('build');
  }
}
if (only('web')) vitest('web app logic', 'web', {});
if (only('server')) vitest('server suite on PGlite', 'server', { LIFELINE_TEST_ENGINE: 'pglite' });
if (only('postgres')) {
  if (process.env.TEST_DATABASE_URL) {
    vitest('server suite on PostgreSQL', 'server', { LIFELINE_TEST_ENGINE: 'postgres' });
  } else skips.push('PostgreSQL suite (TEST_DATABASE_URL is not set)');
}
if (only('e2e')) {
  const chromium = findChromium();
  if (chromium) vitest('browser journeys in Chromium', 'e2e', { CHROMIUM_PATH: chromium });
  else skips.push('browser journeys (no Chromium at /usr/bin/chromium or CHROMIUM_PATH)');
}

console.log('');
if (skips.length) console.log(`Skipped: ${skips.join('; ')}.`);
if (failures.length) console.log(`Failed: ${failures.join('; ')}.`);
if (ci && skips.length) {
  console.log('CI=true: nothing may be skipped.');
  failed += skips.length;
}
console.log(
  `${passed} passed, ${failed} failed${skipped || skips.length ? `, ${skipped + skips.length} skipped` : ''}`,
);
process.exit(failed > 0 ? 1 : 0);
