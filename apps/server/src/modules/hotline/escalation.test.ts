import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, drainJobs, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { OVERDUE_JOB } from './sla/sla.jobs.js';

/**
 * Overdue items, through the API and the jobs the server queued itself: a deadline that passes
 * is told to the people handling the item, the superior unit's hotline handlers and the hotline
 * office, once; the answer deadline escalates as the acceptance deadline does.
 */
let t: TestApp;
let group: Unit;
let office: Client;
let groupAdmin: Client;
let sysadmin: Client;
const db = () => t.app.lifeline.database.db;

async function file(c: Client, title: string, unitId: number) {
  const boundary = `----overdue${Math.random().toString(16).slice(2)}`;
  const item = {
    category: 'canteen',
    title,
    unitId,
    description: '反映的问题描述，至少十个字以上。',
    visibility: 'confidential',
  };
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`;
  const res = await c.request('POST', '/api/hotline/items', payload, {
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

/**
 * Lets the clock reach a deadline the server scheduled: the item's queued overdue check of that
 * kind becomes due now (there must be one), then the queue is worked.
 */
async function reachDeadline(id: number, which: 'accept' | 'answer'): Promise<void> {
  const moved = await queryRows(
    db(),
    sql`update jobs set run_at = now() where kind = ${OVERDUE_JOB} and status = 'queued'
        and (payload->>'itemId')::bigint = ${id} and payload->>'which' = ${which} returning id`,
  );
  expect(moved.length, `a queued ${which} check for item ${id}`).toBeGreaterThan(0);
  await drainJobs(t.app);
}

/** The people told that the item is overdue (for one of its deadlines), once each. */
async function toldOverdue(code: string, which?: 'accept' | 'answer'): Promise<number[]> {
  const rows = await queryRows<{ person_id: string }>(
    db(),
    sql`select person_id from notifications where kind = 'hotline.overdue' and params->>'code' = ${code}
        ${which ? sql`and params->>'which' = ${which}` : sql``}`,
  );
  const told = rows.map((r) => Number(r.person_id));
  expect(new Set(told).size, 'each person told once').toBe(told.length);
  return told;
}

/** Which deadlines the audit trail says escalated, in order. */
const overdueAudit = async (id: number) =>
  (
    await queryRows<{ which: string }>(
      db(),
      sql`select details->>'which' as which from audit_events where action = 'hotline_item.overdue'
          and record_id = ${String(id)} order by id`,
    )
  ).map((r) => r.which);

beforeAll(async () => {
  t = await buildTestApp();
  group = await buildUnit(db());
  office = await loginAs(t.app, group, [['hotline_office', group]]);
  groupAdmin = await loginAs(t.app, group, [['unit_admin', group]]);
  sysadmin = await loginAs(t.app, group, [['sysadmin', group]]);
  // Deadlines must exist whatever the day the suite runs: the next years count as declared.
  const year = new Date().getUTCFullYear();
  for (const y of [year, year + 1]) {
    await db().execute(
      sql`insert into calendar_years (year, note) values (${y}, 'test') on conflict do nothing`,
    );
  }
});
afterAll(() => t.close());

describe('who is told of an overdue item', () => {
  it('the handlers, the superior unit’s hotline handlers and the hotline office — not only the handler', async () => {
    const company = await buildUnit(db(), group);
    const works = await buildUnit(db(), company);
    const worksHandler = await loginAs(t.app, works, [['hotline_handler', works]]);
    const companyHandler = await loginAs(t.app, company, [['hotline_handler', company]]);
    const reporter = await loginAs(t.app, works);
    await office.request('POST', '/api/hotline/routing-rules', {
      category: null,
      unitId: works.id,
      handlingUnitId: works.id,
    });
    // The superior unit's robot hears of it as well as the handling unit's.
    for (const [unit, key] of [
      [works, 'works-robot'],
      [company, 'company-robot'],
    ] as const) {
      const put = await office.request('PUT', `/api/hotline/units/${unit.id}/channels`, {
        safetyContactPersonId: null,
        email: null,
        wecomWebhook: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`,
        dingtalkWebhook: null,
        version: 0,
      });
      expect(put.statusCode, put.body).toBe(200);
    }
    const item = await file(reporter, '浴室热水温度不够', works.id);
    await reachDeadline(item.id, 'accept');
    const told = await toldOverdue(item.code);
    expect(told).toEqual(
      expect.arrayContaining([worksHandler.person.id, companyHandler.person.id, office.person.id]),
    );
    // The system administrator is not the hotline office; the reporter is never told this way.
    expect(told).not.toContain(sysadmin.person.id);
    expect(told).not.toContain(reporter.person.id);
    expect(await overdueAudit(item.id)).toEqual(['accept']);
    const robots = await queryRows<{ target: string }>(
      db(),
      sql`select target from outbound_messages where body like ${`%${item.code}%受理期限%`}`,
    );
    expect(robots.map((r) => r.target.split('key=')[1]).sort()).toEqual(['company-robot', 'works-robot']);
  });

  it('reaches the office even when the superior unit’s administrator is the one already handling it', async () => {
    // As in the demo: the works has no handler of its own; the company's administrator handles
    // its items and is also the superior unit's only handler.
    const company = await buildUnit(db(), group);
    const works = await buildUnit(db(), company);
    const companyAdmin = await loginAs(t.app, company, [['unit_admin', company]]);
    const reporter = await loginAs(t.app, works);
    await office.request('POST', '/api/hotline/routing-rules', {
      category: null,
      unitId: works.id,
      handlingUnitId: works.id,
    });
    const item = await file(reporter, '厂区班车经常晚点', works.id);
    await reachDeadline(item.id, 'accept');
    const told = await toldOverdue(item.code);
    expect(told).toEqual(expect.arrayContaining([companyAdmin.person.id, office.person.id]));
    expect(told).not.toContain(groupAdmin.person.id);
  });
});

