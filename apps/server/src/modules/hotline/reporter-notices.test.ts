import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/**
 * What the notifications table keeps about a reporter. A confidential reporter is told about
 * their item in the app, yet no notification row holds their person id, nor the item's id,
 * code or title in clear; a named reporter's notices are kept as anyone's.
 */
let t: TestApp;
let reporter: Client;
let colleague: Client;
let handler: Client;
const db = () => t.app.lifeline.database.db;

type Row = {
  id: string;
  person_id: string | null;
  recipient_key: string | null;
  kind: string;
  params: unknown;
  link: string | null;
  sealed: string | null;
  read_at: string | null;
};
type Inbox = {
  unread: number;
  items: { id: number; kind: string; params: Record<string, unknown>; link: string | null }[];
};

async function file(c: Client, visibility: string, title: string) {
  const boundary = `----notices${Math.random().toString(16).slice(2)}`;
  const item = { category: 'canteen', title, description: '反映的问题描述，至少十个字以上。', visibility };
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`;
  const res = await c.request('POST', '/api/hotline/items', payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string };
}

async function act(id: number, path: string, body: Record<string, unknown> = {}) {
  const { version } = (await queryOne<{ version: number }>(
    db(),
    sql`select version from hotline_items where id = ${id}`,
  ))!;
  const res = await handler.request('POST', `/api/hotline/items/${id}/${path}`, { version, ...body });
  expect(res.statusCode, res.body).toBe(200);
}

const inbox = async (c: Client) => (await c.request('GET', '/api/notifications')).json() as Inbox;
const rows = () => queryRows<Row>(db(), sql`select * from notifications order by id`);

beforeAll(async () => {
  t = await buildTestApp();
  const group = await buildUnit(db());
  const workshop = await buildUnit(db(), group);
  reporter = await loginAs(t.app, workshop, [], { name: '周保密' });
  colleague = await loginAs(t.app, workshop);
  handler = await loginAs(t.app, workshop, [['hotline_handler', workshop]]);
  const office = await loginAs(t.app, group, [['hotline_office', group]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t.close());

describe("a confidential reporter's notices", () => {
  let item: { id: number; code: string };
  const title = '夜班补贴未按时发放';

  beforeAll(async () => {
    item = await file(reporter, 'confidential', title);
    await act(item.id, 'accept');
    const reply = await handler.request('POST', `/api/hotline/items/${item.id}/reply`, { text: '已在核实' });
    expect(reply.statusCode, reply.body).toBe(200);
  });

  it('reach the reporter in the app, and the reporter only', async () => {
    const mine = await inbox(reporter);
    const about = mine.items.filter((n) => n.link === `/m/hotline/mine/${item.id}`);
    expect(about.map((n) => n.kind).sort()).toEqual(['hotline.replied', 'hotline.state']);
    expect(about.find((n) => n.kind === 'hotline.state')?.params).toEqual({
      code: item.code,
      title,
      state: 'accepted',
    });
    expect(mine.unread).toBe(2);
    expect((await inbox(colleague)).items).toEqual([]);
  });

  it('keep neither the person nor the item in clear in the table', async () => {
    const all = await rows();
    expect(all.filter((r) => r.person_id === String(reporter.person.id))).toEqual([]);
    const unnamed = all.filter((r) => r.person_id === null);
    expect(unnamed).toHaveLength(2);
    for (const r of unnamed) {
      const text = JSON.stringify(r);
      for (const clear of [item.code, title, `/m/hotline/mine/${item.id}`])
        expect(text, clear).not.toContain(clear);
      expect([r.params, r.link]).toEqual([{}, null]);
      expect(r.recipient_key).toMatch(/^[\w-]{20,}$/);
      expect(r.sealed).toMatch(/^enc:v1:/);
    }
    // The handlers' notices about the item are theirs, and name no reporter.
    const handlers = all.filter((r) => r.person_id === String(handler.person.id));
    expect(handlers.length).toBeGreaterThan(0);
    for (const r of handlers) expect(JSON.stringify(r)).not.toContain('周保密');
  });

  it('are deleted once read, one by one or all at once, leaving no read time behind', async () => {
    const [first, second] = (await inbox(reporter)).items;
    expect((await colleague.request('POST', `/api/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await inbox(reporter)).unread).toBe(2);
    expect((await reporter.request('POST', `/api/notifications/${first.id}/read`)).statusCode).toBe(204);
    expect((await inbox(reporter)).items.map((n) => n.id)).toEqual([second.id]);
    expect((await reporter.request('POST', '/api/notifications/read-all')).statusCode).toBe(204);
    expect(await inbox(reporter)).toEqual({ unread: 0, items: [] });
    expect((await rows()).filter((r) => r.person_id === null)).toEqual([]);
  });
});

describe("a named reporter's notices", () => {
  it('are kept under the person as before, and marked read', async () => {
    const named = await file(reporter, 'named', '浴室热水供应不足');
    await act(named.id, 'accept');
    const [row] = (await rows()).filter((r) => r.link === `/m/hotline/mine/${named.id}`);
    expect(row).toMatchObject({ person_id: String(reporter.person.id), recipient_key: null, sealed: null });
    const [notice] = (await inbox(reporter)).items;
    expect(notice).toMatchObject({ kind: 'hotline.state', link: `/m/hotline/mine/${named.id}` });
    await reporter.request('POST', `/api/notifications/${notice.id}/read`);
    expect(
      (await queryOne<Row>(db(), sql`select * from notifications where id = ${notice.id}`))?.read_at,
    ).not.toBeNull();
  });
});

describe("an anonymous reporter's item", () => {
  it('leaves no notice for anyone but the handlers', async () => {
    const before = (await rows()).length;
    const anonymous = await file(reporter, 'anonymous', '更衣柜门锁损坏');
    await act(anonymous.id, 'accept');
    const added = (await rows()).slice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((r) => r.person_id === String(handler.person.id))).toBe(true);
  });
});
