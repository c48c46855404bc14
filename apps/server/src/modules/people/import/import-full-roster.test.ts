import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/audit.table.js';
import {
  buildPerson,
  buildUnit,
  type Client,
  drainJobs,
  loginAs,
  multipart,
  type Unit,
} from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { people } from '../people.table.js';

/**
 * A full roster (issue 12): the people in post in the file's units who are not in the file are
 * counted when it is checked, and marked as left or transferred out only when the importer
 * asks, in the same transaction as the rows.
 */
let t: TestApp;
let company: Unit;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  company = await buildUnit(t.app.lifeline.database.db, await buildUnit(t.app.lifeline.database.db), {
    code: 'FR',
  });
  admin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

const db = () => t.app.lifeline.database.db;
const crypto = () => t.app.lifeline.crypto;
let seq = 0;
const no = () => `FR-${++seq}`;

/** A roster of [employee no, unit code, gender] rows. */
async function roster(rows: [string, string, string?][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['工号', '姓名', '性别', '所属单位编码', '政治面貌', '人员状态']);
  for (const [employeeNo, unit, gender] of rows)
    ws.addRow([employeeNo, '张全员', gender ?? '男', unit, '群众', '在职']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function validate(bytes: Buffer) {
  const body = multipart('file', '全员名单.xlsx', bytes);
  const res = await admin.request('POST', '/api/people/imports', body.payload, body.headers);
  expect(res.statusCode, res.body).toBe(202);
  await drainJobs(t.app);
  return (await admin.request('GET', `/api/people/imports/${res.json().id}`)).json();
}

async function commit(id: number, body: Record<string, unknown>) {
  const res = await admin.request('POST', `/api/people/imports/${id}/commit`, body);
  await drainJobs(t.app);
  return { res, done: (await admin.request('GET', `/api/people/imports/${id}`)).json() };
}

const statusOf = async (employeeNo: string) =>
  (await db().select().from(people).where(eq(people.employeeNo, employeeNo)))[0]?.employmentStatus;

/** A unit with people in post a, b, c and a retired r; and a sister unit with d in post. */
async function scene() {
  const unit = await buildUnit(db(), company);
  const sister = await buildUnit(db(), company);
  const [a, b, c, r, d] = [no(), no(), no(), no(), no()];
  for (const employeeNo of [a, b, c]) await buildPerson(db(), crypto(), unit, { employeeNo });
  await buildPerson(db(), crypto(), unit, { employeeNo: r, employmentStatus: 'retired' });
  await buildPerson(db(), crypto(), sister, { employeeNo: d });
  return { unit, a, b, c, r, d };
}

describe('a full roster', () => {
  it('counts the people in post its units leave out, and marks them as left when asked', async () => {
    const { unit, a, b, c, r, d } = await scene();
    const fresh = no();
    // b's row has an error: b is in the file all the same.
    const validated = await validate(
      await roster([
        [a, unit.code],
        [b, unit.code, '未知'],
        [fresh, unit.code],
      ]),
    );
    expect(validated).toMatchObject({ state: 'invalid', fileUnits: 1, missingPeople: 1, missingAs: null });

    const { res, done } = await commit(validated.id, { mode: 'valid_only', missingAs: 'resigned' });
    expect(res.statusCode, res.body).toBe(202);
    expect(done).toMatchObject({ state: 'done', created: 1, marked: 1, missingAs: 'resigned' });
    expect(await statusOf(c)).toBe('resigned');
    for (const kept of [a, b, d]) expect(await statusOf(kept)).toBe('active');
    expect(await statusOf(r)).toBe('retired');
    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.details}->>'importId' = ${String(validated.id)} and ${auditEvents.details} ? 'missingFromFile'`,
      );
    expect(event).toMatchObject({
      action: 'person.update',
      changes: { employmentStatus: { before: 'active', after: 'resigned' } },
    });
  });

  it('marks nobody unless asked, and can mark them as transferred out', async () => {
    const { unit, a, b, c } = await scene();
    const first = await validate(
      await roster([
        [a, unit.code],
        [b, unit.code],
      ]),
    );
    expect(first.missingPeople).toBe(1);
    expect((await commit(first.id, { mode: 'all' })).done).toMatchObject({ state: 'done', marked: 0 });
    expect(await statusOf(c)).toBe('active');

    const second = await validate(
      await roster([
        [a, unit.code],
        [b, unit.code],
      ]),
    );
    const { done } = await commit(second.id, { mode: 'all', missingAs: 'transferred_out' });
    expect(done).toMatchObject({ state: 'done', marked: 1, unchanged: 2 });
    expect(await statusOf(c)).toBe('transferred_out');
    expect(
      (
        await admin.request('POST', `/api/people/imports/${second.id}/commit`, {
          mode: 'all',
          missingAs: 'deceased',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('changes nothing when the people left out are not those it counted', async () => {
    const { unit, a, b } = await scene();
    const fresh = no();
    const validated = await validate(
      await roster([
        [a, unit.code],
        [b, unit.code],
        [fresh, unit.code],
      ]),
    );
    expect(validated.missingPeople).toBe(1);
    // Someone joins the unit after the check: the file leaves out two now.
    const joined = no();
    await buildPerson(db(), crypto(), unit, { employeeNo: joined });
    const { done } = await commit(validated.id, { mode: 'all', missingAs: 'resigned' });
    expect(done.state).toBe('failed');
    expect(done.failure).toMatch(/1 people in post were missing .* 2 now/);
    expect(await statusOf(fresh)).toBeUndefined();
    expect(await statusOf(joined)).toBe('active');
  });
});
