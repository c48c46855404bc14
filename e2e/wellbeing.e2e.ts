import type { TCoachProfile, TConsentStatus, TMe, TStoredResult } from '@lifeline/shared';
import type { APIRequestContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');
/** The narrowest common phone: every page must fit it without sideways scrolling. */
const PHONE = { viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true } as const;

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>): Promise<T> {
  if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
  return (await res.json()) as T;
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

async function fitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
}

/** Answers the item on screen; the next one shows by itself. */
async function answer(
  page: Page,
  n: number,
  total: number,
  option: string,
  progress: (n: number, total: number) => string,
) {
  await page.getByTestId('progress').getByText(progress(n, total), { exact: true }).waitFor();
  await page.getByRole('button', { name: option, exact: true }).click();
}

let coach: TCoachProfile;
/** The SAS result the first journey kept and shared (read by the last one). */
let sharedResultId = 0;

beforeAll(async () => {
  // The demo coach account takes requests; its profile is made active here if the demo left it so.
  const coachApi = await apiAs(baseURL, 'coach');
  const profile = await json<TCoachProfile>(await coachApi.get('/api/counselling/profile'));
  coach = profile.active
    ? profile
    : await json<TCoachProfile>(
        await coachApi.put('/api/counselling/profile', {
          data: {
            kind: 'coach',
            specialities: ['情绪压力', '睡眠'],
            languages: ['普通话'],
            bio: '倾听与陪伴（E2E）',
            active: true,
            version: profile.version,
          },
        }),
      );
  // The employee starts with nothing kept, whatever ran before on this server.
  const employee = await apiAs(baseURL, 'employee');
  await json(await employee.delete('/api/assessments/my-data'));
});

