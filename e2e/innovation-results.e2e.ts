import type { TCycle, TProjectScore } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The texts of the cells of the statistics row of a cycle (by its name). */
async function statsRow(page: Page, cycleName: string): Promise<string[]> {
  const row = page.locator('.ant-table-tbody tr').filter({ hasText: cycleName });
  await row.first().waitFor();
  return (await row.first().locator('td').allTextContents()).map((s) => s.trim());
}

/**
 * Assigns the demo expert, as the secretariat would, to a completed 4th-cycle project they do
 * not review yet, so that the journey has an open assignment and a notification about it.
 */
async function assignExpert(): Promise<TProjectScore> {
  const secretariat = await apiAs(baseURL, 'secretariat');
  const expert = await apiAs(baseURL, 'expert');
  const mine = await json<{ projectId: number }[]>(await expert.get('/api/innovation/reviews'));
  const me = await json<{ person: { id: number } }>(await expert.get('/api/me'));
  const cycles = await json<TCycle[]>(await secretariat.get('/api/innovation/cycles'));
  const fourth = cycles.find((c) => c.number === 4);
  if (!fourth) throw new Error('no 4th cycle in the demo data');
  const board = await json<{ projects: TProjectScore[] }>(
    await secretariat.get(`/api/innovation/cycles/${fourth.id}/evaluation`),
  );
  for (const p of board.projects.filter((x) => !mine.some((m) => m.projectId === x.projectId))) {
    const res = await secretariat.post(`/api/innovation/projects/${p.projectId}/reviewers`, {
      data: { reviewerIds: [me.person.id] },
    });
    if (res.status() === 201 && (await res.json()).assigned === 1) return p;
  }
  throw new Error('no completed project left to assign the expert to');
}

describe('innovation evaluation and awards (real server, demo data)', () => {
  it('shows the leader the 4th cycle: 45 declared, 36 approved (7 / 20 / 9), 80%, the most ever', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'leader', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '评选表彰' }).click();
    await page.getByRole('tab', { name: '统计分析' }).click();
    await page.waitForURL('**/innovation-results/stats');

    // The table, cycle by cycle: name, declared, approved (with "most ever"), by level, rate.
    const cells = await statsRow(page, '第四届');
    expect(cells[1]).toBe('45');
    expect(cells[2]).toContain('36');
    expect(cells[2]).toContain('历届最多');
    expect(cells.slice(3, 6)).toEqual(['7', '20', '9']);
    expect(cells[6]).toBe('80%');
    // The headline card shows the newest decided cycle, which is the 4th (the 5th is open).
    const latest = page.getByTestId('stats-latest');
    await expect.poll(() => latest.textContent()).toContain('第四届');
    const headline = (await latest.textContent()) ?? '';
    for (const figure of ['45', '36', '7 / 20 / 9', '80%', '历届最多']) expect(headline).toContain(figure);
    // The charts are drawn (ECharts, loaded with this page only).
    await expect.poll(() => page.locator('.ll-chart canvas').count()).toBeGreaterThanOrEqual(2);

    // The article's 65 results commended over five years: the conferences of 2021–2025.
    await page.goto('/innovation-results/stats?from=2021&to=2025');
    await expect.poll(() => page.getByTestId('stats-commended').textContent()).toContain('65');
    await screenshot(page, 'innovation-stats-leader.png');
    expect(errors).toEqual([]);
  });

  it('lets the expert score an assigned project blind, submit, and only then see the other reviews', async () => {
    const project = await assignExpert();
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'expert', DEMO_PASSWORD);
    await page.goto('/');

    // The bell says what was assigned; its notice leads to "my reviews".
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/[1-9]\d* 条未读/);
    await bell.click();
    const notice = page.getByTestId('notification-list').getByRole('button', { name: project.code });
    await expect.poll(() => notice.textContent()).toContain(`请评审课题 ${project.code}`);
    await notice.click();
    await page.waitForURL('**/innovation-reviews');
    await page.getByRole('menuitem', { name: '评审打分' }).waitFor();

    await page.locator('.ant-table-tbody tr').filter({ hasText: project.code }).getByRole('button').click();
    await page.waitForURL(/\/innovation-reviews\/\d+$/);
    const reviewId = Number(page.url().split('/').pop());
    await page.getByTestId('review-project-title').waitFor();
    expect(await page.getByTestId('review-project-title').textContent()).toBe(project.title);
    // Blind: nothing of the other reviewers before submitting.
    expect(await page.getByTestId('other-reviews').count()).toBe(0);

    const scores: [string, number][] = [
      ['政治性', 88],
      ['创新性', 91],
      ['实效性', 84],
      ['示范性', 86],
    ];
    for (const [name, score] of scores)
      await page.getByRole('spinbutton', { name: `${name}得分` }).fill(String(score));
    await page.getByRole('spinbutton', { name: '示范性得分' }).press('Tab');
    // Equal weights: the live total is the mean, as the server computes it.
    await expect.poll(() => page.getByTestId('live-total').textContent()).toContain('87.25');
    await page.getByLabel('推荐', { exact: true }).check();
    await page.getByPlaceholder('对课题成果的总体评价（可选）').fill('机制创新明显，具有推广价值。');
    await page.getByTestId('submit-review').click();
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('87.25');
    await confirm.getByRole('button', { name: '提交评审' }).click();

    // Submitted and final: now the other reviewers' reviews are shown.
    const others = page.getByTestId('other-reviews');
    await others.waitFor();
    const expert = await apiAs(baseURL, 'expert');
    const review = await json<{ state: string; total: number; others: unknown[] }>(
      await expert.get(`/api/innovation/reviews/${reviewId}`),
    );
    expect(review.state).toBe('submitted');
    expect(review.total).toBe(87.25);
    expect(review.others.length).toBeGreaterThan(0);
    await expect
      .poll(() => others.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBe(review.others.length);
    expect(await page.getByTestId('submit-review').count()).toBe(0);
    await screenshot(page, 'innovation-review-submitted.png');
    expect(errors).toEqual([]);
  });

  it('works at phone width in English: the statistics fit the screen', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE, locale: 'en-GB' });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'secretariat', DEMO_PASSWORD);
    await page.goto('/innovation-results/stats');
    await page.getByRole('heading', { name: 'Evaluation and awards' }).waitFor();
    const cells = await statsRow(page, '第四届');
    expect(cells[1]).toBe('45');
    expect(cells[2]).toContain('Most ever');
    expect(cells[6]).toBe('80%');
    // The headline waits for the cycles' phases (until then no cycle is the newest decided one).
    await expect.poll(() => page.getByTestId('stats-latest').textContent()).toContain('7 / 20 / 9');
    // Wide tables scroll inside their card; the page itself does not scroll sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByTestId('notification-bell').waitFor();
    await screenshot(page, 'innovation-stats-phone-en.png');
    expect(errors).toEqual([]);
  });
});
