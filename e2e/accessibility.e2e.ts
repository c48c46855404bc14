import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS_DIR, closeBrowser, login, newPage } from './browser.js';
import { DEMO_PASSWORD } from './demo.js';

// axe-core on the main pages of each module, desktop and phone, in Chinese: no violation of
// impact serious or critical, every page with an h1, no empty table header, side-menu items
// named by their labels alone (issue #12). Each page is loaded once and checked when its content
// has settled. The counts of each run go to e2e/artifacts/accessibility.json; bench/README.md
// keeps them with their dates.
const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const FAILING_IMPACTS: readonly ImpactValue[] = ['serious', 'critical'];
/** Lesser findings that issue #12 names, which must not come back either. */
const FAILING_RULES = ['page-has-heading-one', 'empty-table-header'];

/** What one page gave: its violations by impact, and the ones that fail the test, described. */
type Check = {
  path: string;
  as: string;
  counts: Record<string, number>;
  /** Nodes per rule that failed, whatever its impact. */
  rules: Record<string, number>;
  failures: string[];
  /** Every failing element, with the colours axe measured for a contrast failure. */
  nodes: string[];
  ms: { load: number; axe: number };
};
const checks: Check[] = [];

afterAll(async () => {
  await closeBrowser();
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  writeFileSync(path.join(ARTIFACTS_DIR, 'accessibility.json'), `${JSON.stringify(checks, null, 2)}\n`);
  const total = (impact: string) => checks.reduce((n, c) => n + (c.counts[impact] ?? 0), 0);
  console.log(
    `axe on ${checks.length} pages: ${['critical', 'serious', 'moderate', 'minor'].map((i) => `${i} ${total(i)}`).join(', ')} (nodes)`,
  );
});

/** A violation as a failure message: rule, help, impact and the first few elements. */
function describeViolation(v: Result): string {
  const targets = v.nodes.slice(0, 4).map((n) => `    ${n.target.join(' ')}`);
  const more = v.nodes.length > 4 ? [`    … and ${v.nodes.length - 4} more`] : [];
  return [`  ${v.id} (${v.impact}, ${v.nodes.length} nodes): ${v.help}`, ...targets, ...more].join('\n');
}

/**
 * Waits until the page has settled: `ready` shows, nothing is loading (spinners, skeletons,
 * busy regions) and no finite animation runs (an element fading in has a lower contrast).
 */
async function settle(page: Page, ready: (page: Page) => Promise<unknown>): Promise<void> {
  await ready(page);
  await page.waitForFunction(
    () =>
      !document.querySelector('.ant-spin-spinning, .ant-skeleton-active, [aria-busy="true"]') &&
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
}

/** Loads axe into the page and runs it on the whole document. */
async function runAxe(page: Page): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(
      document,
      { resultTypes: ['violations'] },
    ),
  );
}

/** What one page is: its address, what shows when its content is there, and any further check. */
type Visit = [
  pathname: string,
  ready: (page: Page) => Promise<unknown>,
  also?: (page: Page) => Promise<void>,
];

/** Opens `pathname` (once), waits for its content, runs axe and records what it found. */
async function check(page: Page, as: string, [pathname, ready, also]: Visit): Promise<string[]> {
  const started = Date.now();
  await page.goto(pathname);
  await settle(page, ready);
  const loaded = Date.now();
  const { violations } = await runAxe(page);
  const ms = { load: loaded - started, axe: Date.now() - loaded };
  const counts: Record<string, number> = {};
  const rules: Record<string, number> = {};
  for (const v of violations) {
    counts[v.impact ?? 'none'] = (counts[v.impact ?? 'none'] ?? 0) + v.nodes.length;
    rules[`${v.id} (${v.impact})`] = v.nodes.length;
  }
  const failing = violations.filter(
    (v) => (v.impact && FAILING_IMPACTS.includes(v.impact)) || FAILING_RULES.includes(v.id),
  );
  const failures = failing.map(describeViolation);
  const nodes = failing.flatMap((v) =>
    v.nodes.map((n) => {
      const c = n.any.find((r) => r.id === 'color-contrast')?.data as
        | { fgColor: string; bgColor: string; contrastRatio: number }
        | undefined;
      const colours = c ? ` ${c.fgColor} on ${c.bgColor} ${c.contrastRatio}:1` : '';
      return `${v.id}: ${n.target.join(' ')}${colours}`;
    }),
  );
  checks.push({ path: pathname, as, counts, rules, failures, nodes, ms });
  await also?.(page);
  return failures.length ? [`axe on ${pathname} as ${as}:\n${failures.join('\n')}`] : [];
}

