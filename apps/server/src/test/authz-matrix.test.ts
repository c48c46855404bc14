import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type TPermission, type TRole } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../platform/db/sql.js';
import { buildUnit, type Client, grantRole, loginAs, multipart, type Unit } from './factories.js';
import { type Target, targets } from './matrix-targets.js';
import { buildTestApp, type TestApp } from './test-app.js';

/**
 * The authorization matrix, generated from the registered routes: every API route declares
 * public, authenticated or a permission (the server refuses to start otherwise), and every
 * guarded route is exercised here in scope (allowed), out of scope (404) and without the
 * permission (403). A route without a target below fails the suite. Mutations must write an
 * audit row.
 */
let t: TestApp;
let root: Unit;
let unitA: Unit;
let unitB: Unit;
let employee: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  unitA = await buildUnit(db, root);
  unitB = await buildUnit(db, root);
  employee = await loginAs(t.app, unitA);
});
afterAll(() => t.close());

/** The least powerful role that holds a permission (sysadmin only when nothing else does). */
function roleFor(permission: TPermission): TRole {
  return ROLES.find((r) => r !== 'sysadmin' && ROLE_PERMISSIONS[r].includes(permission)) ?? 'sysadmin';
}

/** Sends a target's request: JSON, or a small valid roster as multipart for upload routes. */
async function send(client: Client, method: string, target: Target) {
  if (!target.upload) return client.request(method as 'GET', target.url, target.payload);
  if (typeof target.upload === 'object') {
    const file = multipart('file', target.upload.filename, target.upload.bytes);
    return client.request(method as 'POST', target.url, file.payload, file.headers);
  }
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('人员名单').addRow(['工号*', '姓名*', '性别*', '所属单位编码*', '政治面貌*', '人员状态*']);
  const body = multipart('file', 'roster.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  return client.request(method as 'POST', target.url, body.payload, body.headers);
}

const auditCount = async () =>
  Number(
    (await queryOne<{ n: string }>(t.app.lifeline.database.db, sql`select count(*) as n from audit_events`))!
      .n,
  );

describe('authorization matrix', () => {
  it('covers every registered route', () => {
    const routes = t.app.lifeline.routes.map((r) => `${r.method} ${r.url}`);
    const missing = routes.filter((r) => !(r in targets));
    expect(missing, 'routes without a matrix target').toEqual([]);
    expect(routes.length).toBeGreaterThan(15);
  });

  it('lists only known permissions', () => {
    for (const r of t.app.lifeline.routes) {
      if (typeof r.access === 'object') expect(PERMISSIONS).toContain(r.access.permission);
    }
  });

  it('answers 401 to anonymous callers of every non-public route', async () => {
    for (const r of t.app.lifeline.routes) {
      if (r.access === 'public') continue;
      const target = await targets[`${r.method} ${r.url}`](t, unitA, employee.person);
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: target.url,
        headers: { origin: 'http://localhost:80' },
        ...(target.payload ? { payload: target.payload } : {}),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 to a logged-in employee without the permission', async () => {
    for (const r of t.app.lifeline.routes) {
      if (typeof r.access !== 'object') continue;
      const target = await targets[`${r.method} ${r.url}`](t, unitA, employee.person);
      const res = await send(employee, r.method, target);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(403);
    }
  });

  it('allows a holder of the permission in scope, audits every change, and answers 404 out of scope', async () => {
    for (const r of t.app.lifeline.routes) {
      if (typeof r.access !== 'object') continue;
      const key = `${r.method} ${r.url}`;
      const permission = r.access.permission as TPermission;
      const role = roleFor(permission);
      // The actor holds the role on unit A (or, for settings, at the root, where settings live).
      const scopeUnit = permission === 'settings.manage' ? root : unitA;
      const actor = await loginAs(t.app, scopeUnit, [[role, scopeUnit]]);

      const inScope: Target = await targets[key](t, unitA, actor.person);
      const before = await auditCount();
      const ok = await send(actor, r.method, inScope);
      expect(ok.statusCode, `${key} in scope as ${role}: ${ok.body.slice(0, 200)}`).toBeLessThan(300);
      if (r.method !== 'GET')
        expect(await auditCount(), `${key} writes an audit row`).toBeGreaterThan(before);

      if (inScope.scoped === false) continue;
      const outOfScope = await targets[key](t, unitB, actor.person);
      const denied = await send(actor, r.method, outOfScope);
      expect(denied.statusCode, `${key} out of scope as ${role}: ${denied.body.slice(0, 200)}`).toBe(404);
    }
  });

  it('grants nothing with an assignment that has ended or not yet started', async () => {
    const db = t.app.lifeline.database.db;
    const ended = await loginAs(t.app, unitA);
    await grantRole(db, ended.person, 'unit_admin', unitA, { startsOn: '2020-01-01', endsOn: '2020-12-31' });
    const future = await loginAs(t.app, unitA);
    await grantRole(db, future.person, 'unit_admin', unitA, { startsOn: '2999-01-01' });
    for (const c of [ended, future]) {
      expect((await c.request('GET', `/api/people?unitId=${unitA.id}`)).statusCode).toBe(403);
    }
    const current = await loginAs(t.app, unitA);
    await grantRole(db, current.person, 'unit_admin', unitA, {
      startsOn: '2020-01-01',
      endsOn: '2999-12-31',
    });
    expect((await current.request('GET', `/api/people?unitId=${unitA.id}`)).statusCode).toBe(200);
  });
});
