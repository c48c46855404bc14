/**
 * Lighthouse on the phone pages: starts the built server on a fresh embedded database with the
 * demo data, and runs Lighthouse's mobile performance audit (its default: a mid-range phone,
 * simulated slow 4G and a 4× slower CPU) in Debian's Chromium on /m and /m/hotline/new as the
 * demo employee, and on the public /m/self-check closed (as it starts) and open to everyone.
 * Each page is audited RUNS times (default 3); the median score and its metrics are recorded.
 * Target (issue #12): performance ≥ 90 on each, on a quiet machine.
 *
 *   npm run bench:lighthouse            (RUNS=5 npm run bench:lighthouse)
 *
 * Result: results/lighthouse.json. The bytes of a first load are measured by the browser suite
 * (e2e/delivery.e2e.ts), not here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { machine, root, serverEnv, startBuiltServer } from './harness.js';

const RUNS = Number(process.env.RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const PASSWORD = 'Lifeline@2026';
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), 'lifeline-bench-'));

/** A session cookie for a demo account, as the login page would get it. */
async function sessionOf(login: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${login}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

/** Opens or closes the public self-check, as the administrator. */
async function setSelfCheckOpen(adminCookie: string, open: boolean): Promise<void> {
  const headers = { cookie: adminCookie, origin: base, 'content-type': 'application/json' };
  const current = (await (await fetch(`${base}/api/assessments/settings`, { headers })).json()) as Record<
    string,
    unknown
  >;
  const { updatedAt: _read, ...input } = current;
  const res = await fetch(`${base}/api/assessments/settings`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ ...input, openToEveryone: open }),
  });
  if (!res.ok) throw new Error(`settings: ${res.status} ${await res.text()}`);
}

type Metrics = {
  score: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  speedIndexMs: number;
  bytes: number;
};

/** One Lighthouse mobile performance run on a fresh profile (Lighthouse clears the cache). */
async function audit(chromePort: number, url: string, cookie?: string): Promise<Metrics> {
  const result = await lighthouse(url, {
    port: chromePort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance'],
    extraHeaders: cookie ? { Cookie: cookie } : undefined,
  });
  if (!result) throw new Error(`no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const num = (id: string) => Number(lhr.audits[id]?.numericValue ?? Number.NaN);
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    fcpMs: Math.round(num('first-contentful-paint')),
    lcpMs: Math.round(num('largest-contentful-paint')),
    tbtMs: Math.round(num('total-blocking-time')),
    cls: Math.round(num('cumulative-layout-shift') * 1000) / 1000,
    speedIndexMs: Math.round(num('speed-index')),
    bytes: Math.round(num('total-byte-weight')),
  };
}

/** The run with the median score. */
function median(runs: Metrics[]): Metrics {
  return [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)];
}

async function main() {
  const env = {
    ...serverEnv({
      engine: 'pglite',
      dataDir,
      secret: 'bench-secret-0123456789-abcdefghijklmnop',
      pgUrl: '',
    }),
    LIFELINE_SEED_DEMO: 'true',
  };
  const server = await startBuiltServer(env, port, 600);
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
  });
  const load = { before: loadavg() };
  try {
    const employee = await sessionOf('employee');
    const admin = await sessionOf('admin');
    const pages: { name: string; url: string; cookie?: string; open?: boolean }[] = [
      { name: '/m', url: `${base}/m`, cookie: employee },
      { name: '/m/hotline/new', url: `${base}/m/hotline/new`, cookie: employee },
      { name: '/m/self-check (closed)', url: `${base}/m/self-check`, open: false },
      { name: '/m/self-check (open)', url: `${base}/m/self-check`, open: true },
    ];
    const results: Record<string, { median: Metrics; runs: Metrics[] }> = {};
    for (const page of pages) {
      if (page.open !== undefined) await setSelfCheckOpen(admin, page.open);
      const runs: Metrics[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await audit(chrome.port, page.url, page.cookie));
      results[page.name] = { median: median(runs), runs };
      const m = results[page.name].median;
      console.log(
        `${page.name.padEnd(24)} score ${m.score}  FCP ${m.fcpMs} ms  LCP ${m.lcpMs} ms  TBT ${m.tbtMs} ms  CLS ${m.cls}  SI ${m.speedIndexMs} ms  ${Math.round(m.bytes / 1000)} kB  (scores ${runs.map((r) => r.score).join(', ')})`,
      );
    }
    await setSelfCheckOpen(admin, false);
    const out = path.join(root, 'bench/results');
    mkdirSync(out, { recursive: true });
    writeFileSync(
      path.join(out, 'lighthouse.json'),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: machine(),
          chromium: CHROMIUM,
          lighthouse: 'mobile defaults (simulated slow 4G, 4× CPU slowdown)',
          runs: RUNS,
          load: { ...load, after: loadavg() },
          results,
        },
        null,
        2,
      )}\n`,
    );
  } finally {
    chrome.kill();
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
