import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, loginAs, multipartForm, type Unit } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { hoursBetween } from './items-export.js';

/**
 * The hotline export is for an office, not a program: labels, Beijing times as Excel dates,
 * the deadlines, when it was accepted and answered, how long it took and the rating.
 */
let t: TestApp;
let group: Unit;
let handler: Client;
let reporter: Client;
const ids: number[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  group = await buildUnit(t.app.lifeline.database.db);
  handler = await loginAs(t.app, group, [['hotline_handler', group]]);
  reporter = await loginAs(t.app, group);
  const office = await loginAs(t.app, group, [['hotline_office', group]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: group.id,
    handlingUnitId: group.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  for (const title of ['食堂午餐排队太久', '班车时间不合理', '更衣室热水不足']) {
    const f = multipartForm({
      item: JSON.stringify({
        visibility: 'named',
        category: 'canteen',
        unitId: group.id,
        title,
        description: `${title}，希望尽快解决。`,
      }),
    });
    const res = await reporter.request('POST', '/api/hotline/items', f.payload, f.headers);
    expect(res.statusCode, res.body).toBe(201);
    ids.push(res.json().id);
  }
  // The first item was accepted after an hour and answered after 26.5 hours, and rated 4 stars.
  await t.app.lifeline.database.db.execute(
    sql`update hotline_items set accepted_at = created_at + interval '1 hour',
          answered_at = created_at + interval '26 hours 30 minutes', rating = 4 where id = ${ids[0]}`,
  );
});
afterAll(() => t.close());

async function sheet(): Promise<{ header: string[]; rows: ExcelJS.CellValue[][] }> {
  const res = await handler.request('GET', '/api/hotline/items/export');
  expect(res.statusCode, res.body).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const all: ExcelJS.CellValue[][] = [];
  wb.worksheets[0].eachRow((row) => {
    all.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return { header: all[0].map(String), rows: all.slice(1) };
}

describe('the hotline export', () => {
  it('names the category as the office does, and has every column an office needs', async () => {
    const { header, rows } = await sheet();
    expect(header).toEqual([
      '编号',
      '标题',
      '类别',
      '紧急程度',
      '状态',
      '所涉单位',
      '承办单位',
      '附议',
      '提出时间',
      '受理期限',
      '受理时间',
      '答复期限',
      '答复时间',
      '办理用时（小时）',
      '超期',
      '评价（星）',
    ]);
    expect(rows).toHaveLength(3);
    const categories = (await reporter.request('GET', '/api/hotline/categories')).json() as {
      code: string;
      zh: string;
    }[];
    const canteen = categories.find((c) => c.code === 'canteen')?.zh;
    expect(canteen).toBeTruthy();
    for (const r of rows) expect(r[header.indexOf('类别')]).toBe(canteen);
  });

  it('writes times as Excel dates in Beijing time, the handling time in hours and the rating', async () => {
    const item = (await handler.request('GET', `/api/hotline/items/${ids[0]}`)).json() as {
      code: string;
      createdAt: string;
      answerDue: string | null;
    };
    const { header, rows } = await sheet();
    const row = rows.find((r) => r[0] === item.code) as ExcelJS.CellValue[];
    const beijing = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000);
    const at = (name: string) => row[header.indexOf(name)];
    expect(at('提出时间')).toEqual(beijing(item.createdAt));
    expect(at('受理时间')).toEqual(new Date(beijing(item.createdAt).getTime() + 3_600_000));
    if (item.answerDue) expect(at('答复期限')).toEqual(beijing(item.answerDue));
    expect(at('办理用时（小时）')).toBe(26.5);
    expect(at('评价（星）')).toBe(4);
    // An item not yet answered leaves those cells empty.
    const open = rows.find((r) => r[0] !== item.code) as ExcelJS.CellValue[];
    expect(open[header.indexOf('答复时间')] ?? null).toBeNull();
    expect(open[header.indexOf('办理用时（小时）')] ?? null).toBeNull();
  });

  it('counts handling hours to one decimal', () => {
    expect(hoursBetween('2026-03-02T00:00:00Z', '2026-03-03T02:30:00Z')).toBe(26.5);
    expect(hoursBetween('2026-03-02T00:00:00Z', '2026-03-02T00:04:00Z')).toBe(0.1);
    expect(hoursBetween('2026-03-02T00:00:00Z', null)).toBeNull();
  });
});
