import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { coachProfiles } from '../counselling/counselling.table.js';
import { isDissolved, standsSql } from './dissolution.js';

/**
 * A unit is dissolved from its dissolved_on date, a Beijing date, on. The clock is set to 01:00
 * Beijing time (17:00 UTC the day before), when the UTC date is still yesterday: a unit
 * dissolved today must already be refused wherever a unit is chosen for something new, and one
 * dissolved tomorrow still accepted.
 */
const DAY = 86_400_000;
const today = shanghaiDate(new Date());
const tomorrow = shanghaiDate(new Date(Date.parse(`${today}T12:00:00Z`) + DAY));
/** 01:00 in Beijing today: yesterday in UTC. */
const ONE_AM = new Date(`${today}T01:00:00+08:00`);

let t: TestApp;
let group: Unit;
let plant: Unit;
let gone: Unit;
let leaving: Unit;
let admin: Client;
let office: Client;
let employee: Client;
let stranded: Client;
const db = () => t.app.lifeline.database.db;

const dissolve = (unit: Unit, on: string) =>
  db().execute(sql`update org_units set dissolved_on = ${on} where id = ${unit.id}`);

async function file(c: Client, item: Record<string, unknown>) {
  const boundary = `----dissolved${Math.random().toString(16).slice(2)}`;
  const body = {
    category: 'canteen',
    title: '食堂饭菜偏咸',
    description: '近一周饭菜普遍偏咸，希望改进。',
    ...item,
  };
  const payload = `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(body)}\r\n--${boundary}--\r\n`;
  return c.request('POST', '/api/hotline/items', payload, {
    'content-type': `multipart/form-data; boundary=${boundary}`,
  });
}

const refusedFor = (res: { statusCode: number; json(): { error: unknown } }, path: string) => {
  expect(res.statusCode).toBe(400);
  expect(res.json().error).toMatchObject({
    code: 'validation_failed',
    details: { issues: [{ path }], reason: 'unit_dissolved' },
  });
};

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(ONE_AM);
  t = await buildTestApp();
  group = await buildUnit(db());
  plant = await buildUnit(db(), group);
  gone = await buildUnit(db(), plant);
  leaving = await buildUnit(db(), plant);
  admin = await loginAs(t.app, group, [['unit_admin', group]]);
  office = await loginAs(t.app, group, [['hotline_office', group]]);
  employee = await loginAs(t.app, plant);
  stranded = await loginAs(t.app, gone);
  // A rule made while the unit stood: the plant's items go to it.
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: plant.id,
    handlingUnitId: gone.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  const coach = await loginAs(t.app, plant, [['coach', gone]]);
  await db()
    .insert(coachProfiles)
    .values({
      personId: coach.person.id,
      kind: 'coach',
      specialities: [],
      languages: ['中文'],
      availability: [],
    });
  await dissolve(gone, today);
  await dissolve(leaving, tomorrow);
});
afterAll(async () => {
  await t.close();
  vi.useRealTimers();
});

describe('the Beijing date decides', () => {
  it('between 00:00 and 08:00 Beijing time, a unit dissolved today is dissolved although UTC says yesterday', async () => {
    expect(ONE_AM.toISOString().slice(0, 10)).not.toBe(today);
    expect(shanghaiDate(new Date())).toBe(today);
    expect(isDissolved(today)).toBe(true);
    expect(isDissolved(tomorrow)).toBe(false);
    expect(isDissolved(null)).toBe(false);
    const standing = await queryRows<{ id: string }>(
      db(),
      sql`select id from org_units u where ${standsSql(sql`u.dissolved_on`)} order by id`,
    );
    expect(standing.map((r) => Number(r.id))).toEqual([group.id, plant.id, leaving.id]);
  });
});

