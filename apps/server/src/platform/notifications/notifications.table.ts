import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../db/columns.js';

/**
 * A person's inbox. A notification carries a kind and parameters, not a sentence, so that the
 * web app words it in the reader's language.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    personId: refColumn('person_id').notNull(),
    kind: text('kind').notNull(),
    params: jsonb('params')
      .$type<Record<string, string | number | null>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    link: text('link'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    readAt: tsColumn('read_at'),
  },
  (t) => [index('notifications_person_idx').on(t.personId, t.id)],
);
