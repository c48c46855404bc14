import type { THotlineFiled, THotlineItem, THotlineMine, TMe } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
/** The narrowest phone the pages are made for. */
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
/** A 2×2 PNG, the photo of the problem. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4IaAHRAwQCgAfHgQZ2PY+qQAAAABJRU5ErkJggg==',
  'base64',
);

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

/** Watches a page: no request may fetch the antd chunk. */
function watchAntd(page: Page): string[] {
  const antd: string[] = [];
  page.on('request', (r) => {
    if (/antd/.test(r.url())) antd.push(r.url());
  });
  return antd;
}

/** The width the page's content takes: nothing may scroll sideways. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

async function ok<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/**
 * A handler's move through the API (the desk's pages are another journey's): the demo sysadmin
 * holds hotline.handle on the whole group, and unrouted items go to the hotline office at the top.
 */
async function handle(
  api: APIRequestContext,
  id: number,
  action: string,
  body: object = {},
): Promise<THotlineItem> {
  const { version } = await ok<THotlineItem>(await api.get(`/api/hotline/items/${id}`));
  return ok<THotlineItem>(
    await api.post(`/api/hotline/items/${id}/${action}`, { data: { ...body, version } }),
  );
}

/** The id of the newest item with this title, as a handler finds it (anonymous ones too). */
async function findItem(api: APIRequestContext, title: string): Promise<number> {
  const page = await ok<{ items: { id: number; title: string }[] }>(
    await api.get(`/api/hotline/items?q=${encodeURIComponent(title)}`),
  );
  const item = page.items.find((i) => i.title === title);
  if (!item) throw new Error(`no item "${title}"`);
  return item.id;
}

/** Files an item through the API, as the phone's form does (multipart: "item" JSON, "photo"s). */
async function fileThroughApi(api: APIRequestContext, item: object): Promise<THotlineFiled> {
  const res = await api.post('/api/hotline/items', { multipart: { item: JSON.stringify(item) } });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()) as THotlineFiled;
}

