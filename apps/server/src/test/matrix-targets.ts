import type { FastifyInstance } from 'fastify';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  grantRole,
  makeIdCard,
  NO_OWNER_CHECK,
  type Person,
  TEST_PASSWORD,
  type Unit,
} from './factories.js';
import { assessmentTargets } from './matrix-targets-assessments.js';
import { exportTargets } from './matrix-targets-exports.js';
import { hotlineTargets } from './matrix-targets-hotline.js';
import { innovationTargets } from './matrix-targets-innovation.js';
import { workbenchTargets } from './matrix-targets-workbench.js';
import type { TestApp } from './test-app.js';

/**
 * What a matrix call sends (the URL with ids, the body) and how the matrix proves that the route
 * serves only what it should. The proof kinds (authz-matrix.test.ts enforces one per route):
 *
 * Routes that need a permission:
 * - default (scoped): the record lives in `unit`; built for unit B, outside the actor's subtree,
 *   the actor gets 404;
 * - `group`: a group-wide setting (a `top` rule): the actor holds the role on the top unit; the
 *   same role held on a lower unit gets 403 with details.reason 'group_only';
 * - `owner`: the record is the caller's (built for `caller`); built for another person of the
 *   same unit (holding the same role), the actor gets 404;
 * - `why`: no scope applies, and why (the only way to keep `scoped: false`).
 * Routes open to any logged-in account ('authenticated'), called by a plain employee:
 * - `owner`: as above (another person's record answers 404);
 * - `why`: why no owner check applies (the caller's own records with no id in the address,
 *   reference data, public notices).
 * A list proves its scope or ownership with `listed`: texts that name the record built for the
 * caller in `unit`; they must be in the answer, and those of the record built for unit B (scoped)
 * or for another person (owner) must not.
 */
export type Target = {
  url: string;
  payload?: unknown;
  /** Extra request headers (a multipart body's content type). */
  headers?: Record<string, string>;
  /** true: a small roster workbook; or the file to send (multipart field "file"). */
  upload?: boolean | { filename: string; bytes: Buffer };
  /** Out of scope is allowed: only with `why` (kept for targets written before the proof kinds). */
  scoped?: boolean;
  /** A group-wide setting: needs the permission on a top unit. */
  group?: true;
  /** The caller's own record: another person's answers 404. */
  owner?: true;
  /** Why no scope or owner check applies to this route. */
  why?: string;
  /** Texts naming the record(s) built: listed for the caller, not for unit B or another person. */
  listed?: string | string[];
  /**
   * For an owner route that answers another person's id without saying whether it exists (a
   * notice marked read): true when that person's record was left as it was.
   */
  untouched?: () => Promise<boolean>;
  /** A change that writes no audit row, and why (marking one's own notices read). */
  unaudited?: string;
};
type Make = (t: TestApp, unit: Unit, caller: Person) => Promise<Target>;

const db = (app: FastifyInstance) => app.lifeline.database.db;
const crypto = (app: FastifyInstance) => app.lifeline.crypto;
let n = 0;
const uniq = () => {
  n += 1;
  return `${Date.now().toString(36)}${n}`;
};

/** For each route, how to call it about a record that lives in `unit` (and is `caller`'s when owned). */
export const targets: Record<string, Make> = {
  'GET /api/health': async () => ({ url: '/api/health' }),
  'GET /api/openapi.json': async () => ({ url: '/api/openapi.json' }),
  'POST /api/auth/login': async () => ({ url: '/api/auth/login', payload: { login: 'x', password: 'y' } }),
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout' }),
  'GET /api/me': async () => ({ url: '/api/me', why: NO_OWNER_CHECK.own }),
  'POST /api/me/password': async () => ({
    url: '/api/me/password',
    payload: { currentPassword: TEST_PASSWORD, newPassword: `Matrix-${uniq()}-Pw!` },
    why: NO_OWNER_CHECK.own,
  }),
  'GET /api/org-unit-types': async () => ({ url: '/api/org-unit-types', why: NO_OWNER_CHECK.reference }),
  'POST /api/org-unit-types': async () => ({
    url: '/api/org-unit-types',
    payload: { code: `t_${uniq()}`, nameZh: '测试类型', nameEn: 'Test type' },
    group: true,
  }),
  // The tree holds the units of the caller's subtree only (the scope is in SQL).
  'GET /api/org-units/tree': async (_t, unit) => ({
    url: '/api/org-units/tree',
    listed: `"code":"${unit.code}"`,
  }),
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
  // The template lists the codes of the units the caller may import into (the scope is in SQL).
  'GET /api/people/import-template.xlsx': async (_t, unit) => ({
    url: '/api/people/import-template.xlsx',
    listed: unit.code,
  }),
  'GET /api/people/export.xlsx': async (_t, unit) => ({ url: `/api/people/export.xlsx?unitId=${unit.id}` }),
  'POST /api/people/imports': async () => ({
    url: '/api/people/imports',
    upload: true,
    why: "starts the caller's own import, no id in the address; the import keeps the caller's import scope and refuses rows for units outside it",
  }),
  // Imports are private to their uploader: the list of imports is the caller's own.
  'GET /api/people/imports': async ({ app }, unit, caller) => {
    const fileName = `matrix-${uniq()}.xlsx`;
    await importOf(app, unit, caller, false, fileName);
    return { url: '/api/people/imports?pageSize=50', owner: true, listed: fileName };
  },
  'GET /api/people/imports/:id': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller)}`,
    owner: true,
  }),
  'GET /api/people/imports/:id/errors.xlsx': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller, true)}/errors.xlsx`,
    owner: true,
  }),
  'POST /api/people/imports/:id/commit': async ({ app }, unit, caller) => ({
    url: `/api/people/imports/${await importOf(app, unit, caller)}/commit`,
    payload: { mode: 'all' },
    owner: true,
  }),
  'GET /api/calendar/years': async () => ({ url: '/api/calendar/years', why: NO_OWNER_CHECK.reference }),
  'GET /api/calendar/years/:year/days': async () => ({
    url: '/api/calendar/years/2026/days',
    why: NO_OWNER_CHECK.reference,
  }),
  'GET /api/calendar/deadline': async () => ({
    url: `/api/calendar/deadline?from=${encodeURIComponent('2026-03-02T10:00:00+08:00')}&workingDays=5`,
    why: NO_OWNER_CHECK.reference,
  }),
  'PUT /api/calendar/overrides/:day': async () => ({
    url: `/api/calendar/overrides/2030-01-0${(n++ % 9) + 1}`,
    payload: { kind: 'holiday', name: '元旦' },
    group: true,
  }),
  'DELETE /api/calendar/overrides/:day': async ({ app }) => {
    const day = `2031-02-${String((n++ % 27) + 1).padStart(2, '0')}`;
    const { calendarOverrides } = await import('../platform/calendar/calendar.table.js');
    await db(app).insert(calendarOverrides).values({ day, kind: 'holiday' }).onConflictDoNothing();
    return { url: `/api/calendar/overrides/${day}`, group: true };
  },
  'POST /api/calendar/years/:year/declare': async ({ app }) => {
    const year = 2040 + (n++ % 50);
    const { calendarOverrides } = await import('../platform/calendar/calendar.table.js');
    await db(app)
      .insert(calendarOverrides)
      .values({ day: `${year}-01-01`, kind: 'holiday' })
      .onConflictDoNothing();
    return { url: `/api/calendar/years/${year}/declare`, payload: {}, group: true };
  },
  'DELETE /api/calendar/years/:year/declare': async ({ app }) => {
    const year = 2040 + (n++ % 50);
    const { calendarYears } = await import('../platform/calendar/calendar.table.js');
    await db(app).insert(calendarYears).values({ year }).onConflictDoNothing();
    return { url: `/api/calendar/years/${year}/declare`, group: true };
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
  ...workbenchTargets,
  ...exportTargets,
  // After the innovation targets, whose file still has unproven entries for these routes.
  ...notificationTargets(),
};

