import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let root: Unit;
let company: Unit;
let sysadmin: Client;
let unitAdmin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  company = await buildUnit(db, root);
  sysadmin = await loginAs(t.app, root, [['sysadmin', root]]);
  unitAdmin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

describe('role assignments', () => {
  it('grants a role on a subtree from the moment it is assigned, and ends it on revocation', async () => {
    const secretary = await loginAs(t.app, company);
    expect((await secretary.request('GET', `/api/people?unitId=${company.id}`)).statusCode).toBe(403);
    const assigned = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: secretary.person.id,
      role: 'branch_secretary',
      unitId: company.id,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json()).toMatchObject({
      role: 'branch_secretary',
      active: true,
      abilities: { revoke: true },
    });
    expect(assigned.json().createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect((await secretary.request('GET', `/api/people?unitId=${company.id}`)).statusCode).toBe(200);
    expect((await secretary.request('GET', '/api/me')).json().permissions).toContain('person.read');

    const dup = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: secretary.person.id,
      role: 'branch_secretary',
      unitId: company.id,
    });
    expect(dup.statusCode).toBe(409);

    expect(
      (await unitAdmin.request('DELETE', `/api/role-assignments/${assigned.json().id}`)).statusCode,
    ).toBe(204);
    expect((await secretary.request('GET', `/api/people?unitId=${company.id}`)).statusCode).toBe(403);
    const current = await unitAdmin.request(
      'GET',
      `/api/role-assignments?personId=${secretary.person.id}&includeEnded=false`,
    );
    expect(current.json().total).toBe(0);
    const history = await unitAdmin.request(
      'GET',
      `/api/role-assignments?personId=${secretary.person.id}&includeEnded=true`,
    );
    expect(history.json().items).toEqual([
      expect.objectContaining({ role: 'branch_secretary', active: false }),
    ]);
  });

  it('lets a unit administrator hand out working roles only, within their subtree', async () => {
    const p = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, company);
    const admin = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: p.id,
      role: 'unit_admin',
      unitId: company.id,
    });
    expect(admin.statusCode).toBe(403);
    const outside = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: p.id,
      role: 'expert',
      unitId: root.id,
    });
    expect(outside.statusCode).toBe(404);
    const employee = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: p.id,
      role: 'employee',
      unitId: company.id,
    });
    expect(employee.statusCode).toBe(400);
    const dates = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: p.id,
      role: 'expert',
      unitId: company.id,
      startsOn: '2026-12-01',
      endsOn: '2026-01-01',
    });
    expect(dates.statusCode).toBe(400);
  });

  it('keeps at least one system administrator', async () => {
    const list = (await sysadmin.request('GET', '/api/role-assignments?role=sysadmin')).json();
    expect(list.total).toBe(1);
    const res = await sysadmin.request('DELETE', `/api/role-assignments/${list.items[0].id}`);
    expect(res.statusCode).toBe(409);
  });
});
