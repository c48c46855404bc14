import type { TWellbeingSettings } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, newPage, screenshot } from './browser.js';
import { apiAs, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
/** The narrowest common phone: every page must fit it without sideways scrolling. */
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;
/** The only calls the public self-check may make: it never asks who one is. */
const ALLOWED = [
  'GET /api/assessments/settings',
  'GET /api/assessments/instruments',
  'POST /api/assessments/score',
];

let admin: APIRequestContext;
/** Whether the self-check was open before this file ran (put back at the end). */
let wasOpen = false;

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Opens or closes the self-check to everyone, as the administrator, on the current version. */
async function setOpen(open: boolean): Promise<TWellbeingSettings> {
  const current = await json<TWellbeingSettings>(await admin.get('/api/assessments/settings'));
  const { updatedAt: _read, ...input } = current;
  return json<TWellbeingSettings>(
    await admin.put('/api/assessments/settings', { data: { ...input, openToEveryone: open } }),
  );
}

/** Every call a page makes to /api, as "METHOD /path", and the bodies it sends. */
function watchApi(page: Page): { calls: string[]; bodies: unknown[] } {
  const seen = { calls: [] as string[], bodies: [] as unknown[] };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!url.pathname.startsWith('/api/')) return;
    seen.calls.push(`${r.method()} ${url.pathname}${url.search}`);
    if (r.method() !== 'GET') seen.bodies.push(r.postDataJSON());
  });
  return seen;
}

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

async function drafts(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lifeline.wellbeing')));
}

/** Answers every item with the same option; the next one shows by itself. */
async function answerAll(page: Page, total: number, option: string, progress: (n: number) => string) {
  for (let n = 1; n <= total; n += 1) {
    await page.getByTestId('progress').getByText(progress(n), { exact: true }).waitFor();
    await page.getByRole('button', { name: option, exact: true }).click();
  }
}

beforeAll(async () => {
  admin = await apiAs(baseURL, 'admin');
  wasOpen = (await json<TWellbeingSettings>(await admin.get('/api/assessments/settings'))).openToEveryone;
  await setOpen(false);
});

afterAll(async () => {
  await setOpen(wasOpen);
  await disposeApis();
  await closeBrowser();
});

