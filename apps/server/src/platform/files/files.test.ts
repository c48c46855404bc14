import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { AppError } from '../errors.js';
import { LocalFileStore } from './file-store.js';
import { FILE_KINDS, getFile, saveFile, sendFile } from './files.service.js';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-files-'));
const store = new LocalFileStore(dir);
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
  rmSync(dir, { recursive: true, force: true });
});

const save = (
  bytes: Buffer,
  filename: string,
  allowed: readonly string[] = FILE_KINDS.image,
  maxBytes = 1024,
) => saveFile(database.db, store, { bytes, filename, allowed, maxBytes, createdBy: null });

describe('file storage', () => {
  it('stores a file whose sniffed type is allowed, whatever name it came with', async () => {
    const file = await save(PNG, '../../etc/passwd.txt');
    expect(file).toMatchObject({ mime: 'image/png', size: PNG.length, originalName: 'passwd.txt' });
    expect(await store.exists(file.storageKey)).toBe(true);
    expect((await getFile(database.db, file.id)).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses content of another type (sniffed, not trusted from the name) and oversized files', async () => {
    await expect(save(Buffer.from('<html><script>alert(1)</script>'), 'photo.png')).rejects.toMatchObject({
      code: 'unsupported_media_type',
    });
    await expect(save(Buffer.concat([PNG, Buffer.alloc(2048)]), 'big.png')).rejects.toMatchObject({
      code: 'payload_too_large',
    });
    await expect(save(Buffer.alloc(0), 'empty.png')).rejects.toBeInstanceOf(AppError);
  });

  it('serves files with headers that keep them from running as pages', async () => {
    const file = await save(PNG, '照片.png');
    const app = Fastify();
    app.get('/f', (_req, reply) => sendFile(reply, store, file));
    const res = await app.inject({ method: 'GET', url: '/f' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('照片.png')}`,
    );
    expect(res.rawPayload.equals(PNG)).toBe(true);
    await app.close();
  });

  it('answers 404 for an unknown or malformed id', async () => {
    await expect(getFile(database.db, '00000000-0000-0000-0000-000000000000')).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(getFile(database.db, 'x')).rejects.toMatchObject({ code: 'not_found' });
  });
});