describe('wellbeing self-assessments on a phone (real server, demo data)', () => {
  it('an employee consents, takes SAS, sees and shares the result; the coach sees it', async () => {
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(page);
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m');
    await page.getByRole('link', { name: '心灵护航' }).click();
    await page.waitForURL('**/m/wellbeing');
    const sas = page.getByTestId('instrument-sas');
    await sas.getByRole('heading', { name: '焦虑自评量表（SAS）' }).waitFor();
    await sas.getByTestId('consent-state').getByText('未开启保存').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-home-zh.png');

    // The consent, with the retention from the settings, and the two choices.
    await sas.getByRole('link', { name: '开始测评' }).click();
    await page.waitForURL('**/m/wellbeing/take/sas');
    const consentText = page.getByTestId('consent-text');
    await consentText.getByText('保存我的“焦虑自评量表（SAS）”结果').waitFor();
    const settings = await json<{ retentionDays: number }>(
      await page.request.get('/api/assessments/settings'),
    );
    await consentText.getByText(`保存多久：${settings.retentionDays} 天`, { exact: false }).waitFor();
    await page.getByTestId('consent-check-only').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-consent-zh.png');
    await page.getByTestId('consent-agree').click();

    // Instructions, then one item per screen; "none or a little of the time" throughout.
    await page.getByTestId('take-intro').getByText('完成后结果会保存，只有您本人能看到。').waitFor();
    await page.getByTestId('take-start').click();
    const progress = (n: number, total: number) => `第 ${n}/${total} 题`;
    for (let n = 1; n <= 5; n += 1) await answer(page, n, 20, '没有或很少时间', progress);
    await page.getByTestId('progress').getByText('第 6/20 题', { exact: true }).waitFor();
    await screenshot(page, 'mobile-wellbeing-item-zh.png');

    // Nothing has been sent yet: the answers wait on the phone, and a reload offers to resume.
    const kept = await json<TStoredResult[]>(
      await page.request.get('/api/assessments/results?instrument=sas'),
    );
    expect(kept).toEqual([]);
    await page.reload();
    await page.getByTestId('resume-prompt').getByText('您上次答到了 5/20 题', { exact: false }).waitFor();
    await page.getByRole('button', { name: '继续答题' }).click();
    for (let n = 6; n <= 20; n += 1) await answer(page, n, 20, '没有或很少时间', progress);

    await page.getByTestId('take-finish').waitFor();
    await page.getByTestId('take-submit').click();
    await page.waitForURL(/\/m\/wellbeing\/results\/\d+$/);
    const resultId = Number(new URL(page.url()).pathname.split('/').pop());
    sharedResultId = resultId;
    await page.getByTestId('result-kept').waitFor();
    // 15 items at 1 and 5 reversed items at 4: raw 35, standard 35 × 1.25 = 43 (integer part).
    await page.getByTestId('result-band').getByText('无明显焦虑').waitFor();
    await page.getByTestId('result-score').getByText('标准分 43（原始分 35）').waitFor();
    await page.getByText('这是一次自我筛查，帮助您了解自己，不是诊断。', { exact: false }).waitFor();
    expect(await page.getByTestId('care-path').count()).toBe(0);
    // The draft is gone once the result is kept.
    const drafts = await page.evaluate(() =>
      Object.keys(localStorage).filter((k) => k.startsWith('lifeline.wellbeing.draft')),
    );
    expect(drafts).toEqual([]);
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-result-zh.png');

    // Share this result with the demo coach.
    await page.getByTestId('share-open').click();
    await page.waitForURL(`**/m/wellbeing/results/${resultId}/share`);
    await page.getByTestId(`coach-${coach.personId}`).click();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-share-zh.png');
    await page.getByTestId('share-submit').click();
    await page.getByTestId('share-done').getByText(`${coach.name} 现在可以看到这次结果。`).waitFor();

    // My shares lists it; my history has the result and its chart.
    await page.getByRole('link', { name: '查看我的分享' }).click();
    await page.waitForURL('**/m/wellbeing/shares');
    await page.getByTestId('shares-list').getByText(coach.name).waitFor();
    await page.goto('/m/wellbeing/history?instrument=sas');
    await page.getByTestId('history-list').getByTestId('history-row').first().waitFor();
    expect(await page.getByTestId('history-row').count()).toBe(1);
    await page.getByTestId('history-row').getByText('无明显焦虑 · 43 分').waitFor();
    await page.getByTestId('trend-chart').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-history-zh.png');

    // The consent shows on the home page and the privacy page.
    const consents = await json<TConsentStatus[]>(await page.request.get('/api/assessments/consents'));
    expect(consents.find((c) => c.instrument === 'sas')?.granted).toBe(true);
    await noAntd(page, antd);
    expect(errors).toEqual([]);

    // The coach sees the shared result on the phone.
    const employeeMe = await json<TMe>(await page.request.get('/api/me'));
    const coachPage = await newPage({ baseURL, ...PHONE });
    await login(coachPage.page, baseURL, 'coach', DEMO_PASSWORD);
    await coachPage.page.goto('/m/counselling/shared');
    const person = coachPage.page.locator('li', { hasText: employeeMe.person.name }).first();
    await person.waitFor();
    await person.getByText('焦虑自评量表（SAS）').first().waitFor();
    await person.getByText('无明显焦虑').first().waitFor();
    await screenshot(coachPage.page, 'mobile-wellbeing-coach-shared-zh.png');
    expect(coachPage.errors).toEqual([]);
  });

  it('a self-check in English keeps nothing and shows help at once for a severe result', async () => {
    const { page, errors } = await newPage({ baseURL, locale: 'en', ...PHONE });
    const antd = watchAntd(page);
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m/wellbeing/take/phq9');
    await page
      .getByTestId('consent-text')
      .getByText('Keep my "Patient Health Questionnaire (PHQ-9)" results')
      .waitFor();
    await page.getByTestId('consent-check-only').click();
    await page
      .getByTestId('take-intro')
      .getByText('This time you only see the result; nothing is kept.')
      .waitFor();
    await page.getByTestId('take-start').click();
    const progress = (n: number, total: number) => `Question ${n} of ${total}`;
    for (let n = 1; n <= 9; n += 1) await answer(page, n, 9, 'Nearly every day', progress);
    await page.getByTestId('take-submit').click();

    // Severe, with the item-9 flag: the care path comes first, with the help contacts.
    const care = page.getByTestId('care-path');
    await care.getByRole('heading', { name: "You don't have to face this alone" }).waitFor();
    await care.getByText('Otherwise nobody is told about this result.', { exact: false }).waitFor();
    const settings = await json<{ help: { contacts: { phone: string }[] } }>(
      await page.request.get('/api/assessments/settings'),
    );
    // The contacts come with the help settings, which may arrive after the heading.
    for (const c of settings.help.contacts)
      await care.locator(`a[href="tel:${c.phone.replace(/[^\d+]/g, '')}"]`).waitFor();
    await page.getByTestId('result-band').getByText('Severe').waitFor();
    await page.getByTestId('result-flags').waitFor();
    await page.getByTestId('not-kept').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-care-en.png');

    // Nothing was kept, and nobody was told.
    const kept = await json<TStoredResult[]>(
      await page.request.get('/api/assessments/results?instrument=phq9'),
    );
    expect(kept).toEqual([]);
    const before = await json<unknown[]>(await page.request.get('/api/counselling/requests'));

    // One tap asks a coach to get in touch.
    await care.getByTestId('consult-button').click();
    await care
      .getByTestId('consult-sent')
      .getByText('Sent. A happiness coach will contact you soon.')
      .waitFor();
    expect(await care.getByRole('link', { name: 'See my consultations' }).getAttribute('href')).toBe(
      '/m/counselling',
    );
    const after = await json<unknown[]>(await page.request.get('/api/counselling/requests'));
    expect(after.length).toBe(before.length + 1);
    await noAntd(page, antd);
    expect(errors).toEqual([]);
  });

  it('an employee revokes the share, then erases everything; the coach can no longer read it', async () => {
    expect(sharedResultId).toBeGreaterThan(0);
    const coachApi = await apiAs(baseURL, 'coach');
    expect((await coachApi.get(`/api/assessments/results/${sharedResultId}`)).status()).toBe(200);

    const { page, errors } = await newPage({ baseURL, ...PHONE });
    await login(page, baseURL, 'employee', DEMO_PASSWORD);
    await page.goto('/m/wellbeing/shares');
    const list = page.getByTestId('shares-list');
    await list.getByText(coach.name).waitFor();
    await list.getByTestId('share-revoke').click();
    await list.getByText(`撤回后，${coach.name} 将无法再看到这些结果。确定撤回吗？`).waitFor();
    await list.getByTestId('share-revoke-confirm').click();
    await page.getByTestId('shares-empty').waitFor();
    expect((await coachApi.get(`/api/assessments/results/${sharedResultId}`)).status()).toBe(404);

    // Privacy: the SAS consent, then "delete all my data" with its confirm step.
    await page.goto('/m/wellbeing/privacy');
    await page.getByTestId('privacy-sas').getByText('已同意保存', { exact: false }).waitFor();
    await page.getByTestId('erase-all-button').click();
    await page.getByText('确定删除您的全部数据吗？此操作不可恢复。').waitFor();
    await fitsPhone(page);
    await screenshot(page, 'mobile-wellbeing-privacy-zh.png');
    await page.getByTestId('erase-all-button-confirm').click();
    await page.getByTestId('erasure-done').getByText('已删除 1 条结果，撤回 0 项分享。').waitFor();
    await page.getByTestId('privacy-sas').getByText('未同意保存').waitFor();

    await page.goto('/m/wellbeing/history?instrument=sas');
    await page.getByTestId('history-empty').waitFor();
    expect(errors).toEqual([]);
  });
});
