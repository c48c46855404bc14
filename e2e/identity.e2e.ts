import { readFileSync } from 'node:fs';
import type { TOrgUnitTreeNode } from '@lifeline/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import {
  apiAs,
  DEMO_PASSWORD,
  disposeApis,
  findPeople,
  ROSTER_HEADERS,
  type RosterRow,
  rosterXlsx,
  unitByCode,
  XLSX_TYPE,
  xlsxHeaders,
} from './demo.js';

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

function person(no: string, name: string, gender: '男' | '女', unit = 'S1-W1-B1'): RosterRow {
  return {
    '工号*': no,
    '姓名*': name,
    '性别*': gender,
    出生日期: '1988-05-12',
    '所属单位编码*': unit,
    '政治面貌*': '群众',
    学历: '大学本科',
    '人员状态*': '在职',
  };
}

/** Uploads a roster through the wizard's file input and waits for the validation report. */
async function uploadRoster(page: Page, rows: RosterRow[]): Promise<void> {
  await page.goto('/people/import');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'roster.xlsx', mimeType: XLSX_TYPE, buffer: await rosterXlsx(rows) });
  await page.getByTestId('import-report').waitFor();
}

/** The number shown under a statistic's title inside a container. */
async function statistic(page: Page, container: string, title: string): Promise<string> {
  const stat = page.getByTestId(container).locator('.ant-statistic').filter({ hasText: title });
  return (await stat.locator('.ant-statistic-content').textContent())?.trim() ?? '';
}

describe('identity and organisation (real server, demo data)', () => {
  it('lets a unit administrator import a roster and find the new people in their scope only', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '人员导入' }).click();
    await page.waitForURL('**/people/import');

    // The template is a real .xlsx with exactly the columns the import reads.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-template').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const template = readFileSync((await download.path())!);
    expect(template.subarray(0, 2).toString()).toBe('PK');
    expect(await xlsxHeaders(template)).toEqual([...ROSTER_HEADERS]);

    await uploadRoster(page, [
      person('E2E0001', '欧阳晓峰', '男'),
      person('E2E0002', '林静怡', '女'),
      {
        ...person('E2E0003', '王海涛', '男'),
        '政治面貌*': '中共党员',
        入党日期: '2010-07-01',
        转正日期: '2011-07-01',
      },
    ]);
    await page.getByText('全部 3 行校验通过，可以导入。').waitFor();
    await expect.poll(() => statistic(page, 'import-report', '总行数')).toBe('3');
    await page.getByTestId('import-all').click();
    await page.getByTestId('import-result').waitFor();
    await page.getByText('导入完成', { exact: true }).waitFor();
    await expect.poll(() => statistic(page, 'import-result', '新增')).toBe('3');
    await expect.poll(() => statistic(page, 'import-result', '更新')).toBe('0');
    await screenshot(page, 'import-result-zh.png');

    // The roster finds the new person by the initials of their name's pinyin.
    await page.getByRole('button', { name: '查看人员' }).click();
    await page.waitForURL('**/people');
    await page.locator('.ant-table-row').first().waitFor();
    await screenshot(page, 'people-list-zh.png');
    const search = page.getByPlaceholder('姓名 / 拼音 / 首字母 / 工号 / 手机号');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/people?') && r.url().includes('q=oyxf')),
      search.fill('oyxf'),
    ]);
    await page.getByRole('link', { name: '欧阳晓峰' }).click();
    await page.waitForURL(/\/people\/\d+$/);
    await page.getByTestId('person-name').getByText('欧阳晓峰').waitFor();
    await page.getByText('E2E0001', { exact: true }).waitFor();
    await page.getByText('炼铁厂生产党支部', { exact: true }).waitFor();
    await page.getByTestId('account-card').getByText('尚未开通账号').waitFor();
    await screenshot(page, 'person-detail-zh.png');

    // The unit administrator sees their own subtree, not a sister company's.
    await page.getByRole('menuitem', { name: '组织机构' }).click();
    await page.waitForURL('**/org-units');
    await page.locator('.ant-tree-title').getByText('板材公司党委', { exact: true }).waitFor();
    expect(await page.getByText('北营公司党委').count()).toBe(0);
    await screenshot(page, 'units-zh.png');
    const admin = await apiAs(baseURL, 'admin');
    const s2 = await unitByCode(admin, 'S2');
    const outside = await page.request.get(`${baseURL}/api/org-units/${s2.id}`);
    expect(outside.status()).toBe(404);
    expect(errors).toEqual([]);
  });

  it('shows the error of a bad row and writes nothing when told to import all', async () => {
    const { page } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await uploadRoster(page, [
      person('E2E0011', '赵一鸣', '男'),
      person('E2E0012', '钱思远', '女'),
      person('E2E0013', '孙立新', '男', 'S2-W1-B1'),
    ]);
    await page.getByText('有 1 行存在错误。').waitFor();
    const report = page.getByTestId('import-report');
    await report.getByText('单位 S2-W1-B1 不在您的管理范围内').waitFor();
    await report
      .locator('.ant-table-row')
      .filter({ hasText: '所属单位编码' })
      .getByText('4', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: '下载错误报告' }).waitFor();

    await page.getByTestId('import-all').click();
    await page.getByText('有 1 行存在错误，未导入任何数据。', { exact: false }).waitFor();
    const api = await apiAs(baseURL, 'unitadmin');
    for (const no of ['E2E0011', 'E2E0012', 'E2E0013']) expect(await findPeople(api, no)).toEqual([]);
  });

  it('lets an administrator move a unit by dragging it onto its new parent', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'admin', DEMO_PASSWORD);
    await page.goto('/org-units');
    const node = (code: string) =>
      page.locator('.ant-tree-treenode').filter({ has: page.locator(`[data-unit-code="${code}"]`) });
    // Open the target so that a drop onto it means "inside" (antd drops beside a closed node's edge).
    await node('G-GH').locator('.ant-tree-switcher').click();
    await node('S1-GH').waitFor();
    const target = node('G-GH').locator('.ant-tree-node-content-wrapper');
    const box = (await target.boundingBox())!;
    await node('G-ZY')
      .locator('.ant-tree-node-content-wrapper')
      .dragTo(target, { targetPosition: { x: 24, y: box.height * 0.75 } });

    const dialog = page.getByRole('dialog');
    await dialog
      .getByText('将“集团政研会”（含其下级单位和人员）从“示范钢铁集团党委（演示）”移到“集团工会”之下？')
      .waitFor();
    // antd spaces out a two-character Chinese button label ("移 动").
    await dialog.getByRole('button', { name: /移\s*动/ }).click();
    await page.getByTestId('unit-detail-name').getByText('集团政研会').waitFor();
    await page.locator('.ant-descriptions-item-content').getByText('集团工会', { exact: true }).waitFor();

    const admin = await apiAs(baseURL, 'admin');
    const moved: TOrgUnitTreeNode = await unitByCode(admin, 'G-ZY');
    expect(moved.parentId).toBe((await unitByCode(admin, 'G-GH')).id);
    expect(errors).toEqual([]);
  });

  it('keeps the admin pages usable at phone width (tables scroll inside their card)', async () => {
    const { page } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    for (const path of ['/people', '/org-units', '/roles', '/audit']) {
      await page.goto(path);
      await page
        .locator('.ant-table-row, .ant-tree-treenode, .ant-empty')
        .filter({ visible: true })
        .first()
        .waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await screenshot(page, 'audit-narrow-zh.png');
  });
});
