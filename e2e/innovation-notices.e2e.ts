import { DEFAULT_RUBRIC, type TCycle, type TMe, type ZAwardsView } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import type { z } from 'zod';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
type TAwardsView = z.infer<typeof ZAwardsView>;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A day relative to today in Shanghai, as the server counts business days. */
function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', {
    timeZone: 'Asia/Shanghai',
  });
}

/** A day as the phone pages write it (e.g. 2026年5月12日, May 12, 2026). */
function longDate(value: string, lang: string): string {
  return new Date(`${value}T00:00:00Z`).toLocaleDateString(lang, {
    timeZone: 'UTC',
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}

/** Watches a phone page: no request may fetch the antd chunk (checked with `noAntd`). */
function watchAntd(page: Page): string[] {
  const antd: string[] = [];
  page.on('request', (r) => {
    if (/antd/.test(r.url())) antd.push(r.url());
  });
  return antd;
}

async function noAntd(page: Page, antd: string[]): Promise<void> {
  expect(antd).toEqual([]);
  expect(await page.locator('[class*="ant-"]').count()).toBe(0);
}

/**
 * Awards in publicity to object to. The demo's past cycles are final and its open cycle has no
 * completed project, so a small cycle is run through the API as the people would: the
 * secretariat opens it (every window already begun, so it is not "open for declaration" to the
 * other journeys), the demo branch secretary declares and submits, the secretariat passes it,
 * the leader approves it in a meeting, the secretary completes it, and the secretariat proposes
 * a first prize and starts a week of publicity.
 */
async function awardsInPublicity(): Promise<{
  cycleId: number;
  number: number;
  cycleName: string;
  projectCode: string;
}> {
  const secretariat = await apiAs(baseURL, 'secretariat');
  const secretary = await apiAs(baseURL, 'secretary');
  const leader = await apiAs(baseURL, 'leader');
  const cycles = await json<TCycle[]>(await secretariat.get('/api/innovation/cycles'));
  const fourth = cycles.find((c) => c.number === 4);
  if (!fourth) throw new Error('no 4th cycle in the demo data');
  const number =
    Math.max(...cycles.filter((c) => c.ownerUnitId === fourth.ownerUnitId).map((c) => c.number)) + 1;
  const cycleName = `E2E${number}届`;
  const window = { from: day(-30), to: day(0) };
  const cycle = await json<TCycle>(
    await secretariat.post('/api/innovation/cycles', {
      data: {
        number,
        name: cycleName,
        // A year long past, so that this extra cycle never becomes the newest decided cycle that
        // the statistics (read by other journeys on the same server) put in their headline.
        startYear: 2010,
        ownerUnitId: fourth.ownerUnitId,
        windows: {
          declaration: window,
          review: window,
          decision: window,
          implementation: window,
          evaluation: window,
        },
        levels: [{ level: 'branch', quota: null, minFundingFen: null, maxFundingFen: null }],
        rubric: DEFAULT_RUBRIC,
        awardTiers: [{ tier: 'first', amountFen: 5_000_000, count: 1 }],
      },
    }),
  );

  const me = await json<TMe>(await secretary.get('/api/me'));
  const branch = me.roles.find((r) => r.role === 'branch_secretary');
  if (!branch) throw new Error('the demo secretary holds no branch');
  let project = await json<{ id: number; code: string; version: number }>(
    await secretary.post('/api/innovation/projects', {
      data: {
        cycleId: cycle.id,
        unitId: branch.unitId,
        title: '班组安全宣讲微创新（E2E）',
        category: 'micro',
        levelApplied: 'branch',
        leaderId: me.person.id,
        budgetFen: 200_000,
        milestones: [{ title: '完成宣讲', dueOn: day(30), deliverable: '宣讲记录' }],
      },
    }),
  );
  const act = async (api: APIRequestContext, action: string, comment?: string) => {
    project = await json(
      await api.post(`/api/innovation/projects/${project.id}/transitions`, {
        data: { action, version: project.version, comment },
      }),
    );
  };
  await act(secretary, 'submit');
  await act(secretariat, 'pass');
  const leaderMe = await json<TMe>(await leader.get('/api/me'));
  const meeting = await json<{ id: number }>(
    await leader.post(`/api/innovation/cycles/${cycle.id}/meetings`, {
      data: { heldOn: day(0), memberIds: [leaderMe.person.id], minutes: '研究审定（E2E）' },
    }),
  );
  await json(
    await leader.post(`/api/innovation/meetings/${meeting.id}/decisions`, {
      data: {
        projectId: project.id,
        outcome: 'approve',
        level: 'branch',
        fundingFen: 200_000,
        version: project.version,
      },
    }),
  );
  project = await json(await secretary.get(`/api/innovation/projects/${project.id}`));
  await act(secretary, 'complete', '形成宣讲案例一份');

  const fresh = await json<TCycle>(await secretariat.get(`/api/innovation/cycles/${cycle.id}`));
  const draft = await json<TAwardsView>(
    await secretariat.put(`/api/innovation/cycles/${cycle.id}/awards`, {
      data: { awards: [{ projectId: project.id, tier: 'first' }], version: fresh.version },
    }),
  );
  await json(
    await secretariat.post(`/api/innovation/cycles/${cycle.id}/awards/publish`, {
      data: { publicityEndsOn: day(7), version: draft.version },
    }),
  );
  return { cycleId: cycle.id, number, cycleName, projectCode: project.code };
}

describe('innovation notices on a phone (real server, demo data)', () => {
  it("shows an employee the 4th cycle's approved list and conference commendations", async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(page);
    await page.goto('/m/login');
    await page.getByLabel('工号或手机号').fill('employee');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByTestId('mobile-greeting').waitFor();
    await screenshot(page, 'mobile-home-tiles-zh.png');

    await page.getByRole('link', { name: '创新公示' }).click();
    await page.waitForURL('**/m/innovation');
    const fourth = page.getByTestId('cycle-4');
    await fourth.getByRole('heading', { name: '第四届创新课题' }).waitFor();
    await fourth.getByTestId('notice-approved').getByText('立项名单').waitFor();
    await fourth.getByTestId('notice-awards').getByText('奖励结果').waitFor();
    await fourth.getByTestId('notice-conference').getByText('第四届思想政治工作创新大会').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'mobile-innovation-notices-zh.png');

    // The conference: 24 results, 5 teams and 8 individuals, in that order.
    await fourth.getByTestId('notice-conference').click();
    await page.waitForURL(/\/m\/innovation\/cycles\/\d+\/conference$/);
    await page.getByRole('heading', { name: '优秀成果（24）' }).waitFor();
    await page.getByRole('heading', { name: '优秀创新团队（5）' }).waitFor();
    await page.getByRole('heading', { name: '优秀个人（8）' }).waitFor();
    const headings = await page.locator('.m-in-group h3').allTextContents();
    expect(headings).toEqual(['优秀成果（24）', '优秀创新团队（5）', '优秀个人（8）']);
    await screenshot(page, 'mobile-innovation-conference-zh.png');

    // Back to the list, then the approved list: 36 projects (7 / 20 / 9), funding in yuan.
    await page.getByRole('link', { name: '创新公示' }).first().click();
    await page.waitForURL('**/m/innovation');
    await page.getByTestId('cycle-4').getByTestId('notice-approved').click();
    await page.waitForURL(/\/m\/innovation\/cycles\/\d+\/approved$/);
    await page.getByTestId('approved-count').getByText('共 36 项课题立项').waitFor();
    await page.getByText('公司级重点课题 7').waitFor();
    await page.getByText('厂级课题 20').waitFor();
    await page.getByText('支部级课题 9').waitFor();
    const first = page.getByTestId('approved-list').locator('li').first();
    expect(await first.textContent()).toMatch(/资助经费¥[\d,]+/);
    await screenshot(page, 'mobile-innovation-approved-zh.png');
    await noAntd(page, antd);
    expect(errors).toEqual([]);
  });

  it('lets an employee object to awards in publicity and read the answer from the inbox', async () => {
    const { cycleId, number, cycleName, projectCode } = await awardsInPublicity();
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(page);
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m/innovation');
    const card = page.getByTestId(`cycle-${number}`);
    await card.getByText(`公示中，截止 ${longDate(day(7), 'zh-CN')}`).waitFor();
    await screenshot(page, 'mobile-innovation-publicity-zh.png');
    await card.getByTestId('notice-awards').click();
    await page.waitForURL(`**/m/innovation/cycles/${cycleId}/awards`);

    const award = page.getByTestId(`award-${projectCode}`);
    await award.getByText('一等奖').waitFor();
    await award.getByText('¥50,000').waitFor();
    await award.getByRole('button', { name: '对此奖项提出异议' }).click();
    // Too short: the form says so before asking the server.
    await award.getByLabel('异议内容').fill('不对');
    await award.getByRole('button', { name: '提交异议' }).click();
    await award.getByRole('alert').getByText('异议内容至少需要 5 个字').waitFor();
    const text = '该课题的宣讲记录与其他支部的材料相同，请核实成果的原创性。';
    await award.getByLabel('异议内容').fill(text);
    await award.getByRole('button', { name: '提交异议' }).click();
    await award.getByText('异议已提交，秘书处答复后会通知您。').waitFor();
    const objection = award.getByTestId('objection').filter({ hasText: text });
    await objection.getByText('待答复').waitFor();
    await screenshot(page, 'mobile-innovation-objection-zh.png');

    // The secretariat answers; the objector is notified with a link to this page.
    const secretariat = await apiAs(baseURL, 'secretariat');
    const view = await json<TAwardsView>(await secretariat.get(`/api/innovation/cycles/${cycleId}/awards`));
    const lodged = view.awards.flatMap((a) => a.objections).find((o) => o.text === text);
    expect(lodged?.lodgedBy).toBe('王小军');
    const answer = '经核实，宣讲记录为该支部原创，维持原奖项。';
    const answered = await secretariat.post(`/api/innovation/objections/${lodged?.id}/answer`, {
      data: { answer },
    });
    expect(answered.status()).toBe(204);

    await page.goto('/m');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/通知，\d+ 条未读/);
    await bell.click();
    await page.waitForURL('**/m/notifications');
    const notice = page.getByRole('button', { name: `您对${cycleName}奖励公示提出的异议已答复` });
    await notice.waitFor();
    await screenshot(page, 'mobile-notifications-zh.png');
    await notice.click();
    await page.waitForURL(`**/m/innovation/cycles/${cycleId}/awards`);
    const answeredObjection = page.getByTestId(`award-${projectCode}`).getByTestId('objection');
    await answeredObjection.getByText(answer).waitFor();
    expect(await answeredObjection.getByText('待答复').count()).toBe(0);
    await screenshot(page, 'mobile-innovation-answered-zh.png');

    // The same page in English.
    await page.getByTestId('language-switch').click();
    await page.getByText(`Under public notice until ${longDate(day(7), 'en')}`).waitFor();
    await page.getByTestId(`award-${projectCode}`).getByText('First prize').waitFor();
    await page.getByText('Answer', { exact: true }).waitFor();
    await screenshot(page, 'mobile-innovation-answered-en.png');
    await page.goto('/m/notifications');
    await page
      .getByRole('button', { name: `Your objection to the awards of the ${cycleName} has been answered` })
      .waitFor();
    await screenshot(page, 'mobile-notifications-en.png');

    await noAntd(page, antd);
    expect(errors).toEqual([]);
  });
});
