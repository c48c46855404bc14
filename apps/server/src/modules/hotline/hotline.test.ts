import { Writable } from 'node:stream';
import { HOTLINE_ACTIONS } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { enqueueJob } from '../../platform/jobs/job-queue.js';
import { buildUnit, type Client, drainJobs, loginAs, ORIGIN, type Unit } from '../../test/factories.js';
import { testConfig } from '../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { EXPIRE_JOB } from './sla/sla.jobs.js';

/**
 * The hotline through the HTTP API, on an app whose request log is captured at trace level:
 * whatever the tests do, no log line may carry a confidential or anonymous reporter.
 */
let database: TestDatabase;
let app: FastifyInstance;
const log: string[] = [];
let group: Unit;
let plant: Unit;
let workshop: Unit;
let reporter: Client;
let handler: Client;
let office: Client;
let plantAdmin: Client;
let groupAdmin: Client;
const db = () => app.lifeline.database.db;

/** A small JPEG with an Exif block that holds a GPS position (the bytes "GPS-31.2304N-121.4737E"). */
function jpegWithGps(): Buffer {
  const exif = Buffer.concat([
    Buffer.from('Exif\0\0', 'binary'),
    Buffer.from('MM\0*\0\0\0\x08GPS-31.2304N-121.4737E', 'binary'),
  ]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, (exif.length + 2) >> 8, (exif.length + 2) & 0xff]),
    exif,
  ]);
  const base = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
    'base64',
  );
  return Buffer.concat([base.subarray(0, 2), app1, base.subarray(2)]);
}