describe('the employee hotline on a phone (real server, demo data)', () => {
  it('an employee raises a problem with a photo, the unit answers, the employee rates it and finds it on the board', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(page);
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m');
    await page.getByRole('link', { name: '职工快线' }).click();
    await page.waitForURL('**/m/hotline');
    await page.getByRole('heading', { name: '工作中遇到难题？说出来。' }).waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-hotline-home-zh.png');

    await page.getByTestId('raise').click();
    await page.waitForURL('**/m/hotline/new');
    // The unit concerned defaults to the employee's own.
    const me = (await (await page.request.get('/api/me')).json()) as TMe;
    await page.getByTestId('unit-picker').getByTestId('unit-current').getByText(me.person.unitName).waitFor();
    // Another unit may be chosen from the tree where the employee may read it; without that
    // right the picker says so and keeps to the own unit.
    const picker = page.getByTestId('unit-picker');
    await picker.getByTestId('unit-change').click();
    await picker.getByTestId('unit-own-only').or(picker.getByTestId('unit-search')).waitFor();
    await picker.getByTestId('unit-own').click();
    await picker.getByTestId('unit-current').getByText(me.person.unitName).waitFor();

    // Sent empty: every missing field says what it needs, in words.
    await page.getByTestId('submit').click();
    await page.getByTestId('problem-category').getByText('请选择类别。').waitFor();
    await page.getByTestId('problem-title').getByText('标题需要 4 到 80 个字。').waitFor();
    await page.getByTestId('problem-description').getByText('具体情况需要 10 到 4000 个字。').waitFor();

    const title = '夜班下班时职工食堂已经关门';
    const description = '二号车间夜班 0 点下班，食堂 23:30 就关门了，夜班职工吃不上热饭，希望延长到 0:30。';
    await page.getByTestId('category').selectOption('canteen');
    await page.getByTestId('category-days').getByText('一般在 5 个工作日内答复').waitFor();
    await page.getByTestId('title').fill(title);
    await page.getByTestId('description').fill(description);
    // Corrected fields no longer carry their complaint.
    await expect.poll(() => page.getByTestId('problem-title').count()).toBe(0);
    await expect.poll(() => page.getByTestId('problem-category').count()).toBe(0);
    // Each choice says who sees what.
    await page
      .getByTestId('visibility-choices')
      .getByText('办理人员始终看不到是谁反映的。只有您本人会收到进展通知。')
      .waitFor();
    await page
      .getByTestId('urgency-choices')
      .getByText(/安全隐患：数小时内答复/)
      .waitFor();
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'canteen.png', mimeType: 'image/png', buffer: PNG });
    await expect.poll(() => page.getByTestId('photo-thumb').count()).toBe(1);
    // A photo over 8 MB is refused on the phone, before anything is sent.
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(8 * 1024 * 1024 + 1) });
    await page
      .getByTestId('photos-problem')
      .getByText(/“huge.png”有 8.1 MB，每张照片不能超过 8 MB。/)
      .waitFor();
    expect(await page.getByTestId('photo-thumb').count()).toBe(1);
    await page.getByTestId('publish-consent').check();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-hotline-new-zh.png');
    await page.getByTestId('submit').click();

    await page.waitForURL(/\/m\/hotline\/mine\/\d+$/);
    const id = Number(/\/mine\/(\d+)$/.exec(page.url())?.[1]);
    await page.getByTestId('filed-named').waitFor();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('待受理').waitFor();
    await page.getByTestId('item-title').getByText(title).waitFor();
    const photo = page.getByTestId('item-photo').locator('img');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);
    await page
      .getByTestId('item-due')
      .getByText(/应于 .* 前受理/)
      .waitFor();

    // The unit accepts and answers (through the API, as a handler).
    const admin = await apiAs(baseURL, 'admin');
    const handled = await ok<THotlineItem>(await admin.get(`/api/hotline/items/${id}`));
    expect(handled.reporter?.name).toBe('王小军');
    await handle(admin, id, 'accept');
    const answer = '已与食堂协商：自下周一起，食堂夜间供餐延长到 0:30，并增加热菜两种。';
    await handle(admin, id, 'answer', { text: answer });

    // The employee sees the answer, the time left to rate, and rates it.
    await page.reload();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('已答复').waitFor();
    await page.getByTestId('message-reply').getByText(answer).waitFor();
    await page
      .getByTestId('follow-up-until')
      .getByText(/前可以评价或申请重新办理/)
      .waitFor();
    await page.getByTestId('rate-send').click();
    await page.getByTestId('rate-form').getByText('请选择 1 到 5 星。').waitFor();
    await page.getByTestId('stars').locator('label').nth(3).click();
    await page.getByTestId('stars').getByText('满意', { exact: true }).waitFor();
    await page.getByTestId('rate-comment').fill('解决得很快，谢谢！');
    expect(await page.getByTestId('rate-publish').isChecked()).toBe(true);
    await screenshot(page, 'mobile-hotline-answered-zh.png');
    await page.getByTestId('rate-send').click();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('已确认').waitFor();
    await page.getByTestId('item-rating').getByText('解决得很快，谢谢！').waitFor();
    expect(await page.getByTestId('rate-form').count()).toBe(0);
    expect(await page.getByTestId('reopen').count()).toBe(0);
    const seen = await ok<THotlineMine>(await page.request.get(`/api/hotline/mine/${id}`));
    expect(seen.state).toBe('confirmed');
    expect(seen.rating).toBe(4);

    // My items list it with its state.
    await page.getByRole('link', { name: '我的事项' }).first().click();
    await page.waitForURL('**/m/hotline');
    await page.getByTestId(`my-item-${id}`).getByText('已确认').waitFor();

    // The public board shows it without anyone's name, with the reply and the time taken.
    await page.getByTestId('board-link').click();
    await page.waitForURL('**/m/hotline/board');
    await page.getByTestId('board-q').fill('食堂已经关门');
    const card = page.getByTestId(`board-${id}`);
    await card.getByText(title).waitFor();
    await card.getByTestId('board-reply').getByText(answer).waitFor();
    await card
      .getByTestId('board-days')
      .getByText(/当天答复|用 \d+ 个工作日答复/)
      .waitFor();
    expect(await card.getByText('王小军').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-hotline-board-zh.png');

    expect(antd).toEqual([]);
    expect(await page.locator('[class*="ant-"]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('an anonymous item: code and secret shown once, followed on the phone, information added when asked, reopened', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m/hotline/new');
    const title = '三号高炉平台护栏松动存在坠落隐患';
    await page.getByTestId('category').selectOption('safety');
    await page.getByTestId('title').fill(title);
    await page
      .getByTestId('description')
      .fill('三号高炉 12 米平台东侧护栏有两处螺栓松动，人一靠就晃，请尽快加固。');
    await page.getByTestId('urgency-immediate').check();
    await page.getByTestId('immediate-note').waitFor();
    await page.getByTestId('visibility-anonymous').check();
    await page
      .getByTestId('anonymous-note')
      .getByText(/密钥无法再次显示/)
      .waitFor();
    await page.getByTestId('submit').click();

    // Shown once, with copy buttons and the warning.
    const filed = page.getByTestId('filed-anonymous');
    await filed.getByRole('heading', { name: '已匿名提交' }).waitFor();
    await filed
      .getByTestId('secret-warning')
      .getByText(/密钥无法再次显示/)
      .waitFor();
    const code = (await page.getByTestId('filed-code').textContent()) ?? '';
    const secret = ((await page.getByTestId('filed-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(code).toMatch(/^KX\d{6}-[A-Z2-9]{5}$/);
    expect(secret).toMatch(/^[A-Z2-9]{24}$/);
    await filed.getByTestId('filed-code-copy').waitFor();
    await filed.getByTestId('filed-secret-copy').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-hotline-anonymous-filed-zh.png');
    // Nothing is kept on the phone unless asked.
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('hotline')))).toEqual(
      [],
    );
    // Not among my items: nothing links it to the account.
    const mine = await ok<THotlineMine[]>(await page.request.get('/api/hotline/mine'));
    expect(mine.some((m) => m.code === code)).toBe(false);

    // Followed from the home page by code and secret (typed in lower case), remembered on this phone.
    await filed.getByRole('link', { name: '完成' }).click();
    await page.waitForURL('**/m/hotline');
    const form = page.getByTestId('track-form');
    await form.getByTestId('track-code').fill('KX000000');
    await form.getByTestId('track-secret').fill(secret);
    await form.getByTestId('track-open').click();
    await form.getByText(/查询码的格式如 KX261123-7QH4M/).waitFor();
    await form.getByTestId('track-code').fill(code.toLowerCase());
    await form.getByTestId('track-remember').check();
    await form.getByTestId('track-open').click();
    await page.waitForURL('**/m/hotline/track');
    await page.getByTestId('item-title').getByText(title).waitFor();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('待受理').waitFor();
    await page.getByTestId('item-urgency').getByText('特急（安全隐患）').waitFor();
    expect(await page.evaluate(() => JSON.stringify(localStorage))).toContain(code);

    // The unit asks for more.
    const admin = await apiAs(baseURL, 'admin');
    const id = await findItem(admin, title);
    const handled = await ok<THotlineItem>(await admin.get(`/api/hotline/items/${id}`));
    expect(handled.reporter).toBeNull();
    await handle(admin, id, 'accept');
    const question = '请问松动的护栏具体在平台哪一段？靠近哪个楼梯口？';
    await handle(admin, id, 'ask-reporter', { text: question });

    // Opened again from the remembered list: the question, and the answer to it.
    await page.goto('/m/hotline');
    await page.getByTestId('remembered').getByTestId(`remembered-${code}`).click();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('待补充').waitFor();
    await page.getByTestId('messages').getByText(question).waitFor();
    await page.getByTestId('add-info-send').click();
    await page.getByTestId('add-info-form').getByText('请填写补充的情况。').waitFor();
    await page.getByTestId('add-info-text').fill('东侧靠近 2 号楼梯口那一段，约 3 米长。');
    await page.getByTestId('add-info-send').click();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('办理中').waitFor();
    await page.getByTestId('message-reporter').getByText('东侧靠近 2 号楼梯口那一段，约 3 米长。').waitFor();

    // Answered, but not solved: reopened once with a reason.
    await handle(admin, id, 'answer', { text: '已安排检修班组加固护栏。' });
    await page.reload();
    await page.getByTestId('track-form').getByTestId('track-code').waitFor();
    // After a reload the page asks again (nothing in the address); the remembered pair opens it.
    await page.getByTestId('remembered').getByTestId(`remembered-${code}`).click();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('已答复').waitFor();
    await page.getByTestId('reopen').click();
    await page.getByTestId('reopen-text').fill('只紧固了一处，另一处螺栓还是松的。');
    await screenshot(page, 'mobile-hotline-anonymous-reopen-zh.png');
    await page.getByTestId('reopen-send').click();
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('重新办理').waitFor();
    expect(await page.getByTestId('reopen').count()).toBe(0);
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);

    // A wrong secret finds nothing.
    await page.getByTestId('track-other').click();
    await page.getByTestId('track-code').fill(code);
    await page.getByTestId('track-secret').fill('ABCDEFGHJKLMNPQRSTUVWXYZ');
    await page.getByTestId('track-open').click();
    await page.getByTestId('track-not-found').waitFor();
    expect(errors.filter((e) => !/404|Not Found/i.test(e))).toEqual([]);
  });

  it('similar open items take a "me too"; a stale page says it changed and reloads (in English)', async () => {
    const employee = await apiAs(baseURL, 'employee');
    const me = await ok<TMe>(await employee.get('/api/me'));
    // A colleague raised it already, about the employee's unit, and agreed to its publication
    // (only such items are shown to colleagues typing a similar one).
    const secretary = await apiAs(baseURL, 'secretary');
    const other = await fileThroughApi(secretary, {
      category: 'transport',
      unitId: me.person.unitId,
      publishConsent: true,
      title: '厂区三号门班车经常晚点',
      description: '早班 7:10 的班车这两周有一半时间晚点十分钟以上。',
    });

    const { page, errors } = await newPage({ baseURL, ...PHONE, locale: 'en' });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m/hotline/new');
    await page.getByRole('heading', { name: 'Raise a problem' }).waitFor();
    await page.getByTestId('title').fill('三号门班车晚点');
    const row = page.getByTestId(`similar-${other.id}`);
    await row.getByText('厂区三号门班车经常晚点').waitFor();
    await row.getByTestId('me-too').click();
    await row
      .getByTestId('me-too-done')
      .getByText('Your voice has been added. You need not raise it again.')
      .waitFor();
    await row.getByTestId('similar-count').getByText('1 colleague too').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(375);
    await screenshot(page, 'mobile-hotline-similar-en.png');

    // Answered; the page is open; meanwhile the employee rated it in another tab.
    const filed = await fileThroughApi(employee, {
      category: 'pay',
      title: 'Overtime on public holidays not paid',
      description: 'The overtime of the National Day holiday has not been paid with the October salary.',
      visibility: 'confidential',
    });
    const admin = await apiAs(baseURL, 'admin');
    const handled = await ok<THotlineItem>(await admin.get(`/api/hotline/items/${filed.id}`));
    expect(handled.reporter).toBeNull();
    await handle(admin, filed.id, 'accept');
    await handle(admin, filed.id, 'answer', { text: 'It will be paid with the November salary.' });
    await page.goto(`/m/hotline/mine/${filed.id}`);
    await page.getByTestId('item-heading').getByTestId('item-state').getByText('Answered').waitFor();
    const current = await ok<THotlineMine>(await employee.get(`/api/hotline/mine/${filed.id}`));
    await ok(
      await employee.post(`/api/hotline/mine/${filed.id}/rate`, {
        data: { rating: 5, comment: '', version: current.version },
      }),
    );
    await page.getByTestId('reopen').click();
    await page.getByTestId('reopen-text').fill('Not paid yet.');
    await page.getByTestId('reopen-send').click();
    await page
      .getByTestId('item-changed')
      .getByText(/This item has just changed/)
      .waitFor();
    await page
      .getByTestId('item-heading')
      .getByTestId('item-state')
      .getByText('Confirmed by the reporter')
      .waitFor();
    expect(await page.getByTestId('reopen').count()).toBe(0);
    expect(errors.filter((e) => !/409|Conflict/i.test(e))).toEqual([]);
  });
});
