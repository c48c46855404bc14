import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { refColumn } from '../../platform/db/columns.js';

/**
 * How many people each unit has, by employment status and political status: a rollup kept by
 * statement triggers on `people` in the same transaction as the change (migration 0011), so the
 * unit tree's headcounts and a list's total need no count over the roster. Derived: a backup
 * leaves it out and a restore rebuilds it through the same triggers.
 */
export const peopleHeadcounts = pgTable(
  'people_headcounts',
  {
    unitId: refColumn('unit_id').notNull(),
    employmentStatus: text('employment_status').notNull(),
    politicalStatus: text('political_status').notNull(),
    people: integer('people').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.employmentStatus, t.politicalStatus] })],
);
