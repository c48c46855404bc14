import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../db/types.js';
import type { FileStore } from './file-store.js';
import type { StoredFile } from './files.service.js';
import { storedFiles } from './files.table.js';

/**
 * Stores a file's bytes and its metadata row, its type as given: a file the server wrote itself
 * (an export, a report) as it is, an upload once `saveFile` has checked its size and sniffed it.
 */
export async function saveGeneratedFile(
  db: Db,
  store: FileStore,
  input: { bytes: Buffer; filename: string; mime: string; createdBy: number | null },
): Promise<StoredFile> {
  const id = randomUUID();
  const key = `${id.slice(0, 2)}/${id}`;
  await store.put(key, input.bytes);
  const [row] = await db
    .insert(storedFiles)
    .values({
      id,
      storageKey: key,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      size: input.bytes.length,
      mime: input.mime,
      originalName: input.filename,
      createdBy: input.createdBy,
    })
    .returning();
  return row;
}
