import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson, buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { changesText } from './audit-changes-text.js';

/** The audit export is read by people: labels, Beijing times as Excel dates, readable changes. */
let t: TestApp;
let unit: Unit;
let admin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  const root = await buildUnit(t.app.lifeline.database.db);
  unit = await buildUnit(t.app.lifeline.database.db, root);
  admin = await loginAs(t.app, unit, [['unit_admin', unit]]);
});
afterAll(() => t.close());

describe('the audit export', () => {
  it('names actions, record types and fields as the audit page does, with the time in Beijing', async () => {
    const db = t.app.lifeline.database.db;
    const person = await buildPerson(db, t.app.lifeline.crypto, unit, { name: '赵审计' });
    const before = (await admin.request('GET', `/api/people/${person.id}`)).json();
    const changed = await admin.request('PATCH', `/api/people/${person.id}`, {
      version: before.version,
      name: '赵审核',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const listed = (
      await admin.request('GET', `/api/audit-events?recordType=person&recordId=${person.id}`)
    ).json().items[0];

    const res = await admin.request(
      'GET',
      `/api/audit-events/export.xlsx?recordType=person&recordId=${person.id}`,
    );
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows: ExcelJS.CellValue[][] = [];
    wb.worksheets[0].eachRow((row) => {
      rows.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
    const header = rows[0].map(String);
    const row = rows[1];
    const at = (name: string) => row[header.findIndex((h) => h.split(' ')[0] === name)];
    expect(at('操作')).toBe('修改人员');
    expect(at('对象')).toBe('人员');
    expect(at('变更')).toBe('姓名：赵审计 → 赵审核');
    expect(at('时间')).toEqual(new Date(Date.parse(listed.at) + 8 * 3_600_000));
  });

  it('writes changes one field per line, with empty values and lists readable', () => {
    expect(changesText(null)).toBeNull();
    expect(changesText({})).toBeNull();
    expect(
      changesText({
        phone: { before: null, after: '13800000000' },
        positions: { before: ['a', 'b'], after: [] },
        unknownField: { before: true, after: false },
      }),
    ).toBe('手机号：— → 13800000000\n职务：a、b → —\nunknownField：是 → 否');
  });
});
