import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { NOW, refColumn, tsColumn } from '../db/columns.js';

/** Metadata of a stored attachment; the bytes live in the file store under `storage_key`. */
export const storedFiles = pgTable('stored_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  storageKey: text('storage_key').notNull(),
  sha256: text('sha256').notNull(),
  size: integer('size').notNull(),
  mime: text('mime').notNull(),
  originalName: text('original_name').notNull(),
  createdBy: refColumn('created_by'),
  createdAt: tsColumn('created_at').notNull().default(NOW),
});
