import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, NOW, tsColumn } from '../db/columns.js';

/**
 * Timers and background work as rows. A job is taken with FOR UPDATE SKIP LOCKED and leased,
 * so any number of instances can run workers and a job still runs once.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    /** queued | running | done | failed | cancelled */
    status: text('status').notNull().default('queued'),
    runAt: tsColumn('run_at').notNull().default(NOW),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lockedBy: text('locked_by'),
    lockedUntil: tsColumn('locked_until'),
    lastError: text('last_error'),
    /** Optional de-duplication key: at most one live (queued or running) job per key. */
    dedupeKey: text('dedupe_key'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    finishedAt: tsColumn('finished_at'),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.status} = 'queued'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`${t.status} = 'running'`),
    uniqueIndex('jobs_dedupe_live_idx').on(t.dedupeKey).where(sql`${t.status} in ('queued', 'running')`),
  ],
);
