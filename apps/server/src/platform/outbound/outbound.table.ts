import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, NOW, tsColumn } from '../db/columns.js';

/**
 * Messages to the outside (e-mail, WeCom and DingTalk group robots), queued in the transaction
 * of their cause and delivered by a job with retries. A failing channel is logged here and
 * never blocks the request that caused it.
 */
export const outboundMessages = pgTable(
  'outbound_messages',
  {
    id: idColumn(),
    channel: text('channel').notNull(),
    target: text('target').notNull(),
    subject: text('subject').notNull().default(''),
    body: text('body').notNull(),
    /** queued → sent | failed (after the last attempt). */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    sentAt: tsColumn('sent_at'),
  },
  (t) => [index('outbound_messages_status_idx').on(t.status, t.id)],
);
