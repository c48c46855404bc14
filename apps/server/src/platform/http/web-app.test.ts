import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/test-app.js';

// A web build as `vite build` leaves it: each text file with its .br and .gz beside it.
const dist = mkdtempSync(path.join(tmpdir(), 'lifeline-web-dist-'));
const INDEX = `<!doctype html><html><head><title>Lifeline</title></head><body>${'<div id="root"></div>'.repeat(20)}</body></html>`;
const SCRIPT = `export const hello = () => ${JSON.stringify('生命线 '.repeat(200))};\n`;
const STYLE = `.m-app { color: #c8102e; }\n`.repeat(50);
/** A file the build left without compressed siblings (too small to gain): sent as it is. */
const PLAIN = 'export {};\n';

function write(file: string, text: string, compressed = true): void {
  const full = path.join(dist, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  if (!compressed) return;
  writeFileSync(`${full}.br`, brotliCompressSync(text));
  writeFileSync(`${full}.gz`, gzipSync(text));
}

let t: TestApp;
beforeAll(async () => {
  write('index.html', INDEX);
  write('assets/app-1a2b3c.js', SCRIPT);
  write('assets/app-4d5e6f.css', STYLE);
  write('assets/tiny-7a8b9c.js', PLAIN, false);
  write('favicon.svg', '<svg xmlns="http://www.w3.org/2000/svg"></svg>', false);
  t = await buildTestApp({ webDist: dist });
});
afterAll(async () => {
  await t?.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
  });

/** The body as the browser reads it, after undoing the Content-Encoding. */
function decoded(res: Awaited<ReturnType<typeof get>>): string {
  const raw = res.rawPayload;
  const encoding = res.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(raw).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(raw).toString('utf8');
  expect(encoding).toBeUndefined();
  return raw.toString('utf8');
}

describe('the web app, precompressed', () => {
  const BROWSER = 'gzip, deflate, br, zstd';

  it('sends brotli to a browser that accepts it, kept for a year as it is hashed', async () => {
    const res = await get('/assets/app-1a2b3c.js', BROWSER);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 4);
    expect(decoded(res)).toBe(SCRIPT);
  });

  it('sends gzip when only gzip is accepted', async () => {
    const res = await get('/assets/app-4d5e6f.css', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(res)).toBe(STYLE);
  });

  it('sends the file as it is to a client that accepts no compression', async () => {
    for (const accept of [undefined, 'identity', 'compress']) {
      const res = await get('/assets/app-1a2b3c.js', accept);
      expect(res.statusCode, String(accept)).toBe(200);
      expect(res.headers['content-encoding'], String(accept)).toBeUndefined();
      expect(res.headers['content-type']).toMatch(/^(application|text)\/javascript/);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      // A shared cache must not hand this copy to a browser that would take brotli.
      expect(res.headers.vary).toMatch(/accept-encoding/i);
      expect(res.body).toBe(SCRIPT);
    }
  });

  it('sends a file without compressed siblings as it is, even to a browser', async () => {
    const res = await get('/assets/tiny-7a8b9c.js', BROWSER);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe(PLAIN);
  });

  it('compresses the page sent for client-side routes, which is never kept without asking', async () => {
    for (const url of ['/', '/m', '/m/hotline/new', '/innovation/projects?cycle=5']) {
      for (const [accept, encoding] of [
        [BROWSER, 'br'],
        ['gzip', 'gzip'],
        [undefined, undefined],
      ] as const) {
        const res = await get(url, accept);
        const what = `${url} with ${accept ?? 'no Accept-Encoding'}`;
        expect(res.statusCode, what).toBe(200);
        expect(res.headers['content-encoding'], what).toBe(encoding);
        expect(res.headers['content-type'], what).toMatch(/^text\/html/);
        expect(res.headers['cache-control'], what).toBe('no-cache');
        expect(res.headers.vary, what).toMatch(/accept-encoding/i);
        expect(decoded(res), what).toBe(INDEX);
      }
    }
  });

  it('answers HEAD for a page with the headers of the compressed copy', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/m', headers: { 'accept-encoding': BROWSER } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps headers only a page needs off hashed scripts and styles, and on pages', async () => {
    for (const url of ['/assets/app-1a2b3c.js', '/assets/app-4d5e6f.css', '/assets/tiny-7a8b9c.js']) {
      for (const accept of [BROWSER, undefined]) {
        const res = await get(url, accept);
        expect(res.headers['content-security-policy'], url).toBeUndefined();
        expect(res.headers['x-frame-options'], url).toBeUndefined();
        expect(res.headers['strict-transport-security'], url).toBeUndefined();
        expect(res.headers.etag, url).toBeUndefined();
        expect(res.headers['last-modified'], url).toBeUndefined();
        expect(res.headers['x-request-id'], url).toBeUndefined();
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
        expect(res.headers['referrer-policy'], url).toBe('same-origin');
      }
    }
    for (const url of ['/m/self-check', '/favicon.svg']) {
      const res = await get(url, BROWSER);
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security'], url).toContain('max-age=');
      expect(res.headers.etag, url).toBeTruthy();
    }
  });

  it('still answers a missing asset and an unknown API route with 404, never the page', async () => {
    const asset = await get('/assets/gone-000000.js', BROWSER);
    expect(asset.statusCode).toBe(404);
    expect(asset.headers['content-encoding']).toBeUndefined();
    const api = await get('/api/no-such-thing', BROWSER);
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/application\/json/);
  });
});
