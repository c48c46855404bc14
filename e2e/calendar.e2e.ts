import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;

afterAll(closeBrowser);

/** Chooses a year; the click is repeated if a starved machine lost it while the list slid in. */
async function chooseYear(page: Page, year: number, label: string): Promise<void> {
  const open = page.locator('.ant-select-dropdown:visible');
  await expect
    .poll(
      async () => {
        if (page.url().endsWith(`/calendar?year=${year}`)) return true;
        if ((await open.count()) === 0) await page.getByTestId('calendar-year').click();
        await open
          .locator('.ant-select-item-option')
          .filter({ hasText: label })
          .first()
          .click({ timeout: 10_000 })
          .catch(() => undefined);
        return page.url().endsWith(`/calendar?year=${year}`);
      },
      { timeout: 60_000 },
    )
    .toBe(true);
}

/** Fills the calculator (Beijing time) and asks for the deadline. */
async function computeDeadline(page: Page, from: string, workingDays: number): Promise<void> {
  const input = page.locator('input#deadline_from');
  await input.click();
  await input.fill(from);
  await input.press('Enter');
  await page.locator('input#deadline_workingDays').fill(String(workingDays));
  await page.getByTestId('deadline-compute').click();
}

describe('working-day calendar', () => {
  it('lets an administrator enter and declare a year the official data lacks', async () => {
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'admin', 'Lifeline@2026');
    await page.goto('/calendar');
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    // The menu offers the page to an administrator.
    await page.getByRole('menuitem', { name: '工作日历' }).waitFor();
    // The official data for this year: Spring Festival 2026 shows as holiday and adjusted working day.
    await page.goto('/calendar?year=2026');
    await page.locator('[data-day="2026-02-14"][data-kind="adjusted_workday"]').waitFor();
    await page.locator('[data-day="2026-02-17"][data-kind="holiday"]').waitFor();
    await page.getByTestId('special-days').getByText('国庆节').first().waitFor();
    await screenshot(page, 'calendar-2026-zh.png');

    await chooseYear(page, 2027, '2027 年');
    const banner = page.getByTestId('year-not-covered');
    await banner.getByText('2027 年尚无官方安排：请录入该年的节假日和调休上班日，然后声明录入完成').waitFor();
    expect(await page.getByTestId('declare-year').isDisabled()).toBe(true);
    await banner.getByText('至少录入一个节假日后才能声明。').waitFor();

    // Before the year is entered, a deadline reaching into it is refused with a clear message.
    await computeDeadline(page, '2026-12-29 10:00', 5);
    await page.getByTestId('deadline-result').getByText('2027 年的工作日历尚未录入，无法计算').waitFor();

    // 1 January 2027 becomes the New Year holiday.
    await page.locator('[data-day="2027-01-01"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('2027-01-01（星期五）').waitFor();
    await dialog.getByTestId('day-current').getByText('工作日').waitFor();
    await dialog.getByText('休息日（节假日）').click();
    await dialog.getByTestId('day-name').locator('input').fill('元旦');
    await dialog.getByTestId('day-save').click();
    await page.locator('[data-day="2027-01-01"][data-kind="override_holiday"]').waitFor();
    const row = page.getByTestId('special-days').locator('tr', { hasText: '2027-01-01' });
    await row.getByText('元旦').waitFor();
    await row.getByText('周五').waitFor();
    await row.getByText('休息（管理员设置）').waitFor();

    // Now the year can be declared complete.
    await banner.getByText('已录入：节假日 1 天，上班日 0 天。').waitFor();
    await page.getByTestId('declare-year').click();
    await page
      .getByRole('dialog')
      .getByLabel('依据（可选）')
      .fill('国务院办公厅关于 2027 年部分节假日安排的通知');
    await page.getByTestId('declare-confirm').click();
    await page.getByTestId('year-declared').getByText('2027 年的安排由管理员录入，已声明完成').waitFor();
    await expect.poll(() => page.getByTestId('year-not-covered').count()).toBe(0);

    // The calculator recomputes on its own: 30, 31 Dec, (1–3 Jan off), 4, 5, 6 Jan.
    const value = page.getByTestId('deadline-value');
    await expect.poll(() => value.textContent()).toBe('2027-01-06 24:00（星期三）');
    // And asking again gives the same answer.
    await computeDeadline(page, '2026-12-29 10:00', 5);
    await page.getByTestId('deadline-value').getByText('2027-01-06 24:00').waitFor();

    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'calendar-2027-zh.png');

    // Put the year back as it was: withdraw the declaration, then remove the setting.
    await page.getByTestId('year-declared').getByRole('button', { name: '撤回声明' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '撤回声明' }).click();
    // The lasting state, not the toast that says so: a toast lasts 3 s, and a starved test process
    // can miss it on a busy machine.
    await page.getByTestId('year-not-covered').waitFor();
    await page.locator('[data-day="2027-01-01"]').click();
    await page.getByRole('dialog').getByTestId('day-remove').click();
    await page.locator('[data-day="2027-01-01"][data-kind="weekday"]').waitFor();
    await expect.poll(() => page.getByTestId('declare-year').isDisabled()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('fits a phone and reads in English', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'admin', 'Lifeline@2026');
    await page.goto('/calendar?year=2027');
    await page.getByRole('heading', { name: 'Working-day calendar' }).waitFor();
    await page
      .getByText(
        '2027 has no official arrangement yet: enter its holidays and adjusted working days, then declare it complete',
      )
      .waitFor();
    await page.getByText('Enter at least one holiday before declaring the year complete.').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'calendar-2027-en-phone.png');

    await page.goto('/calendar?year=2026');
    await page.locator('[data-day="2026-10-01"][data-kind="holiday"]').click();
    await page.getByRole('dialog').getByText('Public holiday').waitFor();
    await page
      .getByRole('dialog')
      .getByText('This is the official arrangement; saving a setting overrides it.')
      .waitFor();
    expect(await page.getByRole('dialog').getByTestId('day-remove').count()).toBe(0);
    await screenshot(page, 'calendar-2026-en-phone-day.png');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
  });
});
