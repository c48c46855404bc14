import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { NOW, refColumn, tsColumn } from '../db/columns.js';

/**
 * Installation-wide settings of the modules, one row per key (`wellbeing`, …), each a JSON
 * value with a version for optimistic locking. A key without a row has its module's defaults.
 */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: tsColumn('updated_at').notNull().default(NOW),
  updatedBy: refColumn('updated_by'),
});
