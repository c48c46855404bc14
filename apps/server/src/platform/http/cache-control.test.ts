import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, loginAs } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

/** No browser, proxy or shared computer keeps an answer that depends on who asked. */
let t: TestApp;
let employee: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const unit = await buildUnit(t.app.lifeline.database.db);
  employee = await loginAs(t.app, unit);
});
afterAll(() => t.close());

describe('Cache-Control', () => {
  it('marks personal answers no-store, also where a handler asked for private caching', async () => {
    for (const url of ['/api/me', '/api/notifications', '/api/hotline/units', '/api/hotline/mine']) {
      const res = await employee.request('GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it('marks a public route answering a logged-in caller, and error answers, no-store', async () => {
    const pub = await employee.request('GET', '/api/assessments/instruments');
    expect(pub.headers['cache-control']).toBe('no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const missing = await employee.request('GET', '/api/no-such-route');
    expect(missing.headers['cache-control']).toBe('no-store');
  });

  it('leaves the public OpenAPI document cacheable', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).not.toBe('no-store');
  });
});
