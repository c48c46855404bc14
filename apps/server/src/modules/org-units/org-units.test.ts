import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
let root: Unit;
let company: Unit;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  company = await buildUnit(db, root);
  admin = await loginAs(t.app, root, [['sysadmin', root]]);
});
afterAll(() => t.close());

const create = async (parentId: number, code: string, name = `单位${code}`) => {
  const res = await admin.request('POST', '/api/org-units', { parentId, name, code, type: 'party_branch' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const tree = async (c = admin, q = '') =>
  (await c.request('GET', `/api/org-units/tree${q}`)).json() as {
    id: number;
    parentId: number;
    depth: number;
    code: string;
    people: number;
    partyMembers: number;
    subtreePeople: number;
    subtreePartyMembers: number;
  }[];

describe('organisation tree', () => {
  it('gives headcounts per unit and per subtree in one tree', async () => {
    const db = t.app.lifeline.database.db;
    const a = await buildUnit(db, company);
    const b = await buildUnit(db, a);
    await buildPerson(db, t.app.lifeline.crypto, a, {
      politicalStatus: 'party_member',
      partyJoinedOn: '2010-07-01',
    });
    await buildPerson(db, t.app.lifeline.crypto, b, {
      politicalStatus: 'probationary_member',
      partyJoinedOn: '2026-01-01',
    });
    await buildPerson(db, t.app.lifeline.crypto, b);
    await buildPerson(db, t.app.lifeline.crypto, b, { employmentStatus: 'retired' });
    const nodes = await tree();
    const na = nodes.find((n) => n.id === a.id)!;
    const nb = nodes.find((n) => n.id === b.id)!;
    expect(nb).toMatchObject({ people: 2, partyMembers: 1, subtreePeople: 2, subtreePartyMembers: 1 });
    expect(na).toMatchObject({ people: 1, partyMembers: 1, subtreePeople: 3, subtreePartyMembers: 2 });
    expect(nodes.find((n) => n.id === root.id)!.subtreePeople).toBeGreaterThanOrEqual(3);
  });

  it('moves a unit with its whole subtree in one step, and refuses a move into its own subtree', async () => {
    const x = await create(company.id, 'MV-X');
    const y = await create(x.id, 'MV-Y');
    const z = await create(y.id, 'MV-Z');
    const target = await create(root.id, 'MV-T');
    const into = await admin.request('POST', `/api/org-units/${x.id}/move`, {
      newParentId: z.id,
      version: x.version,
    });
    expect(into.statusCode).toBe(400);
    const moved = await admin.request('POST', `/api/org-units/${x.id}/move`, {
      newParentId: target.id,
      version: x.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      parentId: target.id,
      depth: target.depth + 1,
      version: x.version + 1,
    });
    const nodes = await tree();
    expect(nodes.find((n) => n.id === z.id)).toMatchObject({ depth: target.depth + 3 });
    // The subtree still answers as a subtree (paths rewritten): people of z are in x's subtree list.
    await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, { id: z.id } as Unit);
    const inX = (await admin.request('GET', `/api/people?unitId=${x.id}`)).json();
    expect(inX.total).toBe(1);
    const inCompany = (await admin.request('GET', `/api/people?unitId=${company.id}`)).json();
    expect(inCompany.items.map((p: { unitId: number }) => p.unitId)).not.toContain(z.id);
  });

  it('detects concurrent edits: the second writer gets a conflict and loses nothing', async () => {
    const u = await create(company.id, 'CC-1', '并发单位');
    const first = await admin.request('PATCH', `/api/org-units/${u.id}`, {
      name: '第一次修改',
      version: u.version,
    });
    const second = await admin.request('PATCH', `/api/org-units/${u.id}`, {
      name: '第二次修改',
      version: u.version,
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'conflict',
      details: { currentVersion: u.version + 1 },
    });
    expect((await admin.request('GET', `/api/org-units/${u.id}`)).json().name).toBe('第一次修改');
  });

  it('dissolves a unit, keeping it out of the tree but not out of history', async () => {
    const parent = await create(company.id, 'DS-P');
    const child = await create(parent.id, 'DS-C');
    const refused = await admin.request('POST', `/api/org-units/${parent.id}/dissolve`, {
      dissolvedOn: '2026-06-30',
      version: parent.version,
    });
    expect(refused.statusCode).toBe(409);
    const ok = await admin.request('POST', `/api/org-units/${child.id}/dissolve`, {
      dissolvedOn: '2026-06-30',
      version: child.version,
    });
    expect(ok.json()).toMatchObject({
      dissolvedOn: '2026-06-30',
      abilities: { dissolve: false, createChild: false },
    });
    expect((await tree()).map((n) => n.id)).not.toContain(child.id);
    expect((await tree(admin, '?includeDissolved=true')).map((n) => n.id)).toContain(child.id);
    const again = await admin.request('POST', `/api/org-units/${child.id}/dissolve`, {
      dissolvedOn: '2026-07-01',
      version: child.version + 1,
    });
    expect(again.json().error.code).toBe('invalid_transition');
  });

  it('validates input with clear errors', async () => {
    const dup = await admin.request('POST', '/api/org-units', {
      parentId: company.id,
      name: 'x',
      code: 'CC-1',
      type: 'party_branch',
    });
    expect(dup.statusCode).toBe(409);
    const badType = await admin.request('POST', '/api/org-units', {
      parentId: company.id,
      name: 'x',
      code: 'NEW-1',
      type: 'no_such_type',
    });
    expect(badType.json().error).toMatchObject({ code: 'validation_failed', details: { field: 'type' } });
    const badCode = await admin.request('POST', '/api/org-units', {
      parentId: company.id,
      name: 'x',
      code: '中文',
      type: 'party_branch',
    });
    expect(badCode.json().error.code).toBe('validation_failed');
  });

  it('shows a unit administrator only their subtree', async () => {
    const sibling = await create(root.id, 'SIB');
    const local = await loginAs(t.app, company, [['unit_admin', company]]);
    const ids = (await tree(local)).map((n) => n.id);
    expect(ids).toContain(company.id);
    expect(ids).not.toContain(sibling.id);
    expect(ids).not.toContain(root.id);
    expect((await local.request('GET', `/api/org-units/${sibling.id}`)).statusCode).toBe(404);
  });
});
