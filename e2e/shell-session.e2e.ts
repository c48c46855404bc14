import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis, openAccount, unitByCode } from './demo.js';

/** The workbench entry of the menu (not 快线工作台, the hotline desk, whose name ends the same). */
const WORKBENCH = /(^|\s)工作台$/;

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
/** An initial password as an administrator would hand out; its holder must change it. */
const INITIAL = 'Initial-Pass-26';
/** Demo people without an account; each gets one with the initial password for one journey. */
const NEWCOMERS = { held: 'D000101', phone: 'D000102', desktop: 'D000103' } as const;
/** A hotline item the demo employee files about a unit of 板材公司, for its handler's workbench. */
const ITEM_TITLE = `更衣室热水不稳定（工作台 ${Date.now().toString(36)}）`;

beforeAll(async () => {
  const admin = await apiAs(baseURL, 'admin');
  for (const no of Object.values(NEWCOMERS)) await openAccount(admin, no, INITIAL);
  // The demo routes each company's items to itself: 板材公司's administrator handles this one.
  const concerned = await unitByCode(admin, 'S1-W1');
  const employee = await apiAs(baseURL, 'employee');
  const filed = await employee.post('/api/hotline/items', {
    multipart: {
      item: JSON.stringify({
        category: 'canteen',
        unitId: concerned.id,
        title: ITEM_TITLE,
        description: '早班下班时更衣室热水时有时无，希望检修热水器。',
        urgency: 'normal',
        visibility: 'named',
      }),
    },
  });
  if (!filed.ok()) throw new Error(`filing answered ${filed.status()}: ${await filed.text()}`);
});

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

