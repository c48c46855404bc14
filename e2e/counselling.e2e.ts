import type {
  TCoachProfile,
  TConsentStatus,
  TConsultation,
  TInstrumentDefinition,
  TMe,
  TStoreResultOut,
} from '@lifeline/shared';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis, findPeople, openAccount } from './demo.js';

const baseURL = inject('baseURL');
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESKTOP = { viewport: { width: 1280, height: 800 } } as const;
/** A demo person without an account, who takes a self-assessment and shares it with the coach. */
const SHARER = 'D000201';
const INITIAL = 'Initial-Pass-26';
const SHARER_PASSWORD = 'Sharer-Pass-2026';
/** A 2×2 PNG, for the coach's photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGM4IaAHRAwQCgAfHgQZ2PY+qQAAAABJRU5ErkJggg==',
  'base64',
);

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

/** Watches a page: no request may fetch the antd chunk, and no antd class may be drawn. */
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

/** Tomorrow in Beijing (YYYY-MM-DD), as a `datetime-local` date. */
function tomorrowInBeijing(): string {
  return new Date(Date.now() + 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' });
}

/** The width the page's content takes: nothing may scroll sideways. */
const scrollWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

describe('one-click counselling on a phone (real server, demo data)', () => {
  it('an employee asks with one tap, a coach books it and notes it privately, the employee sees the booking', async () => {
    // The employee: the tile, the privacy promise, one tap.
    const employee = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(employee.page);
    await login(employee.page, baseURL, 'employee', DEMO_PASSWORD);
    await employee.page.goto('/m');
    await employee.page.getByRole('link', { name: '一键式咨询' }).click();
    await employee.page.waitForURL('**/m/counselling');
    await employee.page.getByRole('heading', { name: '想找人聊聊？' }).waitFor();
    await employee.page
      .getByTestId('privacy')
      .getByText('您的请求只有接单的教练能看到，不会告诉您的领导、同事或单位里的任何人。')
      .waitFor();
    await employee.page.getByRole('heading', { name: '教练团队' }).waitFor();
    expect(await scrollWidth(employee.page)).toBeLessThanOrEqual(390);
    await screenshot(employee.page, 'mobile-counselling-team-zh.png');

    await employee.page.getByTestId('one-click').click();
    const sent = employee.page.getByTestId('request-sent');
    await sent.getByText('请求已发出，教练团队中的一位教练会尽快与您约定时间。').waitFor();
    const href = await sent.getByRole('link', { name: '查看请求进展' }).getAttribute('href');
    const id = Number(/\/m\/counselling\/requests\/(\d+)$/.exec(href ?? '')?.[1]);
    expect(id).toBeGreaterThan(0);
    await screenshot(employee.page, 'mobile-counselling-sent-zh.png');

    // The coach: the request waits in the team pool; opening it shows who asked.
    const coach = await newPage({ baseURL, ...PHONE });
    const coachAntd = watchAntd(coach.page);
    await login(coach.page, baseURL, 'coach', DEMO_PASSWORD);
    await coach.page.goto('/m/counselling');
    await coach.page.getByTestId('counselling-nav').getByRole('link', { name: '收件箱' }).click();
    await coach.page.waitForURL('**/m/counselling/inbox');
    const pooled = coach.page.getByTestId('pool').getByTestId(`case-${id}`);
    await pooled.getByText('王小军').waitFor();
    await pooled.getByText('待安排').waitFor();
    await screenshot(coach.page, 'mobile-counselling-inbox-zh.png');
    await pooled.click();
    await coach.page.waitForURL(`**/m/counselling/requests/${id}`);
    await coach.page.getByRole('heading', { name: `咨询案例 #${id}` }).waitFor();
    await coach.page.getByTestId('employee-name').getByText('王小军').waitFor();
    // Not yet the coach's case: no notes, and only "book" is offered.
    expect(await coach.page.getByTestId('notes').count()).toBe(0);
    expect(await coach.page.getByTestId('action-decline').count()).toBe(0);

    // Booking takes the case: tomorrow 15:00 Beijing time, in the union's room.
    await coach.page.getByTestId('action-book').click();
    await coach.page.getByTestId('book-when').fill(`${tomorrowInBeijing()}T15:00`);
    const place = '工会心理咨询室（办公楼 3 楼 302）';
    await coach.page.getByTestId('book-place').fill(place);
    await coach.page.getByRole('button', { name: '确认预约' }).click();
    await coach.page.getByTestId('request-heading').getByText('已预约').waitFor();
    await coach.page.getByTestId('booked-for').getByText(/15:00/).waitFor();
    await coach.page.getByTestId('booked-place').getByText(place).waitFor();

    // A private note, said to be private.
    const notes = coach.page.getByTestId('notes');
    await notes
      .getByTestId('notes-privacy')
      .getByText('只有您自己能看到这些记录，请求人和其他教练、管理员都看不到。')
      .waitFor();
    const note = '首次沟通：近期工作压力大、睡眠不好，约定明天面谈。';
    await notes.getByTestId('note-text').fill(note);
    await notes.getByRole('button', { name: '保存记录' }).click();
    await notes.getByTestId('note').getByText(note).waitFor();
    await expect.poll(() => notes.getByTestId('note-text').inputValue()).toBe('');
    expect(await scrollWidth(coach.page)).toBeLessThanOrEqual(390);
    await screenshot(coach.page, 'mobile-counselling-case-zh.png');

    // The case now sits among the coach's own cases, no longer in the pool.
    await coach.page.goto('/m/counselling/inbox');
    await coach.page.getByTestId('my-cases').getByTestId(`case-${id}`).getByText('已预约').waitFor();
    expect(await coach.page.getByTestId('pool').getByTestId(`case-${id}`).count()).toBe(0);

    // The employee sees the booking: time and place, and may still cancel.
    await employee.page.goto('/m/counselling/requests');
    const mine = employee.page.getByTestId(`request-${id}`);
    await mine.getByText('已预约').waitFor();
    await mine.getByText('教练：林晓梅').waitFor();
    await mine.getByTestId('booking').getByText(/15:00/).waitFor();
    await mine.getByText(`地点：${place}`).waitFor();
    await mine.getByTestId('cancel-request').waitFor();
    await screenshot(employee.page, 'mobile-counselling-requests-zh.png');
    await mine.getByRole('link').first().click();
    await employee.page.waitForURL(`**/m/counselling/requests/${id}`);
    await employee.page.getByTestId('booked-place').getByText(place).waitFor();
    // The coach's notes never reach the employee, on the page or through the API.
    expect(await employee.page.getByText(note).count()).toBe(0);
    expect(await employee.page.getByTestId('notes').count()).toBe(0);
    const api = await apiAs(baseURL, 'employee');
    expect((await api.get(`/api/counselling/requests/${id}/notes`)).ok()).toBe(false);
    const seen = (await (await api.get(`/api/counselling/requests/${id}`)).json()) as TConsultation;
    expect(seen.state).toBe('booked');
    await screenshot(employee.page, 'mobile-counselling-request-zh.png');

    // Asking one coach, with a few words, a time and a phone call; then thinking better of it.
    const team = (await (await api.get('/api/counselling/coaches')).json()) as TCoachProfile[];
    const other = team.find((c) => c.name !== '林晓梅');
    if (!other) throw new Error('no other demo coach');
    await employee.page.goto('/m/counselling');
    const card = employee.page.getByTestId(`coach-${other.personId}`);
    await card.getByTestId('availability').waitFor();
    await card.getByRole('button', { name: `向${other.name}咨询` }).click();
    const words = '最近和家人沟通有些困难，想听听建议。';
    await card.getByLabel('想说的话（选填）').fill(words);
    await card.getByLabel('方便的时间（选填）').fill('工作日晚上');
    await card.getByText('电话联系').click();
    await card.getByRole('button', { name: '发送请求' }).click();
    await card
      .getByTestId('request-sent')
      .getByText(`请求已发给${other.name}，教练会尽快与您约定时间。`)
      .waitFor();
    await employee.page.getByTestId('counselling-nav').getByRole('link', { name: '我的请求' }).click();
    const asked = employee.page.getByTestId('my-requests').locator('li').filter({ hasText: words });
    await asked.getByText(`教练：${other.name}`).waitFor();
    await asked.getByText('待安排').waitFor();
    await asked.getByTestId('cancel-request').click();
    await asked.getByRole('button', { name: '确定取消' }).click();
    await asked.getByText('已取消').waitFor();
    expect(await asked.getByTestId('cancel-request').count()).toBe(0);

    // The coach pages are not for employees.
    await employee.page.goto('/m/counselling/inbox');
    await employee.page.getByTestId('not-found').waitFor();
    expect(await employee.page.getByTestId('counselling-nav').count()).toBe(0);

    await noAntd(employee.page, antd);
    await noAntd(coach.page, coachAntd);
    expect(employee.errors).toEqual([]);
    expect(coach.errors).toEqual([]);
  });

  it('gives a coach on a desktop browser the profile and hours editor, in English', async () => {
    const { page, errors } = await newPage({ baseURL, ...DESKTOP });
    const antd = watchAntd(page);
    await page.addInitScript(() => localStorage.setItem('lifeline.lang', 'en'));
    await login(page, baseURL, 'coach', DEMO_PASSWORD);
    await page.goto('/m/counselling/profile');
    const form = page.getByTestId('profile-form');
    await form.getByRole('heading', { name: 'About you' }).waitFor();
    await form.getByText('Happiness coach').waitFor();
    await page.getByTestId('photo-form').getByRole('heading', { name: 'Photo' }).waitFor();

    // A photo: uploaded, then shown from the server.
    await page
      .getByTestId('photo-input')
      .setInputFiles({ name: 'coach.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('profile-notice').getByText('Your photo has been updated.').waitFor();
    const photo = page.getByTestId('photo-form').locator('img.m-cs-photo');
    await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(2);

    // Saved elsewhere meanwhile (the same words, a newer version): the save says so and reloads.
    const coachApi = await apiAs(baseURL, 'coach');
    const mine = (await (await coachApi.get('/api/counselling/profile')).json()) as TCoachProfile;
    const { kind, specialities, languages, bio, active, version } = mine;
    expect(
      (
        await coachApi.put('/api/counselling/profile', {
          data: { kind, specialities, languages, bio, active, version },
        })
      ).ok(),
    ).toBe(true);
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page
      .getByTestId('profile-notice')
      .getByText('Your profile was changed elsewhere in the meantime', { exact: false })
      .waitFor();
    await form.getByRole('button', { name: 'Save profile' }).click();
    await page.getByTestId('profile-notice').getByText('Your profile has been saved.').waitFor();

    // Two slots on one Monday that overlap: said before anything is sent.
    const hours = page.getByTestId('availability-form');
    const before = await hours.getByTestId('slot').count();
    await hours.getByTestId('add-slot').click();
    await hours.getByTestId('add-slot').click();
    const slots = hours.getByTestId('slot');
    await expect.poll(() => slots.count()).toBe(before + 2);
    for (const i of [before, before + 1]) {
      await slots.nth(i).getByLabel('Weekday', { exact: true }).selectOption('1');
      await slots.nth(i).getByLabel('From', { exact: true }).fill('10:00');
      await slots.nth(i).getByLabel('To', { exact: true }).fill('12:00');
    }
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await hours.getByText('Slots overlap on Monday').waitFor();
    // End before start, on the last row.
    await slots
      .nth(before + 1)
      .getByLabel('Weekday', { exact: true })
      .selectOption('2');
    await slots
      .nth(before + 1)
      .getByLabel('To', { exact: true })
      .fill('09:00');
    await hours.getByRole('button', { name: 'Save hours' }).click();
    await hours.getByText('The slot must end after it starts').waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
    await screenshot(page, 'desktop-counselling-profile-en.png');

    // The inbox at desktop width, in English.
    await page.getByTestId('counselling-nav').getByRole('link', { name: 'Coach inbox' }).click();
    await page.waitForURL('**/m/counselling/inbox');
    await page.getByRole('heading', { name: /^My cases/ }).waitFor();
    await screenshot(page, 'desktop-counselling-inbox-en.png');

    await noAntd(page, antd);
    expect(errors).toEqual([]);
  });

  it('shows a coach the results people shared with them, with band labels and the answers', async () => {
    // A demo person gets an account, agrees to store SAS results, takes it and shares it.
    const admin = await apiAs(baseURL, 'admin');
    await openAccount(admin, SHARER, INITIAL);
    const [person] = (await findPeople(admin, SHARER)).filter((p) => p.employeeNo === SHARER);
    const sharer = await apiAs(baseURL, SHARER, INITIAL);
    const changed = await sharer.post('/api/me/password', {
      data: { currentPassword: INITIAL, newPassword: SHARER_PASSWORD },
    });
    expect(changed.ok()).toBe(true);
    const consents = (await (await sharer.get('/api/assessments/consents')).json()) as TConsentStatus[];
    const sas = consents.find((c) => c.instrument === 'sas');
    if (!sas) throw new Error('no SAS consent to give');
    expect(
      (
        await sharer.post('/api/assessments/consents', {
          data: { instrument: 'sas', textVersion: sas.textVersion, accept: true },
        })
      ).ok(),
    ).toBe(true);
    const stored = await sharer.post('/api/assessments/results', {
      data: { instrument: 'sas', answers: Array.from({ length: 20 }, () => 3) },
    });
    expect(stored.status()).toBe(201);
    const { result } = (await stored.json()) as TStoreResultOut;
    if (result.result.kind !== 'total') throw new Error('SAS is a total scale');
    const coachApi = await apiAs(baseURL, 'coach');
    const coachMe = (await (await coachApi.get('/api/me')).json()) as TMe;
    const shared = await sharer.post('/api/assessments/shares', {
      data: { coachPersonId: coachMe.person.id, scope: 'result', resultId: result.id },
    });
    expect(shared.status()).toBe(201);
    const defs = (await (
      await coachApi.get('/api/assessments/instruments')
    ).json()) as TInstrumentDefinition[];
    const def = defs.find((d) => d.code === 'sas');
    const band =
      def?.scoring.kind === 'total'
        ? def.scoring.norms.bands.find(
            (b) => b.code === (result.result.kind === 'total' ? result.result.band : ''),
          )
        : undefined;
    if (!def || !band) throw new Error('no SAS band to show');

    // The coach sees the person, the instrument, the band's label and score, and the answers.
    const { page, errors } = await newPage({ baseURL, ...PHONE });
    const antd = watchAntd(page);
    await login(page, baseURL, 'coach', DEMO_PASSWORD);
    await page.goto('/m/counselling/shared');
    await page
      .getByTestId('shared-privacy')
      .getByText('这些结果是员工本人选择分享给您的', { exact: false })
      .waitFor();
    const card = page.getByTestId(`shared-${person.id}`);
    await card.getByRole('heading', { name: person.name }).waitFor();
    const line = card.getByTestId(`result-${result.id}`);
    await line.getByText(result.name.zh).waitFor();
    await line.getByTestId('band').getByText(band.label.zh).waitFor();
    await line.getByText(`标准分 ${result.result.standard}`).waitFor();
    await line.getByText('查看作答（20 题）').click();
    await line.getByText(def.items[0].text.zh).waitFor();
    await line.getByText('相当多时间 (3)').first().waitFor();
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390);
    await screenshot(page, 'mobile-counselling-shared-zh.png');
    await noAntd(page, antd);
    expect(errors).toEqual([]);
  });
});
