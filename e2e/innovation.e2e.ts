import type { TCycle, TPersonSummary, TProject } from '@lifeline/shared';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pick } from './antd.js';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
// Unique per run, so the journey finds its own project among the demo's.
const TITLE = `班组“微宣讲”创新实践（E2E ${Date.now().toString(36)}）`;

let cycle: TCycle;
let leader: TPersonSummary;
let member: TPersonSummary;
let projectId: number;

beforeAll(async () => {
  // The demo opens a fifth cycle whose declaration window includes today.
  const secretariat = await apiAs(baseURL, 'secretariat');
  const cycles = (await (await secretariat.get('/api/innovation/cycles')).json()) as TCycle[];
  const open = cycles.find((c) => c.phase === 'declaration');
  if (!open)
    throw new Error(`no cycle open for declaration: ${cycles.map((c) => `${c.name} ${c.phase}`).join(', ')}`);
  cycle = open;
  // Two people of the secretary's branch (S1-W1-B1) from the roster the secretary may search.
  const secretary = await apiAs(baseURL, 'secretary');
  const roster = (await (await secretary.get('/api/people?pageSize=50')).json()) as {
    items: TPersonSummary[];
  };
  const branch = roster.items.filter(
    (p) => p.unitName === '炼铁厂生产党支部' && p.employeeNo !== 'secretary',
  );
  [leader, member] = branch;
  if (!leader || !member) throw new Error('the demo branch has fewer than two people');
});

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

/** The project's state as its page shows it. */
async function stateOf(page: Page): Promise<string> {
  return ((await page.getByTestId('project-state').locator('.ant-tag').first().textContent()) ?? '').trim();
}

