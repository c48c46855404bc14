import { ASSIGNABLE_ROLES, PERMISSIONS, ROLE_PERMISSIONS, ROLES, type TRole } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../platform/db/sql.js';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  type Client,
  clientFor,
  grantRole,
  type Person,
  type Unit,
} from './factories.js';
import { buildTestApp, type TestApp } from './test-app.js';

/**
 * No way up the tree, as a property: over random sequences of grants, revocations and account
 * actions taken by one non-sysadmin attacker (acting through every account they control — their
 * own, and any whose password they reset or whose account they created), no account they control
 * ever holds a permission on a unit that the attacker could not already exercise there.
 */
let t: TestApp;
const db = () => t.app.lifeline.database.db;
afterAll(() => t?.close());
beforeAll(async () => {
  t = await buildTestApp();
});

/** A deterministic generator (mulberry32), so that a failure can be replayed from its seed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type World = { units: Unit[]; people: Person[]; withAccount: Set<number>; cast: Map<string, Person> };

const has = (role: string) => (ROLES as readonly string[]).includes(role);

/**
 * A small group: 集团 → two subsidiaries → a branch each; people in every unit, some without an
 * account; role holders on several levels, among them a group system administrator whose record
 * sits in a branch (the account a unit administrator once took over).
 */
async function buildWorld(): Promise<World> {
  const root = await buildUnit(db());
  const s1 = await buildUnit(db(), root);
  const s1a = await buildUnit(db(), s1);
  const s2 = await buildUnit(db(), root);
  const s2a = await buildUnit(db(), s2);
  const units = [root, s1, s1a, s2, s2a];
  const people: Person[] = [];
  const withAccount = new Set<number>();
  const cast = new Map<string, Person>();
  const add = async (name: string, home: Unit, roles: [TRole, Unit][], account = true) => {
    const p = await buildPerson(db(), t.app.lifeline.crypto, home);
    if (account) {
      await buildAccount(db(), p);
      withAccount.add(p.id);
    }
    for (const [role, on] of roles) if (has(role)) await grantRole(db(), p, role, on);
    people.push(p);
    cast.set(name, p);
  };
  await add('sysadmin', s1a, [['sysadmin', root]]);
  await add('unitAdminS1', s1, [['unit_admin', s1]]);
  await add('unitAdminS1a', s1a, [['unit_admin', s1a]]);
  await add('securityAdmin', root, [['security_admin' as TRole, root]]);
  await add('securityAdminS2', s2, [['security_admin' as TRole, s2]]);
  await add('leaderAndAdmin', s2, [
    ['leader', s1],
    ['unit_admin', s2a],
  ]);
  await add('office', root, [['hotline_office', root]]);
  await add('secretary', s1a, [['branch_secretary', s1a]]);
  await add('auditor', root, [['auditor' as TRole, root]]);
  await add('coach', s2a, [['coach', s2]]);
  await add('leaderNoAccount', s1a, [['leader', root]], false);
  for (const u of units) {
    await add(`employee-${u.id}`, u, []);
    await add(`newcomer-${u.id}`, u, [], false);
  }
  return { units, people, withAccount, cast };
}

type Holding = { role: TRole; unitPath: string };

/**
 * The roles each person holds or will hold (not ended), read here from the table itself, so that
 * the property does not lean on the code it checks. Future assignments count: they will grant.
 */
async function holdingsOf(personIds: number[]): Promise<Map<number, Holding[]>> {
  const out = new Map<number, Holding[]>(personIds.map((id) => [id, []]));
  const rows = await queryRows<{ person_id: string; role: TRole; path: string }>(
    db(),
    sql`select ra.person_id, ra.role, u.path from role_assignments ra join org_units u on u.id = ra.unit_id
        where ra.person_id = any(${`{${personIds.join(',')}}`}::bigint[])
          and (ra.ends_on is null or ra.ends_on >= ((now() at time zone 'UTC') + interval '8 hours')::date)`,
  );
  for (const r of rows) out.get(Number(r.person_id))?.push({ role: r.role, unitPath: r.path });
  return out;
}

/** What a set of holdings lets one do: every (permission, unit) it covers in the world. */
function capability(holdings: readonly Holding[], units: Unit[]): Set<string> {
  const out = new Set<string>();
  for (const u of units)
    for (const p of PERMISSIONS)
      if (holdings.some((h) => ROLE_PERMISSIONS[h.role].includes(p) && u.path.startsWith(h.unitPath)))
        out.add(`${p}@${u.id}`);
  return out;
}

async function sessionFor(person: Person): Promise<Client> {
  const { createSession } = await import('../modules/auth/sessions.js');
  const { accounts } = await import('../modules/auth/auth.table.js');
  const { eq } = await import('drizzle-orm');
  const [account] = await db().select().from(accounts).where(eq(accounts.personId, person.id));
  const token = await createSession(db(), account.id, { ip: '127.0.0.1', userAgent: 'property' });
  return clientFor(t.app, person, token);
}

