import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/audit.table.js';
import { queryOne } from '../../../platform/db/sql.js';
import {
  buildPerson,
  buildUnit,
  type Client,
  drainJobs,
  loginAs,
  makeIdCard,
  multipart,
  type Unit,
} from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { orgUnits as orgUnitsTable } from '../../org-units/org-units.table.js';
import { people } from '../people.table.js';

let t: TestApp;
let root: Unit;
let branch: Unit;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  root = await buildUnit(db);
  const company = await buildUnit(db, root, { code: 'CO1' });
  branch = await buildUnit(db, company, { code: 'CO1-B1' });
  await buildUnit(db, root, { code: 'CO2' });
  admin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

const HEAD = [
  '工号*',
  '姓名*',
  '性别*',
  '出生日期',
  '身份证号',
  '手机号',
  '所属单位编码*',
  '政治面貌*',
  '入党日期',
  '转正日期',
  '职务',
  '干部级别',
  '学历',
  '人员状态*',
];

async function workbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  ws.addRow(HEAD);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(bytes: Buffer, name = '名单.xlsx') {
  const body = multipart('file', name, bytes);
  return admin.request('POST', '/api/people/imports', body.payload, body.headers);
}

async function runImport(bytes: Buffer, mode: 'all' | 'valid_only' = 'all') {
  const res = await upload(bytes);
  expect(res.statusCode, res.body).toBe(202);
  const id = res.json().id;
  await drainJobs(t.app);
  const validated = (await admin.request('GET', `/api/people/imports/${id}`)).json();
  const commit = await admin.request('POST', `/api/people/imports/${id}/commit`, { mode });
  await drainJobs(t.app);
  const done = (await admin.request('GET', `/api/people/imports/${id}`)).json();
  return { id, validated, commit, done };
}

const count = async () =>
  Number(
    (await queryOne<{ n: string }>(t.app.lifeline.database.db, sql`select count(*) as n from people`))!.n,
  );

