import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { buildUnit, type Client, loginAs, ORIGIN, type Unit } from '../../test/factories.js';
import { testConfig } from '../../test/test-app.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';

/**
 * An anonymous filing and its follow-up by tracking code leave no client address in the
 * request log (captured here at trace level, behind a proxy that forwards the address): the
 * address would tie the anonymous item to the sessions and devices seen from it.
 */
let database: TestDatabase;
let app: FastifyInstance;
const log: string[] = [];
let unit: Unit;
let reporter: Client;

beforeAll(async () => {
  database = await createTestDatabase();
  const stream = new Writable({
    write(chunk, _enc, done) {
      log.push(String(chunk));
      done();
    },
  });
  app = await buildApp({
    config: testConfig({ trustProxy: true }),
    database,
    logger: { level: 'trace', stream },
  });
  await app.ready();
  unit = await buildUnit(app.lifeline.database.db);
  reporter = await loginAs(app, unit);
  const office = await loginAs(app, unit, [['hotline_office', unit]]);
  const rule = await office.request('POST', '/api/hotline/routing-rules', {
    category: null,
    unitId: unit.id,
    handlingUnitId: unit.id,
  });
  expect(rule.statusCode, rule.body).toBe(201);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

function filing(item: Record<string, unknown>) {
  const boundary = `----anon${Math.random().toString(16).slice(2)}`;
  return {
    payload: Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="item"\r\n\r\n${JSON.stringify(item)}\r\n--${boundary}--\r\n`,
    ),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

describe('the request log of anonymous reporters', () => {
  it('holds no client address for an anonymous filing nor for its follow-up by code', async () => {
    const f = filing({
      category: 'canteen',
      unitId: unit.id,
      title: '仓库消防通道被堵',
      description: '仓库东侧消防通道长期堆放货物，存在安全隐患。',
      visibility: 'anonymous',
    });
    log.length = 0;
    const filed = await app.inject({
      method: 'POST',
      url: '/api/hotline/items',
      remoteAddress: '198.51.100.61',
      headers: {
        cookie: reporter.cookie,
        origin: ORIGIN,
        'content-type': f.contentType,
        'x-forwarded-for': '203.0.113.77',
      },
      payload: f.payload,
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const { code, secret } = filed.json();
    const tracked = await app.inject({
      method: 'GET',
      url: `/api/hotline/track/${code}`,
      remoteAddress: '198.51.100.62',
      headers: { 'x-hotline-secret': secret, 'x-forwarded-for': '203.0.113.78' },
    });
    expect(tracked.statusCode, tracked.body).toBe(200);
    const text = log.join('');
    expect(text).toContain('/api/hotline/items');
    expect(text).toContain(`/api/hotline/track/${code}`);
    for (const address of ['203.0.113.77', '203.0.113.78', '198.51.100.61', '198.51.100.62']) {
      expect(text).not.toContain(address);
    }
  });

  it('still logs the address of other requests (the log is captured and the rule is narrow)', async () => {
    log.length = 0;
    await app.inject({
      method: 'GET',
      url: '/api/hotline/mine',
      headers: { cookie: reporter.cookie, 'x-forwarded-for': '203.0.113.79' },
    });
    expect(log.join('')).toContain('203.0.113.79');
  });
});
