import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText } from '../../modules/people/people-excel.js';
import { buildPerson, buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { excelSafe } from './xlsx.js';

/**
 * Text typed by users leaves in exports as text: a name "=1+1" or a title "@SUM(A1)" must not
 * become a live formula when someone edits the cell or saves the sheet as CSV.
 */
let t: TestApp;
let group: Unit;
let admin: Client;
let handler: Client;
let reporter: Client;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  group = await buildUnit(db);
  admin = await loginAs(t.app, group, [['unit_admin', group]]);
  handler = await loginAs(t.app, group, [['hotline_handler', group]]);
  reporter = await loginAs(t.app, group);
  const office = await loginAs(t.app, group, [['hotline_office', group]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: group.id,
    handlingUnitId: group.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t.close());

async function cells(body: Buffer): Promise<ExcelJS.CellValue[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: ExcelJS.CellValue[] = [];
  wb.worksheets[0].eachRow((row) => {
    row.eachCell((cell) => {
      expect(cell.type, String(cell.value)).not.toBe(ExcelJS.ValueType.Formula);
      out.push(cell.value);
    });
  });
  return out;
}

function filing(item: Record<string, unknown>) {
  const boundary = `----xlsx${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe('formula-like text in exports', () => {
  it('writes a person named "=1+1" as text with a leading apostrophe, and reads it back as typed', async () => {
    await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, group, { name: '=1+1' });
    await buildPerson(t.app.lifeline.database.db, t.app.lifeline.crypto, group, { name: '+SUM(1)' });
    const res = await admin.request('GET', '/api/people/export.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    const values = await cells(res.rawPayload);
    expect(values).toContain("'=1+1");
    expect(values).toContain("'+SUM(1)");
    expect(values).not.toContain('=1+1');
    expect(cellText("'=1+1")).toBe('=1+1');
    expect(cellText("'ordinary")).toBe("'ordinary");
  });

  it('writes a hotline title "@SUM(A1)" as text, and leaves numbers numbers', async () => {
    const f = filing({
      category: 'canteen',
      unitId: group.id,
      title: '@SUM(A1) 食堂排队',
      description: '-2+3 午餐高峰期排队超过二十分钟',
    });
    const filed = await reporter.request('POST', '/api/hotline/items', f.payload, f.headers);
    expect(filed.statusCode, filed.body).toBe(201);
    const res = await handler.request('GET', '/api/hotline/items/export');
    expect(res.statusCode, res.body).toBe(200);
    const values = await cells(res.rawPayload);
    expect(values).toContain("'@SUM(A1) 食堂排队");
    expect(values).not.toContain('@SUM(A1) 食堂排队');
    expect(values).toContain(0); // the "me too" count stays a number
  });

  it('leaves numbers, dates and ordinary text alone and neutralises every formula start', () => {
    expect(excelSafe(-5)).toBe(-5);
    const date = new Date('2026-03-02T00:00:00Z');
    expect(excelSafe(date)).toBe(date);
    expect(excelSafe('张三')).toBe('张三');
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(excelSafe(`${start}x`)).toBe(`'${start}x`);
  });
});
