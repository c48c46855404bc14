import { Readable } from 'node:stream';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { acceptedEncoding, MIN_COMPRESS_BYTES } from './compression.js';

/** A list as the API sends them: repetitive JSON, well above the threshold. */
const ROWS = Array.from({ length: 200 }, (_, i) => ({
  id: i + 1,
  name: `单位 ${i + 1}`,
  state: 'submitted',
}));

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({}, (app) => {
    app.get('/api/test/rows', { config: { access: 'public' } }, async () => ({ rows: ROWS }));
    app.get('/api/test/small', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/api/test/stream', { config: { access: 'public' } }, async (_request, reply) =>
      reply.type('application/json').send(Readable.from([JSON.stringify({ rows: ROWS })])),
    );
  });
});
afterAll(() => t.close());

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

describe('Accept-Encoding', () => {
  it('picks what the client prefers, brotli on a tie, nothing it refuses', () => {
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('gzip, deflate')).toBe('gzip');
    expect(acceptedEncoding('br;q=0.5, gzip')).toBe('gzip');
    expect(acceptedEncoding('br;q=0, gzip;q=0.1')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('br');
    expect(acceptedEncoding('*, br;q=0')).toBe('gzip');
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('gzip;q=0, br;q=nonsense')).toBeNull();
    expect(acceptedEncoding('')).toBeNull();
    expect(acceptedEncoding(undefined)).toBeNull();
  });
});

describe('compressed API answers', () => {
  const json = JSON.stringify({ rows: ROWS });

  it('sends a large JSON answer in brotli to a browser, and says it varies', async () => {
    const res = await get('/api/test/rows', 'gzip, deflate, br, zstd');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Number(res.headers['content-length'])).toBe(res.rawPayload.length);
    expect(res.rawPayload.length).toBeLessThan(json.length / 5);
    expect(brotliDecompressSync(res.rawPayload).toString('utf8')).toBe(json);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const res = await get('/api/test/rows', 'gzip');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(json);
  });

  it('sends it as it is to a client that accepts no compression, still varying', async () => {
    for (const accept of [undefined, 'identity']) {
      const res = await get('/api/test/rows', accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.json()).toEqual({ rows: ROWS });
    }
  });

  it('leaves small answers, errors below the threshold and streams as they are', async () => {
    const small = await get('/api/test/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.headers.vary).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
    const missing = await get('/api/no-such-route', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.body.length).toBeLessThan(MIN_COMPRESS_BYTES);
    const stream = await get('/api/test/stream', 'br');
    expect(stream.headers['content-encoding']).toBeUndefined();
    expect(stream.json()).toEqual({ rows: ROWS });
  });

  it('compresses real answers such as the OpenAPI document', async () => {
    const res = await get('/api/openapi.json', 'br');
    expect(res.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(res.rawPayload).toString('utf8')).openapi).toMatch(/^3\./);
  });
});
