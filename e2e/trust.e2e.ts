import type { TAuditEvent, TPersonSummary } from '@lifeline/shared';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { closeBrowser, login, newPage, screenshot } from './browser.js';
import { apiAs, DEMO_PASSWORD, disposeApis } from './demo.js';

const baseURL = inject('baseURL');

afterAll(async () => {
  await disposeApis();
  await closeBrowser();
});

const SAS_NORMAL = Array.from({ length: 20 }, (_, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 4 : 1));

describe('trust at the edges (real server, demo data)', () => {
  it('offers a unit administrator only the roles it may grant, and refuses more through the API with the reason', async () => {
    const unitAdmin = await apiAs(baseURL, 'unitadmin');
    const people = (await (await unitAdmin.get('/api/people?pageSize=50')).json()).items as TPersonSummary[];
    const someone = people.find((p) => p.employeeNo !== 'unitadmin' && p.employeeNo !== 'secretary')!;
    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'unitadmin', DEMO_PASSWORD);
    await page.goto(`/people/${someone.id}`);
    await page.getByTestId('person-roles').getByRole('button', { name: '分配角色' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('角色', { exact: true }).waitFor();
    // The role picker offers the server's answer for this unit and person.
    await dialog.locator('#assign-role_role').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    expect(await options.allTextContents()).toEqual([
      '安全管理员',
      '单位政工管理员',
      '支部书记',
      '快线承办人',
    ]);
    await screenshot(page, 'assign-role-grantable-zh.png');
    await page.keyboard.press('Escape');

    // Asking for more through the API is refused with the reason, whatever the UI offers.
    const leader = await unitAdmin.post('/api/role-assignments', {
      data: { personId: someone.id, role: 'leader', unitId: someone.unitId },
    });
    expect(leader.status()).toBe(403);
    expect((await leader.json()).error.details.reason).toBe('role_exceeds_granter');
    expect(errors).toEqual([]);
  });

  it('shows the audit administrator sensitive events without names until a reason is given, and records it', async () => {
    // An employee keeps a self-assessment result (a sensitive event with their name behind it).
    const employee = await apiAs(baseURL, 'employee');
    await employee.post('/api/assessments/consents', {
      data: { instrument: 'sas', textVersion: 'c1', accept: true },
    });
    expect(
      (
        await employee.post('/api/assessments/results', { data: { instrument: 'sas', answers: SAS_NORMAL } })
      ).status(),
    ).toBe(201);

    const { page, errors } = await newPage({ baseURL });
    await login(page, baseURL, 'auditor', DEMO_PASSWORD);
    await page.goto('/audit?action=assessment_');
    const row = page.locator('.ant-table-row').filter({ hasText: '保存自评结果' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('已隐去（敏感事件）');
    expect(await row.textContent()).not.toContain('王小军');

    await page.getByTestId('audit-reveal').click();
    await page.getByRole('dialog').getByRole('textbox').fill('核查职工投诉 2026-12 第 3 号');
    await page.getByRole('dialog').locator('.ant-btn-primary').click();
    await page.getByTestId('audit-reveal-active').waitFor();
    await page.locator('.ant-table-row').filter({ hasText: '王小军' }).first().waitFor();
    await screenshot(page, 'audit-reveal-zh.png');

    // The system administrator sees that the audit administrator looked, and why — not at whom.
    const admin = await apiAs(baseURL, 'admin');
    const trail = (await (await admin.get('/api/audit-events?action=audit.reveal')).json())
      .items as TAuditEvent[];
    expect(trail[0].details).toMatchObject({ reason: '核查职工投诉 2026-12 第 3 号' });
    const masked = (await (await admin.get('/api/audit-events?action=assessment_result.')).json())
      .items as TAuditEvent[];
    expect(masked.length).toBeGreaterThan(0);
    expect(masked.every((e) => e.masked && e.actorName === null)).toBe(true);
    expect(errors).toEqual([]);
  });
});