/**
 * One test per user and group of pages, in a page of its own logged in once (through the API);
 * the groups run side by side, the pages of a group one after the other.
 */
function pages(loginName: string | null, visits: Visit[], options: { phone?: boolean } = {}) {
  const who = loginName ?? 'visitor';
  it(`${visits.map(([p]) => p).join(', ')} as ${who}`, async () => {
    const { page } = await newPage({ baseURL, ...(options.phone ? PHONE : {}) });
    if (loginName) await login(page, baseURL, loginName, DEMO_PASSWORD);
    const failures: string[] = [];
    for (const visit of visits) failures.push(...(await check(page, who, visit)));
    await page.context().close();
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
}

/** A desktop page's content: its one h1 (the page header) and, when given, something more. */
const h1 =
  (more?: (page: Page) => Promise<unknown>) =>
  async (page: Page): Promise<void> => {
    await page.locator('.ll-content h1').waitFor();
    await more?.(page);
  };
const rows = (page: Page) => page.locator('.ant-table-row').first().waitFor();
const testId = (id: string) => (page: Page) => page.getByTestId(id).first().waitFor();
const first = (selector: string) => (page: Page) => page.locator(selector).first().waitFor();

/** Each item of the side menu is named by its label alone, not also by its icon ("team 人员"). */
async function menuNamedByLabels(page: Page): Promise<void> {
  const menu = page.getByRole('menu', { name: '主菜单' });
  const labels = await menu
    .getByRole('menuitem')
    .evaluateAll((items) => items.map((i) => i.textContent ?? ''));
  expect(labels.length).toBeGreaterThan(5);
  const snapshot = await menu.ariaSnapshot();
  for (const label of labels) expect(snapshot, snapshot).toContain(`menuitem "${label}"`);
}

describe.concurrent('desktop pages have no serious axe violations', () => {
  pages(null, [['/login', testId('login-submit')]]);
  pages('admin', [
    ['/', testId('workbench-greeting'), menuNamedByLabels],
    ['/org-units', h1(first('[data-unit-code]'))],
    ['/people', h1(rows)],
    ['/roles', h1(rows)],
  ]);
  pages('admin', [
    ['/calendar', h1(first('[data-day]'))],
    ['/wellbeing/settings', h1()],
    ['/wellbeing/scales', h1(rows)],
  ]);
  pages('unitadmin', [
    ['/people/import', h1()],
    ['/wellbeing/stats', h1()],
  ]);
  pages('secretariat', [
    ['/innovation', h1(rows)],
    ['/innovation-results/stats', h1(testId('stats-approved'))],
  ]);
  pages('expert', [['/innovation-reviews', h1()]]);
  pages('leader', [['/innovation/meetings', h1()]]);
  pages('hotline', [
    ['/hotline', h1(rows)],
    ['/hotline/settings', h1()],
    ['/hotline/stats', h1()],
  ]);
  pages('auditor', [['/audit', h1(rows)]]);
});

describe.concurrent('phone pages have no serious axe violations', () => {
  pages(
    null,
    [
      ['/m/login', testId('login-submit')],
      ['/m/self-check', testId('self-check-closed')],
    ],
    { phone: true },
  );
  pages(
    'employee',
    [
      ['/m', testId('mobile-greeting')],
      ['/m/me', first('.m-main section')],
      ['/m/notifications', first('.m-main > *')],
      ['/m/hotline', first('.m-main section')],
    ],
    { phone: true },
  );
  pages(
    'employee',
    [
      ['/m/hotline/new', testId('new-form')],
      ['/m/wellbeing', testId('instrument-gad7')],
      ['/m/counselling', first('.m-main section')],
      ['/m/innovation', first('.m-main section')],
    ],
    { phone: true },
  );
});
