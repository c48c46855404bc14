import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../db/columns.js';

/**
 * A person's inbox. A notification carries a kind and parameters, not a sentence, so that the
 * web app words it in the reader's language. A notice that must not tie its reader to what it is
 * about (a confidential reporter's item) names no person: it is kept under a keyed hash of the
 * reader (`recipient_key`) with its parameters and link sealed (`sealed`), and is deleted once
 * read (see private-notify.ts).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: idColumn(),
    personId: refColumn('person_id'),
    recipientKey: text('recipient_key'),
    kind: text('kind').notNull(),
    params: jsonb('params')
      .$type<Record<string, string | number | null>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    link: text('link'),
    sealed: text('sealed'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    readAt: tsColumn('read_at'),
  },
  (t) => [
    index('notifications_person_idx').on(t.personId, t.id),
    index('notifications_recipient_idx').on(t.recipientKey, t.id).where(sql`${t.recipientKey} is not null`),
    check('notifications_one_recipient', sql`(${t.personId} is null) <> (${t.recipientKey} is null)`),
  ],
);