type Step = { by: number; op: string; status: number };

/** One attacker's random walk; returns the steps taken and the first breach found, if any. */
async function walk(attackerName: string, seed: number, length: number) {
  const world = await buildWorld();
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const attacker = world.cast.get(attackerName)!;
  const before = capability((await holdingsOf([attacker.id])).get(attacker.id) ?? [], world.units);
  const controlled = new Map<number, Client>([[attacker.id, await sessionFor(attacker)]]);
  const holders = world.people.filter((p) =>
    [...world.cast.entries()].some(
      ([k, v]) => v === p && !k.startsWith('employee') && !k.startsWith('newcomer'),
    ),
  );
  const target = (): Person => {
    const r = random();
    if (r < 0.2) return attacker;
    if (r < 0.4) {
      const id = pick([...controlled.keys()]);
      return world.people.find((p) => p.id === id)!;
    }
    if (r < 0.75) return pick(holders);
    return pick(world.people);
  };
  const steps: Step[] = [];
  for (let i = 0; i < length; i++) {
    const [byId, client] = pick([...controlled.entries()]);
    const p = target();
    const kind = pick(['grant', 'grant', 'revoke', 'reset', 'create', 'disable', 'move'] as const);
    let status = 0;
    let op = '';
    if (kind === 'grant') {
      const role = pick(ASSIGNABLE_ROLES);
      const unit = pick(world.units);
      op = `grant ${role} on unit ${unit.id} to person ${p.id}`;
      status = (
        await client.request('POST', '/api/role-assignments', { personId: p.id, role, unitId: unit.id })
      ).statusCode;
    } else if (kind === 'revoke') {
      const list = (await client.request('GET', `/api/role-assignments?personId=${p.id}`)).json();
      const a = list.items?.length ? pick(list.items as { id: number; role: string }[]) : null;
      op = `revoke ${a ? `${a.role} #${a.id}` : 'nothing'} of person ${p.id}`;
      status = a ? (await client.request('DELETE', `/api/role-assignments/${a.id}`)).statusCode : 0;
    } else if (kind === 'reset') {
      op = `reset the password of person ${p.id}`;
      status = (
        await client.request('PATCH', `/api/people/${p.id}/account`, { resetPassword: 'Taken-0ver-2026!' })
      ).statusCode;
      // A reset password is a known password: the attacker now logs in as that person.
      if (status === 200 && !controlled.has(p.id)) controlled.set(p.id, await sessionFor(p));
    } else if (kind === 'create') {
      op = `create an account for person ${p.id}`;
      status = (
        await client.request('POST', `/api/people/${p.id}/account`, { initialPassword: 'Known-Passw0rd-26' })
      ).statusCode;
      if (status === 201) {
        world.withAccount.add(p.id);
        controlled.set(p.id, await sessionFor(p));
      }
    } else if (kind === 'disable') {
      op = `disable and re-enable the account of person ${p.id}`;
      status = (await client.request('PATCH', `/api/people/${p.id}/account`, { disabled: true })).statusCode;
      if (status === 200) await client.request('PATCH', `/api/people/${p.id}/account`, { disabled: false });
    } else {
      const current = (await client.request('GET', `/api/people/${p.id}`)).json();
      const unit = pick(world.units);
      op = `move person ${p.id} to unit ${unit.id}`;
      status =
        current.version === undefined
          ? 0
          : (
              await client.request('PATCH', `/api/people/${p.id}`, {
                unitId: unit.id,
                version: current.version,
              })
            ).statusCode;
    }
    expect(status, `${op}: a server error`).toBeLessThan(500);
    steps.push({ by: byId, op, status });
    const holdings = await holdingsOf([...controlled.keys()]);
    for (const [personId, held] of holdings) {
      const gained = [...capability(held, world.units)].filter((c) => !before.has(c));
      if (gained.length) return { steps, breach: { personId, gained } };
    }
  }
  return { steps, breach: null };
}

const ATTACKERS = [
  'unitAdminS1',
  'unitAdminS1a',
  'securityAdmin',
  'securityAdminS2',
  'leaderAndAdmin',
  'office',
  'secretary',
  'auditor',
  'coach',
];

describe('no actor climbs the tree by grants and account actions', () => {
  it.each(ATTACKERS)('holds for %s over random sequences', async (attacker) => {
    for (const seed of [1, 2, 3]) {
      const run = await walk(attacker, seed * 7919 + attacker.length, 30);
      if (run.breach) {
        const trace = run.steps.map((s, i) => `${i + 1}. as ${s.by}: ${s.op} → ${s.status}`).join('\n');
        expect.fail(
          `seed ${seed}: person ${run.breach.personId} (controlled by ${attacker}) gained ${run.breach.gained
            .slice(0, 5)
            .join(', ')}\n${trace}`,
        );
      }
    }
  });
});