describe('the hotline', () => {
  it('does not offer a dissolved unit on the phone', async () => {
    const units = (await employee.request('GET', '/api/hotline/units')).json() as { id: number }[];
    expect(units.map((u) => u.id)).toEqual([group.id, plant.id, leaving.id]);
  });

  it('refuses an item about a dissolved unit, chosen or the reporter’s own, and takes one about a unit dissolving tomorrow', async () => {
    refusedFor(await file(employee, { unitId: gone.id }), 'body.unitId');
    refusedFor(await file(stranded, {}), 'body.unitId');
    const ok = await file(employee, { unitId: leaving.id });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('sends an item whose rule points at a dissolved unit to the hotline office', async () => {
    const filed = await file(employee, { unitId: plant.id });
    expect(filed.statusCode, filed.body).toBe(201);
    const row = await queryOne<{ handling_unit_id: string }>(
      db(),
      sql`select handling_unit_id from hotline_items where id = ${filed.json().id}`,
    );
    expect(Number(row?.handling_unit_id)).toBe(group.id);
  });

  it('refuses a routing rule or a transfer to a dissolved unit', async () => {
    const rule = await office.request('POST', '/api/hotline/routing-rules', {
      category: 'pay',
      unitId: plant.id,
      handlingUnitId: gone.id,
    });
    refusedFor(rule, 'body.handlingUnitId');
    const filed = (await file(employee, { unitId: leaving.id })).json() as { id: number };
    const transfer = (unitId: number) =>
      queryOne<{ version: number }>(db(), sql`select version from hotline_items where id = ${filed.id}`).then(
        (v) =>
          office.request('POST', `/api/hotline/items/${filed.id}/transfer`, {
            unitId,
            reason: '转交相关单位',
            version: v?.version,
          }),
      );
    refusedFor(await transfer(gone.id), 'body.unitId');
    const ok = await transfer(plant.id);
    expect(ok.statusCode, ok.body).toBe(200);
  });
});

describe('the rest of the tree', () => {
  it('refuses a person, a move, a child unit and a role in a dissolved unit', async () => {
    const person = await admin.request('POST', '/api/people', {
      employeeNo: 'DS-1',
      name: '撤销单位新人',
      gender: 'male',
      unitId: gone.id,
    });
    expect(person.statusCode).toBe(409);
    const moved = await admin.request('PATCH', `/api/people/${employee.person.id}`, {
      unitId: gone.id,
      version: employee.person.version,
    });
    expect(moved.statusCode).toBe(409);
    const child = await admin.request('POST', '/api/org-units', {
      parentId: gone.id,
      name: '撤销单位下级',
      code: 'DS-CHILD',
      type: 'party_group',
    });
    expect(child.statusCode).toBe(409);
    const role = await admin.request('POST', '/api/role-assignments', {
      personId: employee.person.id,
      role: 'hotline_handler',
      unitId: gone.id,
    });
    expect(role.statusCode).toBe(409);
  });

  it('keeps a unit whose dissolution is recorded for tomorrow working until then: people, child units, roles', async () => {
    const person = await admin.request('POST', '/api/people', {
      employeeNo: 'DS-2',
      name: '明日撤销单位新人',
      gender: 'female',
      unitId: leaving.id,
    });
    expect(person.statusCode, person.body).toBe(201);
    const child = await admin.request('POST', '/api/org-units', {
      parentId: leaving.id,
      name: '明日撤销单位下级',
      code: 'DS-CHILD-2',
      type: 'party_group',
    });
    expect(child.statusCode, child.body).toBe(201);
    const role = await admin.request('POST', '/api/role-assignments', {
      personId: person.json().id,
      role: 'hotline_handler',
      unitId: leaving.id,
    });
    expect(role.statusCode, role.body).toBe(201);
  });

  it('does not offer a coach whose role is on a dissolved unit, nor send them a request', async () => {
    // The coach's role covers the unit of someone still recorded there, who asks.
    expect((await stranded.request('GET', '/api/counselling/coaches')).json()).toEqual([]);
    const [coach] = await queryRows<{ person_id: string }>(db(), sql`select person_id from coach_profiles`);
    const request = await stranded.request('POST', '/api/counselling/requests', {
      coachPersonId: Number(coach.person_id),
    });
    expect(request.statusCode).toBe(400);
  });
});
