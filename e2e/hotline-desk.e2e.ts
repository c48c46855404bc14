import type {
  THotlineFiled,
  THotlineItem,
  THotlineMine,
  THotlineSettings,
  THotlineStats,
  TRoutingRule,
  TUnitChannels,
} from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exactly, pick, startingWith } from './antd.js';
import { closeBrowser, login, newPage, screenshot, toast } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis, unitByCode } from './demo.js';

const baseURL = inject('baseURL');
// Unique per run, so the journey finds its own item among the others.
const RUN = Date.now().toString(36);
const TITLE = `食堂午餐排队太久（E2E ${RUN}）`;
const NOTE = `内部：已联系食堂管理科核实高峰时段人手（${RUN}）`;
const ANSWER = `经核实，自下周一起午餐高峰增开两个窗口。感谢反映！（${RUN}）`;
// A valid 1×1 PNG, so the item carries a photo the page shows as a thumbnail.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

let admin: APIRequestContext;
let handler: APIRequestContext;
let employee: APIRequestContext;
let s1: { id: number; name: string };
let createdRule: number | null = null;
let itemId: number;
let itemCode: string;
let secondId: number;
let handlingUnitName: string;

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  admin = await apiAs(baseURL, 'admin');
  handler = await apiAs(baseURL, 'unitadmin');
  employee = await apiAs(baseURL, 'employee');
  // The unit administrator of 板材公司 (S1) handles what is routed into S1's subtree: the demo
  // routes each company's and each works' items to itself; without such a rule, one is added.
  const unit = await unitByCode(admin, 'S1');
  s1 = { id: unit.id, name: unit.name };
  const rules = await json<TRoutingRule[]>(await admin.get('/api/hotline/routing-rules'));
  if (!rules.some((r) => r.unit.id === s1.id && (r.category === 'canteen' || r.category === null))) {
    const rule = await json<TRoutingRule>(
      await admin.post('/api/hotline/routing-rules', {
        data: { category: 'canteen', unitId: s1.id, handlingUnitId: s1.id },
      }),
    );
    createdRule = rule.id;
  }
  // The demo employee (of another company) reports, confidentially, about a unit of S1.
  const concerned = await unitByCode(admin, 'S1-W1');
  const filed = await json<THotlineFiled>(
    await employee.post('/api/hotline/items', {
      multipart: {
        item: JSON.stringify({
          category: 'canteen',
          unitId: concerned.id,
          title: TITLE,
          description: '午餐高峰时段只开两个窗口，排队常超过二十分钟，影响午休。希望增加窗口或错峰就餐。',
          urgency: 'normal',
          visibility: 'confidential',
          publishConsent: false,
        }),
        photo: { name: 'queue.png', mimeType: 'image/png', buffer: PNG },
      },
    }),
  );
  itemId = filed.id;
  itemCode = filed.code;
  // The handler sees it (a 404 here means the routing sent it out of S1's subtree).
  handlingUnitName = (await json<THotlineItem>(await handler.get(`/api/hotline/items/${itemId}`)))
    .handlingUnit.name;
  // A second, named item, which the handler passes on to the reporter's own company.
  const second = await json<THotlineFiled>(
    await employee.post('/api/hotline/items', {
      multipart: {
        item: JSON.stringify({
          category: 'canteen',
          unitId: concerned.id,
          title: `班车食堂餐券无法使用（E2E ${RUN}）`,
          description: '北营公司职工到板材公司食堂就餐，餐券无法刷卡，需由北营公司统一协调办理。',
          urgency: 'normal',
          visibility: 'named',
        }),
      },
    }),
  );
  secondId = second.id;
});

afterAll(async () => {
  if (createdRule !== null)
    await admin.delete(`/api/hotline/routing-rules/${createdRule}`).catch(() => undefined);
  await disposeApis();
  await closeBrowser();
});

/**
 * A moment as the hotline shows it in Chinese: its Beijing date and time (2026/12/08 10:05),
 * worked out from the instant itself (UTC+8, no daylight saving) rather than by the browser.
 */
function beijingMinute(iso: string): string {
  const s = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${s.slice(0, 4)}/${s.slice(5, 7)}/${s.slice(8, 10)} ${s.slice(11, 16)}`;
}

/** The same moment in English (12/08/2026, 10:05); midnight is 00:00 of the next day. */
function beijingMinuteEn(iso: string): string {
  const s = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${s.slice(5, 7)}/${s.slice(8, 10)}/${s.slice(0, 4)}, ${s.slice(11, 16)}`;
}

