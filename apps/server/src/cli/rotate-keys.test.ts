import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { queryOne, queryRows } from '../platform/db/sql.js';
import { enqueueOutbound } from '../platform/outbound/outbound.service.js';
import { type MailTransportOptions, setMailTransportFactory } from '../platform/outbound/smtp.js';
import {
  buildUnit,
  type Client,
  clientFor,
  drainJobs,
  loginAs,
  makeIdCard,
  multipart,
  type Unit,
} from '../test/factories.js';
import { testConfig } from '../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../test/test-db.js';
import { type RotationPart, rotateKeys } from './rotate-keys.js';

/**
 * Key rotation end to end, through the HTTP API: data of every kind that is encrypted or keyed
 * with LIFELINE_SECRET is made under secret A; the servers then run on B with A as previous
 * (look-ups still find everything), `rotate-keys` runs (twice), and finally the servers run on B
 * alone — every owner still reads their data, and nothing is left under A.
 */
const A = 'rotation-secret-A-0123456789-abcdefghijklmnop';
const B = 'rotation-secret-B-0123456789-abcdefghijklmnop';
const SMTP_PASSWORD = 'Smtp-Passw0rd-A';
const SAS_SEVERE = [4, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 4, 4, 1, 4, 1, 4];

let database: TestDatabase;
const apps: FastifyInstance[] = [];
const db = () => database.db;

async function appWith(secrets: string[]): Promise<FastifyInstance> {
  const app = await buildApp({ config: testConfig({ secrets }), database, logger: false });
  await app.ready();
  apps.push(app);
  return app;
}

/** The same logged-in person (the session lives in the database) on another app. */
const on = (app: FastifyInstance, c: Client) =>
  clientFor(app, c.person, c.cookie.slice(c.cookie.indexOf('=') + 1));

