import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types.js';
import { notFound } from '../../../platform/errors.js';
import { getFile, type StoredFile } from '../../../platform/files/files.service.js';
import { hotlinePhotos } from '../hotline.table.js';

/** A photo of an item (the caller's right to the item is checked before). */
export async function itemPhoto(db: Db, itemId: number, fileId: string): Promise<StoredFile> {
  if (!/^[0-9a-f-]{36}$/.test(fileId)) throw notFound('Photo');
  const [row] = await db
    .select()
    .from(hotlinePhotos)
    .where(and(eq(hotlinePhotos.itemId, itemId), eq(hotlinePhotos.fileId, fileId)));
  if (!row) throw notFound('Photo');
  return getFile(db, fileId);
}
