import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../db/columns.js';

/**
 * A spreadsheet export that runs as a job: who asked, what (a registered kind and its
 * parameters), how far it is, and the file when it is ready. Only the person who asked may
 * read it or download the file; both go after `expires_at`.
 */
export const exportJobs = pgTable(
  'export_jobs',
  {
    id: idColumn(),
    kind: text('kind').notNull(),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    /** The account that asked (person id); the export runs with its permissions. */
    requestedBy: refColumn('requested_by').notNull(),
    /** queued | running | done | failed */
    state: text('state').notNull().default('queued'),
    total: integer('total'),
    done: integer('done').notNull().default(0),
    fileId: uuid('file_id'),
    fileName: text('file_name').notNull(),
    errorCode: text('error_code'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    finishedAt: tsColumn('finished_at'),
    expiresAt: tsColumn('expires_at').notNull(),
  },
  (t) => [index('export_jobs_requested_by_idx').on(t.requestedBy, t.createdAt)],
);
