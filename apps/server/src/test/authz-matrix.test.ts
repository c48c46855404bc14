import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, type TPermission, type TRole } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { queryOne } from '../platform/db/sql.js';
import type { RouteAccess } from '../platform/http/route-access.js';
import {
  buildPerson,
  buildUnit,
  type Client,
  grantRole,
  loginAs,
  multipart,
  type Person,
  type Unit,
} from './factories.js';
import { type Target, targets } from './matrix-targets.js';
import { buildTestApp } from './test-app.js';

/**
 * The authorization matrix, generated from the registered routes: every API route declares
 * public, authenticated or a permission (the server refuses to start otherwise), and has a target
 * in matrix-targets*.ts that says how to call it and how its scope or ownership is proven:
 *
 * - anonymous callers of every non-public route get 401, and a plain employee gets 403 where a
 *   permission is needed;
 * - a route that needs a permission is allowed for the least powerful role holding it (every
 *   change writes an audit row), and then, by the target's proof kind:
 *   scoped (default): the record of unit B, outside the actor's subtree, answers 404 (a list:
 *   is not in it); `group`: the same role held on a lower unit than the top answers 403
 *   'group_only'; `owner`: another person's record answers 404 (a list: is not in it);
 * - a route open to any logged-in account is called by a plain employee (every change audited)
 *   and, with `owner`, another person's record answers 404 (a list: is not in it);
 * - otherwise the target says `why` no scope or owner check applies; the test names print each.
 * A route without a target, or without a proof kind, fails the suite naming the route.
 */

const t = await buildTestApp();
afterAll(() => t.close());
const db = t.app.lifeline.database.db;
const root: Unit = await buildUnit(db);
const unitA: Unit = await buildUnit(db, root);
const unitB: Unit = await buildUnit(db, root);
const employee: Client = await loginAs(t.app, unitA);

/** How a route's scope or ownership is proven (see matrix-targets.ts). */
type Proof =
  | { kind: 'public' }
  | { kind: 'scoped' }
  | { kind: 'group' }
  | { kind: 'owner' }
  | { kind: 'why'; why: string }
  | { kind: 'missing'; problem: string };

type Route = {
  key: string;
  method: string;
  access: RouteAccess;
  /** The target built for unit A and a plain employee: the anonymous and 403 calls, and the proof kind. */
  probe: Target | null;
  proof: Proof;
};

/** The proof kind a target declares for a route with this access, or what is missing. */
function proofOf(access: RouteAccess, target: Target): Proof {
  if (access === 'public') return { kind: 'public' };
  const declared = (['group', 'owner', 'why'] as const).filter((k) => target[k]);
  if (declared.length > 1)
    return { kind: 'missing', problem: `declares ${declared.join(' and ')}: choose one` };
  if (target.why !== undefined && target.why.trim().length < 10)
    return { kind: 'missing', problem: '`why` must say why no scope or owner check applies' };
  if (access === 'authenticated') {
    if (target.group) return { kind: 'missing', problem: '`group` is for routes that need a permission' };
    if (target.owner) return { kind: 'owner' };
    if (target.why) return { kind: 'why', why: target.why };
    // A notice public to everyone below a unit: an employee of unit A does not see unit B's.
    if (target.scoped === true) return { kind: 'scoped' };
    return {
      kind: 'missing',
      problem:
        "open to any logged-in account: needs `owner: true` (another person's → 404), `scoped: true` (unit B's → 404) or a `why`",
    };
  }
  if (target.group) return { kind: 'group' };
  if (target.owner) return { kind: 'owner' };
  if (target.why) return { kind: 'why', why: target.why };
  // A list whose scope is in SQL proves it with `listed` (unit B's record is not in it).
  if (target.scoped === false && !target.listed)
    return {
      kind: 'missing',
      problem: '`scoped: false` without proof: prove it (group, owner, listed) or say `why`',
    };
  return { kind: 'scoped' };
}

const routes: Route[] = [];
for (const r of t.app.lifeline.routes) {
  const key = `${r.method} ${r.url}`;
  const make = targets[key];
  let probe: Target | null = null;
  let proof: Proof = { kind: 'missing', problem: 'no target in matrix-targets*.ts' };
  if (make) {
    try {
      probe = await make(t, unitA, employee.person);
      proof = proofOf(r.access, probe);
      if (probe.listed && !['scoped', 'owner'].includes(proof.kind))
        proof = { kind: 'missing', problem: '`listed` proves a scoped or owner list only' };
      if (probe.untouched && proof.kind !== 'owner')
        proof = { kind: 'missing', problem: '`untouched` proves an owner route only' };
    } catch (err) {
      proof = { kind: 'missing', problem: `its target fails to build: ${String(err)}` };
    }
  }
  routes.push({ key, method: r.method, access: r.access, probe, proof });
}

