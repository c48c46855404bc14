import { date, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { NOW, refColumn, tsColumn } from '../db/columns.js';

/** An administrator's correction or addition to the official calendar, for one day. */
export const calendarOverrides = pgTable('calendar_overrides', {
  day: date('day', { mode: 'string' }).primaryKey(),
  /** workday | holiday */
  kind: text('kind').notNull(),
  name: text('name'),
  updatedBy: refColumn('updated_by'),
  updatedAt: tsColumn('updated_at').notNull().default(NOW),
});

/**
 * Years whose official arrangement an administrator has entered in full (for years the
 * calendar package does not cover yet). Without a row here or package data, a year is refused.
 */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  note: text('note'),
  declaredBy: refColumn('declared_by'),
  declaredAt: tsColumn('declared_at').notNull().default(NOW),
});