function filing(item: Record<string, unknown>, photos: Buffer[] = []) {
  const boundary = `----hotline${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n`,
    ),
  ];
  photos.forEach((p, i) => {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="photo"; filename="p${i}.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      p,
      Buffer.from('\r\n'),
    );
  });
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const base = {
  category: 'canteen',
  title: '食堂午餐排队太久',
  description: '午餐高峰期排队超过二十分钟，希望增加打饭窗口。',
};
async function file(c: Client, item: Record<string, unknown>, photos: Buffer[] = []) {
  const f = filing({ ...base, ...item }, photos);
  const res = await c.request('POST', '/api/hotline/items', f.payload, f.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string; secret: string | null };
}
const item = async (id: number) => (await handler.request('GET', `/api/hotline/items/${id}`)).json();
const act = async (c: Client, id: number, path: string, body: Record<string, unknown> = {}) => {
  const version = (await queryOne<{ version: number }>(
    db(),
    sql`select version from hotline_items where id = ${id}`,
  ))!.version;
  return c.request('POST', `/api/hotline/items/${id}/${path}`, { version, ...body });
};

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      log.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config: testConfig(), database, logger: { level: 'trace', stream } });
  await app.ready();
  group = await buildUnit(db());
  plant = await buildUnit(db(), group);
  workshop = await buildUnit(db(), plant);
  reporter = await loginAs(app, workshop, [], { name: '李保密', phone: '13912345678' });
  handler = await loginAs(app, workshop, [['hotline_handler', workshop]]);
  plantAdmin = await loginAs(app, plant, [['unit_admin', plant]]);
  groupAdmin = await loginAs(app, group, [['unit_admin', group]]);
  office = await loginAs(app, group, [['hotline_office', group]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('raising a problem', () => {
  it('routes a named item by the rules, sets its deadlines, strips the photo’s location, and shows the reporter to handlers', async () => {
    const filed = await file(reporter, { visibility: 'named', publishConsent: true }, [jpegWithGps()]);
    expect(filed.secret).toBeNull();
    const seen = await item(filed.id);
    expect(seen).toMatchObject({
      state: 'submitted',
      handlingUnit: { id: workshop.id },
      reporter: { name: '李保密', phone: '13912345678' },
    });
    expect(HOTLINE_ACTIONS.filter((a) => seen.abilities[a])).toEqual(['accept', 'transfer']);
    expect(seen.answerDue === null ? seen.calendarMissingYear : seen.answerDue).toBeTruthy();
    const photo = await handler.request('GET', `/api/hotline/items/${filed.id}/photos/${seen.photos[0].id}`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.rawPayload.includes(Buffer.from('GPS-31.2304N'))).toBe(false);
    expect(photo.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    const bell = await queryRows(
      db(),
      sql`select 1 from notifications where person_id = ${handler.person.id} and kind = 'hotline.assigned'`,
    );
    expect(bell).toHaveLength(1);
  });

  it('falls back to the hotline office when no rule matches, and refuses bad input with named fields', async () => {
    const elsewhere = await buildUnit(db(), group);
    const other = await loginAs(app, elsewhere);
    const filed = await file(other, { category: 'pay' });
    expect((await office.request('GET', `/api/hotline/items/${filed.id}`)).json().handlingUnit.id).toBe(
      group.id,
    );
    const bad = filing({ ...base, title: 'x', category: 'nope' });
    const res = await other.request('POST', '/api/hotline/items', bad.payload, bad.headers);
    expect(res.statusCode).toBe(400);
    const notImage = filing(base, [Buffer.from('%PDF-1.4 not a photo')]);
    expect(
      (await other.request('POST', '/api/hotline/items', notImage.payload, notImage.headers)).statusCode,
    ).toBe(415);
  });

  it('suggests similar open items of the unit, and counts "me too" once per person', async () => {
    const similar = (
      await reporter.request(
        'GET',
        `/api/hotline/similar?unitId=${workshop.id}&q=${encodeURIComponent('午餐排队')}`,
      )
    ).json();
    expect(similar.length).toBeGreaterThan(0);
    const colleague = await loginAs(app, workshop);
    expect((await colleague.request('POST', `/api/hotline/items/${similar[0].id}/me-too`)).json()).toEqual({
      meToo: 1,
    });
    expect((await colleague.request('POST', `/api/hotline/items/${similar[0].id}/me-too`)).statusCode).toBe(
      409,
    );
    const [row] = await queryRows<{ voter_hash: string }>(db(), sql`select voter_hash from hotline_me_too`);
    expect(row.voter_hash).not.toContain(String(colleague.person.id));
  });

  it('never suggests an item whose reporter did not agree to its publication, nor takes "me too" on it', async () => {
    const title = '更衣室柜门损坏无人修理';
    const kept = await file(reporter, { title, visibility: 'confidential', publishConsent: false });
    const colleague = await loginAs(app, workshop);
    const similar = (
      await colleague.request(
        'GET',
        `/api/hotline/similar?unitId=${workshop.id}&q=${encodeURIComponent(title)}`,
      )
    ).json() as { id: number; title: string }[];
    expect(similar.map((s) => s.title)).not.toContain(title);
    expect((await colleague.request('POST', `/api/hotline/items/${kept.id}/me-too`)).statusCode).toBe(404);
  });
});

describe('confidential and anonymous reporters', () => {
  let confidential: { id: number; code: string };
  let anonymous: { id: number; code: string; secret: string | null };
  beforeAll(async () => {
    confidential = await file(reporter, { visibility: 'confidential', title: '班组长克扣加班费' });
    anonymous = await file(reporter, { visibility: 'anonymous', title: '配电室门锁损坏' }, [jpegWithGps()]);
  });

  it('keeps a confidential reporter encrypted, and out of every handler-facing answer, export and the audit trail', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      db(),
      sql`select * from hotline_items where id = ${confidential.id}`,
    );
    expect(row.reporter_person_id).toBeNull();
    expect(String(row.reporter_enc)).toMatch(/^enc:v1:/);
    const answers = [
      await handler.request('GET', `/api/hotline/items/${confidential.id}`),
      await handler.request('GET', `/api/hotline/items?unitId=${workshop.id}`),
      await office.request('GET', `/api/hotline/items/${confidential.id}`),
    ];
    expect(answers[0].json().reporter).toBeNull();
    const file = await handler.request('GET', `/api/hotline/items/export?unitId=${workshop.id}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const texts = [...answers.map((a) => a.body), JSON.stringify(wb.worksheets[0].getSheetValues())];
    for (const t of texts) {
      for (const secret of ['李保密', '13912345678', reporter.person.employeeNo])
        expect(t).not.toContain(secret);
    }
    const audit = await queryRows<{ actor_person_id: string | null; ip: string | null }>(
      db(),
      sql`select actor_person_id, ip from audit_events where record_type = 'hotline_item' and record_id = ${String(confidential.id)}`,
    );
    expect(audit).toEqual([{ actor_person_id: null, ip: null }]);
    // The reporter alone finds it among their items; the list (one query for all items) says
    // exactly what each item's own page says.
    const mine = (await reporter.request('GET', '/api/hotline/mine')).json();
    expect(mine.map((m: { id: number }) => m.id)).toContain(confidential.id);
    for (const m of mine) {
      expect((await reporter.request('GET', `/api/hotline/mine/${m.id}`)).json()).toEqual(m);
    }
    expect((await handler.request('GET', `/api/hotline/mine/${confidential.id}`)).statusCode).toBe(404);
  });

  it('stores no account reference at all for an anonymous item; code and secret follow it', async () => {
    const [row] = await queryRows<Record<string, unknown>>(
      db(),
      sql`select * from hotline_items where id = ${anonymous.id}`,
    );
    expect([row.reporter_person_id, row.reporter_enc, row.reporter_index]).toEqual([null, null, null]);
    expect(JSON.stringify(row)).not.toContain(String(anonymous.secret));
    const files = await queryRows<{ created_by: string | null }>(
      db(),
      sql`select f.created_by from hotline_photos p join stored_files f on f.id = p.file_id where p.item_id = ${anonymous.id}`,
    );
    expect(files).toEqual([{ created_by: null }]);
    expect(anonymous.secret).toMatch(/^[A-Z2-9]{24}$/);
    const track = (secret: string) =>
      app.inject({
        method: 'GET',
        url: `/api/hotline/track/${anonymous.code}`,
        headers: { 'x-hotline-secret': secret },
      });
    expect((await track(anonymous.secret!)).json()).toMatchObject({
      id: anonymous.id,
      visibility: 'anonymous',
    });
    expect((await track('A'.repeat(24))).statusCode).toBe(404);
    expect((await reporter.request('GET', `/api/hotline/mine/${anonymous.id}`)).statusCode).toBe(404);
    expect(
      (await reporter.request('GET', '/api/hotline/mine')).json().map((m: { id: number }) => m.id),
    ).not.toContain(anonymous.id);
  });

  it('lets the anonymous reporter add information and rate through the code', async () => {
    expect((await act(handler, anonymous.id, 'accept')).statusCode).toBe(200);
    expect(
      (await act(handler, anonymous.id, 'ask-reporter', { text: '请说明是哪个配电室' })).json().state,
    ).toBe('waiting_reporter');
    const version = (await queryOne<{ version: number }>(
      db(),
      sql`select version from hotline_items where id = ${anonymous.id}`,
    ))!.version;
    const add = await app.inject({
      method: 'POST',
      url: `/api/hotline/track/${anonymous.code}/add-info`,
      headers: { 'x-hotline-secret': anonymous.secret!, origin: ORIGIN },
      payload: { text: '二号配电室', version },
    });
    expect(add.statusCode, add.body).toBe(200);
    expect(add.json().messages.map((m: { kind: string }) => m.kind)).toEqual(['reply', 'reporter']);
    const seen = await item(anonymous.id);
    expect(seen.messages.find((m: { kind: string }) => m.kind === 'reporter').author).toBeNull();
  });

  it('writes no log line with a confidential or anonymous reporter', () => {
    const text = log.join('');
    expect(text).toContain('/api/hotline/items');
    for (const secret of [reporter.person.employeeNo, '李保密', '13912345678', String(anonymous.secret)]) {
      expect(text, secret).not.toContain(secret);
    }
  });
});

describe('handling, rating and reopening', () => {
  let id: number;
  beforeAll(async () => {
    id = (await file(reporter, { visibility: 'named', title: '更衣室热水不足', publishConsent: true })).id;
  });

  it('lets one of two concurrent handlers accept; the other gets a conflict', async () => {
    const second = await loginAs(app, workshop, [['hotline_handler', workshop]]);
    const [a, b] = await Promise.all([
      handler.request('POST', `/api/hotline/items/${id}/accept`, { version: 1 }),
      second.request('POST', `/api/hotline/items/${id}/accept`, { version: 1 }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('keeps internal notes from the reporter and answers with a reply', async () => {
    await handler.request('POST', `/api/hotline/items/${id}/notes`, { text: '内部：锅炉检修到周五' });
    expect((await act(handler, id, 'start')).json().state).toBe('in_progress');
    const answered = await act(handler, id, 'answer', { text: '已调整供水时间，晚班延长一小时' });
    expect(answered.json()).toMatchObject({ state: 'answered' });
    expect(Object.values(answered.json().abilities).some(Boolean)).toBe(false);
    const mine = (await reporter.request('GET', `/api/hotline/mine/${id}`)).json();
    expect(mine.messages.map((m: { kind: string; text: string }) => m.text)).toEqual([
      '已调整供水时间，晚班延长一小时',
    ]);
    expect(HOTLINE_ACTIONS.filter((a) => mine.abilities[a])).toEqual(['rate', 'reopen']);
    expect(JSON.stringify(mine)).not.toContain('锅炉检修');
    // The handler's page (read in one query) shows both, in order, with who wrote them.
    const page = await item(id);
    expect(page.messages.map((m: { kind: string; text: string }) => [m.kind, m.text])).toEqual([
      ['note', '内部：锅炉检修到周五'],
      ['reply', '已调整供水时间，晚班延长一小时'],
    ]);
    expect(page).toMatchObject({ unit: { id: workshop.id }, handlingUnit: { id: workshop.id } });
  });

  it('reopens once within seven days, to the handling unit’s superior, with fresh deadlines', async () => {
    const v = () =>
      queryOne<{ version: number }>(db(), sql`select version from hotline_items where id = ${id}`);
    const reopened = await reporter.request('POST', `/api/hotline/mine/${id}/reopen`, {
      text: '还是没有热水',
      version: (await v())!.version,
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ state: 'reopened', handlingUnit: { id: plant.id } });
    expect((await plantAdmin.request('GET', `/api/hotline/items/${id}`)).json().abilities.accept).toBe(true);
    expect((await act(plantAdmin, id, 'answer', { text: 'x' })).json().error.details.reason).toBe(
      'from_reopened',
    );
    await act(plantAdmin, id, 'accept');
    await act(plantAdmin, id, 'answer', { text: '已更换热水器，今晚恢复' });
    const again = await reporter.request('POST', `/api/hotline/mine/${id}/reopen`, {
      text: '再试',
      version: (await v())!.version,
    });
    expect(again.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { reason: 'reopened_once' },
    });
    const rated = await reporter.request('POST', `/api/hotline/mine/${id}/rate`, {
      rating: 4,
      comment: '解决了',
      version: (await v())!.version,
    });
    expect(rated.json()).toMatchObject({ state: 'confirmed', rating: 4 });
  });

  it('refuses rating after seven days, and closes an unrated answer then as answered-unrated', async () => {
    const late = (await file(reporter, { visibility: 'named', title: '厂区路灯不亮' })).id;
    await act(handler, late, 'accept');
    await act(handler, late, 'answer', { text: '已报修' });
    await db().execute(
      sql`update hotline_items set answered_at = now() - interval '8 days' where id = ${late}`,
    );
    const row = (await queryOne<{ answered_at: string; version: number }>(
      db(),
      sql`select answered_at, version from hotline_items where id = ${late}`,
    ))!;
    const rate = await reporter.request('POST', `/api/hotline/mine/${late}/rate`, {
      rating: 5,
      version: row.version,
    });
    expect(rate.json().error.details.reason).toBe('follow_up_over');
    await enqueueJob(db(), EXPIRE_JOB, { itemId: late, answeredAt: new Date(row.answered_at).toISOString() });
    await drainJobs(app);
    const closed = (await reporter.request('GET', `/api/hotline/mine/${late}`)).json();
    expect(closed).toMatchObject({ state: 'closed', closeReason: 'unrated' });
  });

  it('lets only the office merge or close as not applicable', async () => {
    const a = (await file(reporter, { title: '班车发车时间太早' })).id;
    const b = (await file(reporter, { title: '班车发车太早了' })).id;
    expect((await act(handler, a, 'merge', { intoId: b })).statusCode).toBe(403);
    const merged = await act(office, a, 'merge', { intoId: b });
    expect(merged.json()).toMatchObject({ state: 'closed', closeReason: 'merged', mergedInto: { id: b } });
    expect(await item(a)).toMatchObject({ mergedInto: { id: b, code: (await item(b)).code } });
    expect((await item(b)).meToo).toBe(1);
    const na = await act(office, b, 'close-not-applicable', { text: '属劳动合同纠纷，请向劳动仲裁申请' });
    expect(na.json()).toMatchObject({ state: 'closed', closeReason: 'not_applicable' });
  });

  it('lists an item under a unit that never handled one before, once it is transferred there', async () => {
    const newcomer = await buildUnit(db(), group);
    const moved = (await file(reporter, { title: '停车场照明不足' })).id;
    const listed = async (unitId: number) =>
      (await office.request('GET', `/api/hotline/items?unitId=${unitId}`))
        .json()
        .items.map((i: { id: number }) => i.id);
    expect(await listed(newcomer.id)).toEqual([]);
    const res = await act(office, moved, 'transfer', { unitId: newcomer.id, reason: '由物业办理' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await listed(newcomer.id)).toEqual([moved]);
    expect(await listed(workshop.id)).not.toContain(moved);
    expect(await listed(group.id)).toContain(moved);
  });

  it('pages through a subtree newest first, exactly as a plain query over its units, narrow or wide', async () => {
    for (let i = 0; i < 22; i += 1) await file(reporter, { title: `宿舍热水器故障第${i + 1}处` });
    const pages = async (unitId: number, state?: string) => {
      const ids: number[] = [];
      let before: string | null = null;
      do {
        const qs: string = `unitId=${unitId}${state ? `&state=${state}` : ''}${before ? `&before=${before}` : ''}`;
        const page = (await office.request('GET', `/api/hotline/items?${qs}`)).json();
        ids.push(...page.items.map((i: { id: number }) => i.id));
        before = page.next;
      } while (before);
      return ids;
    };
    const plain = async (path: string, state?: string) =>
      (
        await queryRows<{ id: string }>(
          db(),
          sql`select h.id from hotline_items h join org_units u on u.id = h.handling_unit_id
              where u.path like ${`${path}%`} ${state ? sql`and h.state = ${state}` : sql``}
              order by h.created_at desc, h.id desc`,
        )
      ).map((r) => Number(r.id));
    // The group holds every handling unit (one scan of the newest); the plant and the workshop
    // hold fewer than half of them (a top per unit).
    for (const unit of [group, plant, workshop]) {
      for (const state of [undefined, 'submitted']) {
        const expected = await plain(unit.path, state);
        expect(await pages(unit.id, state)).toEqual(expected);
      }
    }
    expect((await plain(workshop.path)).length).toBeGreaterThan(20);
  });

  it('shows answered items on the public board only with consent, and never a reporter', async () => {
    const page = (await reporter.request('GET', '/api/hotline/board')).json();
    expect(page.items.map((i: { title: string }) => i.title)).toContain('更衣室热水不足');
    expect(JSON.stringify(page)).not.toMatch(/李保密|13912345678|内部/);
  });

  it('counts the subtree from the rollup: totals, on-time rates, satisfaction and reopen rate', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const s = (
      await groupAdmin.request('GET', `/api/hotline/stats?unitId=${plant.id}&from=${month}&to=${month}`)
    ).json();
    const direct = await queryRows<{ n: string }>(
      db(),
      sql`select count(*) as n from hotline_items h join org_units u on u.id = h.unit_id where u.path like ${`${plant.path}%`}`,
    );
    expect(s.total).toBe(Number(direct[0].n));
    expect(s.satisfaction).toBe(4);
    expect(s.rated).toBe(1);
    expect(s.reopenRate).toBeGreaterThan(0);
    expect(s.answerOnTimeRate).toBe(1);
    expect(s.byState.find((x: { state: string }) => x.state === 'confirmed').n).toBe(1);
    // Handling time in working days: the mean and the 90th percentile (the ⌈0.9·n⌉-th smallest).
    const days = (
      await queryRows<{ d: number }>(
        db(),
        sql`select h.working_days as d from hotline_items h join org_units u on u.id = h.unit_id
            where u.path like ${`${plant.path}%`} and h.working_days is not null order by h.working_days`,
      )
    ).map((r) => Number(r.d));
    expect(days.length).toBeGreaterThan(0);
    expect(s.avgWorkingDays).toBe(Math.round((days.reduce((a, b) => a + b, 0) / days.length) * 10) / 10);
    expect(s.p90WorkingDays).toBe(days[Math.ceil(0.9 * days.length) - 1]);
    expect(
      (await handler.request('GET', `/api/hotline/stats?unitId=${plant.id}&from=${month}&to=${month}`))
        .statusCode,
    ).toBe(403);
  });
});

describe('overdue escalation', () => {
  it('marks an item overdue and escalates it to the superior unit’s administrators exactly once', async () => {
    const id = (await file(reporter, { title: '安全帽发放不足' })).id;
    const due = new Date(Date.now() - 60_000).toISOString();
    await db().execute(sql`update hotline_items set accept_due = ${due} where id = ${id}`);
    const { OVERDUE_JOB } = await import('./sla/sla.jobs.js');
    await enqueueJob(db(), OVERDUE_JOB, { itemId: id, which: 'accept', due }, { dedupeKey: `a:${id}` });
    await enqueueJob(db(), OVERDUE_JOB, { itemId: id, which: 'accept', due }, { dedupeKey: `b:${id}` });
    await drainJobs(app);
    const seen = await item(id);
    expect(seen.overdue).toBe(true);
    const notices = await queryRows<{ person_id: string }>(
      db(),
      sql`select person_id from notifications where kind = 'hotline.overdue' and params->>'code' = ${seen.code}`,
    );
    const told = notices.map((n) => Number(n.person_id));
    expect(new Set(told).size, 'each person told once').toBe(told.length);
    expect(told).toEqual(expect.arrayContaining([handler.person.id, plantAdmin.person.id]));
    expect(told).not.toContain(groupAdmin.person.id);
    const audit = await queryRows(
      db(),
      sql`select 1 from audit_events where action = 'hotline_item.overdue' and record_id = ${String(id)}`,
    );
    expect(audit).toHaveLength(1);
    const list = (
      await handler.request('GET', `/api/hotline/items?unitId=${workshop.id}&overdue=true`)
    ).json();
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([id]);
  });

  it('escalates once when two server instances work the queue at the same moment (PostgreSQL: two pools)', async () => {
    const { openHandle } = await import('../../platform/db/adapter.js');
    const { JobWorker } = await import('../../platform/jobs/job-worker.js');
    const { OVERDUE_JOB, hotlineJobs } = await import('./sla/sla.jobs.js');
    const second = database.url ? await openHandle({ databaseUrl: database.url, poolMax: 5 }) : undefined;
    try {
      const ids: number[] = [];
      for (let i = 0; i < 6; i++) ids.push((await file(reporter, { title: `劳保用品发放延迟 ${i}` })).id);
      const due = new Date(Date.now() - 60_000).toISOString();
      await db().execute(
        sql`update hotline_items set answer_due = ${due} where id in (${sql.join(
          ids.map((i) => sql`${i}`),
          sql`, `,
        )})`,
      );
      // Each instance scheduled its own check of every item (as after a restart): two jobs per item.
      for (const id of ids) {
        for (const k of ['x', 'y'])
          await enqueueJob(
            db(),
            OVERDUE_JOB,
            { itemId: id, which: 'answer', due },
            { dedupeKey: `${k}:${id}` },
          );
      }
      const handlers = hotlineJobs(app.lifeline);
      const workers = [
        new JobWorker(db(), handlers, { batch: 2 }),
        new JobWorker(second?.db ?? db(), handlers, { batch: 3 }),
      ];
      await Promise.all(
        workers.map(async (w) => {
          while ((await w.runOnce()) > 0) {
            /* keep taking */
          }
        }),
      );
      const rows = await queryRows<{ record_id: string; n: string }>(
        db(),
        sql`select record_id, count(*) as n from audit_events where action = 'hotline_item.overdue'
            and record_id in (${sql.join(
              ids.map((i) => sql`${String(i)}`),
              sql`, `,
            )}) group by record_id`,
      );
      expect(rows).toHaveLength(ids.length);
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
      const notices = await queryRows<{ n: string }>(
        db(),
        sql`select count(*) as n from notifications where kind = 'hotline.overdue' and person_id = ${plantAdmin.person.id}`,
      );
      expect(Number(notices[0].n)).toBe(ids.length + 1);
    } finally {
      await second?.close();
    }
  });
});

describe('outgoing channels', () => {
  it('queues a WeCom message for the handling unit’s robot without the reporter, and never fails the filing for it', async () => {
    const v = (await office.request('GET', `/api/hotline/units/${workshop.id}/channels`)).json().version;
    const put = await office.request('PUT', `/api/hotline/units/${workshop.id}/channels`, {
      safetyContactPersonId: handler.person.id,
      email: null,
      wecomWebhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=test-robot',
      dingtalkWebhook: null,
      version: v,
    });
    expect(put.statusCode, put.body).toBe(200);
    const bad = await office.request('PUT', `/api/hotline/units/${workshop.id}/channels`, {
      ...(put.json() as Record<string, unknown>),
      wecomWebhook: 'http://evil.example/x',
    });
    expect(bad.statusCode).toBe(400);
    const filed = await file(reporter, {
      visibility: 'confidential',
      urgency: 'immediate',
      category: 'safety',
      title: '吊车钢丝绳断股',
    });
    const queued = await queryRows<{ channel: string; target: string; body: string }>(
      db(),
      sql`select channel, target, body from outbound_messages where body like ${`%${filed.code}%`}`,
    );
    expect(queued.map((q) => q.channel)).toEqual(['wecom', 'wecom']);
    expect(JSON.stringify(queued)).not.toMatch(/李保密|13912345678/);
    const safety = await queryRows(
      db(),
      sql`select 1 from notifications where person_id = ${handler.person.id} and kind = 'hotline.immediate' and params->>'code' = ${filed.code}`,
    );
    expect(safety.length).toBeGreaterThan(0);
  });
});

describe('hotline settings', () => {
  it('keeps the SMTP password out of answers and the audit trail, and turns e-mail off with null', async () => {
    const s = (await office.request('GET', '/api/hotline/settings')).json();
    const { smtp: _smtp, version, ...rest } = s;
    const on = await office.request('PUT', '/api/hotline/settings', {
      ...rest,
      smtp: {
        host: 'smtp.example.com',
        port: 465,
        secure: true,
        user: 'hotline',
        from: 'hotline@example.com',
        password: 'S3cret-pass',
      },
      version,
    });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().smtp).toMatchObject({ host: 'smtp.example.com', passwordSet: true });
    expect(on.body).not.toContain('S3cret-pass');
    const audit = JSON.stringify(
      await queryRows(db(), sql`select changes from audit_events where action = 'settings.update'`),
    );
    expect(audit).not.toContain('S3cret-pass');
    expect(audit).not.toMatch(/enc:v1/);
    const off = await office.request('PUT', '/api/hotline/settings', {
      ...rest,
      smtp: null,
      version: on.json().version,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect((await office.request('GET', '/api/hotline/settings')).json().smtp).toBeNull();
  });
});
