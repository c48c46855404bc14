import type { TAuditEvent } from '@lifeline/shared';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The audit viewer: its filters, and separation of duties — the people behind sensitive events
 * (wellbeing, counselling) are named to nobody but the audit administrator, and to them only with
 * a reason that is itself recorded.
 */
let t: TestApp;
let root: Unit;
let unit: Unit;
let employee: Client;
let coach: Client;
let sysadmin: Client;
let unitAdmin: Client;
let auditor: Client;
const db = () => t.app.lifeline.database.db;

const SAS = Array.from({ length: 20 }, (_, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 4 : 1));

beforeAll(async () => {
  t = await buildTestApp();
  root = await buildUnit(db());
  unit = await buildUnit(db(), root);
  employee = await loginAs(t.app, unit);
  coach = await loginAs(t.app, root, [['coach', root]]);
  sysadmin = await loginAs(t.app, root, [['sysadmin', root]]);
  unitAdmin = await loginAs(t.app, unit, [['unit_admin', unit]]);
  auditor = await loginAs(t.app, root, [['auditor', root]]);
  const profile = await coach.request('PUT', '/api/counselling/profile', {
    kind: 'coach',
    specialities: ['情绪疏导'],
    languages: ['中文'],
    bio: '',
    active: true,
    version: 0,
  });
  expect(profile.statusCode, profile.body).toBe(200);
  // The employee takes a self-assessment, keeps it and shares it with the coach.
  await employee.request('POST', '/api/assessments/consents', {
    instrument: 'sas',
    textVersion: 'c1',
    accept: true,
  });
  const stored = await employee.request('POST', '/api/assessments/results', {
    instrument: 'sas',
    answers: SAS,
  });
  expect(stored.statusCode, stored.body).toBe(201);
  const [mine] = (await employee.request('GET', '/api/assessments/results?instrument=sas')).json();
  const share = await employee.request('POST', '/api/assessments/shares', {
    coachPersonId: coach.person.id,
    scope: 'result',
    resultId: mine.id,
  });
  expect(share.statusCode, share.body).toBe(201);
  // And an ordinary administrative change in the same unit.
  const unitChange = await unitAdmin.request('PATCH', `/api/org-units/${unit.id}`, {
    name: '改名后的支部',
    version: unit.version,
  });
  expect(unitChange.statusCode, unitChange.body).toBe(200);
});
afterAll(() => t.close());

const events = async (c: Client, query = '') => {
  const res = await c.request('GET', `/api/audit-events?pageSize=200${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as TAuditEvent[];
};
const wellbeing = (items: TAuditEvent[]) => items.filter((e) => e.action.startsWith('assessment_'));

describe('the audit viewer', () => {
  it('finds actions with an underscore by their prefix (finding 6)', async () => {
    const found = await events(sysadmin, '&action=assessment_share.');
    expect(found.map((e) => e.action)).toEqual(['assessment_share.create']);
    expect(await events(sysadmin, '&action=org_unit.update')).toHaveLength(1);
    // The wildcard is literal: "org_unit" does not match "orgXunit" and "%" matches nothing.
    expect(await events(sysadmin, '&action=%25')).toEqual([]);
  });

  it('shows a system administrator what happened in wellbeing, never who (finding 9)', async () => {
    const seen = wellbeing(await events(sysadmin));
    expect(seen.map((e) => e.action).sort()).toEqual([
      'assessment_consent.grant',
      'assessment_result.create',
      'assessment_share.create',
    ]);
    for (const e of seen) {
      expect(e).toMatchObject({ masked: true, actorPersonId: null, actorName: null, ip: null, unitId: null });
      expect(Object.keys(e.details ?? {})).not.toContain('coachPersonId');
      expect(e.recordId).toBeNull();
    }
    // A filter that points at a person, a record or a unit finds no sensitive event at all.
    expect(wellbeing(await events(sysadmin, `&personId=${employee.person.id}`))).toEqual([]);
    expect(wellbeing(await events(sysadmin, `&unitId=${unit.id}`))).toEqual([]);
    // A unit administrator sees its unit's administration, not its members' wellbeing.
    const mine = await events(unitAdmin);
    expect(mine.map((e) => e.action)).toContain('org_unit.update');
    expect(wellbeing(mine)).toEqual([]);
    // Nor does the export carry them.
    const file = await sysadmin.request('GET', '/api/audit-events/export.xlsx');
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(wb.worksheets[0].getSheetValues());
    expect(text).toContain('保存自评结果'); // assessment_result.create, by its label
    expect(text).not.toContain(employee.person.name);
  });

  it('names the people behind sensitive events to the audit administrator only, with a recorded reason', async () => {
    expect(wellbeing(await events(auditor)).every((e) => e.masked)).toBe(true);
    const noReason = await auditor.request('GET', '/api/audit-events?reveal=true');
    expect(noReason.statusCode).toBe(400);
    const bySysadmin = await sysadmin.request(
      'GET',
      '/api/audit-events?reveal=true&reason=curious%20about%20it',
    );
    expect(bySysadmin.statusCode).toBe(403);
    expect(bySysadmin.json().error.details).toMatchObject({ reason: 'identify_needs_auditor' });
    const reason = '投诉核查 2026-12 第3号';
    const revealed = wellbeing(
      await events(
        auditor,
        `&reveal=true&reason=${encodeURIComponent(reason)}&personId=${employee.person.id}`,
      ),
    );
    expect(revealed.length).toBe(3);
    expect(revealed.every((e) => !e.masked && e.actorPersonId === employee.person.id)).toBe(true);
    // The identification is itself on the record, with its reason, for everyone who reads the audit.
    const trail = await events(sysadmin, '&action=audit.reveal');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ actorPersonId: auditor.person.id, details: { reason } });
  });

  it('lets the audit administrator change nothing', async () => {
    const held = (await auditor.request('GET', '/api/me')).json().permissions;
    expect(held).toEqual(['org_unit.read', 'person.read', 'audit.read', 'audit.identify']);
    const change = await auditor.request('PATCH', `/api/org-units/${unit.id}`, { name: 'x', version: 99 });
    expect(change.statusCode).toBe(403);
  });
});