describe('the public self-check on a phone (no account)', () => {
  it('while it is closed, the page says it is for employees and the login page offers no link', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const api = watchApi(page);
    await page.goto('/m/self-check');
    const closed = page.getByTestId('self-check-closed');
    await closed.getByRole('heading', { name: '心理自测仅面向本单位职工' }).waitFor();
    expect(await closed.getByTestId('to-login').getAttribute('href')).toBe('/m/login?next=%2Fm%2Fwellbeing');
    expect(api.calls).toEqual(['GET /api/assessments/settings']);
    await fitsPhone(page);

    const settingsRead = page.waitForResponse((r) => r.url().endsWith('/api/assessments/settings'));
    await page.goto('/m/login');
    await settingsRead;
    await page.getByTestId('login-submit').waitFor();
    expect(await page.getByTestId('self-check-link').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('once opened, anyone takes GAD-7 from the login page and sees the result; nothing is kept', async () => {
    await setOpen(true);
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await page.goto('/m/login');
    await page.getByTestId('self-check-link').getByText('自测（无需登录）').click();
    await page.waitForURL('**/m/self-check');
    await page.getByTestId('nothing-stored').getByText('不保存任何内容', { exact: false }).waitFor();

    // From here on, a fresh page: only the settings, the scales and the scoring are called.
    const fresh = await newPage({ baseURL, ...PHONE });
    const p = fresh.page;
    const api = watchApi(p);
    await p.goto('/m/self-check');
    const gad7 = p.getByTestId('instrument-gad7');
    await gad7.getByRole('heading', { name: '广泛性焦虑量表（GAD-7）' }).waitFor();
    expect(await p.getByTestId('consent-state').count()).toBe(0);
    await fitsPhone(p);
    await screenshot(p, 'mobile-self-check-home-zh.png');

    await gad7.getByRole('link', { name: '开始测评' }).click();
    await p.waitForURL('**/m/self-check/take/gad7');
    await p.getByTestId('take-intro').getByText('不保存任何内容：', { exact: false }).waitFor();
    await p.getByTestId('take-start').click();
    await answerAll(p, 3, '好几天', (n) => `第 ${n}/7 题`);
    // No draft on the phone: the answers live in the page only.
    await p.getByText('回答只留在本页面，完成后才发送，仅用于计算结果。').waitFor();
    expect(await drafts(p)).toEqual([]);
    await fitsPhone(p);
    await screenshot(p, 'mobile-self-check-item-zh.png');
    for (let n = 4; n <= 7; n += 1) {
      await p.getByTestId('progress').getByText(`第 ${n}/7 题`, { exact: true }).waitFor();
      await p.getByRole('button', { name: '好几天', exact: true }).click();
    }
    await p.getByTestId('take-submit').click();

    // 7 × "several days" = 7: mild, no care path, and an invitation to log in instead of the button.
    await p.getByTestId('result-band').getByText('轻度').waitFor();
    await p.getByTestId('result-score').getByText('得分 7（满分 21）').waitFor();
    await p.getByTestId('not-kept').getByText('没有保存任何内容', { exact: false }).waitFor();
    expect(await p.getByTestId('care-path').count()).toBe(0);
    await p.getByTestId('talk-offer').getByTestId('login-invite').waitFor();
    expect(await p.getByTestId('consult-button').count()).toBe(0);
    expect(await drafts(p)).toEqual([]);
    await fitsPhone(p);
    await screenshot(p, 'mobile-self-check-result-zh.png');

    expect(api.calls.filter((c) => !ALLOWED.includes(c))).toEqual([]);
    expect(api.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /api/assessments/score']);
    expect(api.bodies).toEqual([{ instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] }]);
    expect(errors).toEqual([]);
    expect(fresh.errors).toEqual([]);
  });

  it('a severe PHQ-9 in English shows the help contacts at once, with no consultation button', async () => {
    const settings = await json<TWellbeingSettings>(await admin.get('/api/assessments/settings'));
    expect(settings.openToEveryone).toBe(true);
    const { page, errors } = await newPage({ baseURL, locale: 'en', ...PHONE });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    const api = watchApi(page);
    await page.goto('/m/self-check/take/phq9');
    await page.getByTestId('take-intro').getByText('Nothing is stored:', { exact: false }).waitFor();
    await page.getByTestId('take-start').click();
    await answerAll(page, 9, 'Nearly every day', (n) => `Question ${n} of 9`);
    await page.getByTestId('take-submit').click();

    const care = page.getByTestId('care-path');
    await care.getByRole('heading', { name: "You don't have to face this alone" }).waitFor();
    // The contacts come with the help settings, which may arrive after the heading.
    for (const c of settings.help.contacts)
      await care.locator(`a[href="tel:${c.phone.replace(/[^\d+]/g, '')}"]`).waitFor();
    expect(settings.help.contacts.length).toBeGreaterThan(0);
    await care
      .getByTestId('login-invite')
      .getByText('Employees can log in to ask a happiness coach', { exact: false })
      .waitFor();
    expect(await care.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/m/login?next=%2Fm%2Fwellbeing',
    );
    await care.getByText('this page does not know who you are', { exact: false }).waitFor();
    expect(await page.getByTestId('consult-button').count()).toBe(0);
    await page.getByTestId('result-band').getByText('Severe').waitFor();
    await page.getByTestId('result-flags').waitFor();
    await page.getByTestId('not-kept').waitFor();
    expect(await drafts(page)).toEqual([]);
    await fitsPhone(page);
    await screenshot(page, 'mobile-self-check-care-en.png');

    expect(api.calls.filter((c) => !ALLOWED.includes(c))).toEqual([]);
    expect(api.calls.filter((c) => c.startsWith('POST'))).toEqual(['POST /api/assessments/score']);
    expect(errors).toEqual([]);
  });

  it('the login page offers the self-check in English while it is open', async () => {
    const { page, errors } = await newPage({ baseURL, locale: 'en', ...PHONE });
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await page.goto('/m/login');
    const link = page.getByTestId('self-check-link');
    await link.getByText('Self-check without an account', { exact: true }).waitFor();
    expect(await link.getAttribute('href')).toBe('/m/self-check');
    await fitsPhone(page);
    await screenshot(page, 'mobile-login-self-check-en.png');
    expect(errors).toEqual([]);
  });
});