/** How a browser in New York would write the moment if it used its own clock. */
function newYorkMinute(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** The item's state as its page shows it. */
async function stateOf(page: Page): Promise<string> {
  return ((await page.getByTestId('item-state').locator('.ant-tag').first().textContent()) ?? '').trim();
}

describe('hotline desk (real server, demo data)', () => {
  it('lets a handler find a confidential item, accept it after a concurrent change, note and answer it; the statistics count it', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '快线工作台' }).click();
    await page.waitForURL('**/hotline');
    await page.getByRole('heading', { name: '快线工作台' }).waitFor();

    // The desk finds the item by its code.
    await page.getByTestId('hotline-search').locator('input').fill(itemCode);
    await page.getByTestId('hotline-search').locator('input').press('Enter');
    const row = page.getByTestId('hotline-items').locator('tr.ant-table-row').filter({ hasText: TITLE });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).join(' | ');
    expect(cells).toContain(itemCode);
    expect(cells).toContain('食堂后勤');
    expect(cells).toContain('待受理');
    expect(cells).toContain(handlingUnitName);
    await screenshot(page, 'hotline-desk.png');
    await row.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(`**/hotline/items/${itemId}`);
    await page.getByTestId('item-title').getByText(TITLE).waitFor();
    expect(await stateOf(page)).toBe('待受理');

    // A confidential reporter: the page says so, and no name is shown.
    expect(await page.getByTestId('identity-withheld').textContent()).toContain('身份已隐去（保密）');
    expect(await page.getByTestId('item-reporter').textContent()).not.toContain('王小军');
    // The photo comes from the server as a thumbnail.
    const photo = page.getByTestId('item-photos').locator('img').first();
    await photo.waitFor();
    expect(await photo.getAttribute('src')).toMatch(new RegExp(`/api/hotline/items/${itemId}/photos/`));

    // Meanwhile a colleague accepts it: our accept is refused, the page reloads and says so.
    const fresh = await json<THotlineItem>(await handler.get(`/api/hotline/items/${itemId}`));
    expect(fresh.abilities.accept).toBe(true);
    await json(
      await handler.post(`/api/hotline/items/${itemId}/accept`, { data: { version: fresh.version } }),
    );
    await page.getByTestId('action-accept').click();
    await page.getByTestId('action-confirm').click();
    await toast(page, '该事项刚被他人修改');
    await expect.poll(() => stateOf(page)).toBe('已受理');
    expect(await page.getByTestId('action-accept').count()).toBe(0);
    // The handling record says who accepted it (the colleague, acting for S1) and when.
    const accepted = await json<THotlineItem>(await handler.get(`/api/hotline/items/${itemId}`));
    await expect.poll(() => page.getByTestId('item-accepted-by').textContent()).toBe(`沈丽华 · ${s1.name}`);
    expect(await page.getByTestId('item-accepted-at').textContent()).toBe(
      beijingMinute(accepted.acceptedAt ?? ''),
    );
    await page.getByTestId('action-start').waitFor();

    // An internal note, set apart and labelled.
    await page.getByTestId('message-text').fill(NOTE);
    await page.getByTestId('message-send').click();
    await toast(page, '内部备注已保存');
    const note = page.getByTestId('msg-note').filter({ hasText: NOTE });
    await note.waitFor();
    expect(await note.getByTestId('internal-tag').textContent()).toContain('内部备注，反映人不可见');

    // The answer, through the action's form (empty is refused on the page).
    await page.getByTestId('action-answer').click();
    await page.getByTestId('action-submit').click();
    await page.getByText('请填写此项').waitFor();
    await page.getByTestId('action-text').fill(ANSWER);
    await page.getByTestId('action-submit').click();
    await toast(page, '操作完成：答复');
    await expect.poll(() => stateOf(page)).toBe('已答复');
    await page.getByTestId('msg-reply').filter({ hasText: ANSWER }).waitFor();
    await screenshot(page, 'hotline-item.png');

    // The reporter sees the answer, never the note.
    const mine = await json<THotlineMine>(await employee.get(`/api/hotline/mine/${itemId}`));
    expect(mine.state).toBe('answered');
    expect(mine.messages.map((m) => m.text)).toContain(ANSWER);
    expect(JSON.stringify(mine)).not.toContain(NOTE);

    // The statistics of S1 (the unit administrator's unit, shown first) count the item.
    await page.getByRole('menuitem', { name: '快线统计' }).click();
    await page.waitForURL('**/hotline/stats**');
    await page.getByRole('heading', { name: '快线统计' }).waitFor();
    const year = new Date().getFullYear();
    const month = String(new Date().getMonth() + 1).padStart(2, '0');
    const stats = await json<THotlineStats>(
      await handler.get(`/api/hotline/stats?unitId=${s1.id}&from=${year}-01&to=${year}-${month}`),
    );
    expect(stats.total).toBeGreaterThanOrEqual(1);
    expect(stats.byCategory.find((c) => c.category === 'canteen')?.n ?? 0).toBeGreaterThanOrEqual(1);
    await expect
      .poll(async () =>
        (await page.getByTestId('kpi-total').locator('.ant-statistic-content').textContent())?.trim(),
      )
      .toBe(String(stats.total));
    await page.getByTestId('chart-category').locator('canvas').waitFor();
    await page.getByTestId('chart-state').locator('canvas').waitFor();
    await page.getByTestId('chart-month').locator('canvas').waitFor();
    await screenshot(page, 'hotline-stats.png');
    expect(errors).toEqual([]);
  });

  it('shows the desk and the item in English at 768 px without a page-wide horizontal scroll', async () => {
    const { page, errors } = await newPage({ baseURL, viewport: { width: 768, height: 1000 }, locale: 'en' });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto(`/hotline?q=${encodeURIComponent(itemCode)}`);
    await page.getByRole('heading', { name: 'Hotline desk' }).waitFor();
    await page.getByTestId('hotline-items').locator('tr.ant-table-row').filter({ hasText: TITLE }).waitFor();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'hotline-desk-768-en.png');
    await page.goto(`/hotline/items/${itemId}`);
    await page.getByTestId('item-title').getByText(TITLE).waitFor();
    expect(await page.getByTestId('identity-withheld').textContent()).toContain(
      'Identity withheld (confidential)',
    );
    await page.getByText('Internal, never shown to the reporter').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await screenshot(page, 'hotline-item-768-en.png');
    expect(errors).toEqual([]);
  });

  it("lets the hotline office keep the settings (a stale save reloads), routing rules and a unit's channels", async () => {
    const office = await apiAs(baseURL, 'hotline');
    const before = await json<THotlineSettings>(await office.get('/api/hotline/settings'));
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'hotline', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '快线设置' }).click();
    await page.waitForURL('**/hotline/settings');
    await page.getByRole('heading', { name: '快线设置' }).waitFor();
    const rows = page.getByTestId('category-row');
    await expect.poll(() => rows.count()).toBe(before.categories.length);

    // A new category, not offered yet (so that no other journey meets it).
    const code = `e2e_${RUN}`;
    const n = before.categories.length + 1;
    const addCategory = async () => {
      await page.getByTestId('add-category').click();
      await page.getByLabel(`第 ${n} 行的代码`).fill(code);
      await page.getByLabel(`第 ${n} 行的中文名称`).fill('测试类别');
      await page.getByLabel(`第 ${n} 行的英文名称`).fill('Test category');
      await page.getByLabel(`第 ${n} 行是否启用`).click();
    };
    await addCategory();
    // Meanwhile someone else saves the settings: this save is refused and the page reloads them.
    const { smtp: _smtp, version, ...rest } = before;
    await json(await office.put('/api/hotline/settings', { data: { ...rest, smtp: null, version } }));
    await page.getByTestId('hotline-settings-save').click();
    await page.getByTestId('hotline-settings-stale').waitFor();
    await expect.poll(() => rows.count()).toBe(before.categories.length);
    await addCategory();
    await page.getByTestId('hotline-settings-save').click();
    await toast(page, '已保存');
    const after = await json<THotlineSettings>(await office.get('/api/hotline/settings'));
    expect(after.categories.at(-1)).toEqual({
      code,
      zh: '测试类别',
      en: 'Test category',
      answerDays: 5,
      active: false,
    });
    expect(after.categories.slice(0, -1)).toEqual(before.categories);
    // A saved category keeps its code, once the form has reloaded the saved settings.
    await expect.poll(() => page.getByLabel(`第 ${n} 行的代码`).isDisabled()).toBe(true);
    await screenshot(page, 'hotline-settings.png');

    // A routing rule added and deleted on the page.
    const s2 = await unitByCode(admin, 'S2');
    const s2w1 = await unitByCode(admin, 'S2-W1');
    await page.getByRole('tab', { name: '分办规则' }).click();
    await pick(page, 'hotline-rule_category', '住房');
    await pick(page, 'hotline-rule_unitId', exactly(s2w1.name), { search: s2w1.name });
    await pick(page, 'hotline-rule_handlingUnitId', exactly(s2.name), { search: s2.name });
    await page.getByRole('button', { name: '添加' }).click();
    await toast(page, '规则已添加');
    const ruleRow = page
      .getByTestId('hotline-rules')
      .locator('tr.ant-table-row')
      .filter({ hasText: s2w1.name });
    await ruleRow.filter({ hasText: '住房' }).waitFor();
    const rules = await json<TRoutingRule[]>(await office.get('/api/hotline/routing-rules'));
    const added = rules.find((r) => r.unit.id === s2w1.id && r.category === 'housing');
    expect(added?.handlingUnit.id).toBe(s2.id);
    await ruleRow.filter({ hasText: '住房' }).getByRole('button', { name: '删除' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /删\s*除/ })
      .click();
    await toast(page, '规则已删除');
    const left = await json<TRoutingRule[]>(await office.get('/api/hotline/routing-rules'));
    expect(left.some((r) => r.id === added?.id)).toBe(false);

    // A unit's channels: a safety contact found by name, a checked webhook.
    const channelsBefore = await json<TUnitChannels>(
      await office.get(`/api/hotline/units/${s2w1.id}/channels`),
    );
    await page.goto(`/hotline/settings?tab=channels&unit=${s2w1.id}`);
    await page.getByTestId('channels-save').waitFor();
    await pick(page, 'hotline-channels_safetyContactPersonId', '王小军', { search: '王小军' });
    await page.locator('#hotline-channels_wecomWebhook').fill('https://example.com/hook');
    await page.getByTestId('channels-save').click();
    await page.getByText('请填写企业微信机器人 Webhook 地址').waitFor();
    await page
      .locator('#hotline-channels_wecomWebhook')
      .fill('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e');
    await page.getByTestId('channels-save').click();
    await toast(page, '已保存');
    const channels = await json<TUnitChannels>(await office.get(`/api/hotline/units/${s2w1.id}/channels`));
    expect(channels.safetyContactName).toBe('王小军');
    expect(channels.wecomWebhook).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=e2e');
    await screenshot(page, 'hotline-settings-channels.png');
    // Put back what was there, so that no other journey's immediate item calls the webhook.
    await json(
      await office.put(`/api/hotline/units/${s2w1.id}/channels`, {
        data: {
          safetyContactPersonId: channelsBefore.safetyContactPersonId,
          email: channelsBefore.email,
          wecomWebhook: channelsBefore.wecomWebhook,
          dingtalkWebhook: channelsBefore.dingtalkWebhook,
          version: channels.version,
        },
      }),
    );
    expect(errors).toEqual([]);
  });

  it('shows a named reporter, and transfers an item to another company, back to the desk', async () => {
    const office = await apiAs(baseURL, 'hotline');
    const s2 = await unitByCode(admin, 'S2');
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto(`/hotline/items/${secondId}`);
    await page.getByTestId('item-title').getByText('班车食堂餐券无法使用').waitFor();
    const reporter = (await page.getByTestId('item-reporter').textContent()) ?? '';
    expect(reporter).toContain('王小军');
    expect(reporter).toContain('实名');
    expect(await page.getByTestId('identity-withheld').count()).toBe(0);

    await page.getByTestId('action-transfer').click();
    await page.getByTestId('action-submit').click();
    await page.getByText('请选择单位').waitFor();
    await pick(page, 'hotline-action_unitId', startingWith(`${s2.name}（`), { search: s2.name });
    await page.getByTestId('transfer-reason').fill('涉及北营公司餐券结算，请北营公司协调办理。');
    await page.getByTestId('action-submit').click();
    await toast(page, '操作完成：转办');
    await page.waitForURL('**/hotline');
    const moved = await json<THotlineItem>(await office.get(`/api/hotline/items/${secondId}`));
    expect(moved.handlingUnit.id).toBe(s2.id);
    expect(moved.state).toBe('submitted');
    // Out of the unit administrator's part of the tree now.
    expect((await handler.get(`/api/hotline/items/${secondId}`)).status()).toBe(404);
    expect(errors).toEqual([]);
  });

  it('shows every time on the Beijing clock, on the phone and on the desk, in a browser in New York', async () => {
    const zone = 'America/New_York';
    const title = `班组休息室空调不制冷（E2E ${RUN}）`;
    const concerned = await unitByCode(admin, 'S1-W1');
    const filed = await json<THotlineFiled>(
      await employee.post('/api/hotline/items', {
        multipart: {
          item: JSON.stringify({
            category: 'canteen',
            unitId: concerned.id,
            title,
            description: '班组休息室的空调吹出来是热风，夏天中午无法休息，已经报修两次。',
            urgency: 'normal',
            visibility: 'named',
          }),
        },
      }),
    );
    const item = await json<THotlineItem>(await handler.get(`/api/hotline/items/${filed.id}`));
    const created = beijingMinute(item.createdAt);
    // The deadline the pages show while the item waits: accepting (or answering when only that
    // one could be counted); none at all while the calendar lacks the year of both.
    const due = item.acceptDue ?? item.answerDue;
    expect(created).not.toBe(newYorkMinute(item.createdAt));

    // The employee's phone: the list of my items, then the item.
    const phone = await newPage({
      baseURL,
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
      timezoneId: zone,
    });
    expect(await phone.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(zone);
    await login(phone.page, baseURL, 'employee', DEMO_PASSWORD);
    await phone.page.goto('/m/hotline');
    const card = phone.page.getByTestId(`my-item-${filed.id}`);
    await card.waitFor();
    expect(await card.textContent()).toContain(created.slice(0, 10));
    if (due) expect(await card.getByTestId('item-due').textContent()).toContain(beijingMinute(due));
    await card.getByRole('link').click();
    await phone.page.waitForURL(`**/m/hotline/mine/${filed.id}`);
    expect(await phone.page.getByTestId('item-created').textContent()).toBe(created);
    if (due) expect(await phone.page.getByTestId('item-due').textContent()).toContain(beijingMinute(due));

    // The handler's desk: the list, then the item's page, the same times.
    const desk = await newPage({ baseURL, timezoneId: zone });
    await login(desk.page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await desk.page.goto(`/hotline?q=${encodeURIComponent(filed.code)}`);
    const row = desk.page.getByTestId('hotline-items').locator('tr.ant-table-row').filter({ hasText: title });
    await row.waitFor();
    const cells = (await row.locator('td').allTextContents()).join(' | ');
    expect(cells).toContain(created.slice(0, 10));
    expect(cells).toContain(created.slice(11));
    if (item.acceptDue) expect(cells).toContain(beijingMinute(item.acceptDue));
    await row.getByRole('link', { name: title }).click();
    await desk.page.waitForURL(`**/hotline/items/${filed.id}`);
    const details = desk.page.getByTestId('item-details');
    await details.waitFor();
    const text = (await details.textContent()) ?? '';
    expect(text).toContain(created);
    expect(text).not.toContain(newYorkMinute(item.createdAt));
    for (const at of [item.acceptDue, item.answerDue]) if (at) expect(text).toContain(beijingMinute(at));

    // In English, a deadline at 24:00 Beijing reads as 00:00 of the next day, never "24:00".
    const en = await newPage({ baseURL, locale: 'en', timezoneId: zone });
    await en.page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(en.page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await en.page.goto(`/hotline/items/${filed.id}`);
    const enDetails = en.page.getByTestId('item-details');
    await enDetails.getByText(beijingMinuteEn(item.createdAt)).waitFor();
    const enText = (await enDetails.textContent()) ?? '';
    for (const at of [item.acceptDue, item.answerDue]) if (at) expect(enText).toContain(beijingMinuteEn(at));
    expect(enText).not.toContain('24:00');

    expect([...phone.errors, ...desk.errors, ...en.errors]).toEqual([]);
  });
});
