import { ADMIN_ROLES, ASSIGNABLE_ROLES, ROLE_PERMISSIONS, type TRole } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  type Client,
  grantRole,
  loginAs,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { roleAssignments } from './roles.table.js';

let t: TestApp;
let root: Unit;
let company: Unit;
let branch: Unit;
let other: Unit;
let sysadmin: Client;
let unitAdmin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  company = await buildUnit(db, root);
  branch = await buildUnit(db, company);
  other = await buildUnit(db, root);
  sysadmin = await loginAs(t.app, root, [['sysadmin', root]]);
  unitAdmin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

const db = () => t.app.lifeline.database.db;
const person = (unit: Unit) => buildPerson(db(), t.app.lifeline.crypto, unit);

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

  it('refuses a unit administrator every role it does not itself hold, and any role for itself (finding 1)', async () => {
    for (const role of ['leader', 'hotline_office', 'coach', 'secretariat', 'expert'] as const) {
      const self = await unitAdmin.request('POST', '/api/role-assignments', {
        personId: unitAdmin.person.id,
        role,
        unitId: company.id,
      });
      expect(self.statusCode, `${role} for itself`).toBe(403);
      const p = await person(company);
      const res = await unitAdmin.request('POST', '/api/role-assignments', {
        personId: p.id,
        role,
        unitId: company.id,
      });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.details).toMatchObject({ reason: 'role_exceeds_granter', role });
    }
    const me = await unitAdmin.request('GET', '/api/me');
    expect(me.json().permissions).not.toContain('innovation.decide');
    expect(me.json().permissions).not.toContain('counselling.coach');
    const ownRole = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: unitAdmin.person.id,
      role: 'branch_secretary',
      unitId: branch.id,
    });
    expect(ownRole.json().error.details).toMatchObject({ reason: 'self_grant' });
  });

  it('refuses bad input and units out of scope', async () => {
    const p = await person(company);
    const outside = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: p.id,
      role: 'branch_secretary',
      unitId: other.id,
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
      role: 'branch_secretary',
      unitId: company.id,
      startsOn: '2026-12-01',
      endsOn: '2026-01-01',
    });
    expect(dates.statusCode).toBe(400);
  });

  it('tells the UI which roles the caller may grant on a unit', async () => {
    const res = await unitAdmin.request('GET', `/api/role-assignments/grantable?unitId=${branch.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().roles).toEqual(['security_admin', 'unit_admin', 'branch_secretary', 'hotline_handler']);
    const forSelf = await unitAdmin.request(
      'GET',
      `/api/role-assignments/grantable?unitId=${branch.id}&personId=${unitAdmin.person.id}`,
    );
    expect(forSelf.json().roles).toEqual([]);
    const all = await sysadmin.request('GET', `/api/role-assignments/grantable?unitId=${root.id}`);
    expect(all.json().roles).toEqual(ASSIGNABLE_ROLES.filter((r) => r !== 'coach' && r !== 'volunteer'));
    expect(
      (await unitAdmin.request('GET', `/api/role-assignments/grantable?unitId=${other.id}`)).statusCode,
    ).toBe(404);
  });

  it('keeps at least one system administrator: nobody revokes their own, and only a system administrator revokes one', async () => {
    const list = (await sysadmin.request('GET', '/api/role-assignments?role=sysadmin')).json();
    expect(list.total).toBe(1);
    const own = await sysadmin.request('DELETE', `/api/role-assignments/${list.items[0].id}`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error.details).toMatchObject({ reason: 'self_grant' });
    const second = await loginAs(t.app, root, [['sysadmin', root]]);
    const byUnitAdmin = await unitAdmin.request('DELETE', `/api/role-assignments/${list.items[0].id}`);
    expect(byUnitAdmin.statusCode).toBe(404);
    expect((await second.request('DELETE', `/api/role-assignments/${list.items[0].id}`)).statusCode).toBe(
      204,
    );
    expect((await sysadmin.request('GET', '/api/me')).json().permissions).not.toContain('role.assign');
  });
});

describe('the grant matrix: every granter role × every role × in scope, out of scope and self', () => {
  /**
   * The rule restated from the role table alone (the server computes it from grants): without
   * role.assign, 403; outside the granter's subtree, 404; the administrators of the system and
   * of the audit only by a holder of role.assign_admin; any other role only when the granter
   * holds every permission it carries; never to oneself.
   */
  function expected(granter: TRole, role: TRole, where: 'in' | 'out' | 'self'): number {
    const held = ROLE_PERMISSIONS[granter];
    if (!held.includes('role.assign')) return 403;
    if (where === 'out') return 404;
    const allowed = ADMIN_ROLES.includes(role)
      ? held.includes('role.assign_admin')
      : ROLE_PERMISSIONS[role].every((p) => held.includes(p));
    if (!allowed) return 403;
    return where === 'self' ? 403 : 201;
  }

  it('reads as the rule says, spelled out for the administrators', () => {
    const grantable = (g: TRole) => ASSIGNABLE_ROLES.filter((r) => expected(g, r, 'in') === 201);
    expect(grantable('unit_admin')).toEqual([
      'security_admin',
      'unit_admin',
      'branch_secretary',
      'hotline_handler',
    ]);
    expect(grantable('security_admin')).toEqual(['security_admin']);
    expect(grantable('auditor')).toEqual([]);
    expect(grantable('sysadmin')).toEqual(ASSIGNABLE_ROLES.filter((r) => r !== 'coach' && r !== 'volunteer'));
  });

  it('grants and revokes exactly as the rule says', { timeout: 180_000 }, async () => {
    const failures: string[] = [];
    for (const granterRole of ASSIGNABLE_ROLES) {
      const granter = await loginAs(t.app, company, [[granterRole, company]]);
      const inside = await person(branch);
      const outside = await person(other);
      for (const role of ASSIGNABLE_ROLES) {
        for (const where of ['in', 'out', 'self'] as const) {
          const target = where === 'in' ? inside : where === 'out' ? outside : granter.person;
          const unit = where === 'out' ? other : branch;
          const want = expected(granterRole, role, where);
          const res = await granter.request('POST', '/api/role-assignments', {
            personId: target.id,
            role,
            unitId: unit.id,
          });
          if (res.statusCode !== want)
            failures.push(`${granterRole} grants ${role} ${where}: ${res.statusCode}, expected ${want}`);
          // Revoking follows the same rule (an assignment made directly, so every case exists).
          const holder = await person(where === 'out' ? other : branch);
          const a = await grantRole(db(), where === 'self' ? granter.person : holder, role, unit);
          const revoked = await granter.request('DELETE', `/api/role-assignments/${a.id}`);
          const wantRevoke = want === 201 ? 204 : want;
          if (revoked.statusCode !== wantRevoke)
            failures.push(
              `${granterRole} revokes ${role} ${where}: ${revoked.statusCode}, expected ${wantRevoke}`,
            );
          // The granter must not keep a role given to it for the revocation case.
          await db().delete(roleAssignments).where(eq(roleAssignments.id, a.id));
        }
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('managing an account needs scope over every role it holds', () => {
  it('refuses a unit administrator the account of a group administrator whose record sits in its subtree (finding 3)', async () => {
    const admin = await person(company);
    await buildAccount(db(), admin);
    await grantRole(db(), admin, 'sysadmin', root);
    const reset = await unitAdmin.request('PATCH', `/api/people/${admin.id}/account`, {
      resetPassword: 'Taken-Over-2026!',
    });
    expect(reset.statusCode).toBe(403);
    expect(reset.json().error.details).toMatchObject({ reason: 'holder_beyond_scope', roles: ['sysadmin'] });
    const disable = await unitAdmin.request('PATCH', `/api/people/${admin.id}/account`, { disabled: true });
    expect(disable.statusCode).toBe(403);
    const view = await unitAdmin.request('GET', `/api/people/${admin.id}/account`);
    expect(view.statusCode).toBe(200);
    expect(view.json().abilities).toEqual({ update: false });
    // Nor may it give such a person an account with a password it knows, or change their roles.
    const noAccount = await person(company);
    await grantRole(db(), noAccount, 'leader', root);
    const created = await unitAdmin.request('POST', `/api/people/${noAccount.id}/account`, {
      initialPassword: 'Known-Passw0rd!',
    });
    expect(created.statusCode).toBe(403);
    const more = await unitAdmin.request('POST', '/api/role-assignments', {
      personId: admin.id,
      role: 'hotline_handler',
      unitId: company.id,
    });
    expect(more.statusCode).toBe(403);
    // The group's own administrator may.
    const groupAdmin = await loginAs(t.app, root, [['sysadmin', root]]);
    const ok = await groupAdmin.request('PATCH', `/api/people/${admin.id}/account`, { disabled: true });
    expect(ok.statusCode).toBe(200);
  });

  it('lets a unit administrator manage the accounts of people whose roles it could grant', async () => {
    const p = await person(branch);
    await buildAccount(db(), p);
    await grantRole(db(), p, 'branch_secretary', branch);
    const res = await unitAdmin.request('PATCH', `/api/people/${p.id}/account`, {
      resetPassword: 'Fresh-Passw0rd-26',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().abilities).toEqual({ update: true });
  });

  it('lets a security administrator manage accounts without business roles, not those above it', {
    timeout: 180_000,
  }, async () => {
    const security = await loginAs(t.app, root, [['security_admin', root]]);
    const plain = await person(branch);
    await buildAccount(db(), plain);
    expect(
      (await security.request('PATCH', `/api/people/${plain.id}/account`, { unlock: true })).statusCode,
    ).toBe(200);
    const secretary = await person(branch);
    await buildAccount(db(), secretary);
    await grantRole(db(), secretary, 'branch_secretary', branch);
    expect(
      (await security.request('PATCH', `/api/people/${secretary.id}/account`, { unlock: true })).statusCode,
    ).toBe(403);
    // It sees every assignment but reads no business data.
    expect((await security.request('GET', '/api/role-assignments')).statusCode).toBe(200);
    const held = (await security.request('GET', '/api/me')).json().permissions;
    expect(held).toEqual(['org_unit.read', 'person.read', 'account.manage', 'role.read', 'role.assign']);
    expect((await security.request('GET', '/api/audit-events')).statusCode).toBe(403);
  });
});
