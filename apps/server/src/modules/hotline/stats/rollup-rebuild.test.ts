import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../../platform/db/sql.js';
import { buildUnit, type Client, drainJobs, loginAs, type Unit } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { rebuildRollups } from './rollup-rebuild.js';

/**
 * The rollup kept incrementally by the services (filing, handling, the reporter's moves, jobs)
 * must equal the one recomputed set-based from the items, which loads the demo and benchmark
 * histories. Items are changed here only through the HTTP API and the jobs.
 */
let t: TestApp;
let group: Unit;
let plant: Unit;
let workshop: Unit;
let other: Unit;
let reporter: Client;
let handler: Client;
let office: Client;
const db = () => t.app.lifeline.database.db;

function multipart(item: Record<string, unknown>) {
  const boundary = `----rebuild${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`,
    ),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function file(item: Record<string, unknown>) {
  const f = multipart({
    category: 'canteen',
    urgency: 'normal',
    visibility: 'named',
    publishConsent: false,
    title: '食堂午餐排队太久',
    description: '午餐高峰期排队超过二十分钟。',
    ...item,
  });
  const res = await reporter.request('POST', '/api/hotline/items', f.payload, f.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string; secret: string | null };
}

const version = async (id: number) =>
  (await queryOne<{ version: number }>(db(), sql`select version from hotline_items where id = ${id}`))!
    .version;

async function act(c: Client, id: number, path: string, body: Record<string, unknown> = {}) {
  const res = await c.request('POST', `/api/hotline/items/${id}/${path}`, {
    version: await version(id),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function mine(id: number, path: string, body: Record<string, unknown>) {
  const res = await reporter.request('POST', `/api/hotline/mine/${id}/${path}`, {
    version: await version(id),
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** The rollup's rows that count something, in a stable order and one textual form for both engines. */
async function rollupRows() {
  const rows = await queryRows<Record<string, unknown>>(
    db(),
    sql`select * from hotline_rollups order by unit_id, month, category`,
  );
  return rows
    .map((r) => {
      const hist =
        typeof r.wd_hist === 'string'
          ? r.wd_hist.replace(/[{}]/g, '').split(',').map(Number)
          : (r.wd_hist as number[]).map(Number);
      return Object.fromEntries(
        Object.entries({ ...r, wd_hist: hist }).map(([k, v]) => [
          k,
          Array.isArray(v) || k === 'month' || k === 'category' ? v : Number(v),
        ]),
      );
    })
    .filter((r) =>
      Object.entries(r).some(
        ([k, v]) =>
          (Array.isArray(v) && v.some((x) => x !== 0)) ||
          (typeof v === 'number' && k !== 'unit_id' && v !== 0),
      ),
    );
}

beforeAll(async () => {
  t = await buildTestApp();
  group = await buildUnit(db());
  plant = await buildUnit(db(), group);
  workshop = await buildUnit(db(), plant);
  other = await buildUnit(db(), group);
  reporter = await loginAs(t.app, workshop, [], { name: '李重算' });
  handler = await loginAs(t.app, workshop, [['hotline_handler', workshop]]);
  office = await loginAs(t.app, group, [['hotline_office', group]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(() => t.close());

describe('rebuilding the statistics rollup from the items', () => {
  it('gives exactly the rows the services kept up incrementally', async () => {
    // A spread of states, categories, urgencies and visibilities, moved through the real services.
    const rated = await file({ category: 'canteen', publishConsent: true });
    await act(handler, rated.id, 'accept');
    await act(handler, rated.id, 'start');
    await act(handler, rated.id, 'answer', { text: '已增加两个窗口' });
    await mine(rated.id, 'rate', { rating: 4, comment: '满意' });

    const reopened = await file({ category: 'pay', visibility: 'confidential', title: '加班费核算有误' });
    await act(handler, reopened.id, 'accept');
    await act(handler, reopened.id, 'answer', { text: '已核对' });
    await mine(reopened.id, 'reopen', { text: '仍未补发' });

    const waiting = await file({ category: 'safety', urgency: 'immediate', title: '配电室门锁损坏' });
    await act(handler, waiting.id, 'accept');
    await act(handler, waiting.id, 'ask-reporter', { text: '请说明是哪个配电室' });

    const transferred = await file({ category: 'transport', urgency: 'urgent', title: '班车晚点' });
    await act(office, transferred.id, 'transfer', {
      unitId: other.id,
      category: 'suggestion',
      urgency: 'normal',
      reason: '由行政部门办理',
    });

    const notApplicable = await file({ category: 'other', visibility: 'anonymous', title: '与工作无关' });
    await act(office, notApplicable.id, 'close-not-applicable', { text: '不属于受理范围' });

    const duplicate = await file({ category: 'canteen', title: '食堂排队' });
    await act(office, duplicate.id, 'merge', { intoId: (await file({ category: 'canteen' })).id });

    const expired = await file({ category: 'housing', title: '宿舍热水' });
    await act(handler, expired.id, 'accept');
    await act(handler, expired.id, 'answer', { text: '已维修' });
    // The answer is older than the follow-up days: the expiry job closes it unrated.
    const answeredAt = (
      await queryOne<{ answered_at: string }>(
        db(),
        sql`select answered_at::text from hotline_items where id = ${expired.id}`,
      )
    )?.answered_at;
    await db().execute(sql`update jobs set run_at = now() - interval '1 minute'
      where kind = 'hotline.expire' and payload->>'itemId' = ${String(expired.id)}`);
    await drainJobs(t.app);
    expect(
      (await queryOne<{ state: string }>(db(), sql`select state from hotline_items where id = ${expired.id}`))
        ?.state,
      `expired (answered ${answeredAt})`,
    ).toBe('closed');

    await file({ category: 'training' }); // still submitted

    const incremental = await rollupRows();
    expect(incremental.length).toBeGreaterThan(0);
    // Answers with working days taken, so that the histogram is compared too.
    expect(incremental.some((r) => Number(r.wd_n) > 0)).toBe(true);
    // Every ancestor of the concerned unit counts every item of its subtree.
    const total = (unitId: number) =>
      incremental.filter((r) => r.unit_id === unitId).reduce((s, r) => s + Number(r.total), 0);
    expect(total(group.id)).toBe(9);
    expect(total(plant.id)).toBe(9);
    expect(total(other.id)).toBe(0);

    await rebuildRollups(db());
    const rebuilt = await rollupRows();
    expect(rebuilt).toEqual(incremental);

    // And the statistics read from the rebuilt rollup still answer.
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const stats = await office.request(
      'GET',
      `/api/hotline/stats?unitId=${group.id}&from=${month}&to=${month}`,
    );
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.json()).toMatchObject({ total: 9, rated: 1, satisfaction: 4 });
  });

  it('is repeatable', async () => {
    const before = await rollupRows();
    await rebuildRollups(db());
    await rebuildRollups(db());
    expect(await rollupRows()).toEqual(before);
  });
});