/** The least powerful role that holds a permission (sysadmin only when nothing else does). */
function roleFor(permission: TPermission): TRole {
  return ROLES.find((r) => r !== 'sysadmin' && ROLE_PERMISSIONS[r].includes(permission)) ?? 'sysadmin';
}

const permissionOf = (r: Route) => (r.access as { permission: TPermission }).permission;

/** Sends a target's request: JSON or a prepared body, or a small valid roster as multipart for upload routes. */
async function send(client: Client, method: string, target: Target) {
  if (!target.upload) return client.request(method as 'GET', target.url, target.payload, target.headers);
  if (typeof target.upload === 'object') {
    const file = multipart('file', target.upload.filename, target.upload.bytes);
    return client.request(method as 'POST', target.url, file.payload, file.headers);
  }
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('人员名单').addRow(['工号*', '姓名*', '性别*', '所属单位编码*', '政治面貌*', '人员状态*']);
  const body = multipart('file', 'roster.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  return client.request(method as 'POST', target.url, body.payload, body.headers);
}

const build = (r: Route, unit: Unit, caller: Person) => targets[r.key](t, unit, caller);

const auditCount = async () =>
  Number((await queryOne<{ n: string }>(db, sql`select count(*) as n from audit_events`))!.n);

const listedOf = (target: Target) => (target.listed === undefined ? [] : [target.listed].flat());

/**
 * The answer as text: for a workbook, the text of its shared strings and sheets (read from the
 * zip: ExcelJS's object model takes a second per template, for its data validations).
 */
async function textOf(res: LightMyRequestResponse): Promise<string> {
  if (!String(res.headers['content-type'] ?? '').includes('spreadsheetml')) return res.body;
  const zip = await JSZip.loadAsync(res.rawPayload);
  const parts = Object.keys(zip.files).filter((f) => /^xl\/(sharedStrings|worksheets\/[^/]+)\.xml$/.test(f));
  const xml = await Promise.all(parts.map((f) => zip.file(f)!.async('string')));
  return xml
    .join('\n')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Whether the text names the marker (not as the start of a longer id or code). */
const names = (text: string, marker: string) =>
  new RegExp(`${marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9A-Za-z_])`).test(text);

/** The request succeeds, writes an audit row if it changes something, and lists the records built. */
async function expectAllowed(client: Client, r: Route, target: Target, who: string) {
  const before = await auditCount();
  const res = await send(client, r.method, target);
  expect(res.statusCode, `${r.key} as ${who}: ${res.body.slice(0, 300)}`).toBeLessThan(300);
  if (r.method !== 'GET' && !target.unaudited)
    expect(await auditCount(), `${r.key} writes an audit row`).toBeGreaterThan(before);
  const text = await textOf(res);
  for (const m of listedOf(target))
    expect(names(text, m), `${r.key} lists the record built for the caller (${m})`).toBe(true);
}

/** Someone else's record (unit B's, another person's) is refused, not listed, or left untouched. */
async function expectRefused(client: Client, r: Route, target: Target, whose: string) {
  const res = await send(client, r.method, target);
  const markers = listedOf(target);
  if (markers.length) {
    expect(res.statusCode, `${r.key} listing (${whose} exists): ${res.body.slice(0, 300)}`).toBeLessThan(300);
    const text = await textOf(res);
    for (const m of markers) expect(names(text, m), `${r.key} lists ${whose} (${m})`).toBe(false);
    return;
  }
  if (target.untouched) {
    expect(res.statusCode === 404 || res.statusCode < 300, `${r.key} on ${whose}: ${res.statusCode}`).toBe(
      true,
    );
    expect(await target.untouched(), `${r.key} leaves ${whose} as it was`).toBe(true);
    return;
  }
  expect(res.statusCode, `${r.key} on ${whose}: ${res.body.slice(0, 300)}`).toBe(404);
}

/** Whom a route is called as: the least powerful holder of its permission, or a plain employee. */
function caller(r: Route): { role: TRole | null; home: Unit } {
  if (typeof r.access !== 'object') return { role: null, home: unitA };
  return { role: roleFor(permissionOf(r)), home: r.proof.kind === 'group' ? root : unitA };
}

/** Allowed in scope: for the actor's own record in unit A (or on the top unit, for group-wide ones). */
async function allowedInScope(r: Route): Promise<Client> {
  if (!r.probe) throw new Error(`${r.key}: ${(r.proof as { problem: string }).problem}`);
  const { role, home } = caller(r);
  const actor = await loginAs(t.app, home, role ? [[role, home]] : []);
  const who = role ? `${role} of ${home === root ? 'the top unit' : 'unit A'}` : 'a plain employee';
  await expectAllowed(actor, r, await build(r, unitA, actor.person), who);
  return actor;
}

/** The proof of the route's kind, for an actor already allowed in scope. */
async function refusedOutOfScope(r: Route, actor: Client) {
  const { role } = caller(r);
  if (r.proof.kind === 'scoped') {
    await expectRefused(actor, r, await build(r, unitB, actor.person), 'a record of unit B');
  } else if (r.proof.kind === 'group') {
    const lower = await loginAs(t.app, unitA, [[role!, unitA]]);
    const res = await send(lower, r.method, await build(r, unitA, lower.person));
    expect(res.statusCode, `${r.key} as ${role} of unit A: ${res.body.slice(0, 300)}`).toBe(403);
    expect(res.json().error?.details?.reason, `${r.key} says why`).toBe('group_only');
  } else if (r.proof.kind === 'owner') {
    // Another person of the same unit, with the same role (another coach, another uploader).
    const other = await buildPerson(db, t.app.lifeline.crypto, unitA);
    if (role) await grantRole(db, other, role, unitA);
    await expectRefused(actor, r, await build(r, unitA, other), "another person's record");
  }
}

const guarded = routes.filter((r) => r.access !== 'public');
const byPermission = routes.filter((r) => typeof r.access === 'object');
const proven = (kind: Proof['kind']) => routes.filter((r) => r.proof.kind === kind);
const whose = (r: Route) => (typeof r.access === 'object' ? permissionOf(r) : 'any employee');

const LABEL: Record<string, (r: Route) => string> = {
  scoped: (r) =>
    listedOf(r.probe!).length ? 'a record of unit B is not listed' : 'a record of unit B answers 404',
  owner: (r) =>
    (listedOf(r.probe!).length
      ? "another person's is not listed"
      : r.probe!.untouched
        ? "another person's is left as it was"
        : "another person's answers 404") +
    (r.probe!.unaudited ? ` (no audit row: ${r.probe!.unaudited})` : ''),
};

describe('authorization matrix', () => {
  it('covers every registered route', () => {
    const missing = routes.filter((r) => !(r.key in targets)).map((r) => r.key);
    expect(missing, 'routes without a matrix target').toEqual([]);
    expect(routes.length).toBeGreaterThan(15);
  });

  it('lists only known permissions', () => {
    for (const r of byPermission) expect(PERMISSIONS).toContain(permissionOf(r));
  });

  it('proves the scope or ownership of every route, or says why none applies', () => {
    const missing = routes
      .filter((r) => r.proof.kind === 'missing')
      .map((r) => `${r.key}: ${(r.proof as { problem: string }).problem}`);
    expect(missing, 'routes without a proof kind').toEqual([]);
  });

  describe('anonymous callers get 401', () => {
    for (const r of guarded) {
      it(r.key, async () => {
        if (!r.probe) throw new Error(`${r.key} has no target`);
        const res = await t.app.inject({
          method: r.method as 'GET',
          url: r.probe.url,
          headers: { origin: 'http://localhost:80', ...r.probe.headers },
          ...(r.probe.payload ? { payload: r.probe.payload as InjectOptions['payload'] } : {}),
        });
        expect(res.statusCode, `${r.key}: ${res.body.slice(0, 200)}`).toBe(401);
      });
    }
  });

  describe('a logged-in employee without the permission gets 403', () => {
    for (const r of byPermission) {
      it(`${r.key} (${permissionOf(r)})`, async () => {
        if (!r.probe) throw new Error(`${r.key} has no target`);
        const res = await send(employee, r.method, r.probe);
        expect(res.statusCode, `${r.key}: ${res.body.slice(0, 200)}`).toBe(403);
      });
    }
  });

  describe('scoped to the subtree: allowed in unit A (changes audited); unit B refused', () => {
    for (const r of proven('scoped')) {
      it(`${r.key} (${whose(r)}): ${LABEL.scoped(r)}`, async () => {
        await refusedOutOfScope(r, await allowedInScope(r));
      });
    }
  });

  describe("group-wide: allowed on the top unit (changes audited); on a lower unit 403 'group_only'", () => {
    for (const r of proven('group')) {
      it(`${r.key} (${whose(r)})`, async () => {
        await refusedOutOfScope(r, await allowedInScope(r));
      });
    }
  });

  describe("the caller's own: allowed (changes audited); another person's refused", () => {
    for (const r of proven('owner')) {
      it(`${r.key} (${whose(r)}): ${LABEL.owner(r)}`, async () => {
        await refusedOutOfScope(r, await allowedInScope(r));
      });
    }
  });

  describe('no scope or owner check applies, and why (allowed, changes audited)', () => {
    for (const r of proven('why')) {
      it(`${r.key} (${whose(r)}): ${(r.proof as { why: string }).why}`, async () => {
        await allowedInScope(r);
      });
    }
  });

  it('grants nothing with an assignment that has ended or not yet started', async () => {
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
