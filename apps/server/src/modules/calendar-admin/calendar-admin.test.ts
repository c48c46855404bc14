import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, loginAs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let admin: Client;
let employee: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const root = await buildUnit(t.app.lifeline.database.db);
  admin = await loginAs(t.app, root, [['sysadmin', root]]);
  employee = await loginAs(t.app, root);
});
afterAll(() => t.close());

const deadline = (c: Client, from: string, days: number) =>
  c.request('GET', `/api/calendar/deadline?from=${encodeURIComponent(from)}&workingDays=${days}`);

describe('working-day calendar administration', () => {
  it('computes deadlines on the official calendar across the Spring Festival', async () => {
    const res = await deadline(employee, '2026-02-13T10:00:00+08:00', 5);
    expect(res.json()).toEqual({ deadline: '2026-02-27T16:00:00.000Z' });
    const days = (await employee.request('GET', '/api/calendar/years/2026/days')).json();
    expect(days.covered).toBe(true);
    expect(days.days).toContainEqual({
      day: '2026-02-14',
      working: true,
      reason: 'adjusted_workday',
      name: '春节',
    });
  });

  it('refuses a year without data with a clear message until an administrator enters and declares it', async () => {
    const refused = await deadline(employee, '2026-12-29T10:00:00+08:00', 5);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'calendar_year_missing', details: { year: 2027 } });
    expect((await employee.request('GET', '/api/calendar/years')).json()).not.toContainEqual(
      expect.objectContaining({ year: 2027 }),
    );

    const early = await admin.request('POST', '/api/calendar/years/2027/declare', {});
    expect(early.statusCode).toBe(400);

    for (const day of ['2027-01-01', '2027-01-02', '2027-01-03']) {
      expect(
        (await admin.request('PUT', `/api/calendar/overrides/${day}`, { kind: 'holiday', name: '元旦' }))
          .statusCode,
      ).toBe(204);
    }
    expect(
      (await admin.request('POST', '/api/calendar/years/2027/declare', { note: '国务院办公厅通知' }))
        .statusCode,
    ).toBe(204);
    // 29 Dec (Tue) → 30, 31 (2), 1–3 Jan holidays, 4 (3), 5 (4), 6 (5).
    expect((await deadline(employee, '2026-12-29T10:00:00+08:00', 5)).json()).toEqual({
      deadline: '2027-01-06T16:00:00.000Z',
    });
    expect((await employee.request('GET', '/api/calendar/years')).json()).toContainEqual({
      year: 2027,
      source: 'administrator',
      overrides: 3,
    });
  });

  it('lets an override correct the official data and records who did it', async () => {
    expect(
      (await admin.request('PUT', '/api/calendar/overrides/2026-03-10', { kind: 'holiday', name: '厂休' }))
        .statusCode,
    ).toBe(204);
    expect((await deadline(employee, '2026-03-09T10:00:00+08:00', 1)).json()).toEqual({
      deadline: '2026-03-11T16:00:00.000Z',
    });
    // 10 March is now a holiday: the first working day after the 9th is the 11th.
    expect((await employee.request('GET', '/api/calendar/years/2026/days')).json().days).toContainEqual({
      day: '2026-03-10',
      working: false,
      reason: 'override',
      name: '厂休',
    });
    const audit = (await admin.request('GET', '/api/audit-events?action=calendar.')).json();
    expect(audit.items.some((e: { recordId: string }) => e.recordId === '2026-03-10')).toBe(true);
    expect((await admin.request('DELETE', '/api/calendar/overrides/2026-03-10')).statusCode).toBe(204);
    expect((await admin.request('DELETE', '/api/calendar/overrides/2026-03-10')).statusCode).toBe(404);
  });
});
