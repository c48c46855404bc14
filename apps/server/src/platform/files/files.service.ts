import { eq } from 'drizzle-orm';
import type { FastifyReply } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../db/types.js';
import { AppError, notFound } from '../errors.js';
import type { FileStore } from './file-store.js';
import { storedFiles } from './files.table.js';
import { saveGeneratedFile } from './generated-file.js';
import { officeTypeOfZip } from './zip-entries.js';

/** Kinds of upload a module may accept; the type is sniffed from the bytes, never trusted from the client. */
export const FILE_KINDS = {
  image: ['image/jpeg', 'image/png', 'image/webp', 'image/gif'],
  document: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'image/jpeg',
    'image/png',
  ],
  spreadsheet: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
} as const;

export type StoredFile = typeof storedFiles.$inferSelect;

/**
 * Sniffs the content type; throws unsupported_media_type unless it is one of `allowed`. A zip
 * that the sniffer could not place is an Office file when its central directory lists the
 * package's parts (streaming writers put the parts in an order the sniffer does not follow).
 */
export async function sniffType(bytes: Buffer, allowed: readonly string[]): Promise<string> {
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const mime = detected === 'application/zip' ? (officeTypeOfZip(bytes) ?? detected) : detected;
  if (!mime || !allowed.includes(mime)) {
    throw new AppError('unsupported_media_type', 'This type of file is not accepted here', {
      detected: mime ?? null,
      allowed,
    });
  }
  return mime;
}

/** Stores an upload after checking its size and sniffed type; returns the metadata row. */
export async function saveFile(
  db: Db,
  store: FileStore,
  input: {
    bytes: Buffer;
    filename: string;
    allowed: readonly string[];
    maxBytes: number;
    createdBy: number | null;
  },
): Promise<StoredFile> {
  if (input.bytes.length === 0) throw new AppError('validation_failed', 'The file is empty');
  if (input.bytes.length > input.maxBytes) {
    throw new AppError(
      'payload_too_large',
      `The file is larger than ${Math.floor(input.maxBytes / 1024)} KB`,
      {
        maxBytes: input.maxBytes,
      },
    );
  }
  const mime = await sniffType(input.bytes, input.allowed);
  return saveGeneratedFile(db, store, {
    bytes: input.bytes,
    filename: sanitizeName(input.filename),
    mime,
    createdBy: input.createdBy,
  });
}

export async function getFile(db: Db, id: string): Promise<StoredFile> {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw notFound('File');
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw notFound('File');
  return row;
}

const INLINE = new Set(['image/jpeg', 'image/png', 'image/webp', 'image/gif', 'application/pdf']);

/**
 * Streams a stored file with headers that keep it from being run as a page: its sniffed type,
 * nosniff, a sandboxing CSP, and a download disposition unless it is an image or PDF.
 */
export async function sendFile(reply: FastifyReply, store: FileStore, file: StoredFile) {
  const stream = await store.get(file.storageKey);
  const disposition = INLINE.has(file.mime) ? 'inline' : 'attachment';
  const ascii = file.originalName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', file.mime)
    .header('content-length', String(file.size))
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    )
    .header('cache-control', 'private, max-age=300')
    .header(
      'content-disposition',
      `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.originalName)}`,
    )
    .send(stream);
}

function sanitizeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, 200) || 'file';
}
