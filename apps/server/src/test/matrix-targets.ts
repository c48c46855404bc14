import type { FastifyInstance } from 'fastify';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  grantRole,
  makeIdCard,
  type Person,
  type Unit,
} from './factories.js';
import { assessmentTargets } from './matrix-targets-assessments.js';
import { hotlineTargets } from './matrix-targets-hotline.js';
import { innovationTargets } from './matrix-targets-innovation.js';
import type { TestApp } from './test-app.js';

/** What a matrix call sends: the URL (with ids), the body, and whether it is about a unit's records. */
export type Target = {
  url: string;
  payload?: unknown;
  scoped?: boolean;
  /** true: a small roster workbook; or the file to send (multipart field "file"). */
  upload?: boolean | { filename: string; bytes: Buffer };
};
type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;

const db = (app: FastifyInstance) => app.lifeline.database.db;
const crypto = (app: FastifyInstance) => app.lifeline.crypto;
let n = 0;
const uniq = () => {
  n += 1;
  return `${Date.now().toString(36)}${n}`;
};

/** For each route, how to call it about a record that lives in `unit`. */
export const targets: Record<string, Make> = {
  'GET /api/health': async () => ({ url: '/api/health', scoped: false }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json', scoped: false }),
  'POST /api/auth/login': async () => ({
    url: '/api/auth/login',
    payload: { login: 'x', password: 'y' },
    scoped: false,
  }),
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout', scoped: false }),
  'GET /api/me': async () => ({ url: '/api/me', scoped: false }),
  'POST /api/me/password': async () => ({
    url: '/api/me/password',
    payload: { currentPassword: 'a', newPassword: 'b' },
    scoped: false,
  }),
  'GET /api/org-unit-types': async () => ({ url: '/api/org-unit-types', scoped: false }),
  'POST /api/org-unit-types': async () => ({
    url: '/api/org-unit-types',
    payload: { code: `t_${uniq()}`, nameZh: '测试类型', nameEn: 'Test type' },
    scoped: false,
  }),
  'GET /api/org-units/tree': async () => ({ url: '/api/org-units/tree', scoped: false }),
  'GET /api/org-units/:id': async (_t, unit) => ({ url: `/api/org-units/${unit.id}` }),
  'POST /api/org-units': async (_t, unit) => ({
    url: '/api/org-units',
    payload: { parentId: unit.id, name: '新支部', code: `N${uniq()}`, type: 'party_branch' },
  }),
  'PATCH /api/org-units/:id': async ({ app }, unit) => {
    const child = await buildUnit(db(app), unit);
    return { url: `/api/org-units/${child.id}`, payload: { name: '改名支部', version: child.version } };
  },
  'POST /api/org-units/:id/move': async ({ app }, unit) => {
    const a = await buildUnit(db(app), unit);
    const b = await buildUnit(db(app), unit);
    return { url: `/api/org-units/${a.id}/move`, payload: { newParentId: b.id, version: a.version } };
  },
  'POST /api/org-units/:id/dissolve': async ({ app }, unit) => {
    const child = await buildUnit(db(app), unit);
    return {
      url: `/api/org-units/${child.id}/dissolve`,
      payload: { dissolvedOn: '2026-06-30', version: child.version },
    };
  },
  'GET /api/people': async (_t, unit) => ({ url: `/api/people?unitId=${unit.id}` }),
  'GET /api/people/:id': async ({ app }, unit) => ({
    url: `/api/people/${(await buildPerson(db(app), crypto(app), unit)).id}`,
  }),
  'GET /api/people/:id/id-card': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit, makeIdCard());
    return { url: `/api/people/${p.id}/id-card` };
  },
  'POST /api/people': async (_t, unit) => ({
    url: '/api/people',
    payload: { employeeNo: `E${uniq()}`.slice(0, 20), name: '王小明', gender: 'male', unitId: unit.id },
  }),
  'PATCH /api/people/:id': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    return { url: `/api/people/${p.id}`, payload: { name: '王大明', version: p.version } };
  },
  'GET /api/people/:id/account': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    await buildAccount(db(app), p);
    return { url: `/api/people/${p.id}/account` };
  },
  'POST /api/people/:id/account': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    return { url: `/api/people/${p.id}/account`, payload: { initialPassword: 'Initial-Passw0rd' } };
  },
  'PATCH /api/people/:id/account': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    await buildAccount(db(app), p);
    return { url: `/api/people/${p.id}/account`, payload: { disabled: true } };
  },
  'GET /api/people/import-template.xlsx': async () => ({
    url: '/api/people/import-template.xlsx',
    scoped: false,
  }),
  'GET /api/people/export.xlsx': async (_t, unit) => ({ url: `/api/people/export.xlsx?unitId=${unit.id}` }),
  'POST /api/people/imports': async () => ({ url: '/api/people/imports', scoped: false, upload: true }),
  // Imports are private to their uploader: in scope means "the caller's own import".
  'GET /api/people/imports/:id': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller)}`,
  }),
  'GET /api/people/imports/:id/errors.xlsx': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller, true)}/errors.xlsx`,
  }),
  'POST /api/people/imports/:id/commit': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller)}/commit`,
    payload: { mode: 'all' },
  }),
  'GET /api/calendar/years': async () => ({ url: '/api/calendar/years', scoped: false }),
  'GET /api/calendar/years/:year/days': async () => ({ url: '/api/calendar/years/2026/days', scoped: false }),
  'GET /api/calendar/deadline': async () => ({
    url: `/api/calendar/deadline?from=${encodeURIComponent('2026-03-02T10:00:00+08:00')}&workingDays=5`,
    scoped: false,
  }),
  'PUT /api/calendar/overrides/:day': async () => ({
    url: `/api/calendar/overrides/2030-01-0${(n % 9) + 1}`,
    payload: { kind: 'holiday', name: '元旦' },
    scoped: false,
  }),
  'DELETE /api/calendar/overrides/:day': async ({ app }) => {
    const day = `2031-02-${String((n++ % 27) + 1).padStart(2, '0')}`;
    const { calendarOverrides } = await import('../platform/calendar/calendar.table.js');
    await db(app).insert(calendarOverrides).values({ day, kind: 'holiday' }).onConflictDoNothing();
    return { url: `/api/calendar/overrides/${day}`, scoped: false };
  },
  'POST /api/calendar/years/:year/declare': async ({ app }) => {
    const year = 2040 + (n++ % 50);
    const { calendarOverrides } = await import('../platform/calendar/calendar.table.js');
    await db(app)
      .insert(calendarOverrides)
      .values({ day: `${year}-01-01`, kind: 'holiday' })
      .onConflictDoNothing();
    return { url: `/api/calendar/years/${year}/declare`, payload: {}, scoped: false };
  },
  'DELETE /api/calendar/years/:year/declare': async ({ app }) => {
    const year = 2040 + (n++ % 50);
    const { calendarYears } = await import('../platform/calendar/calendar.table.js');
    await db(app).insert(calendarYears).values({ year }).onConflictDoNothing();
    return { url: `/api/calendar/years/${year}/declare`, scoped: false };
  },
  'GET /api/role-assignments': async (_t, unit) => ({ url: `/api/role-assignments?unitId=${unit.id}` }),
  'GET /api/role-assignments/grantable': async (_t, unit) => ({
    url: `/api/role-assignments/grantable?unitId=${unit.id}`,
  }),
  // The least powerful holder of role.assign (a security administrator) grants what it holds.
  'POST /api/role-assignments': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    return {
      url: '/api/role-assignments',
      payload: { personId: p.id, role: 'security_admin', unitId: unit.id },
    };
  },
  'DELETE /api/role-assignments/:id': async ({ app }, unit) => {
    const p = await buildPerson(db(app), crypto(app), unit);
    const a = await grantRole(db(app), p, 'security_admin', unit);
    return { url: `/api/role-assignments/${a.id}` };
  },
  'GET /api/audit-events': async (_t, unit) => ({ url: `/api/audit-events?unitId=${unit.id}` }),
  'GET /api/audit-events/export.xlsx': async (_t, unit) => ({
    url: `/api/audit-events/export.xlsx?unitId=${unit.id}`,
  }),
  ...innovationTargets,
  ...assessmentTargets,
  ...hotlineTargets,
};

/**
 * An import owned by the caller when the unit is the caller's (in scope), and by someone else
 * otherwise, with a stored error report when asked.
 */
async function importOf(
  app: FastifyInstance,
  unit: Unit,
  caller: Person,
  withReport = false,
): Promise<number> {
  const { personImports } = await import('../modules/people/people.table.js');
  const { saveFile } = await import('../platform/files/files.service.js');
  const ExcelJS = (await import('exceljs')).default;
  const owner = caller.unitId === unit.id ? caller : await buildPerson(db(app), crypto(app), unit);
  let reportId: string | null = null;
  if (withReport) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('错误报告').addRow(['行号', '列', '错误']);
    const file = await saveFile(db(app), app.lifeline.files, {
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      filename: 'report.xlsx',
      allowed: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      maxBytes: 1e6,
      createdBy: owner.id,
    });
    reportId = file.id;
  }
  const [row] = await db(app)
    .insert(personImports)
    .values({
      state: 'validated',
      fileId: '00000000-0000-0000-0000-000000000000',
      fileName: 'x.xlsx',
      unitScopePaths: [unit.path],
      validRows: 1,
      totalRows: 1,
      createdBy: owner.id,
      errorReportFileId: reportId,
    })
    .returning();
  return row.id;
}
