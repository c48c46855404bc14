import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, multipart } from '../../test/factories.js';
import { PNG_1PX } from '../../test/images.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/** Coaches and one-click consultation through the HTTP API. */
let t: TestApp;
let employee: Client;
let coach: Client;
let coach2: Client;
let admin: Client;
const db = () => t.app.lifeline.database.db;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  t = await buildTestApp();
  const root = await buildUnit(db());
  const unit = await buildUnit(db(), root);
  employee = await loginAs(t.app, unit, [], { phone: '13800001234' });
  coach = await loginAs(t.app, root, [['coach', root]]);
  coach2 = await loginAs(t.app, root, [['volunteer', root]]);
  admin = await loginAs(t.app, root, [['sysadmin', root]]);
});
afterAll(() => t.close());

describe('coach profiles', () => {
  it('lists only coaches with an active profile who hold the role, and keeps edits from overwriting each other', async () => {
    expect((await employee.request('GET', '/api/counselling/coaches')).json()).toEqual([]);
    const blank = (await coach.request('GET', '/api/counselling/profile')).json();
    expect(blank.version).toBe(0);
    const input = {
      kind: 'coach',
      specialities: ['压力管理'],
      languages: ['中文', 'English'],
      bio: '持证咨询师',
      active: true,
    };
    const saved = await coach.request('PUT', '/api/counselling/profile', { ...input, version: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, specialities: ['压力管理'], active: true });
    expect(
      (await coach.request('PUT', '/api/counselling/profile', { ...input, version: 0 })).json().error.code,
    ).toBe('conflict');
    await coach2.request('PUT', '/api/counselling/profile', { ...input, kind: 'volunteer', version: 0 });
    const list = (await employee.request('GET', '/api/counselling/coaches')).json();
    expect(list.map((c: { personId: number }) => c.personId).sort()).toEqual(
      [coach.person.id, coach2.person.id].sort(),
    );
    expect((await employee.request('GET', '/api/counselling/profile')).statusCode).toBe(403);
  });

  it('sets weekly hours, refusing overlaps and slots that end before they start', async () => {
    const v = (await coach.request('GET', '/api/counselling/profile')).json().version;
    const overlap = await coach.request('PUT', '/api/counselling/availability', {
      slots: [
        { weekday: 2, start: '18:00', end: '20:00' },
        { weekday: 2, start: '19:00', end: '21:00' },
      ],
      version: v,
    });
    expect(overlap.statusCode).toBe(400);
    const backwards = await coach.request('PUT', '/api/counselling/availability', {
      slots: [{ weekday: 3, start: '20:00', end: '18:00' }],
      version: v,
    });
    expect(backwards.statusCode).toBe(400);
    const ok = await coach.request('PUT', '/api/counselling/availability', {
      slots: [
        { weekday: 6, start: '09:00', end: '11:00' },
        { weekday: 2, start: '18:00', end: '20:00' },
      ],
      version: v,
    });
    expect(ok.json().availability.map((s: { weekday: number }) => s.weekday)).toEqual([2, 6]);
  });

  it('takes a photo only if the bytes are an image', async () => {
    const text = multipart('file', 'me.png', Buffer.from('not an image at all'));
    expect(
      (await coach.request('PUT', '/api/counselling/profile/photo', text.payload, text.headers)).statusCode,
    ).toBe(415);
    const png = multipart('file', 'me.png', PNG_1PX);
    const ok = await coach.request('PUT', '/api/counselling/profile/photo', png.payload, png.headers);
    expect(ok.json().hasPhoto).toBe(true);
    const photo = await employee.request('GET', `/api/counselling/coaches/${coach.person.id}/photo`);
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(
      (await employee.request('GET', `/api/counselling/coaches/${coach2.person.id}/photo`)).statusCode,
    ).toBe(404);
  });
});

