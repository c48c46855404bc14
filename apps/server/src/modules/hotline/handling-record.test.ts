import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * The handling record of an item on the handlers' side says who accepted it and when: the
 * handler who took the acceptance move (from the audit row of that move), not the reporter of a
 * confidential item, and after a transfer the new unit's handler.
 */
let t: TestApp;
let group: Unit;
let workshop: Unit;
let reporter: Client;
let handler: Client;
let office: Client;
const db = () => t.app.lifeline.database.db;

async function file(title: string) {
  const boundary = `----record${Math.random().toString(16).slice(2)}`;
  const item = {
    category: 'canteen',
    title,
    description: '反映的问题描述，至少十个字以上。',
    visibility: 'confidential',
  };
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`;
  const res = await reporter.request('POST', '/api/hotline/items', payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string };
}

async function act(c: Client, id: number, path: string, body: Record<string, unknown> = {}) {
  const { version } = (await queryOne<{ version: number }>(
    db(),
    sql`select version from hotline_items where id = ${id}`,
  ))!;
  const res = await c.request('POST', `/api/hotline/items/${id}/${path}`, { version, ...body });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const acceptedAtInDb = async (id: number) =>
  new Date(
    (await queryOne<{ accepted_at: string }>(
      db(),
      sql`select accepted_at from hotline_items where id = ${id}`,
    ))!.accepted_at,
  ).toISOString();

beforeAll(async () => {
  t = await buildTestApp();
  group = await buildUnit(db(), null, { name: '测试集团党委' });
  workshop = await buildUnit(db(), group, { name: '炼钢车间' });
  reporter = await loginAs(t.app, workshop, [], { name: '钱保密' });
  handler = await loginAs(t.app, workshop, [['hotline_handler', workshop]], { name: '赵受理' });
  office = await loginAs(t.app, group, [['hotline_office', group]], { name: '孙快线' });
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t.close());

describe('the handling record', () => {
  it('shows who accepted the item and when; nobody before the acceptance', async () => {
    const item = await file('车间更衣柜不够用');
    const before = (await handler.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(before).toMatchObject({ acceptedAt: null, acceptedBy: null });

    const accepted = await act(handler, item.id, 'accept');
    const at = await acceptedAtInDb(item.id);
    expect(accepted).toMatchObject({ acceptedAt: at, acceptedBy: { name: '赵受理', unitName: '炼钢车间' } });
    // Later moves by someone else leave the acceptance as it was.
    await act(office, item.id, 'start');
    const page = (await office.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(page).toMatchObject({ acceptedAt: at, acceptedBy: { name: '赵受理', unitName: '炼钢车间' } });
    // The confidential reporter stays unnamed; their own view carries no handler's name.
    expect(page.reporter).toBeNull();
    const mine = (await reporter.request('GET', `/api/hotline/mine/${item.id}`)).json();
    expect(JSON.stringify(mine)).not.toContain('赵受理');
  });

  it('after a transfer, is empty until the new unit accepts, then names its handler', async () => {
    const other = await buildUnit(db(), group, { name: '物业中心' });
    const otherHandler = await loginAs(t.app, other, [['hotline_handler', other]], { name: '钱接办' });
    const item = await file('宿舍楼电梯经常停运');
    await act(handler, item.id, 'accept');
    const moved = await act(office, item.id, 'transfer', { unitId: other.id, reason: '由物业中心办理' });
    expect(moved).toMatchObject({ acceptedAt: null, acceptedBy: null });
    await act(otherHandler, item.id, 'accept');
    const page = (await otherHandler.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(page).toMatchObject({
      acceptedAt: await acceptedAtInDb(item.id),
      acceptedBy: { name: '钱接办', unitName: '物业中心' },
    });
  });
});