function filing(item: Record<string, unknown>) {
  const boundary = `----rotation${Math.random().toString(16).slice(2)}`;
  return {
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

async function file(c: Client, item: Record<string, unknown>) {
  const f = filing({ category: 'canteen', description: '反映的问题描述，至少十个字以上。', ...item });
  const res = await c.request('POST', '/api/hotline/items', f.payload, f.headers);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string };
}

const version = async (table: 'hotline_items' | 'consultations', id: number) =>
  (await queryOne<{ version: number }>(db(), sql`select version from ${sql.raw(table)} where id = ${id}`))!
    .version;

/** A roster file with one new person and their ID card (the import template's columns). */
async function roster(card: { idCard: string; gender: string }, unitCode: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  ws.addRow(['工号*', '姓名*', '性别*', '身份证号', '所属单位编码*', '政治面貌*', '人员状态*']);
  ws.addRow([
    'ROT-IMP',
    '孙导入',
    card.gender === 'male' ? '男' : '女',
    card.idCard,
    unitCode,
    '群众',
    '在职',
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

type Inbox = { items: { kind: string; params: Record<string, unknown>; link: string | null }[] };
const inbox = async (c: Client) => (await c.request('GET', '/api/notifications')).json() as Inbox;

/** Every row that a value under a key other than `keyId` still makes need an old secret. */
async function underOtherKeys(keyId: string) {
  const like = `enc:v1:${keyId}:%`;
  return queryRows<{ source: string; n: number }>(
    db(),
    sql`select 'people' as source, count(*)::int as n from people where id_card_enc not like ${like}
      union all select 'hotline_items', count(*)::int from hotline_items where reporter_enc not like ${like}
      union all select 'assessment_results', count(*)::int from assessment_results where payload not like ${like}
      union all select 'consultations', count(*)::int from consultations where message_enc not like ${like}
      union all select 'consultation_notes', count(*)::int from consultation_notes where body_enc not like ${like}
      union all select 'notifications', count(*)::int from notifications where sealed not like ${like}
      union all select 'settings', count(*)::int from settings
        where key = 'outbound.smtp' and value->>'passwordEnc' not like ${like}`,
  );
}

// The actors, logged in on the app under secret A.
let admin: Client;
let reporter: Client;
let colleague: Client;
let handler: Client;
let office: Client;
let employee: Client;
let coach: Client;
let workshop: Unit;
const idCard = makeIdCard('female');
const importedCard = makeIdCard('male');
let personId: number;
let importId: number;
let confidential: { id: number; code: string };
let shared: { id: number; code: string };
let doubled: { id: number; code: string };
let closed: { id: number; code: string };
let resultId: number;
let consultationId: number;

beforeAll(async () => {
  database = await createTestDatabase();
  const appA = await appWith([A]);
  const group = await buildUnit(db());
  workshop = await buildUnit(db(), group, { code: 'ROT-WS' });
  admin = await loginAs(appA, group, [['unit_admin', group]]);
  reporter = await loginAs(appA, workshop);
  colleague = await loginAs(appA, workshop);
  handler = await loginAs(appA, workshop, [['hotline_handler', workshop]]);
  office = await loginAs(appA, group, [['hotline_office', group]]);
  employee = await loginAs(appA, workshop);
  coach = await loginAs(appA, group, [['coach', group]]);

  // A person with an ID card.
  const person = await admin.request('POST', '/api/people', {
    employeeNo: 'ROT-1',
    name: '钱密钥',
    gender: idCard.gender,
    unitId: workshop.id,
    idCard: idCard.idCard,
  });
  expect(person.statusCode, person.body).toBe(201);
  personId = person.json().id;
  // A roster import checked (its rows staged, ID card encrypted) but not yet confirmed.
  const upload = multipart('file', '名单.xlsx', await roster(importedCard, 'ROT-WS'));
  const started = await admin.request('POST', '/api/people/imports', upload.payload, upload.headers);
  expect(started.statusCode, started.body).toBe(202);
  importId = started.json().id;
  await drainJobs(appA);
  const checked = (await admin.request('GET', `/api/people/imports/${importId}`)).json();
  expect(checked).toMatchObject({ state: 'validated', validRows: 1, invalidRows: 0 });

  // A confidential hotline item, accepted (a private notice to its reporter), and a shareable
  // item with a colleague's "me too"; the SMTP password in the hotline settings.
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: workshop.id,
    handlingUnitId: workshop.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
  confidential = await file(reporter, { title: '夜班补贴未按时发放', visibility: 'confidential' });
  const accepted = await handler.request('POST', `/api/hotline/items/${confidential.id}/accept`, {
    version: await version('hotline_items', confidential.id),
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
  shared = await file(reporter, { title: '食堂午餐排队太久', visibility: 'named', publishConsent: true });
  const meToo = await colleague.request('POST', `/api/hotline/items/${shared.id}/me-too`);
  expect(meToo.json()).toEqual({ meToo: 1 });
  closed = await file(reporter, { title: '厂区路灯不亮', visibility: 'named', publishConsent: true });
  expect((await colleague.request('POST', `/api/hotline/items/${closed.id}/me-too`)).statusCode).toBe(200);
  const notApplicable = await office.request('POST', `/api/hotline/items/${closed.id}/close-not-applicable`, {
    text: '属市政管理范围，请向街道反映',
    version: await version('hotline_items', closed.id),
  });
  expect(notApplicable.statusCode, notApplicable.body).toBe(200);
  doubled = await file(reporter, { title: '更衣室热水不足', visibility: 'named', publishConsent: true });
  expect((await colleague.request('POST', `/api/hotline/items/${doubled.id}/me-too`)).json()).toEqual({
    meToo: 1,
  });
  const {
    smtp: _smtp,
    version: settingsVersion,
    ...settings
  } = (await office.request('GET', '/api/hotline/settings')).json();
  const smtp = await office.request('PUT', '/api/hotline/settings', {
    ...settings,
    smtp: {
      host: 'smtp.example.cn',
      port: 587,
      secure: false,
      user: 'hotline',
      from: 'hotline@example.cn',
      password: SMTP_PASSWORD,
    },
    version: settingsVersion,
  });
  expect(smtp.statusCode, smtp.body).toBe(200);

  // A wellbeing result shared with a coach; a consultation the coach took, with a note.
  const profile = await coach.request('PUT', '/api/counselling/profile', {
    kind: 'coach',
    specialities: ['情绪疏导'],
    languages: ['中文'],
    bio: '',
    active: true,
    version: 0,
  });
  expect(profile.statusCode, profile.body).toBe(200);
  await employee.request('POST', '/api/assessments/consents', {
    instrument: 'sas',
    textVersion: 'c1',
    accept: true,
  });
  const stored = await employee.request('POST', '/api/assessments/results', {
    instrument: 'sas',
    answers: SAS_SEVERE,
  });
  expect(stored.statusCode, stored.body).toBe(201);
  resultId = stored.json().result.id;
  const share = await employee.request('POST', '/api/assessments/shares', {
    coachPersonId: coach.person.id,
    scope: 'result',
    resultId,
  });
  expect(share.statusCode, share.body).toBe(201);
  const request = await employee.request('POST', '/api/counselling/requests', {
    message: '最近总是失眠，想聊聊',
    preferredTimes: '工作日晚上',
    contact: 'in_app',
  });
  expect(request.statusCode, request.body).toBe(201);
  consultationId = request.json().id;
  const booked = await coach.request('POST', `/api/counselling/requests/${consultationId}/book`, {
    startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    place: '工会心理服务室',
    version: await version('consultations', consultationId),
  });
  expect(booked.statusCode, booked.body).toBe(200);
  const note = await coach.request('POST', `/api/counselling/requests/${consultationId}/notes`, {
    text: '首次面谈，睡眠问题，两周后随访',
  });
  expect(note.statusCode, note.body).toBe(201);
});

afterAll(async () => {
  setMailTransportFactory();
  for (const app of apps) await app.close();
  await database.close();
});

/** What each owner reads through the API on `app`: the same under every secret configuration. */
async function everyOwnerReads(app: FastifyInstance) {
  // The confidential reporter finds their item, and the notice about it.
  const mine = (await on(app, reporter).request('GET', '/api/hotline/mine')).json() as { id: number }[];
  expect(mine.map((i) => i.id)).toContain(confidential.id);
  expect((await on(app, reporter).request('GET', `/api/hotline/mine/${confidential.id}`)).statusCode).toBe(
    200,
  );
  const notices = (await inbox(on(app, reporter))).items.filter(
    (n) => n.link === `/m/hotline/mine/${confidential.id}`,
  );
  expect(notices.map((n) => n.params)).toContainEqual(
    expect.objectContaining({ code: confidential.code, state: 'accepted' }),
  );
  // The colleague's "me too" is recognised: a second one is refused.
  const again = await on(app, colleague).request('POST', `/api/hotline/items/${shared.id}/me-too`);
  expect(again.statusCode, again.body).toBe(409);
  // The coach reads the shared result; the employee their own.
  const result = await on(app, coach).request('GET', `/api/assessments/results/${resultId}`);
  expect(result.statusCode, result.body).toBe(200);
  expect(result.json().result.band).toBe('severe');
  expect(
    (await on(app, employee).request('GET', `/api/assessments/results/${resultId}`)).json().result.band,
  ).toBe('severe');
  // The coach reads the request's words and their note.
  const request = await on(app, coach).request('GET', `/api/counselling/requests/${consultationId}`);
  expect(request.statusCode, request.body).toBe(200);
  expect(request.json().message).toBe('最近总是失眠，想聊聊');
  const notes = await on(app, coach).request('GET', `/api/counselling/requests/${consultationId}/notes`);
  expect(notes.json().map((n: { text: string }) => n.text)).toEqual(['首次面谈，睡眠问题，两周后随访']);
  // The ID card decrypts for the administrator, and is still taken for another person.
  expect((await on(app, admin).request('GET', `/api/people/${personId}/id-card`)).json()).toEqual({
    idCard: idCard.idCard,
  });
  const twin = await on(app, admin).request('POST', '/api/people', {
    employeeNo: `ROT-${Math.random().toString(36).slice(2, 8)}`,
    name: '钱双',
    gender: idCard.gender,
    unitId: workshop.id,
    idCard: idCard.idCard,
  });
  expect(twin.json().error).toMatchObject({ code: 'conflict', details: { field: 'idCard' } });
}

describe('key rotation', () => {
  let parts: RotationPart[];
  let bKeyId: string;

  it('with B current and A previous, every look-up still finds what was made under A', async () => {
    const app = await appWith([B, A]);
    bKeyId = app.lifeline.crypto.currentKeyId;
    await everyOwnerReads(app);
  });

  it('an instance on B that was not given A takes a second "me too" from the same person', async () => {
    const app = await appWith([B]);
    const again = await on(app, colleague).request('POST', `/api/hotline/items/${doubled.id}/me-too`);
    expect(again.json()).toEqual({ meToo: 2 });
  });

  it('moves every value to B, with counts per owner and kind', async () => {
    const app = await appWith([B, A]);
    parts = await rotateKeys(db(), app.lifeline.crypto);
    const counts = Object.fromEntries(parts.map((p) => [p.owner, p.counts]));
    expect(counts).toEqual({
      people: { 'ID-card numbers': 1, 'ID-card numbers of imports not yet applied': 1 },
      hotline: {
        'confidential reporters': 1,
        '"me too" votes': 2,
        '"me too" votes of closed items retired': 1,
      },
      wellbeing: { 'wellbeing results': 1 },
      counselling: { 'consultation requests': 1, "coaches' notes": 1 },
      notifications: { 'private notices': 1 },
      'e-mail': { 'SMTP password': 1 },
    });
    expect((await underOtherKeys(bKeyId)).filter((r) => r.n > 0)).toEqual([]);
    // The person who said "me too" under both secrets keeps one vote.
    const votes = await queryOne<{ me_too: number; n: number }>(
      db(),
      sql`select me_too, (select count(*)::int from hotline_me_too where item_id = ${doubled.id}) as n
        from hotline_items where id = ${doubled.id}`,
    );
    expect(votes).toEqual({ me_too: 1, n: 1 });
    // The closed item's vote still counts, under a random token that no secret links to anyone.
    const retired = await queryRows<{ voter_hash: string }>(
      db(),
      sql`select voter_hash from hotline_me_too where item_id = ${closed.id}`,
    );
    expect(retired.map((v) => v.voter_hash)).toEqual([expect.stringMatching(/^retired:[0-9a-f-]{36}$/)]);
  });

  it('changes nothing when run again', async () => {
    const app = await appWith([B, A]);
    const again = await rotateKeys(db(), app.lifeline.crypto);
    for (const part of again) for (const n of Object.values(part.counts)) expect(n, part.owner).toBe(0);
  });

  it('with B alone, every owner still reads their data', async () => {
    const app = await appWith([B]);
    await everyOwnerReads(app);
    // The handler's reply tells the confidential reporter: their identity decrypts under B.
    const reply = await on(app, handler).request('POST', `/api/hotline/items/${confidential.id}/reply`, {
      text: '已在核实',
    });
    expect(reply.statusCode, reply.body).toBe(200);
    const told = (await inbox(on(app, reporter))).items.filter(
      (n) => n.link === `/m/hotline/mine/${confidential.id}`,
    );
    expect(told.map((n) => n.kind).sort()).toEqual(['hotline.replied', 'hotline.state']);
    // The SMTP password decrypts for delivery.
    const sent: MailTransportOptions[] = [];
    setMailTransportFactory((options) => {
      sent.push(options);
      return { sendMail: async () => ({}), close: () => undefined };
    });
    await db().transaction((tx) =>
      enqueueOutbound(tx, { channel: 'email', target: 'office@example.cn', subject: 's', body: 'b' }),
    );
    await drainJobs(app);
    expect(sent.map((o) => o.auth)).toEqual([{ user: 'hotline', pass: SMTP_PASSWORD }]);
    // The import checked under A is applied under B: the new person's ID card reads.
    const commit = await on(app, admin).request('POST', `/api/people/imports/${importId}/commit`, {
      mode: 'all',
    });
    expect(commit.statusCode, commit.body).toBe(202);
    await drainJobs(app);
    expect((await on(app, admin).request('GET', `/api/people/imports/${importId}`)).json()).toMatchObject({
      state: 'done',
      created: 1,
    });
    const imported = await queryOne<{ id: string }>(
      db(),
      sql`select id from people where employee_no = 'ROT-IMP'`,
    );
    expect((await on(app, admin).request('GET', `/api/people/${imported!.id}/id-card`)).json()).toEqual({
      idCard: importedCard.idCard,
    });
    // And the second "me too" is refused there too.
    const again = await on(app, colleague).request('POST', `/api/hotline/items/${doubled.id}/me-too`);
    expect(again.statusCode).toBe(409);
  });
});
