import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../platform/audit/audit.table.js';
import { buildPerson, buildUnit, type Client, loginAs, makeIdCard, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { people } from './people.table.js';

let t: TestApp;
let root: Unit;
let branch: Unit;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  branch = await buildUnit(db, root);
  admin = await loginAs(t.app, root, [['unit_admin', root]]);
});
afterAll(() => t.close());

const list = async (q: string) => (await admin.request('GET', `/api/people?unitId=${branch.id}&${q}`)).json();

describe('people', () => {
  it('finds people by name, pinyin, pinyin initials, employee number and phone, sorted by pinyin', async () => {
    const db = t.app.lifeline.database.db;
    const c = t.app.lifeline.crypto;
    await buildPerson(db, c, branch, { name: '张三丰', employeeNo: 'S-100', phone: '13912345678' });
    await buildPerson(db, c, branch, { name: '欧阳晓峰', employeeNo: 'S-101' });
    await buildPerson(db, c, branch, { name: '曾国华', employeeNo: 'S-102' });
    await buildPerson(db, c, branch, { name: '安娜', employeeNo: 'S-103' });
    expect((await list('q=zsf')).items.map((p: { name: string }) => p.name)).toEqual(['张三丰']);
    expect((await list('q=oyxf')).items.map((p: { name: string }) => p.name)).toEqual(['欧阳晓峰']);
    expect((await list('q=ouyang')).items.map((p: { name: string }) => p.name)).toEqual(['欧阳晓峰']);
    expect((await list('q=zeng')).items.map((p: { name: string }) => p.name)).toEqual(['曾国华']);
    expect((await list(`q=${encodeURIComponent('三丰')}`)).items).toHaveLength(1);
    expect((await list('q=s-101')).items.map((p: { name: string }) => p.name)).toEqual(['欧阳晓峰']);
    expect((await list('q=1391234')).items.map((p: { name: string }) => p.name)).toEqual(['张三丰']);
    const names = (await list('pageSize=50')).items.map((p: { name: string }) => p.name);
    expect(names.filter((n: string) => ['安娜', '欧阳晓峰', '曾国华', '张三丰'].includes(n))).toEqual([
      '安娜',
      '欧阳晓峰',
      '曾国华',
      '张三丰',
    ]);
  });

  it('filters by status and position and paginates', async () => {
    const db = t.app.lifeline.database.db;
    await buildPerson(db, t.app.lifeline.crypto, branch, {
      politicalStatus: 'party_member',
      partyJoinedOn: '2001-07-01',
      positions: ['secretary'],
    });
    const secretaries = await list('position=secretary');
    expect(secretaries.total).toBe(1);
    expect(secretaries.items[0].positions).toEqual(['secretary']);
    const page = await list('pageSize=2&page=2');
    expect(page).toMatchObject({ page: 2, pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect((await admin.request('GET', '/api/people?pageSize=500')).statusCode).toBe(400);
  });

  it('validates the ID card (GB 11643), stores it encrypted, shows it masked and audits every full read', async () => {
    const bad = await admin.request('POST', '/api/people', {
      employeeNo: 'ID-1',
      name: '李四',
      gender: 'male',
      unitId: branch.id,
      idCard: '110105199001011234',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toBe('body.idCard');
    const id = makeIdCard('female');
    const wrongGender = await admin.request('POST', '/api/people', {
      employeeNo: 'ID-1',
      name: '李四',
      gender: 'male',
      unitId: branch.id,
      idCard: id.idCard,
    });
    expect(wrongGender.json().error.details.issues[0].path).toBe('body.gender');
    const ok = await admin.request('POST', '/api/people', {
      employeeNo: 'ID-1',
      name: '李四',
      gender: 'female',
      unitId: branch.id,
      idCard: id.idCard,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const person = ok.json();
    expect(person).toMatchObject({
      birthDate: id.birthDate,
      idCardMasked: `${id.idCard.slice(0, 3)}***********${id.idCard.slice(-4)}`,
    });
    expect(JSON.stringify(person)).not.toContain(id.idCard);
    const [row] = await t.app.lifeline.database.db.select().from(people).where(eq(people.id, person.id));
    expect(row.idCardEnc).toMatch(/^enc:v1:/);
    expect(JSON.stringify(row)).not.toContain(id.idCard.slice(6, 14));
    const full = await admin.request('GET', `/api/people/${person.id}/id-card`);
    expect(full.json()).toEqual({ idCard: id.idCard });
    const reads = await t.app.lifeline.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'person.id_card_read'));
    expect(reads.map((r) => r.recordId)).toContain(String(person.id));
    const created = await t.app.lifeline.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, String(person.id)));
    expect(JSON.stringify(created)).not.toContain(id.idCard);
    const dup = await admin.request('POST', '/api/people', {
      employeeNo: 'ID-2',
      name: '李五',
      gender: 'female',
      unitId: branch.id,
      idCard: id.idCard,
    });
    expect(dup.json().error).toMatchObject({ code: 'conflict', details: { field: 'idCard' } });
    // A secretary may read people but not the full number.
    const secretary = await loginAs(t.app, branch, [['branch_secretary', branch]]);
    expect((await secretary.request('GET', `/api/people/${person.id}`)).json().abilities).toMatchObject({
      readIdCard: false,
      update: false,
    });
    expect((await secretary.request('GET', `/api/people/${person.id}/id-card`)).statusCode).toBe(403);
  });

  it('updates with optimistic locking and audits the changed fields', async () => {
    const p = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch, { name: '王一' });
    const first = await admin.request('PATCH', `/api/people/${p.id}`, { name: '王二', version: p.version });
    expect(first.statusCode).toBe(200);
    const stale = await admin.request('PATCH', `/api/people/${p.id}`, { name: '王三', version: p.version });
    expect(stale.statusCode).toBe(409);
    expect((await admin.request('GET', `/api/people/${p.id}`)).json().name).toBe('王二');
    const [audit] = await t.app.lifeline.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.recordId, String(p.id)));
    expect(audit).toMatchObject({
      action: 'person.update',
      changes: { name: { before: '王一', after: '王二' } },
      actorRole: 'unit_admin',
    });
  });
});
