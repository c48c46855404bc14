import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import { buildUnit, type Client, loginAs, ORIGIN } from '../../test/factories.js';
import { buildTestApp, type TestApp, testConfig } from '../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';

let t: TestApp;
let employee: Client;
let admin: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const root = await buildUnit(t.app.lifeline.database.db);
  employee = await loginAs(t.app, root);
  admin = await loginAs(t.app, root, [['sysadmin', root]]);
});
afterAll(() => t.close());

const fill = (n: number, v: number) => Array.from({ length: n }, () => v);
const score = (c: Client, instrument: string, answers: unknown) =>
  c.request('POST', '/api/assessments/score', { instrument, answers });

/** Rows of every table in every schema of ours (migrations included), by name. */
async function rowCounts(app: FastifyInstance): Promise<Record<string, number>> {
  const db = app.lifeline.database.db;
  const tables = await queryRows<{ s: string; t: string }>(
    db,
    sql`select table_schema as s, table_name as t from information_schema.tables
        where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const { s, t: name } of tables) {
    const q = `select count(*)::int as n from "${s.replace(/"/g, '""')}"."${name.replace(/"/g, '""')}"`;
    counts[`${s}.${name}`] = (await queryOne<{ n: number }>(db, sql.raw(q)))!.n;
  }
  return counts;
}

describe('self-assessment instruments', () => {
  it('lists the built-in instruments with items, options, reverse items and versions', async () => {
    const res = await employee.request('GET', '/api/assessments/instruments');
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.map((d: { code: string }) => d.code)).toEqual(['sas', 'sds', 'phq9', 'gad7', 'riasec']);
    const sas = list[0];
    expect(sas).toMatchObject({
      version: '1.0',
      reverseItems: [5, 9, 13, 17, 19],
      scoring: { kind: 'total', multiplier: 1.25, rounding: 'floor', norms: { version: 'cn-1' } },
    });
    expect(sas.items).toHaveLength(20);
    expect(sas.items[0].text).toEqual({ zh: expect.any(String), en: expect.any(String) });
    expect(sas.options.map((o: { value: number }) => o.value)).toEqual([1, 2, 3, 4]);
    expect(list[2].flags).toEqual([
      expect.objectContaining({ item: 9, op: 'gt', value: 0, code: 'self_harm_item' }),
    ]);
    expect(list[4]).toMatchObject({ scoring: { kind: 'profile', codeLength: 3 } });
    expect(list[4].items).toHaveLength(48);
  });

  it('answers 401 to anonymous callers of both routes', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/assessments/instruments' });
    expect(anonymous.statusCode).toBe(401);
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/assessments/score',
      headers: { origin: ORIGIN },
      payload: { instrument: 'sas', answers: fill(20, 1) },
    });
    expect(post.statusCode).toBe(401);
  });
});

describe('POST /api/assessments/score', () => {
  it('scores SAS across the first band edge (raw 39 → 48 normal, raw 40 → 50 mild)', async () => {
    // Fifteen forward items at 2, the five reverse items answered 3 (counting 2): 40.
    const forty = fill(20, 2).map((v, i) => ([5, 9, 13, 17, 19].includes(i + 1) ? 3 : v));
    const res = await score(employee, 'sas', forty);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      kind: 'total',
      instrument: 'sas',
      instrumentVersion: '1.0',
      normVersion: 'cn-1',
      raw: 40,
      standard: 50,
      band: 'mild',
      flags: [],
    });
    const thirtyNine = [...forty];
    thirtyNine[0] = 1;
    expect((await score(employee, 'sas', thirtyNine)).json()).toMatchObject({
      raw: 39,
      standard: 48,
      band: 'normal',
    });
  });

  it('scores SDS with the integer part (raw 42 → 52, normal)', async () => {
    // Reverse items answered 2 count 3 (30), forward items answered 1 (10), items 1 and 3 raised to 2.
    const reverse = [2, 5, 6, 11, 12, 14, 16, 17, 18, 20];
    const answers = fill(20, 1).map((v, i) => (reverse.includes(i + 1) ? 2 : v));
    answers[0] = 2;
    answers[2] = 2;
    expect((await score(employee, 'sds', answers)).json()).toMatchObject({
      raw: 42,
      standard: 52,
      band: 'normal',
      instrumentVersion: '1.0',
      flags: [],
    });
  });

  it('flags PHQ-9 item 9 above 0 with a minimal total, and bands GAD-7', async () => {
    expect((await score(employee, 'phq9', [0, 0, 0, 0, 0, 0, 0, 0, 1])).json()).toEqual({
      kind: 'total',
      instrument: 'phq9',
      instrumentVersion: '1.0',
      normVersion: 'std-1',
      raw: 1,
      standard: 1,
      band: 'minimal',
      flags: ['self_harm_item'],
    });
    expect((await score(employee, 'phq9', [3, 3, 3, 3, 3, 3, 0, 0, 0])).json()).toMatchObject({
      band: 'moderately_severe',
      flags: [],
    });
    expect((await score(admin, 'gad7', [3, 3, 3, 3, 3, 0, 0])).json()).toMatchObject({
      raw: 15,
      band: 'severe',
    });
  });

  it('answers the career profile and code for the RIASEC inventory', async () => {
    const list = (await employee.request('GET', '/api/assessments/instruments')).json();
    const items: { dimension: string }[] = list.find((d: { code: string }) => d.code === 'riasec').items;
    const like: Record<string, number> = { R: 1, I: 4, A: 5, S: 3, E: 2, C: 2 };
    const res = await score(
      employee,
      'riasec',
      items.map((i) => like[i.dimension]),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      kind: 'profile',
      instrument: 'riasec',
      instrumentVersion: '1.0',
      normVersion: null,
      profile: [
        { dimension: 'R', score: 8 },
        { dimension: 'I', score: 32 },
        { dimension: 'A', score: 40 },
        { dimension: 'S', score: 24 },
        { dimension: 'E', score: 16 },
        { dimension: 'C', score: 16 },
      ],
      code: 'AIS',
      tied: false,
      flags: [],
    });
  });

  it('answers 400 validation_failed naming the item for a wrong number of answers', async () => {
    const short = await score(employee, 'sas', fill(19, 1));
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toEqual({
      code: 'validation_failed',
      message: 'Self-Rating Anxiety Scale (SAS): 20 answers are needed, 19 were given: no answer for item 20',
      details: {
        issues: [
          {
            path: 'body.answers',
            item: 20,
            message: '20 answers are needed, 19 were given: no answer for item 20',
          },
        ],
      },
    });
    const long = await score(employee, 'gad7', fill(8, 0));
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toContain('item 8 does not exist');
    expect(long.json().error.details.issues[0].item).toBe(8);
  });

  it('answers 400 validation_failed naming each item whose value is out of range', async () => {
    const answers: unknown[] = fill(9, 0);
    answers[6] = 4;
    answers[8] = -1;
    const res = await score(employee, 'phq9', answers);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe(
      'Patient Health Questionnaire (PHQ-9): Item 7: 4 is out of range (answers are 0, 1, 2, 3) (and 1 more)',
    );
    expect(error.details.issues).toEqual([
      { path: 'body.answers.6', item: 7, message: 'Item 7: 4 is out of range (answers are 0, 1, 2, 3)' },
      { path: 'body.answers.8', item: 9, message: 'Item 9: -1 is out of range (answers are 0, 1, 2, 3)' },
    ]);
    const text = await score(employee, 'gad7', [0, 'often', 0, 0, 0, 0, 0]);
    expect(text.statusCode).toBe(400);
    expect(text.json().error.details.issues).toEqual([
      {
        path: 'body.answers.1',
        item: 2,
        message: 'Item 2: the answer must be one of 0, 1, 2, 3, not "often"',
      },
    ]);
  });

  it('answers 400 for an unknown instrument or a body without a list of answers', async () => {
    const unknown = await score(employee, 'mmpi', [1, 2]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({
      code: 'validation_failed',
      message: 'Unknown instrument "mmpi": use one of sas, sds, phq9, gad7, riasec',
      details: { issues: [{ path: 'body.instrument' }] },
    });
    const notAList = await score(employee, 'sas', '1,2,3');
    expect(notAList.statusCode).toBe(400);
    expect(notAList.json().error.code).toBe('validation_failed');
    const tooMany = await score(employee, 'sas', fill(301, 1));
    expect(tooMany.statusCode).toBe(400);
  });

  it('stores nothing: every table keeps its row count, audit_events included', async () => {
    const before = await rowCounts(t.app);
    expect(Object.keys(before)).toContain('public.audit_events');
    const calls: [string, unknown][] = [
      ['sas', fill(20, 4)],
      ['sds', fill(20, 3)],
      ['phq9', fill(9, 3)],
      ['gad7', fill(7, 2)],
      ['riasec', fill(48, 4)],
      ['sas', fill(19, 4)],
      ['phq9', fill(9, 7)],
      ['nope', []],
    ];
    for (const [instrument, answers] of calls) {
      for (const c of [employee, admin]) await score(c, instrument, answers);
    }
    await employee.request('GET', '/api/assessments/instruments');
    expect(await rowCounts(t.app)).toEqual(before);
  });
});

describe('request log', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const lines: string[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await buildApp({ config: testConfig(), database, logger: { level: 'trace', stream } });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('records neither the answers nor the result, even at trace level', async () => {
    const root = await buildUnit(app.lifeline.database.db);
    const c = await loginAs(app, root);
    const answers = [3, 1, 2, 3, 0, 2, 1, 3, 2];
    const ok = await c.request('POST', '/api/assessments/score', { instrument: 'phq9', answers });
    expect(ok.statusCode).toBe(200);
    const bad = await c.request('POST', '/api/assessments/score', { instrument: 'phq9', answers: [9] });
    expect(bad.statusCode).toBe(400);
    const log = lines.join('');
    expect(log).toContain('/api/assessments/score');
    for (const secret of ['answers', JSON.stringify(answers), 'moderate', 'self_harm_item', 'out of range']) {
      expect(log, secret).not.toContain(secret);
    }
  });

  it('records neither answers nor results of a stored result, nor what a coach reads of it', async () => {
    const root = await buildUnit(app.lifeline.database.db);
    const c = await loginAs(app, root);
    const answers = [3, 3, 3, 3, 3, 3, 3, 3, 2];
    await c.request('POST', '/api/assessments/consents', {
      instrument: 'phq9',
      textVersion: 'c1',
      accept: true,
    });
    const stored = await c.request('POST', '/api/assessments/results', { instrument: 'phq9', answers });
    expect(stored.statusCode).toBe(201);
    expect((await c.request('GET', `/api/assessments/results/${stored.json().result.id}`)).statusCode).toBe(
      200,
    );
    const log = lines.join('');
    expect(log).toContain('/api/assessments/results');
    for (const secret of [JSON.stringify(answers), 'severe', 'self_harm_item', 'phq9']) {
      expect(log, secret).not.toContain(secret);
    }
  });
});