// Logged-in journeys against the real server and its demo data (see global-setup.ts).
describe('platform shell (with a session)', () => {
  it('greets the user on the workbench with their unit, roles and what waits for them; a task leads where it is acted on', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByTestId('workbench-greeting').getByText('沈丽华', { exact: false }).waitFor();
    await page.getByText('所在单位：炼铁厂生产党支部').waitFor();
    await page.getByText('单位政工管理员 · 板材公司党委').waitFor();
    await page.getByRole('menuitem', { name: WORKBENCH }).waitFor();
    await page.getByRole('menuitem', { name: '组织机构' }).waitFor();
    // The item filed above waits to be accepted: counted, with its deadline and a way to act.
    const task = page.locator('[data-testid="workbench-task"][data-kind="hotline.accept"]');
    await task.getByText('待受理的快线诉求', { exact: true }).waitFor();
    expect(Number(await task.getByTestId('workbench-task-count').textContent())).toBeGreaterThan(0);
    await task.getByText(/最近截止：.*（.*）/).waitFor();
    await screenshot(page, 'desktop-workbench-zh.png');

    await page.getByTestId('language-switch').click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Unit political-work administrator · 板材公司党委').waitFor();
    await page.getByRole('menuitem', { name: 'Workbench' }).waitFor();
    await page.getByRole('menuitem', { name: 'Organisation' }).waitFor();
    await task.getByText('Hotline items to accept', { exact: true }).waitFor();
    await screenshot(page, 'desktop-workbench-en.png');

    // One click lands where the item is accepted: the item itself, or the desk of items to accept.
    const link = task.getByTestId('workbench-task-link');
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/hotline(\/items\/\d+|\?state=submitted)$/);
    await link.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === href);
    await page.getByText(ITEM_TITLE).first().waitFor();
    // The shell says where we are, and leads back to the workbench.
    const crumbs = page.getByTestId('breadcrumbs');
    await crumbs.getByText('Hotline desk').waitFor();
    await crumbs.getByRole('link', { name: 'Workbench' }).click();
    await page.getByTestId('workbench-greeting').waitFor();
    expect(errors).toEqual([]);
  });

  it('gives an employee without a management role the phone pages as a QR code and a link', async () => {
    const { page } = await newPage({ baseURL });
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/');
    const phone = page.getByTestId('workbench-phone');
    await phone.getByRole('img', { name: '手机端二维码' }).waitFor();
    expect(await phone.getByTestId('workbench-phone-link').getAttribute('href')).toBe('/m');
    // What they did lately: the item filed above, by the audit trail's labels.
    await page
      .getByTestId('workbench-activity')
      .getByText(/快线事项 #\d+/)
      .first()
      .waitFor();
    await screenshot(page, 'desktop-workbench-employee-zh.png');
    expect(await page.getByRole('menuitem', { name: '人员' }).count()).toBe(0);
    // A module's address without its permission answers 403 in the shell.
    await page.goto('/people');
    await page.getByText('无权访问').waitFor();
  });

  it('shows a 404 page for an unknown path', async () => {
    const { page } = await newPage({ baseURL });
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/no-such-page');
    await page.getByTestId('not-found').getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('button', { name: '返回首页' }).waitFor();
    await screenshot(page, 'desktop-404-zh.png');
  });

  it('holds a user with a temporary password on the change-password page', async () => {
    const { page } = await newPage({ baseURL });
    await login(page, baseURL, NEWCOMERS.held, INITIAL);
    await page.goto('/');
    await page.waitForURL('**/profile/password?next=%2F');
    await page.getByText('需要先设置新密码').waitFor();
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByText('太短：至少需要 10 个字符').waitFor();
    expect(await page.getByRole('menuitem', { name: WORKBENCH }).count()).toBe(0);
    await screenshot(page, 'desktop-password-zh.png');
  });

  it('keeps the desktop shell usable at phone width, with the menu in a drawer', async () => {
    const { page } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByTestId('workbench-greeting').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('open-menu').click();
    await page.getByRole('menuitem', { name: WORKBENCH }).waitFor();
    await screenshot(page, 'desktop-narrow-menu-zh.png');
    await page.getByRole('menuitem', { name: WORKBENCH }).click();
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/login');
  });

  it('shows the mobile home and "me" pages to an employee', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m');
    await page.getByTestId('mobile-greeting').waitFor();
    await page.getByRole('link', { name: '创新公示' }).waitFor();
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    await screenshot(page, 'mobile-home-zh.png');

    await page.getByRole('link', { name: '我的' }).click();
    await page.waitForURL('**/m/me');
    await page.getByText('冷轧厂生产党支部').first().waitFor();
    await screenshot(page, 'mobile-me-zh.png');

    await page.goto('/m/no-such-page');
    await page.getByTestId('not-found').getByText('页面不存在', { exact: true }).waitFor();
    await page.getByRole('link', { name: '返回首页' }).click();
    await page.getByTestId('mobile-greeting').waitFor();
    expect(errors).toEqual([]);
  });

  it('makes a phone user with a temporary password change it first', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, NEWCOMERS.phone, INITIAL);
    await page.goto('/m/me');
    await page.waitForURL('**/m/password?next=%2Fm%2Fme');
    await page.getByLabel('当前密码').fill('Not-The-Password-1');
    await page.getByLabel('新密码', { exact: true }).fill('Lifeline-2025');
    await page.getByLabel('确认新密码').fill('Lifeline-2025');
    await page.getByRole('button', { name: '修改密码' }).click();
    // The server answers 400 naming the field; the session survives.
    await page.getByText('当前密码不正确。').waitFor();

    await page.getByLabel('当前密码').fill(INITIAL);
    await page.getByLabel('新密码', { exact: true }).fill(`My-${NEWCOMERS.phone}-x`);
    await page.getByLabel('确认新密码').fill(`My-${NEWCOMERS.phone}-x`);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('不能包含工号、手机号或姓名', { exact: true }).waitFor();
    await screenshot(page, 'mobile-password-zh.png');

    await page.getByLabel('新密码', { exact: true }).fill('Lifeline-2025');
    await page.getByLabel('确认新密码').fill('Lifeline-2025');
    await page.getByRole('button', { name: '修改密码' }).click();
    // The lasting result (the page it returns to), not the passing toast that says so.
    await page.waitForURL('**/m/me');
    expect(errors).toEqual([]);
  });

  it('lets a desktop user change the password and go on', async () => {
    const { page } = await newPage({ baseURL });
    await login(page, baseURL, NEWCOMERS.desktop, INITIAL);
    await page.goto('/');
    await page.waitForURL('**/profile/password?next=%2F');
    await page.getByLabel('当前密码').fill('Not-The-Password-1');
    await page.getByLabel('新密码', { exact: true }).fill('Lifeline-2025');
    await page.getByLabel('确认新密码').fill('Lifeline-2025');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('alert').getByText('当前密码不正确。').waitFor();

    await page.getByLabel('当前密码').fill(INITIAL);
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByTestId('workbench-greeting').waitFor();
    await page.getByRole('menuitem', { name: WORKBENCH }).waitFor();
    // The user menu leads back to the password page.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: '修改密码' }).click();
    await page.waitForURL('**/profile/password');
  });
});