describe('one-click consultation', () => {
  let id: number;

  it('takes an empty request to the whole team, encrypts the words, and tells each coach without them', async () => {
    const res = await employee.request('POST', '/api/counselling/requests', {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      state: 'requested',
      coach: null,
      abilities: { book: false, decline: false, cancel: true, close: false },
    });
    const withWords = await employee.request('POST', '/api/counselling/requests', {
      message: '最近总是失眠，想聊聊',
      preferredTimes: '工作日晚上',
      contact: 'phone',
    });
    id = withWords.json().id;
    const [row] = await queryRows<{ message_enc: string }>(
      db(),
      sql`select message_enc from consultations where id = ${id}`,
    );
    expect(row.message_enc).toMatch(/^enc:v1:/);
    const notices = await queryRows<{ person_id: string; params: unknown }>(
      db(),
      sql`select person_id, params from notifications where kind = 'counselling.requested'`,
    );
    expect(new Set(notices.map((n) => Number(n.person_id)))).toEqual(
      new Set([coach.person.id, coach2.person.id]),
    );
    expect(JSON.stringify(notices)).not.toContain('失眠');
  });

  it('shows an open request in every coach’s inbox; the phone only when the employee asked for a call', async () => {
    const inbox = (await coach.request('GET', '/api/counselling/inbox')).json();
    const item = inbox.find((c: { id: number }) => c.id === id);
    expect(item).toMatchObject({
      message: '最近总是失眠，想聊聊',
      abilities: { book: true, decline: false, cancel: false, close: false },
      employee: { phone: '13800001234' },
    });
    const other = inbox.find((c: { id: number }) => c.id !== id);
    expect(other.employee.phone).toBeNull();
    expect((await admin.request('GET', `/api/counselling/requests/${id}`)).statusCode).toBe(404);
  });

  it('lets one coach take it; the other then loses sight of it; the employee sees the booking', async () => {
    const book = await coach.request('POST', `/api/counselling/requests/${id}/book`, {
      startsAt: inDays(2),
      place: '工会心理服务室',
      version: 1,
    });
    expect(book.statusCode, book.body).toBe(200);
    expect(book.json()).toMatchObject({
      state: 'booked',
      coach: { personId: coach.person.id },
      abilities: { book: true, decline: false, cancel: false, close: true },
    });
    const late = await coach2.request('POST', `/api/counselling/requests/${id}/book`, {
      startsAt: inDays(3),
      place: '线上',
      version: 1,
    });
    expect(late.statusCode).toBe(404);
    const mine = (await employee.request('GET', '/api/counselling/requests')).json();
    expect(mine.find((c: { id: number }) => c.id === id)).toMatchObject({
      state: 'booked',
      place: '工会心理服务室',
    });
    const told = await queryRows(
      db(),
      sql`select 1 from notifications where person_id = ${employee.person.id} and kind = 'counselling.booked'`,
    );
    expect(told).toHaveLength(1);
  });

  it('refuses a stale version, a time in the past, and moves outside the table', async () => {
    const stale = await coach.request('POST', `/api/counselling/requests/${id}/close`, { version: 1 });
    expect(stale.json().error.code).toBe('conflict');
    const past = await coach.request('POST', `/api/counselling/requests/${id}/book`, {
      startsAt: inDays(-1),
      place: '线上',
      version: 2,
    });
    expect(past.statusCode).toBe(400);
    const decline = await coach.request('POST', `/api/counselling/requests/${id}/decline`, {
      reason: 'x',
      version: 2,
    });
    expect(decline.json().error).toMatchObject({
      code: 'invalid_transition',
      details: { reason: 'from_booked' },
    });
  });

  it('keeps follow-up notes for the assigned coach only, encrypted', async () => {
    const note = await coach.request('POST', `/api/counselling/requests/${id}/notes`, {
      text: '首次面谈，睡眠问题，两周后随访',
    });
    expect(note.statusCode).toBe(201);
    expect((await coach.request('GET', `/api/counselling/requests/${id}/notes`)).json()[0].text).toContain(
      '随访',
    );
    expect((await coach2.request('GET', `/api/counselling/requests/${id}/notes`)).statusCode).toBe(404);
    expect((await employee.request('GET', `/api/counselling/requests/${id}/notes`)).statusCode).toBe(403);
    expect((await admin.request('GET', `/api/counselling/requests/${id}/notes`)).statusCode).toBe(403);
    const rows = await queryRows<{ body_enc: string }>(db(), sql`select body_enc from consultation_notes`);
    expect(rows[0].body_enc).toMatch(/^enc:v1:/);
    expect(JSON.stringify(rows)).not.toContain('随访');
  });

  it('closes the case; the employee may cancel an open request but not a closed one', async () => {
    const closed = await coach.request('POST', `/api/counselling/requests/${id}/close`, { version: 2 });
    expect(closed.json()).toMatchObject({
      state: 'closed',
      abilities: { book: false, decline: false, cancel: false, close: false },
    });
    expect(
      (await employee.request('POST', `/api/counselling/requests/${id}/cancel`, { version: 3 })).statusCode,
    ).toBe(409);
    const first = (await employee.request('GET', '/api/counselling/requests'))
      .json()
      .find((c: { id: number }) => c.id !== id);
    const cancel = await employee.request('POST', `/api/counselling/requests/${first.id}/cancel`, {
      version: first.version,
    });
    expect(cancel.json().state).toBe('cancelled');
    expect((await coach.request('GET', `/api/counselling/requests/${first.id}`)).statusCode).toBe(404);
  });

  it('lets a coach decline a request made to them, with a reason the employee reads', async () => {
    const res = await employee.request('POST', '/api/counselling/requests', {
      coachPersonId: coach2.person.id,
    });
    expect(res.json().coach.personId).toBe(coach2.person.id);
    expect((await coach.request('GET', `/api/counselling/requests/${res.json().id}`)).statusCode).toBe(404);
    const d = await coach2.request('POST', `/api/counselling/requests/${res.json().id}/decline`, {
      reason: '本周已满，请选择其他教练',
      version: 1,
    });
    expect(d.json()).toMatchObject({ state: 'declined', reason: '本周已满，请选择其他教练' });
    const bad = await employee.request('POST', '/api/counselling/requests', {
      coachPersonId: admin.person.id,
    });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the team that serves a unit (finding 2)', () => {
  it('shows a request open to the team only to coaches whose role covers the employee’s unit', async () => {
    const root = await buildUnit(db());
    const banCai = await buildUnit(db(), root, { name: '板材公司党委' });
    const beiYing = await buildUnit(db(), root, { name: '北营公司党委' });
    const local = await loginAs(t.app, banCai, [['coach', banCai]]);
    const group = await loginAs(t.app, root, [['coach', root]]);
    for (const c of [local, group]) {
      const res = await c.request('PUT', '/api/counselling/profile', {
        kind: 'coach',
        specialities: [],
        languages: ['中文'],
        bio: '',
        active: true,
        version: 0,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const far = await loginAs(t.app, beiYing);
    const near = await loginAs(t.app, banCai);
    // An employee is offered the coaches who serve their unit only.
    const offered = (await far.request('GET', '/api/counselling/coaches')).json() as { personId: number }[];
    expect(offered.map((c) => c.personId)).toContain(group.person.id);
    expect(offered.map((c) => c.personId)).not.toContain(local.person.id);
    const toLocal = await far.request('POST', '/api/counselling/requests', {
      coachPersonId: local.person.id,
    });
    expect(toLocal.statusCode).toBe(400);

    const farReq = (
      await far.request('POST', '/api/counselling/requests', { message: '北营的心里话' })
    ).json();
    const nearReq = (
      await near.request('POST', '/api/counselling/requests', { message: '板材的心里话' })
    ).json();
    const inbox = async (c: Client) =>
      ((await c.request('GET', '/api/counselling/inbox')).json() as { id: number }[]).map((r) => r.id);
    expect(await inbox(local)).toContain(nearReq.id);
    expect(await inbox(local)).not.toContain(farReq.id);
    expect(await inbox(group)).toEqual(expect.arrayContaining([farReq.id, nearReq.id]));
    expect((await local.request('GET', `/api/counselling/requests/${farReq.id}`)).statusCode).toBe(404);
    const take = await local.request('POST', `/api/counselling/requests/${farReq.id}/book`, {
      startsAt: inDays(2),
      place: '心理驿站',
      version: farReq.version,
    });
    expect(take.statusCode).toBe(404);
    // Nor is it told of the request.
    const told = await queryRows<{ n: number }>(
      db(),
      sql`select count(*)::int as n from notifications where person_id = ${local.person.id} and params->>'id' = ${String(farReq.id)}`,
    );
    expect(told[0].n).toBe(0);
  });
});
