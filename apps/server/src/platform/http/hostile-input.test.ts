import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildUnit, type Client, loginAs, ORIGIN, type Unit } from '../../test/factories.js';
import { testConfig } from '../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';

/**
 * Input that a browser never sends but an attacker does: NUL characters, lone surrogates,
 * broken multipart bodies, ids of the wrong type, values the database refuses. Each answers a
 * 4xx with a stable code, and neither the answer nor the log holds the failed statement's values.
 */
let database: TestDatabase;
let app: FastifyInstance;
const log: string[] = [];
let root: Unit;
let employee: Client;
let sysadmin: Client;
const SECRET_VALUE = 'leak-me-5678';
const SECRET_NUMBER = '98765432109';

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      log.push(String(chunk));
      done();
    },
  });
  app = await buildApp({ config: testConfig(), database, logger: { level: 'trace', stream } });
  // Routes that exist only in this test: statements that fail on the values they are given.
  const db = () => app.lifeline.database.db;
  app.post('/api/test/db/:what', { config: { access: 'public' } }, async (request) => {
    const { what } = request.params as { what: string };
    if (what === 'cast') await db().execute(sql`select ${SECRET_VALUE}::int`);
    if (what === 'range') await db().execute(sql`select ${SECRET_NUMBER}::int`);
    if (what === 'unique') {
      await db().execute(sql`insert into login_throttle (key) values (${SECRET_VALUE})`);
      await db().execute(sql`insert into login_throttle (key) values (${SECRET_VALUE})`);
    }
    if (what === 'foreign') {
      await db().execute(
        sql`insert into sessions (id, account_id, expires_at) values (${SECRET_VALUE}, 999999999, now())`,
      );
    }
    if (what === 'serialization') {
      throw new Error('wrapped', {
        cause: Object.assign(new Error('could not serialize access'), { code: '40001', severity: 'ERROR' }),
      });
    }
    if (what === 'missing-table')
      await db().execute(sql`select * from no_such_table where x = ${SECRET_VALUE}`);
    return { ok: true };
  });
  await app.ready();
  root = await buildUnit(db());
  employee = await loginAs(app, root);
  sysadmin = await loginAs(app, root, [['sysadmin', root]]);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const anonymous = (method: 'GET' | 'POST', url: string, payload?: string, contentType = 'application/json') =>
  app.inject({
    method,
    url,
    headers: { origin: ORIGIN, ...(payload === undefined ? {} : { 'content-type': contentType }) },
    ...(payload === undefined ? {} : { payload }),
  });

function expectRefused(res: { statusCode: number; body: string }, status = 400, path?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const { error } = JSON.parse(res.body);
  expect(error.code).toBe(status === 409 ? 'conflict' : 'validation_failed');
  if (path) expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  expect(res.body).not.toMatch(/select |insert into|params: |leak-me/i);
}

describe('characters the database refuses', () => {
  it('refuses a NUL character in a body, a query string and a path with 400 naming where', async () => {
    expectRefused(
      await anonymous('POST', '/api/auth/login', JSON.stringify({ login: 'a\u0000b', password: 'x' })),
      400,
      'body.login',
    );
    expectRefused(await employee.request('GET', '/api/hotline/board?q=a%00b'), 400, 'query.q');
    expectRefused(await anonymous('GET', '/api/hotline/track/AB%00CD'), 400, 'params.code');
  });

  it('refuses lone surrogates in values and in keys', async () => {
    expectRefused(
      await anonymous('POST', '/api/assessments/score', '{"instrument":"\\ud800","answers":[]}'),
      400,
      'body.instrument',
    );
    expectRefused(
      await sysadmin.request('PUT', '/api/hotline/settings', '{"x\\udc00":1}', {
        'content-type': 'application/json',
      }),
      400,
    );
  });

  it('refuses NUL in a multipart text field, also inside a JSON field', async () => {
    const boundary = 'xxBOUNDARYxx';
    const form = (value: string) =>
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${value}\r\n--${boundary}--\r\n`,
      );
    const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
    const item = { category: 'canteen', title: 'lunch\u0000queue', description: 'a long enough description' };
    expectRefused(
      await employee.request('POST', '/api/hotline/items', form(JSON.stringify(item)), headers),
      400,
    );
    expectRefused(await employee.request('POST', '/api/hotline/items', form('a\u0000b'), headers), 400);
  });
});

describe('upload parsers', () => {
  const routes: [string, string][] = [
    ['POST', '/api/hotline/items'],
    ['POST', '/api/people/imports'],
    ['PUT', '/api/counselling/profile/photo'],
    ['POST', '/api/innovation/projects/1/attachments'],
  ];
  it('answers a multipart body without a boundary, or garbage, with 400', async () => {
    for (const [method, url] of routes) {
      for (const [contentType, payload] of [
        ['multipart/form-data', 'garbage'],
        ['multipart/form-data; boundary=zz', 'garbage without any boundary'],
        [
          'multipart/form-data; boundary=zz',
          '--zz\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc',
        ],
      ]) {
        const res = await sysadmin.request(method as 'POST', url, payload, { 'content-type': contentType });
        expect(res.statusCode, `${method} ${url} ${contentType}: ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${method} ${url} ${contentType}: ${res.body}`).toBeLessThan(500);
      }
    }
  });
});

describe('ids by type', () => {
  it('answers a file id that is not a UUID with 400', async () => {
    for (const url of [
      '/api/innovation/projects/1/attachments/not-a-uuid',
      '/api/hotline/items/1/photos/not-a-uuid',
      '/api/hotline/mine/1/photos/not-a-uuid',
      '/api/hotline/track/ABCD/photos/not-a-uuid',
    ]) {
      const res = await sysadmin.request('GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
    }
    const del = await sysadmin.request('DELETE', '/api/innovation/projects/1/attachments/not-a-uuid');
    expect(del.statusCode).toBe(400);
  });
});

describe('database errors caused by input', () => {
  it('answers data exceptions 400, unique and foreign-key violations and serialization failures 409', async () => {
    expectRefused(await anonymous('POST', '/api/test/db/cast', '{}'), 400);
    expectRefused(await anonymous('POST', '/api/test/db/range', '{}'), 400);
    expectRefused(await anonymous('POST', '/api/test/db/unique', '{}'), 409);
    expectRefused(await anonymous('POST', '/api/test/db/foreign', '{}'), 409);
    expectRefused(await anonymous('POST', '/api/test/db/serialization', '{}'), 409);
  });

  it('keeps a failed statement’s parameters out of the answer and the log', async () => {
    log.length = 0;
    const res = await anonymous('POST', '/api/test/db/missing-table', '{}');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    await anonymous('POST', '/api/test/db/cast', '{}');
    await anonymous('POST', '/api/test/db/range', '{}');
    await anonymous('POST', '/api/test/db/unique', '{}');
    const text = log.join('');
    expect(text).toContain('no_such_table');
    expect(text).toContain('42P01');
    expect(text).toContain('22003');
    expect(text).not.toContain(SECRET_VALUE);
    expect(text).not.toContain(SECRET_NUMBER);
  });
});