describe('the answer deadline escalates on its own', () => {
  it('escalates when the answer deadline passes, once, though the acceptance was on time', async () => {
    const company = await buildUnit(db(), group);
    const works = await buildUnit(db(), company);
    const worksHandler = await loginAs(t.app, works, [['hotline_handler', works]]);
    const companyHandler = await loginAs(t.app, company, [['hotline_handler', company]]);
    const reporter = await loginAs(t.app, works);
    await office.request('POST', '/api/hotline/routing-rules', {
      category: null,
      unitId: works.id,
      handlingUnitId: works.id,
    });
    const item = await file(reporter, '车间通风设备噪声大', works.id);
    const accepted = await act(worksHandler, item.id, 'accept');
    expect(accepted.state).toBe('accepted');
    await act(worksHandler, item.id, 'start');
    // The acceptance deadline passes with the item accepted: nothing to escalate.
    await reachDeadline(item.id, 'accept');
    expect(await toldOverdue(item.code)).toEqual([]);
    expect((await worksHandler.request('GET', `/api/hotline/items/${item.id}`)).json().overdue).toBe(false);

    await reachDeadline(item.id, 'answer');
    const seen = (await worksHandler.request('GET', `/api/hotline/items/${item.id}`)).json();
    expect(seen.overdue).toBe(true);
    const told = await toldOverdue(item.code);
    expect(told).toEqual(
      expect.arrayContaining([worksHandler.person.id, companyHandler.person.id, office.person.id]),
    );
    expect(await overdueAudit(item.id)).toEqual(['answer']);
    // A second check of the same deadline (another instance's) finds it escalated already.
    await queryRows(
      db(),
      sql`insert into jobs (kind, payload, run_at) select kind, payload, now() from jobs
          where kind = ${OVERDUE_JOB} and (payload->>'itemId')::bigint = ${item.id} and payload->>'which' = 'answer'`,
    );
    await drainJobs(t.app);
    expect(await overdueAudit(item.id)).toEqual(['answer']);
  });

  it('escalates the answer deadline too when the acceptance was late and escalated already', async () => {
    const company = await buildUnit(db(), group);
    const works = await buildUnit(db(), company);
    const worksHandler = await loginAs(t.app, works, [['hotline_handler', works]]);
    const companyHandler = await loginAs(t.app, company, [['hotline_handler', company]]);
    const reporter = await loginAs(t.app, works);
    await office.request('POST', '/api/hotline/routing-rules', {
      category: null,
      unitId: works.id,
      handlingUnitId: works.id,
    });
    const item = await file(reporter, '食堂餐具消毒不到位', works.id);
    await reachDeadline(item.id, 'accept');
    expect(await overdueAudit(item.id)).toEqual(['accept']);
    await act(worksHandler, item.id, 'accept');
    await reachDeadline(item.id, 'answer');
    expect(await overdueAudit(item.id)).toEqual(['accept', 'answer']);
    expect(await toldOverdue(item.code, 'answer')).toEqual(
      expect.arrayContaining([worksHandler.person.id, companyHandler.person.id, office.person.id]),
    );
  });
});