describe('roster import', () => {
  it('serves a template with every column, allowed values and the unit codes in scope', async () => {
    const res = await admin.request('GET', '/api/people/import-template.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('人员名单')!.getRow(1).values).toEqual([undefined, ...HEAD]);
    const help = JSON.stringify(wb.getWorksheet('填写说明')!.getSheetValues());
    expect(help).toContain('中共预备党员');
    const codes = JSON.stringify(wb.getWorksheet('单位编码')!.getSheetValues());
    expect(codes).toContain('CO1-B1');
    expect(codes).not.toContain('CO2');
  });

  it('creates and updates by employee number, audits each change, and a re-import changes nothing', async () => {
    const db = t.app.lifeline.database.db;
    const existing = await buildPerson(db, t.app.lifeline.crypto, branch, {
      employeeNo: 'IMP-001',
      name: '旧名字',
    });
    const a = makeIdCard('male');
    const rows = [
      [
        'IMP-001',
        '李新名',
        '男',
        null,
        null,
        '13911112222',
        'CO1-B1',
        '群众',
        null,
        null,
        null,
        null,
        '大学本科',
        '在职',
      ],
      [
        'IMP-002',
        '赵雪',
        '女',
        '1990/3/5',
        null,
        null,
        'CO1-B1',
        '中共党员',
        new Date('2015-07-01'),
        '2016-07-01',
        '书记、组织委员',
        '科级',
        null,
        '在职',
      ],
      [
        'IMP-003',
        '钱多',
        a.gender === 'male' ? '男' : '女',
        a.birthDate,
        a.idCard,
        null,
        'CO1-B1',
        'masses',
        null,
        null,
        null,
        null,
        null,
        'active',
      ],
    ];
    const before = await count();
    const first = await runImport(await workbook(rows));
    expect(first.validated).toMatchObject({ state: 'validated', totalRows: 3, validRows: 3, invalidRows: 0 });
    expect(first.commit.statusCode).toBe(202);
    expect(first.done).toMatchObject({ state: 'done', created: 2, updated: 1, unchanged: 0 });
    expect(await count()).toBe(before + 2);
    const [updated] = await db.select().from(people).where(eq(people.id, existing.id));
    expect(updated).toMatchObject({
      name: '李新名',
      phone: '13911112222',
      education: 'bachelor',
      version: existing.version + 1,
    });
    const [zhao] = await db.select().from(people).where(eq(people.employeeNo, 'IMP-002'));
    expect(zhao).toMatchObject({
      birthDate: '1990-03-05',
      partyJoinedOn: '2015-07-01',
      positions: ['secretary', 'organisation_member'],
      cadreRank: 'section',
    });
    const audits = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.details}->>'importId' = ${String(first.id)}`);
    expect(audits).toHaveLength(3);
    expect(audits.find((e) => e.recordId === String(existing.id))?.changes?.name).toEqual({
      before: '旧名字',
      after: '李新名',
    });

    const again = await runImport(await workbook(rows));
    expect(again.done).toMatchObject({ state: 'done', created: 0, updated: 0, unchanged: 3 });
    const [still] = await db.select().from(people).where(eq(people.id, existing.id));
    expect(still.version).toBe(updated.version);
  });

  it('writes nothing when one row is bad, reports it per row, and can import only the valid rows', async () => {
    const rows = [
      ['IMP-101', '孙一', '男', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
      [
        'IMP-102',
        '孙二',
        '男',
        null,
        '110105199001011234',
        null,
        'CO1-B1',
        '群众',
        null,
        null,
        null,
        null,
        null,
        '在职',
      ],
      ['IMP-103', '孙三', '男', null, null, null, 'CO2', '群众', null, null, null, null, null, '在职'],
      ['IMP-104', '孙四', '未知', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
      ['IMP-101', '孙五', '男', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
    ];
    const before = await count();
    const res = await upload(await workbook(rows));
    const id = res.json().id;
    await drainJobs(t.app);
    const validated = (await admin.request('GET', `/api/people/imports/${id}`)).json();
    expect(validated).toMatchObject({
      state: 'invalid',
      totalRows: 5,
      validRows: 1,
      invalidRows: 4,
      hasErrorReport: true,
    });
    const messages = validated.sampleErrors.map(
      (e: { row: number; column: string; message: string }) => `${e.row}:${e.column}:${e.message}`,
    );
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^3:身份证号:.*校验码/),
        expect.stringMatching(/^4:所属单位编码:.*不在您的管理范围/),
        expect.stringMatching(/^5:性别:无效的取值/),
        expect.stringMatching(/^6:工号:与第 2 行的工号重复/),
      ]),
    );
    const report = await admin.request('GET', `/api/people/imports/${id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0].rowCount).toBe(5);

    const all = await admin.request('POST', `/api/people/imports/${id}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(409);
    await drainJobs(t.app);
    expect(await count()).toBe(before);

    const some = await admin.request('POST', `/api/people/imports/${id}/commit`, { mode: 'valid_only' });
    expect(some.statusCode).toBe(202);
    await drainJobs(t.app);
    expect((await admin.request('GET', `/api/people/imports/${id}`)).json()).toMatchObject({
      state: 'done',
      created: 1,
    });
    expect(await count()).toBe(before + 1);
    const twice = await admin.request('POST', `/api/people/imports/${id}/commit`, { mode: 'valid_only' });
    expect(twice.json().error.code).toBe('invalid_transition');
  });

  it('changes nothing when someone edits a person between validation and confirmation', async () => {
    const db = t.app.lifeline.database.db;
    const p = await buildPerson(db, t.app.lifeline.crypto, branch, { employeeNo: 'IMP-201', name: '周一' });
    const res = await upload(
      await workbook([
        ['IMP-201', '周二', '男', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
        ['IMP-202', '周三', '男', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
      ]),
    );
    await drainJobs(t.app);
    await admin.request('PATCH', `/api/people/${p.id}`, { phone: '13700000000', version: p.version });
    const before = await count();
    await admin.request('POST', `/api/people/imports/${res.json().id}/commit`, { mode: 'all' });
    await drainJobs(t.app);
    const done = (await admin.request('GET', `/api/people/imports/${res.json().id}`)).json();
    expect(done.state).toBe('failed');
    expect(done.failure).toMatch(/changed by someone else/);
    expect(await count()).toBe(before);
    const [row] = await db.select().from(people).where(eq(people.id, p.id));
    expect(row.name).toBe('周一');
  });

  it('exports the filtered list in the template’s columns; importing the export back changes nothing', async () => {
    const res = await admin.request('GET', `/api/people/export.xlsx?unitId=${branch.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEAD]);
    expect(sheet.rowCount - 1).toBe(
      (await admin.request('GET', `/api/people?unitId=${branch.id}`)).json().total,
    );
    const back = await runImport(Buffer.from(res.rawPayload));
    expect(back.done).toMatchObject({ state: 'done', created: 0, updated: 0 });
    expect(back.done.unchanged).toBe(sheet.rowCount - 1);
  });

  it('refuses a file that is not a spreadsheet, and a sheet without the required columns', async () => {
    const res = await upload(Buffer.from('%PDF-1.4 not a roster'), 'x.xlsx');
    expect(res.statusCode).toBe(415);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['姓名', '性别']);
    const bad = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    await drainJobs(t.app);
    const state = (await admin.request('GET', `/api/people/imports/${bad.json().id}`)).json();
    expect(state).toMatchObject({ state: 'failed' });
    expect(state.failure).toMatch(/工号/);
  });

  it('names the holder of an ID card only when the importer may see them (finding 4)', async () => {
    const db = t.app.lifeline.database.db;
    const [co2] = await db.select().from(orgUnitsTable).where(eq(orgUnitsTable.code, 'CO2'));
    const outside = makeIdCard('male');
    const elsewhere = await buildPerson(db, t.app.lifeline.crypto, co2, {
      employeeNo: 'OTHER-CO-7',
      ...outside,
    });
    const inside = makeIdCard('male');
    await buildPerson(db, t.app.lifeline.crypto, branch, { employeeNo: 'MINE-7', ...inside });
    const row = (no: string, idCard: string) => [
      no,
      '钱七',
      '男',
      null,
      idCard,
      null,
      'CO1-B1',
      '群众',
      null,
      null,
      null,
      null,
      null,
      '在职',
    ];
    const res = await upload(await workbook([row('IMP-201', outside.idCard), row('IMP-202', inside.idCard)]));
    await drainJobs(t.app);
    const validated = (await admin.request('GET', `/api/people/imports/${res.json().id}`)).json();
    const messages = validated.sampleErrors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).not.toContain(elsewhere.employeeNo);
    expect(messages).toContain('该身份证号已登记给您管理范围以外的人员');
    expect(messages).toContain('该身份证号已登记给工号 MINE-7');
  });

  it('keeps imports private to whoever uploaded them', async () => {
    const res = await upload(
      await workbook([
        ['IMP-301', '吴一', '男', null, null, null, 'CO1-B1', '群众', null, null, null, null, null, '在职'],
      ]),
    );
    const stranger = await loginAs(t.app, root, [['unit_admin', root]]);
    expect((await stranger.request('GET', `/api/people/imports/${res.json().id}`)).statusCode).toBe(404);
  });
});