describe('innovation projects (real server, demo data)', () => {
  it('lets a branch secretary declare and submit a project, the secretariat pass it, and the secretary see it', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'secretary', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '创新课题' }).click();
    await page.waitForURL(`**/innovation?cycle=${cycle.id}`);
    await page.getByTestId('cycle-phase').getByText('申报阶段').waitFor();
    await page.getByText('正在受理申报').waitFor();

    await page.getByTestId('declare').click();
    await page.waitForURL('**/innovation/new?cycle=*');
    // The secretary declares for the one unit they may: their branch, chosen already.
    await page
      .locator('.ant-form-item')
      .filter({ hasText: '申报单位' })
      .getByText('炼铁厂生产党支部')
      .waitFor();

    // Sent empty, the form says what is missing before asking the server.
    await page.getByTestId('save-declaration').click();
    await page.getByText('请填写课题名称').waitFor();
    await page.getByText('请从花名册中选择课题负责人').waitFor();

    await page.locator('#declaration_title').fill(TITLE);
    await pick(page, 'declaration_category', '微创新');
    await pick(page, 'declaration_levelApplied', '支部级课题');
    await page.locator('#declaration_budgetYuan').fill('20000');
    await pick(page, 'declaration_leaderId', leader.name, { search: leader.employeeNo });
    await pick(page, 'declaration_teamIds', member.name, { search: member.employeeNo, multiple: true });
    await page.keyboard.press('Escape');
    await page
      .locator('#declaration_objectives')
      .fill('以班组为单元开展“微宣讲”，让理论学习进车间、到岗位。');
    await page
      .locator('#declaration_plan')
      .fill('一、组建宣讲队伍；二、每月一次班前宣讲；三、年底总结推广。');
    await page.getByTestId('add-milestone').click();
    await page.locator('#declaration_milestones_0_title').fill('组建宣讲队伍');
    await page.locator('#declaration_milestones_0_dueOn').fill('2027-03-31');
    // Leaving the date field keeps the typed date (Enter would send the whole form).
    await page.locator('#declaration_milestones_0_deliverable').click();
    await page.locator('#declaration_milestones_0_deliverable').fill('宣讲员名单');
    await screenshot(page, 'innovation-declare-zh.png');
    await page.getByTestId('save-declaration').click();

    await page.waitForURL(/\/innovation\/projects\/\d+$/);
    projectId = Number(page.url().split('/').pop());
    await page.getByTestId('project-title').getByText(TITLE).waitFor();
    expect(await stateOf(page)).toBe('草稿');
    await page.getByTestId('team').getByText(leader.name).waitFor();
    await page.getByTestId('team').getByText(member.name).waitFor();
    await page.getByTestId('milestones').getByText('组建宣讲队伍').waitFor();
    await page.getByTestId('project-overview').getByText('¥20,000').waitFor();

    // Exactly the actions the server offers: a draft in an open window can be submitted.
    await page.getByTestId('action-submit').click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: '提交申报' }).click();
    await page.getByTestId('project-state').getByText('待初审').waitFor();
    await expect.poll(() => page.locator('[data-testid^="action-"]').count()).toBe(0);
    await page.getByTestId('history').getByText('提交申报').waitFor();
    await screenshot(page, 'innovation-submitted-zh.png');

    // The secretariat finds it on the board's first-review queue and passes it.
    const staff = await newPage({ baseURL });
    await login(staff.page, baseURL, 'secretariat', DEMO_PASSWORD);
    await staff.page.goto('/innovation');
    await staff.page.locator('.ll-inno-nav').getByText('审核看板').click();
    await staff.page.waitForURL(`**/innovation/board?cycle=${cycle.id}`);
    await staff.page.getByTestId('board-counts').waitFor();
    const row = staff.page
      .getByTestId('queue-submitted')
      .locator('.ant-table-row')
      .filter({ hasText: TITLE });
    await row.getByTestId('action-pass').click();
    await screenshot(staff.page, 'innovation-board-zh.png');
    await staff.page.locator('.ant-modal-confirm').getByRole('button', { name: '通过初审' }).click();
    await row.waitFor({ state: 'detached' });
    expect(staff.errors).toEqual([]);

    // The secretary sees the new state and who passed it.
    await page.reload();
    await page.getByTestId('project-state').getByText('待审定').waitFor();
    await page.getByTestId('history').getByText('通过初审').waitFor();
    await page.getByTestId('history').getByText('许文静').waitFor();
    await screenshot(page, 'innovation-passed-zh.png');
    expect(errors).toEqual([]);

    const api = await apiAs(baseURL, 'secretary');
    const project = (await (await api.get(`/api/innovation/projects/${projectId}`)).json()) as TProject;
    expect(project.state).toBe('shortlisted');
    expect(project.budgetFen).toBe(2_000_000);
    expect(project.team.map((p) => p.id)).toEqual([member.id]);
    expect(project.leader.id).toBe(leader.id);
  });

  it('shows a project and the list at phone width without sideways scrolling', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'secretary', DEMO_PASSWORD);
    await page.goto(`/innovation/projects/${projectId}`);
    await page.getByTestId('project-title').getByText(TITLE).waitFor();
    await page.getByTestId('history').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'innovation-project-narrow-zh.png');
    await page.goto(`/innovation?cycle=${cycle.id}`);
    await page.getByTestId('projects-table').getByText(TITLE).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'innovation-list-narrow-zh.png');
    expect(errors).toEqual([]);
  });

  it('prints a declaration without the menu, the header and the buttons', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'secretary', DEMO_PASSWORD);
    await page.goto(`/innovation/projects/${projectId}`);
    await page.getByTestId('project-title').getByText(TITLE).waitFor();
    await page.getByTestId('print').waitFor();
    // The page's title is its one h1.
    expect(await page.locator('h1').count()).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await page.locator('.ll-sider').waitFor({ state: 'hidden' });
    expect(await page.locator('.ll-header').isVisible()).toBe(false);
    expect(await page.getByTestId('print').isVisible()).toBe(false);
    expect(await page.getByTestId('project-title').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'innovation-project-print-zh.png');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  });

  it('speaks English: the board and a project in the secretariat’s language', async () => {
    const { page, errors } = await newPage({ baseURL, locale: 'en' });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'secretariat', DEMO_PASSWORD);
    await page.goto(`/innovation/board?cycle=${cycle.id}`);
    await page.getByRole('menuitem', { name: 'Innovation projects' }).waitFor();
    await page.getByTestId('board-counts').getByText('Declared').waitFor();
    await page.getByRole('tab', { name: /First review/ }).waitFor();
    await screenshot(page, 'innovation-board-en.png');
    await page.goto(`/innovation/projects/${projectId}`);
    await page.getByTestId('project-state').getByText('Awaiting decision').waitFor();
    await page.getByTestId('history').getByText('Pass', { exact: true }).waitFor();
    await page.getByText('Supervision notes (0)').waitFor();
    await screenshot(page, 'innovation-project-en.png');
    expect(errors).toEqual([]);
  });
});