/**
 * The inbox: a person's notices are kept under their person id, private ones (a confidential
 * reporter's) under a keyed hash of it. Marking read answers 204 for any id, so the proof for
 * another person's notice is that it was left unread.
 */
function notificationTargets(): Record<string, Make> {
  const readUnaudited = 'marking notices read changes no record of the caller but their inbox';
  return {
    'GET /api/notifications': async ({ app }, _unit, caller) => {
      const named = await noticeFor(app, caller);
      const hidden = await noticeFor(app, caller, true);
      return { url: '/api/notifications?limit=100', owner: true, listed: [named.kind, hidden.kind] };
    },
    'POST /api/notifications/:id/read': async ({ app }, _unit, caller) => {
      const notice = await noticeFor(app, caller);
      return {
        url: `/api/notifications/${notice.id}/read`,
        owner: true,
        untouched: async () => (await noticeRow(app, notice.id))?.readAt === null,
        unaudited: readUnaudited,
      };
    },
    'POST /api/notifications/read-all': async ({ app }, _unit, caller) => {
      const named = await noticeFor(app, caller);
      const hidden = await noticeFor(app, caller, true);
      return {
        url: '/api/notifications/read-all',
        owner: true,
        untouched: async () =>
          (await noticeRow(app, named.id))?.readAt === null &&
          (await noticeRow(app, hidden.id)) !== undefined,
        unaudited: readUnaudited,
      };
    },
  };
}

/** An unread notice for the person, of a kind no other notice has: kept under the person, or private. */
async function noticeFor(app: FastifyInstance, person: Person, hidden = false) {
  const { notifications } = await import('../platform/notifications/notifications.table.js');
  const { recipientKey } = await import('../platform/notifications/private-notify.js');
  const kind = `matrix.notice_${uniq()}`;
  const [row] = await db(app)
    .insert(notifications)
    .values(
      hidden
        ? {
            recipientKey: recipientKey(crypto(app), person.id),
            kind,
            sealed: null,
          }
        : { personId: person.id, kind },
    )
    .returning();
  return row;
}

async function noticeRow(app: FastifyInstance, id: number) {
  const { notifications } = await import('../platform/notifications/notifications.table.js');
  const { eq } = await import('drizzle-orm');
  const [row] = await db(app).select().from(notifications).where(eq(notifications.id, id));
  return row;
}

/** An import uploaded by the caller into the unit, with a stored error report when asked. */
async function importOf(
  app: FastifyInstance,
  unit: Unit,
  caller: Person,
  withReport = false,
  fileName = 'x.xlsx',
): Promise<number> {
  const { personImports } = await import('../modules/people/people.table.js');
  const { saveFile } = await import('../platform/files/files.service.js');
  const ExcelJS = (await import('exceljs')).default;
  let reportId: string | null = null;
  if (withReport) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('错误报告').addRow(['行号', '列', '错误']);
    const file = await saveFile(db(app), app.lifeline.files, {
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      filename: 'report.xlsx',
      allowed: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      maxBytes: 1e6,
      createdBy: caller.id,
    });
    reportId = file.id;
  }
  const [row] = await db(app)
    .insert(personImports)
    .values({
      state: 'validated',
      fileId: '00000000-0000-0000-0000-000000000000',
      fileName,
      unitScopePaths: [unit.path],
      validRows: 1,
      totalRows: 1,
      createdBy: caller.id,
      errorReportFileId: reportId,
    })
    .returning();
  return row.id;
}
