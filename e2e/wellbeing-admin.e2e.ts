import { readFileSync } from 'node:fs';
import type { TAggregate, TCoachRegistry, TScale, TWellbeingSettings } from '@lifeline/shared';
import ExcelJS from 'exceljs';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot, toast } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis, unitByCode } from './demo.js';

const baseURL = inject('baseURL');

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** The texts of the cells of each body row of the table with this test id. */
async function tableRows(page: Page, testId: string): Promise<string[][]> {
  const rows = page.getByTestId(testId).locator('.ant-table-tbody tr.ant-table-row');
  const out: string[][] = [];
  for (const row of await rows.all())
    out.push((await row.locator('td').allTextContents()).map((s) => s.trim()));
  return out;
}

/**
 * A unit of the unit administrator's subtree whose table (SAS, this year) shows figures and
 * hides some groups, found through the API the page uses: the demo's results are random.
 */
async function unitWithHiddenRows(api: APIRequestContext, rootId: number, year: number): Promise<TAggregate> {
  const queue = [rootId];
  while (queue.length) {
    const unitId = queue.shift() as number;
    const data = await json<TAggregate>(
      await api.get(`/api/assessments/aggregates?unitId=${unitId}&instrument=sas&year=${year}`),
    );
    if (data.total.suppressed === null && data.rows.some((r) => r.suppressed)) return data;
    for (const r of data.rows) if (r.unitId !== null && r.suppressed === null) queue.push(r.unitId);
  }
  throw new Error('no unit with hidden groups: does the demo seed SAS results?');
}

