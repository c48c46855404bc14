import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/sql.js';
import {
  buildAccount,
  buildPerson,
  buildUnit,
  type Client,
  drainJobs,
  loginAs,
  multipart,
  ORIGIN,
  TEST_PASSWORD,
  type Unit,
} from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * A phone number is a login name, so one person on the roster (in post or retired) holds it:
 * the people API, the roster import and the database refuse a second holder, saying only that
 * the number is in use; people who left give theirs up, and logging in by phone finds the holder.
 */
let t: TestApp;
let companyA: Unit;
let companyB: Unit;
let adminA: Client;
let adminB: Client;
const db = () => t.app.lifeline.database.db;

const input = (employeeNo: string, unit: Unit, phone: string, extra: Record<string, unknown> = {}) => ({
  employeeNo,
  name: `号码${employeeNo}`,
  gender: 'male',
  unitId: unit.id,
  phone,
  ...extra,
});

const login = (name: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin: ORIGIN },
    payload: { login: name, password: TEST_PASSWORD },
  });

beforeAll(async () => {
  t = await buildTestApp();
  const root = await buildUnit(db());
  companyA = await buildUnit(db(), root, { code: 'PH-A' });
  companyB = await buildUnit(db(), root, { code: 'PH-B' });
  adminA = await loginAs(t.app, companyA, [['unit_admin', companyA]]);
  adminB = await loginAs(t.app, companyB, [['unit_admin', companyB]]);
});
afterAll(() => t.close());

describe('the people API', () => {
  it("refuses another holder's number on create and edit, naming the field and nobody", async () => {
    const first = await adminA.request('POST', '/api/people', input('PH-1', companyA, '13600000001'));
    expect(first.statusCode, first.body).toBe(201);
    // An administrator of another subsidiary, who may not see the holder, learns only "in use".
    const second = await adminB.request('POST', '/api/people', input('PH-2', companyB, '13600000001'));
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toEqual({
      code: 'conflict',
      message: 'This phone number is already in use',
      details: { field: 'phone', reason: 'phone_in_use' },
    });
    const other = await adminB.request('POST', '/api/people', input('PH-2', companyB, '13600000002'));
    expect(other.statusCode, other.body).toBe(201);
    const edit = await adminB.request('PATCH', `/api/people/${other.json().id}`, {
      phone: '13600000001',
      version: other.json().version,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.details).toEqual({ field: 'phone', reason: 'phone_in_use' });
    // Keeping one's own number is no clash.
    const same = await adminA.request('PATCH', `/api/people/${first.json().id}`, {
      name: '号码改名',
      phone: '13600000001',
      version: first.json().version,
    });
    expect(same.statusCode, same.body).toBe(200);
  });

  it('frees the number of someone who left, and refuses it when they come back', async () => {
    const left = await adminA.request(
      'POST',
      '/api/people',
      input('PH-3', companyA, '13600000003', { employmentStatus: 'resigned' }),
    );
    expect(left.statusCode, left.body).toBe(201);
    const heir = await adminB.request('POST', '/api/people', input('PH-4', companyB, '13600000003'));
    expect(heir.statusCode, heir.body).toBe(201);
    const back = await adminA.request('PATCH', `/api/people/${left.json().id}`, {
      employmentStatus: 'active',
      version: left.json().version,
    });
    expect(back.statusCode).toBe(409);
    expect(back.json().error.details).toMatchObject({ field: 'phone' });
    // A retiree keeps theirs.
    const retiree = await adminA.request(
      'POST',
      '/api/people',
      input('PH-5', companyA, '13600000005', { employmentStatus: 'retired' }),
    );
    expect(retiree.statusCode, retiree.body).toBe(201);
    expect(
      (await adminB.request('POST', '/api/people', input('PH-6', companyB, '13600000005'))).statusCode,
    ).toBe(409);
  });

  it('answers two saves at once with one person and one conflict', async () => {
    const answers = await Promise.all(
      ['PH-7', 'PH-8'].map((no) => adminA.request('POST', '/api/people', input(no, companyA, '13600000007'))),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.statusCode === 409)?.json().error.details).toMatchObject({ field: 'phone' });
  });

  it('is enforced by the database too (people_phone_holder_idx)', async () => {
    await buildPerson(db(), t.app.lifeline.crypto, companyA, { phone: '13600000009' });
    await expect(
      buildPerson(db(), t.app.lifeline.crypto, companyB, { phone: '13600000009' }),
    ).rejects.toThrow();
    await buildPerson(db(), t.app.lifeline.crypto, companyB, {
      phone: '13600000009',
      employmentStatus: 'transferred_out',
    });
  });
});

describe('logging in by phone', () => {
  it('finds the holder, not someone who left with the same number', async () => {
    const gone = await buildPerson(db(), t.app.lifeline.crypto, companyA, {
      phone: '13600000010',
      employmentStatus: 'resigned',
    });
    await buildAccount(db(), gone);
    const holder = await buildPerson(db(), t.app.lifeline.crypto, companyB, { phone: '13600000010' });
    await buildAccount(db(), holder);
    const res = await login('13600000010');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().person.id).toBe(holder.id);
  });
});

describe('the roster import', () => {
  const HEAD = ['工号*', '姓名*', '性别*', '出生日期', '身份证号', '手机号', '所属单位编码*', '政治面貌*'];
  const HEAD_END = ['入党日期', '转正日期', '职务', '干部级别', '学历', '人员状态*'];
  const row = (no: string, phone: string, unit = 'PH-A', status = '在职') => [
    no,
    `导入${no}`,
    '男',
    null,
    null,
    phone,
    unit,
    '群众',
    null,
    null,
    null,
    null,
    null,
    status,
  ];

  it('reports a number held by someone else or given twice in the file, on the phone column, naming nobody', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员名单');
    ws.addRow([...HEAD, ...HEAD_END]);
    ws.addRow(row('PH-20', '13600000005')); // held by the retiree PH-5 (its own administrator imports)
    ws.addRow(row('PH-21', '13600000002')); // held by PH-2, in another subsidiary
    ws.addRow(row('PH-22', '13600000022'));
    ws.addRow(row('PH-23', '13600000022')); // the same number as the row before
    ws.addRow(row('PH-24', '13600000003', 'PH-A', '离职')); // someone who left holds none
    ws.addRow(row('PH-1', '13600000001')); // the holder keeps their own
    const body = multipart('file', '名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    const res = await adminA.request('POST', '/api/people/imports', body.payload, body.headers);
    expect(res.statusCode, res.body).toBe(202);
    await drainJobs(t.app);
    const validated = (await adminA.request('GET', `/api/people/imports/${res.json().id}`)).json();
    expect(validated.state).toBe('invalid');
    expect(validated.sampleErrors).toEqual([
      { row: 2, column: '手机号', message: '该手机号已被使用' },
      { row: 3, column: '手机号', message: '该手机号已被使用' },
      { row: 5, column: '手机号', message: '与第 4 行的手机号重复' },
    ]);
    const commit = await adminA.request('POST', `/api/people/imports/${res.json().id}/commit`, {
      mode: 'valid_only',
    });
    expect(commit.statusCode, commit.body).toBe(202);
    await drainJobs(t.app);
    const done = (await adminA.request('GET', `/api/people/imports/${res.json().id}`)).json();
    expect(done).toMatchObject({ state: 'done', created: 2, updated: 1 });
    const holders = await queryOne<{ n: number }>(
      db(),
      sql`select count(*)::int as n from people where phone = '13600000022'`,
    );
    expect(holders?.n).toBe(1);
  });
});
