import { maskIdCard } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { people } from '../people.table.js';

/**
 * Imports accept what HR has (issue 12): the names HR gives the columns, with a warning for
 * every column ignored, units by name or path, and the words HR uses for values.
 */
let t: TestApp;
let company: Unit;
let branch: Unit;
let admin: Client;
let seq = 0;
beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  const root = await buildUnit(db, null, { name: '测试集团党委' });
  company = await buildUnit(db, root, { code: 'HR1', name: '板材公司党委' });
  branch = await buildUnit(db, company, { code: 'HR1-B1', name: '炼铁厂党委' });
  await buildUnit(db, root, { code: 'HR2', name: '北营公司党委' });
  admin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

/** A fresh employee number for each row. */
const no = () => `HR-${(++seq).toString().padStart(4, '0')}`;
type Cell = string | number | Date | null;

/** The minimal row under the template's headers, with fields replaced or added. */
function row(fields: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    工号: no(),
    姓名: '张测试',
    性别: '男',
    所属单位编码: 'HR1-B1',
    政治面貌: '群众',
    人员状态: '在职',
    ...fields,
  };
}

/** A workbook of the rows, under the headers given (default: the keys of the first row). */
async function workbook(rows: Record<string, Cell>[], headers = Object.keys(rows[0])): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(headers.map((h) => r[h] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(bytes: Buffer, client = admin) {
  const body = multipart('file', '名单.xlsx', bytes);
  return client.request('POST', '/api/people/imports', body.payload, body.headers);
}

/** Uploads and validates; returns the import as the wizard sees it. */
async function validate(bytes: Buffer, client = admin) {
  const res = await upload(bytes, client);
  expect(res.statusCode, res.body).toBe(202);
  await drainJobs(t.app);
  return (await client.request('GET', `/api/people/imports/${res.json().id}`)).json();
}

/** Uploads, validates and imports all rows; returns the finished import. */
async function importAll(bytes: Buffer) {
  const validated = await validate(bytes);
  expect(validated.state, JSON.stringify(validated.sampleErrors)).toBe('validated');
  expect(
    (await admin.request('POST', `/api/people/imports/${validated.id}/commit`, { mode: 'all' })).statusCode,
  ).toBe(202);
  await drainJobs(t.app);
  return (await admin.request('GET', `/api/people/imports/${validated.id}`)).json();
}

const person = async (employeeNo: string) =>
  (await t.app.lifeline.database.db.select().from(people).where(eq(people.employeeNo, employeeNo)))[0];

const errorsOf = (imp: { sampleErrors: { row: number; column: string; message: string }[] }) =>
  imp.sampleErrors.map((e) => `${e.row}:${e.column}:${e.message}`);

describe('the names HR gives the columns', () => {
  it('reads a column under the names HR uses, and warns of every column it ignores', async () => {
    const id = makeIdCard('female');
    const r = {
      员工编号: no(),
      '姓 名': '李身份',
      '性别*': '女',
      身份证号码: id.idCard,
      手机: '13811110001',
      联系电话: '010-12345678',
      '所属单位（编码）': 'HR1-B1',
      政治面貌: '群众',
      人员状态: '在职',
      备注: '调入',
    };
    const headers = [...Object.keys(r), ''];
    const bytes = await workbook([r], headers);
    // A value under no header, in the column after the last one.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    wb.worksheets[0].getCell(2, headers.length + 1).value = '无名列的值';
    const validated = await validate(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(validated.state, JSON.stringify(validated.sampleErrors)).toBe('validated');
    expect(validated.columnNotes).toEqual(
      expect.arrayContaining([
        { header: '员工编号', reason: 'alias', column: '工号' },
        { header: '身份证号码', reason: 'alias', column: '身份证号' },
        { header: '手机', reason: 'alias', column: '手机号' },
        { header: '所属单位（编码）', reason: 'alias', column: '所属单位编码' },
        { header: '联系电话', reason: 'duplicate', column: '手机号' },
        { header: '备注', reason: 'unknown', column: null },
        { header: 'L', reason: 'unnamed', column: null },
      ]),
    );
    // 姓 名 and 性别* are the template's names; they need no note.
    expect(validated.columnNotes).toHaveLength(7);
    // The report names the ignored columns too.
    expect(validated.hasErrorReport).toBe(true);
    const report = await admin.request('GET', `/api/people/imports/${validated.id}/errors.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const text = JSON.stringify(book.getWorksheet('列的读取')!.getSheetValues());
    expect(text).toContain('备注');
    expect(text).toContain('警告：已忽略');

    await admin.request('POST', `/api/people/imports/${validated.id}/commit`, { mode: 'all' });
    await drainJobs(t.app);
    const p = await person(r.员工编号);
    expect(p).toMatchObject({ name: '李身份', phone: '13811110001', birthDate: id.birthDate });
    expect(p.idCardHash).not.toBeNull();
  });

  it.each([
    ['手机号码', '13811110002'],
    ['联系电话', '13811110003'],
    ['手 机 号', '13811110004'],
  ])('reads %s as 手机号', async (header, phone) => {
    const r = row({ [header]: phone });
    await importAll(await workbook([r]));
    expect((await person(r.工号 as string)).phone).toBe(phone);
  });

  it('reads full-width brackets, remarks and spaces in headers', async () => {
    const id = makeIdCard('male');
    const { 工号: employeeNo, ...rest } = row({ 性别: '男' });
    const r = {
      '工　号': employeeNo,
      ...rest,
      '身份证号（18位）': id.idCard,
      '出生日期【YYYY-MM-DD】': id.birthDate,
    };
    const validated = await validate(await workbook([r]));
    expect(validated.state, JSON.stringify(validated.sampleErrors)).toBe('validated');
    expect(validated.columnNotes.filter((n: { reason: string }) => n.reason !== 'alias')).toEqual([]);
  });

  it('names the columns it did not recognise when a required one is missing', async () => {
    const r = row();
    const { 工号: employeeNo, ...rest } = r;
    const validated = await validate(await workbook([{ 序号工号: employeeNo, ...rest }]));
    expect(validated.state).toBe('failed');
    expect(validated.failure).toMatch(/工号/);
    expect(validated.failure).toMatch(/序号工号/);
    expect(validated.columnNotes).toEqual([{ header: '序号工号', reason: 'unknown', column: null }]);
  });
});

describe('units by code, name or path', () => {
  it('takes a unit by its code, its full name or its path; an ambiguous name is the row’s error', async () => {
    const db = t.app.lifeline.database.db;
    // Two units named 第一党支部 in the importer's scope, one under each 厂.
    const mill = await buildUnit(db, company, { code: 'HR1-ZG', name: '轧钢厂党委' });
    await buildUnit(db, branch, { code: 'HR1-B1-1', name: '第一党支部' });
    const second = await buildUnit(db, mill, { code: 'HR1-ZG-1', name: '第一党支部' });
    const rows = [
      row({ 所属单位编码: 'HR1-ZG' }),
      row({ 所属单位编码: '轧钢厂党委' }),
      row({ 所属单位编码: ' 轧钢厂 党委 ' }),
      row({ 所属单位编码: '第一党支部' }),
      row({ 所属单位编码: '轧钢厂党委/第一党支部' }),
      row({ 所属单位编码: '板材公司党委／轧钢厂党委／第一党支部' }),
      row({ 所属单位编码: '北营公司党委' }),
      row({ 所属单位编码: '不存在的党委' }),
    ];
    const validated = await validate(await workbook(rows));
    const errors = errorsOf(validated);
    expect(errors).toEqual([
      expect.stringMatching(
        /^5:所属单位编码:单位名称“第一党支部”对应 2 个单位（.*HR1-B1-1 .*炼铁厂党委\/第一党支部.*HR1-ZG-1/,
      ),
      '8:所属单位编码:单位 北营公司党委 不在您的管理范围内',
      expect.stringMatching(/^9:所属单位编码:找不到单位：不存在的党委/),
    ]);
    await admin.request('POST', `/api/people/imports/${validated.id}/commit`, { mode: 'valid_only' });
    await drainJobs(t.app);
    for (const i of [0, 1, 2]) expect((await person(rows[i].工号 as string)).unitId).toBe(mill.id);
    for (const i of [4, 5]) expect((await person(rows[i].工号 as string)).unitId).toBe(second.id);
  });
});

describe('the words HR uses for values', () => {
  const cases: [string, Record<string, Cell>, Partial<typeof people.$inferSelect>][] = [
    [
      'political status: 党员',
      { 政治面貌: '党员', 入党日期: '2010-07-01', 转正日期: '2011-07-01' },
      { politicalStatus: 'party_member' },
    ],
    [
      'political status: 共产党员',
      { 政治面貌: '共产党员', 入党日期: '2010-07-01' },
      { politicalStatus: 'party_member' },
    ],
    [
      'political status: 预备党员',
      { 政治面貌: '预备党员', 入党日期: '2025-07-01' },
      { politicalStatus: 'probationary_member' },
    ],
    ['political status: 团员', { 政治面貌: '团员' }, { politicalStatus: 'league_member' }],
    ['political status: 九三学社社员', { 政治面貌: '九三学社社员' }, { politicalStatus: 'democratic_party' }],
    ['political status: 普通群众', { 政治面貌: '普通群众' }, { politicalStatus: 'masses' }],
    ['gender: 男性', { 性别: '男性' }, { gender: 'male' }],
    ['gender: 女性', { 性别: '女性' }, { gender: 'female' }],
    ['employment: 在岗', { 人员状态: '在岗' }, { employmentStatus: 'active' }],
    ['employment: 已退休', { 人员状态: '已退休' }, { employmentStatus: 'retired' }],
    ['employment: 调离', { 人员状态: '调离' }, { employmentStatus: 'transferred_out' }],
    ['education: 本科', { 学历: '本科' }, { education: 'bachelor' }],
    ['education: 研究生', { 学历: '研究生' }, { education: 'master' }],
    ['education: 大专', { 学历: '大专' }, { education: 'college' }],
    ['cadre rank: 正处级', { 干部级别: '正处级' }, { cadreRank: 'division' }],
    [
      'positions: 支部书记、小组长',
      { 职务: '支部书记、小组长' },
      { positions: ['secretary', 'group_leader'] },
    ],
    ['dates: an Excel date', { 出生日期: new Date('1990-03-05T00:00:00Z') }, { birthDate: '1990-03-05' }],
    ['dates: 2020.1.5', { 出生日期: '1990.3.5' }, { birthDate: '1990-03-05' }],
    ['dates: 1990年3月5日', { 出生日期: '1990年3月5日' }, { birthDate: '1990-03-05' }],
    ['dates: 1990 年 3 月 5 号', { 出生日期: '1990 年 3 月 5 号' }, { birthDate: '1990-03-05' }],
    ['dates: with a time of day', { 出生日期: '1990-03-05 00:00:00' }, { birthDate: '1990-03-05' }],
    ['dates: full-width digits', { 出生日期: '１９９０．３．５' }, { birthDate: '1990-03-05' }],
    ['dates: an Excel serial kept as text', { 出生日期: '32937' }, { birthDate: '1990-03-05' }],
  ];
  it.each(cases)('%s', async (_name, fields, expected) => {
    const r = row(fields);
    await importAll(await workbook([r]));
    expect(await person(r.工号 as string)).toMatchObject(expected);
  });

  it('still refuses a word that means no value', async () => {
    const validated = await validate(await workbook([row({ 政治面貌: '无党派人士' })]));
    expect(errorsOf(validated)).toEqual([expect.stringMatching(/^2:政治面貌:无效的取值：无党派人士/)]);
  });
});

describe('ID cards and phone numbers as HR has them', () => {
  /** The first-generation form of an 18-digit number: no 19 before the year, no check character. */
  const fifteen = (id: string) => id.slice(0, 6) + id.slice(8, 17);

  it('takes a 15-digit ID card as its 18-digit form, and finds a person registered under it', async () => {
    const a = makeIdCard('male');
    const b = makeIdCard('female');
    const registered = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch, {
      employeeNo: no(),
      name: '王旧证',
      ...b,
    });
    const fresh = row({ 身份证号: fifteen(a.idCard) });
    const same = row({
      工号: registered.employeeNo,
      姓名: '王旧证',
      性别: '女',
      身份证号: fifteen(b.idCard),
    });
    const done = await importAll(await workbook([fresh, same]));
    expect(done).toMatchObject({ created: 1, unchanged: 1, updated: 0 });
    expect(await person(fresh.工号 as string)).toMatchObject({
      idCardMasked: maskIdCard(a.idCard),
      birthDate: a.birthDate,
    });
    // A 15-digit number with an impossible birth date is still an error.
    const bad = await validate(await workbook([row({ 身份证号: '110105901332123' })]));
    expect(errorsOf(bad)).toEqual([expect.stringMatching(/^2:身份证号:身份证号中的出生日期不存在/)]);
  });

  it('reads ID cards with full-width digits or spaces, and phones with +86, spaces or hyphens', async () => {
    const id = makeIdCard('male');
    const wide = id.idCard.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    const r = row({ 身份证号: `${wide.slice(0, 6)} ${wide.slice(6)}`, 手机号: '+86 138-1111-0009' });
    await importAll(await workbook([r]));
    expect(await person(r.工号 as string)).toMatchObject({
      idCardMasked: maskIdCard(id.idCard),
      phone: '13811110009',
    });
  });
});

describe('columns the file does not have', () => {
  it('keeps a person’s stored values for them, and leaves them empty for a new person', async () => {
    const id = makeIdCard('female');
    const stored = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch, {
      employeeNo: no(),
      name: '周保留',
      ...id,
      phone: '13811110021',
      politicalStatus: 'party_member',
      partyJoinedOn: '2010-07-01',
      partyFullMemberOn: '2011-07-01',
      education: 'master',
      positions: ['secretary'],
    });
    // The file has the required columns only: a new name for the stored person, and a new one.
    const renamed = row({ 工号: stored.employeeNo, 姓名: '周新名', 性别: '女', 政治面貌: '中共党员' });
    const fresh = row();
    const done = await importAll(await workbook([renamed, fresh]));
    expect(done).toMatchObject({ state: 'done', created: 1, updated: 1 });
    const kept = await person(stored.employeeNo);
    expect(kept).toMatchObject({
      name: '周新名',
      phone: '13811110021',
      birthDate: id.birthDate,
      partyJoinedOn: '2010-07-01',
      education: 'master',
      positions: ['secretary'],
      idCardHash: stored.idCardHash,
    });
    expect(kept.idCardHash).not.toBeNull();
    expect(await person(fresh.工号 as string)).toMatchObject({
      phone: null,
      education: null,
      idCardHash: null,
    });
    // The same file again changes nothing.
    expect(await importAll(await workbook([renamed]))).toMatchObject({ unchanged: 1, updated: 0 });
  });

  it('keeps the birth date of an ID card it keeps, when the birth date is left blank', async () => {
    const id = makeIdCard('male');
    const stored = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch, {
      employeeNo: no(),
      ...id,
    });
    const r = row({ 工号: stored.employeeNo, 出生日期: null });
    await importAll(await workbook([r]));
    expect(await person(stored.employeeNo)).toMatchObject({
      birthDate: id.birthDate,
      idCardHash: stored.idCardHash,
    });
  });

  it('judges the rules on the stored values, and says so', async () => {
    const member = await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, branch, {
      employeeNo: no(),
      politicalStatus: 'party_member',
      partyJoinedOn: '2010-07-01',
    });
    const validated = await validate(
      await workbook([
        // Now 群众, but the roster keeps a date of joining the file cannot clear.
        row({ 工号: member.employeeNo, 政治面貌: '群众' }),
        // A new Party member, and no column for the date of joining.
        row({ 政治面貌: '中共党员' }),
      ]),
    );
    expect(errorsOf(validated)).toEqual([
      '2:入党日期:非党员不应填写入党、转正日期（文件中没有该列，沿用已登记的值）',
      '3:入党日期:党员须填写入党日期（文件中没有该列）',
    ]);
  });
});