describe('wellbeing back office (real server, demo data)', () => {
  it('lets the administrator edit the help information, with checks and a reload after a concurrent change', async () => {
    const admin = await apiAs(baseURL, 'admin');
    const before = await json<TWellbeingSettings>(await admin.get('/api/assessments/settings'));
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'admin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '心理测评设置' }).click();
    await page.waitForURL('**/wellbeing/settings');
    await page.getByRole('heading', { name: '心理测评设置' }).waitFor();
    const rows = page.getByTestId('wellbeing-contact-row');
    await expect.poll(() => rows.count()).toBe(before.help.contacts.length);

    // A contact without name and phone, and no retention, are refused on the page.
    await page.getByTestId('wellbeing-add-contact').click();
    const n = before.help.contacts.length + 1;
    await page.getByTestId('wellbeing-retention').fill('');
    await page.getByTestId('wellbeing-save').click();
    await page.getByText('请填写名称').waitFor();
    await page.getByText('请填写电话').waitFor();
    await page.getByText('请填写 30 到 3650 之间的整数天数').waitFor();
    await page.getByTestId('wellbeing-retention').fill(String(before.retentionDays));
    await page.getByLabel(`第 ${n} 条的名称`).fill('板材公司职工心理驿站（测试）');
    await page.getByLabel(`第 ${n} 条的电话`).fill('024-1234-5678');
    await page.getByLabel(`第 ${n} 条的服务时间`).fill('工作日 9:00–17:00');
    const message = `${before.help.message.zh}（测试补充）`;
    await page.getByTestId('wellbeing-message-zh').fill(message);

    // Meanwhile someone else saves the settings: this save is refused and the page reloads them.
    const { updatedAt: _read, ...unchanged } = before;
    await json(await admin.put('/api/assessments/settings', { data: unchanged }));
    await page.getByTestId('wellbeing-save').click();
    await page.getByTestId('wellbeing-stale').waitFor();
    expect(await page.getByTestId('wellbeing-stale').textContent()).toContain('刚被他人修改');
    await expect.poll(() => rows.count()).toBe(before.help.contacts.length);

    // Again, on the current version.
    await page.getByTestId('wellbeing-add-contact').click();
    await page.getByLabel(`第 ${n} 条的名称`).fill('板材公司职工心理驿站（测试）');
    await page.getByLabel(`第 ${n} 条的电话`).fill('024-1234-5678');
    await page.getByLabel(`第 ${n} 条的服务时间`).fill('工作日 9:00–17:00');
    await page.getByTestId('wellbeing-message-zh').fill(message);
    await page.getByTestId('wellbeing-save').click();
    await toast(page, '已保存');
    expect(await page.getByTestId('wellbeing-stale').count()).toBe(0);

    const after = await json<TWellbeingSettings>(await admin.get('/api/assessments/settings'));
    expect(after.version).toBeGreaterThan(before.version + 1);
    expect(after.help.message.zh).toBe(message);
    expect(after.help.contacts.at(-1)).toEqual({
      name: '板材公司职工心理驿站（测试）',
      phone: '024-1234-5678',
      hours: '工作日 9:00–17:00',
    });
    expect(after.help.contacts.slice(0, -1)).toEqual(before.help.contacts);
    expect(after.openToEveryone).toBe(before.openToEveryone);
    // What was saved is what the page shows after a reload.
    await page.reload();
    await expect.poll(() => rows.count()).toBe(n);
    expect(await page.getByLabel(`第 ${n} 条的电话`).inputValue()).toBe('024-1234-5678');
    await screenshot(page, 'wellbeing-settings.png');
    expect(errors).toEqual([]);
  });

  it('lets the administrator upload a scale: a broken one is refused with each problem named', async () => {
    const admin = await apiAs(baseURL, 'admin');
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'admin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '量表管理' }).click();
    await page.waitForURL('**/wellbeing/scales');
    // The built-in instruments, read-only, with their licences.
    const builtins = page.getByTestId('builtin-instruments');
    await expect.poll(() => builtins.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(5);
    expect(await builtins.textContent()).toContain('PHQ-9');

    // The example definition is made in the browser.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('scale-example').click(),
    ]);
    expect(download.suggestedFilename()).toBe('example-scale.json');
    const example = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
    expect(example.code).toBe('example_mood');
    expect((example.items as unknown[]).length).toBe(3);

    // Not JSON at all: said on the page, nothing is sent.
    await page.getByTestId('scale-json').fill('{ "code": ');
    await page.getByTestId('scale-upload').click();
    await page.getByTestId('scale-parse-error').waitFor();

    // A broken definition: one option, an item number out of range. The server names each.
    const broken = {
      ...example,
      options: [(example.options as unknown[])[0]],
      reverseItems: [5],
    };
    await page.getByTestId('scale-json').fill(JSON.stringify(broken, null, 2));
    await page.getByTestId('scale-upload').click();
    const issues = page.getByTestId('scale-issues');
    await issues.waitFor();
    const text = (await issues.textContent()) ?? '';
    expect(text).toContain('options');
    expect(text).toContain('reverseItems[0]');
    expect(text).toContain('Reverse item 5 is out of range');
    expect(await issues.locator('li').count()).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'wellbeing-scale-issues.png');
    expect(await json<TScale[]>(await admin.get('/api/assessments/scales'))).toEqual([]);

    // The example as a file: accepted, listed, and offered to employees.
    await page.locator('input[type="file"]').setInputFiles({
      name: 'example-scale.json',
      mimeType: 'application/json',
      buffer: readFileSync(await download.path()),
    });
    await expect.poll(() => page.getByTestId('scale-json').inputValue()).toContain('example_mood');
    await page.getByTestId('scale-upload').click();
    await toast(page, '已上传');
    expect(await issues.count()).toBe(0);
    const row = page
      .getByTestId('scales-table')
      .locator('.ant-table-tbody tr')
      .filter({ hasText: 'example_mood' });
    await row.waitFor();
    expect(await row.textContent()).toContain('使用中');
    const instruments = await json<{ code: string }[]>(await admin.get('/api/assessments/instruments'));
    expect(instruments.map((i) => i.code)).toContain('example_mood');

    // The same version again is refused, naming the version.
    await page.getByTestId('scale-json').fill(JSON.stringify(example));
    await page.getByTestId('scale-upload').click();
    await issues.waitFor();
    expect(await issues.textContent()).toContain('version');

    // Retired (after a confirmation): no longer offered, still listed.
    await row.getByTestId('retire-example_mood').click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /停\s*用/ })
      .click();
    await toast(page, '已停用');
    await expect.poll(() => row.textContent()).toContain('已停用');
    const [scale] = await json<TScale[]>(await admin.get('/api/assessments/scales'));
    expect(scale.status).toBe('retired');
    const offered = await json<{ code: string }[]>(await admin.get('/api/assessments/instruments'));
    expect(offered.map((i) => i.code)).not.toContain('example_mood');
    await screenshot(page, 'wellbeing-scales.png');
    expect(errors).toEqual([]);
  });

  it('shows a unit administrator the totals of groups of ten or more, small groups hidden and marked', async () => {
    const unitadmin = await apiAs(baseURL, 'unitadmin');
    const year = new Date().getFullYear();
    const top = await unitByCode(unitadmin, 'S1');
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '心理测评统计' }).click();
    await page.waitForURL('**/wellbeing/stats');
    await page.getByTestId('wellbeing-privacy').waitFor();
    expect(await page.getByTestId('wellbeing-privacy').textContent()).toContain('不少于 10 人');

    // The administrator's own unit opens first, with the same figures as the API's.
    const mine = await json<TAggregate>(
      await unitadmin.get(`/api/assessments/aggregates?unitId=${top.id}&instrument=sas&year=${year}`),
    );
    const total = page.getByTestId('wellbeing-total');
    await expect.poll(() => total.textContent()).toContain(`${top.name} 合计`);
    if (mine.total.participants !== null)
      await expect.poll(() => total.locator('td').nth(2).textContent()).toBe(String(mine.total.participants));

    // The coach team of the same subtree, as the registry counts it.
    const team = await json<TCoachRegistry>(
      await unitadmin.get(`/api/counselling/registry?unitId=${top.id}`),
    );
    expect(team.coaches + team.volunteers).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('team-coaches').textContent()).toContain(String(team.coaches));
    await expect
      .poll(() => page.getByTestId('team-volunteers').textContent())
      .toContain(String(team.volunteers));

    // A unit whose table hides small groups: each hidden row shows only dashes and says why.
    const data = await unitWithHiddenRows(unitadmin, top.id, year);
    await page.goto(`/wellbeing/stats?unit=${data.unit.id}`);
    await expect.poll(() => total.textContent()).toContain(`${data.unit.name} 合计`);
    const shown = await tableRows(page, 'wellbeing-table');
    expect(shown.length).toBe(data.rows.length);
    data.rows.forEach((r, i) => {
      const cells = shown[i];
      expect(cells[1]).toBe(String(r.headcount));
      if (r.suppressed) {
        expect(cells[0]).toContain(r.suppressed === 'small_group' ? '人数不足' : '关联隐藏');
        expect(cells.slice(2)).toEqual(cells.slice(2).map(() => '—'));
      } else {
        expect(cells[2]).toBe(String(r.participants));
        expect(cells[4]).toMatch(new RegExp(`^${r.counts?.[data.bands[0].code] ?? 0}\\b`));
      }
    });
    const hidden = data.rows.filter((r) => r.suppressed).length;
    expect(await page.getByTestId('suppressed-tag').count()).toBe(hidden);
    await page.getByTestId('suppressed-tag').first().hover();
    await expect.poll(() => page.locator('.ant-tooltip').last().textContent()).toMatch(/少于 10 人/);
    // The export is the same query as a workbook.
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('wellbeing-export').click(),
    ]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(await file.path()) as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(data.rows.length + 2);
    await screenshot(page, 'wellbeing-stats-unitadmin.png');
    expect(errors).toEqual([]);
  });

  it('works at 768 px in English for the leader: the table scrolls in its card, the chart is drawn', async () => {
    const { page, errors } = await newPage({
      baseURL,
      viewport: { width: 768, height: 1000 },
      locale: 'en-GB',
    });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'leader', DEMO_PASSWORD);
    await page.goto('/wellbeing/stats');
    await page.getByRole('heading', { name: 'Wellbeing statistics' }).waitFor();
    await page.getByTestId('wellbeing-total').waitFor();
    expect(await page.getByTestId('wellbeing-privacy').textContent()).toContain('never individuals');
    await expect.poll(() => page.locator('.ll-wb-chart canvas').count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'wellbeing-stats-768-en.png');
    expect(errors).toEqual([]);
  });
});
