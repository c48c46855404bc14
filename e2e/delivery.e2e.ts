import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TWellbeingSettings } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS_DIR, closeBrowser, login, newPage } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

// What a first visit costs on the wire, as the browser counts it (headers and bodies, in the
// encoding Chromium asks for: brotli), and whether the page holds still. The figures of each run
// are written to e2e/artifacts/delivery.json; bench/README.md keeps them with their dates.
const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
/** 1 kB = 1,000 bytes, as the budgets in issue #12 and bench/README.md are written. */
const KB = 1000;
const PHONE_BUDGET = 150 * KB;
const DESKTOP_BUDGET = 450 * KB;
/** Google's "good" cumulative layout shift. */
const CLS_BUDGET = 0.1;

/** One response as it came over the wire. */
type Transfer = { url: string; type: string; encoding: string; length: number; bytes: number };
/** What the first load of a page cost and how much it moved. */
type Visit = { path: string; bytes: number; transfers: Transfer[]; cls: number; shifts: string[] };

/**
 * Runs in every page before its scripts: keeps each layout shift not caused by input, with what
 * moved, so that the test can compute CLS as the browser defines it (largest session window).
 */
function recordLayoutShifts(): void {
  type Shift = { value: number; startTime: number; hadRecentInput: boolean; sources?: { node?: Node }[] };
  const shifts: { value: number; startTime: number; nodes: string }[] = [];
  (window as unknown as { __shifts: typeof shifts }).__shifts = shifts;
  const label = (node?: Node) =>
    node instanceof Element
      ? `${node.tagName.toLowerCase()}${node.className && typeof node.className === 'string' ? `.${node.className.trim().split(/\s+/).join('.')}` : ''}`
      : String(node?.nodeName ?? '?');
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as unknown as Shift[]) {
      if (entry.hadRecentInput) continue;
      const nodes = (entry.sources ?? []).map((s) => label(s.node)).join(', ');
      shifts.push({ value: entry.value, startTime: entry.startTime, nodes });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** CLS: the largest sum of shifts less than 1 s apart within a 5 s window. */
function cumulativeLayoutShift(shifts: { value: number; startTime: number }[]): number {
  let best = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  for (const s of shifts) {
    if (s.startTime - last > 1000 || s.startTime - first > 5000) {
      sum = 0;
      first = s.startTime;
    }
    sum += s.value;
    last = s.startTime;
    best = Math.max(best, sum);
  }
  return best;
}

/**
 * Opens `pathname` in a fresh context (empty cache), optionally logged in, waits until `ready`
 * shows and the network is idle, and adds up the encoded bytes of every response (headers and
 * body, as received: compressed when the server compressed it).
 */
async function firstLoad(
  pathname: string,
  ready: (page: Page) => Promise<unknown>,
  options: { phone?: boolean; as?: string } = {},
): Promise<Visit> {
  const { page } = await newPage({ baseURL, ...(options.phone ? PHONE : {}) });
  if (options.as) await login(page, baseURL, options.as, DEMO_PASSWORD);
  await page.addInitScript(recordLayoutShifts);
  const cdp = await page.context().newCDPSession(page);
  const responses = new Map<string, Omit<Transfer, 'bytes'>>();
  const transfers: Transfer[] = [];
  cdp.on('Network.responseReceived', (e) => {
    const headers = Object.fromEntries(
      Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    responses.set(e.requestId, {
      url: new URL(e.response.url).pathname,
      type: e.type ?? 'Other',
      encoding: String(headers['content-encoding'] ?? 'identity'),
      length: Number(headers['content-length'] ?? Number.NaN),
    });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = responses.get(e.requestId);
    if (r) transfers.push({ ...r, bytes: e.encodedDataLength });
  });
  await cdp.send('Network.enable');
  await page.goto(pathname, { waitUntil: 'load' });
  await ready(page);
  await page.waitForLoadState('networkidle');
  await page.evaluate(() => document.fonts.ready);
  // One more frame, so that a shift caused by the last render is reported.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const shifts = await page.evaluate(
    () => (window as unknown as { __shifts: { value: number; startTime: number; nodes: string }[] }).__shifts,
  );
  await cdp.detach();
  await page.context().close();
  return {
    path: pathname,
    bytes: transfers.reduce((n, t) => n + t.bytes, 0),
    transfers: transfers.sort((a, b) => b.bytes - a.bytes),
    cls: cumulativeLayoutShift(shifts),
    shifts: shifts.map((s) => `${s.value.toFixed(4)} @${Math.round(s.startTime)}ms ${s.nodes}`),
  };
}

const visits: Visit[] = [];

/** A readable account of a visit, for failure messages and the artifact. */
function account(v: Visit): string {
  const lines = v.transfers.map(
    (t) => `  ${(t.bytes / KB).toFixed(1).padStart(7)} kB ${t.encoding.padEnd(8)} ${t.url}`,
  );
  return `${v.path}: ${(v.bytes / KB).toFixed(1)} kB, CLS ${v.cls.toFixed(3)}\n${lines.join('\n')}\n  shifts: ${v.shifts.join('; ') || 'none'}`;
}

async function visit(...args: Parameters<typeof firstLoad>): Promise<Visit> {
  const v = await firstLoad(...args);
  visits.push(v);
  return v;
}

afterAll(async () => {
  await closeBrowser();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(path.join(ARTIFACTS_DIR, 'delivery.json'), `${JSON.stringify(visits, null, 2)}\n`);
  console.log(
    visits.map((v) => `${v.path}: ${(v.bytes / KB).toFixed(1)} kB, CLS ${v.cls.toFixed(3)}`).join('\n'),
  );
});

/**
 * Scripts, style sheets and pages must come compressed: the build writes .br and .gz beside
 * them, except for the few files too small to gain from it.
 */
function uncompressed(v: Visit): string[] {
  const code = ['Script', 'Stylesheet', 'Document'];
  return v.transfers
    .filter((t) => code.includes(t.type) && t.encoding === 'identity' && !(t.length < 512))
    .map((t) => t.url);
}

/** Asserts a visit's weight, its stillness and that its code came compressed. */
function expectWithin(v: Visit, budget: number): void {
  expect(uncompressed(v), account(v)).toEqual([]);
  expect(v.bytes, account(v)).toBeLessThanOrEqual(budget);
  expect(v.cls, account(v)).toBeLessThanOrEqual(CLS_BUDGET);
}

describe('first load on a phone', () => {
  it(`/m (the home page, logged in) stays within ${PHONE_BUDGET / KB} kB`, async () => {
    const v = await visit('/m', (p) => p.getByTestId('mobile-greeting').waitFor(), {
      phone: true,
      as: 'employee',
    });
    expectWithin(v, PHONE_BUDGET);
  });

  it(`/m/hotline/new (filing an item) stays within ${PHONE_BUDGET / KB} kB`, async () => {
    const v = await visit('/m/hotline/new', (p) => p.getByTestId('new-form').waitFor(), {
      phone: true,
      as: 'employee',
    });
    expectWithin(v, PHONE_BUDGET);
  });

  it(`/m/self-check, closed to the public as it starts, stays within ${PHONE_BUDGET / KB} kB`, async () => {
    const v = await visit('/m/self-check', (p) => p.getByTestId('self-check-closed').waitFor(), {
      phone: true,
    });
    expectWithin(v, PHONE_BUDGET);
  });

  it(`/m/login stays within ${PHONE_BUDGET / KB} kB and holds still`, async () => {
    const v = await visit('/m/login', (p) => p.getByTestId('login-submit').waitFor(), { phone: true });
    expectWithin(v, PHONE_BUDGET);
  });

  describe('while the self-check is open to everyone', () => {
    let admin: APIRequestContext;
    let wasOpen = false;
    const setOpen = async (open: boolean) => {
      const res = await admin.get('/api/assessments/settings');
      const { updatedAt: _read, ...input } = (await res.json()) as TWellbeingSettings;
      const put = await admin.put('/api/assessments/settings', { data: { ...input, openToEveryone: open } });
      if (!put.ok()) throw new Error(`settings: ${put.status()} ${await put.text()}`);
    };
    beforeAll(async () => {
      admin = await apiAs(baseURL, 'admin');
      wasOpen = ((await (await admin.get('/api/assessments/settings')).json()) as TWellbeingSettings)
        .openToEveryone;
      await setOpen(true);
    });
    afterAll(async () => {
      await setOpen(wasOpen);
      await disposeApis();
    });

    // Its list of scales came after the invitation to employees, which jumped down (CLS 0.157).
    it(`/m/self-check with its scales stays within ${PHONE_BUDGET / KB} kB and holds still`, async () => {
      const v = await visit('/m/self-check', (p) => p.getByTestId('instrument-gad7').waitFor(), {
        phone: true,
      });
      expectWithin(v, PHONE_BUDGET);
    });

    it('/m/login holds still while the link to the self-check arrives', async () => {
      const v = await visit('/m/login', (p) => p.getByTestId('self-check-link').waitFor(), { phone: true });
      expectWithin(v, PHONE_BUDGET);
    });
  });
});

describe('first load on a desktop', () => {
  it(`the workbench after login stays within ${DESKTOP_BUDGET / KB} kB`, async () => {
    const v = await visit('/', (p) => p.getByTestId('workbench-greeting').waitFor(), { as: 'admin' });
    expectWithin(v, DESKTOP_BUDGET);
  });

  it(`/login stays within ${DESKTOP_BUDGET / KB} kB and holds still`, async () => {
    const v = await visit('/login', (p) => p.getByTestId('login-submit').waitFor());
    expectWithin(v, DESKTOP_BUDGET);
  });
});
