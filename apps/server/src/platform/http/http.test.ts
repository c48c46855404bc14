import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { AppError } from '../errors.js';

let t: TestApp;
beforeAll(async () => {
  // Routes that exist only in this test, to see what leaves the server when things go wrong.
  t = await buildTestApp({}, (app) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/test/echo',
      {
        config: { access: 'public' },
        schema: { body: z.object({ name: z.string().min(1), n: z.number().int() }) },
      },
      async (req) => req.body,
    );
    r.get('/api/test/boom', { config: { access: 'public' } }, async () => {
      throw new Error('database password is hunter2');
    });
    r.get('/api/test/conflict', { config: { access: 'public' } }, async () => {
      throw new AppError('conflict', 'Changed by someone else', { currentVersion: 3 });
    });
  });
});
afterAll(() => t.close());

describe('health', () => {
  it('answers 503 with status unavailable when the database does not answer', async () => {
    const { buildApp } = await import('../../app.js');
    const { testConfig } = await import('../../test/test-app.js');
    const broken = {
      engine: 'postgres' as const,
      db: {
        execute: () => Promise.reject(new Error('connection refused')),
      } as unknown as TestApp['database']['db'],
      close: async () => {},
    };
    const app = await buildApp({ config: testConfig(), database: broken, logger: false });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', db: 'postgres' });
    } finally {
      await app.close();
    }
  });

  it('answers ok with the engine and version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toEqual({
      status: 'ok',
      db: t.database.engine,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(res.headers['x-request-id']).toBeTruthy();
  });
});

describe('error responses', () => {
  it('answers an unknown API route with a JSON 404 and a code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route GET /api/no-such-thing' } });
  });

  it('never serves the web app for an /api path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/people/unknown' });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  const post = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': contentType, origin: 'http://localhost:80' },
      payload,
    });

  it('answers malformed JSON with 400 bad_request', async () => {
    const res = await post('{"broken":');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('answers wrong types with 400 validation_failed naming the field', async () => {
    const res = await post(JSON.stringify({ name: 'x', n: 'three' }));
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues[0].path).toBe('body.n');
    expect((await post(JSON.stringify({ name: 'ok', n: 3 }))).json()).toEqual({ name: 'ok', n: 3 });
  });

  it('answers an oversized body with 413 payload_too_large', async () => {
    const res = await post(JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024), n: 1 }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await post('name=x', 'application/x-www-form-urlencoded');
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });

  it('answers an empty JSON body with 400', async () => {
    const res = await post('');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
  });

  it('passes an AppError through with its code, status and details', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({
      error: { code: 'conflict', message: 'Changed by someone else', details: { currentVersion: 3 } },
    });
  });

  it('turns an unknown error into a generic 500 that reveals nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/boom' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Internal error' } });
    expect(res.body).not.toContain('hunter2');
  });

  it('keeps the caller-supplied request id when it is well formed', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-12345678' },
    });
    expect(res.headers['x-request-id']).toBe('abc-12345678');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': '<script>' },
    });
    expect(bad.headers['x-request-id']).not.toBe('<script>');
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3 document listing every registered route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const route of t.app.lifeline.routes) {
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[openApiPath], `${route.method} ${route.url}`).toBeDefined();
      expect(
        doc.paths[openApiPath][route.method.toLowerCase()],
        `${route.method} ${route.url}`,
      ).toBeDefined();
    }
  });

  it('serves the browsable UI', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
