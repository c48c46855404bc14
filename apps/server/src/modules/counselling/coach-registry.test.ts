import type { TCoachProfile, TCoachRegistry } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, clientFor, grantRole, loginAs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { accounts } from '../auth/auth.table.js';
import { createSession } from '../auth/sessions.js';
import { seedDemo } from '../demo/demo.seed.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

/**
 * The coach team comes out of records: the demo's registry reproduces the article (近百人的
 * "幸福教练"队伍和 50 人的心理服务义工队) through the registry API, and each subtree counts its own.
 */
let t: TestApp;
const db = () => t.app.lifeline.database.db;

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(db(), t.app.lifeline.crypto);
});
afterAll(() => t.close());

async function demoLogin(login: string) {
  const [row] = await db()
    .select({ person: people, accountId: accounts.id })
    .from(people)
    .innerJoin(accounts, eq(accounts.personId, people.id))
    .where(eq(people.employeeNo, login));
  const token = await createSession(db(), row.accountId, { ip: '127.0.0.1', userAgent: 'test' });
  return clientFor(t.app, row.person, token);
}

const unitByCode = async (code: string) =>
  (await db().select().from(orgUnits).where(eq(orgUnits.code, code)))[0];

describe('the coach registry', () => {
  it('counts the demo group’s team as the article does: about a hundred coaches and 50 volunteers', async () => {
    const leader = await demoLogin('leader');
    const group = await unitByCode('G');
    const res = await leader.request('GET', `/api/counselling/registry?unitId=${group.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const registry = res.json() as TCoachRegistry;
    expect(registry).toMatchObject({ coaches: 98, volunteers: 50 });
    expect(registry.members).toHaveLength(148);
    expect(registry.members.every((m) => m.listed)).toBe(true);
  });

  it('counts a subsidiary’s own team for its administrator, and refuses another subsidiary', async () => {
    const unitAdmin = await demoLogin('unitadmin');
    const group = await unitByCode('G');
    const groupWide = (
      (
        await (await demoLogin('leader')).request('GET', `/api/counselling/registry?unitId=${group.id}`)
      ).json() as TCoachRegistry
    ).members.filter((m) => m.team.id !== group.id);
    const mine = (await unitAdmin.request('GET', '/api/org-units/tree')).json() as {
      id: number;
      depth: number;
    }[];
    const company = mine.reduce((a, b) => (b.depth < a.depth ? b : a));
    const res = await unitAdmin.request('GET', `/api/counselling/registry?unitId=${company.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const registry = res.json() as TCoachRegistry;
    expect(registry.coaches + registry.volunteers).toBeGreaterThan(0);
    expect(registry.members.map((m) => m.personId).sort()).toEqual(
      groupWide
        .filter((m) => m.team.id === company.id)
        .map((m) => m.personId)
        .sort(),
    );
    const other = await unitByCode('S2');
    expect((await unitAdmin.request('GET', `/api/counselling/registry?unitId=${other.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (await (await demoLogin('employee')).request('GET', `/api/counselling/registry?unitId=${group.id}`))
        .statusCode,
    ).toBe(403);
  });

  it('counts a role in force only, once per person, and not someone who has left', async () => {
    const root = await buildUnit(db());
    const admin = await loginAs(t.app, root, [['unit_admin', root]]);
    const a = await loginAs(t.app, root, [['coach', root]]);
    const child = await buildUnit(db(), root);
    await grantRole(db(), a.person, 'coach', child); // twice: one member, with the higher team
    await loginAs(t.app, root, [['volunteer', root]]);
    const ended = await loginAs(t.app, root);
    await grantRole(db(), ended.person, 'coach', root, { startsOn: '2020-01-01', endsOn: '2020-12-31' });
    const left = await loginAs(t.app, root, [['coach', root]]);
    await db()
      .update(people)
      .set({ employmentStatus: 'transferred_out' })
      .where(eq(people.id, left.person.id));
    const registry = (
      await admin.request('GET', `/api/counselling/registry?unitId=${root.id}`)
    ).json() as TCoachRegistry;
    expect(registry).toMatchObject({ coaches: 1, volunteers: 1 });
    expect(registry.members.find((m) => m.personId === a.person.id)?.team.id).toBe(root.id);
  });

  it('gives an employee the team that serves their unit, not every subsidiary’s', async () => {
    const employee = await demoLogin('employee');
    const coaches = (await employee.request('GET', '/api/counselling/coaches')).json() as TCoachProfile[];
    expect(coaches.length).toBeGreaterThan(5);
    expect(coaches.length).toBeLessThan(148);
  });
});
