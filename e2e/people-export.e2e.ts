import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

describe('people export (real server, demo data)', () => {
  it('exports the administrator’s whole roster as a job with progress, every row, labels and dates', async () => {
    const api = await apiAs(baseURL, 'unitadmin');
    const total = ((await (await api.get('/api/people?pageSize=1')).json()) as { total: number }).total;
    expect(total).toBeGreaterThan(100);

    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto('/people');
    await page.getByTestId('people-export').waitFor();
    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('people-export').click();
    const file = await (await download).path();
    await screenshot(page, 'people-export-done.png');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.actualRowCount).toBe(total + 1);
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const status = header.indexOf('政治面貌*') + 1;
    const labels = new Set<string>();
    sheet.eachRow((row, n) => {
      if (n > 1) labels.add(String(row.getCell(status).value));
    });
    // Labels, never codes.
    expect(
      [...labels].every((l) => /[\u4e00-\u9fa5]/.test(l)),
      [...labels].join(','),
    ).toBe(true);
    expect(errors).toEqual([]);
  });
});
