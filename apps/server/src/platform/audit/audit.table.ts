import { sql } from 'drizzle-orm';
import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../db/columns.js';

/** Append-only trail of every change; a trigger refuses UPDATE and DELETE on it. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: idColumn(),
    at: tsColumn('at').notNull().default(NOW),
    actorPersonId: refColumn('actor_person_id'),
    actorRole: text('actor_role'),
    actorUnitId: refColumn('actor_unit_id'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    /** The org unit the changed record belongs to, for subtree-scoped viewing. */
    unitId: bigint('unit_id', { mode: 'number' }),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    ip: text('ip'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at.desc()),
    index('audit_events_record_idx').on(t.recordType, t.recordId, t.at.desc()),
    index('audit_events_actor_idx').on(t.actorPersonId, t.at.desc()),
    index('audit_events_unit_idx').on(t.unitId, t.at.desc()),
    index('audit_events_action_idx').on(t.action, t.at.desc()),
    index('audit_events_has_unit_idx').on(t.id).where(sql`${t.unitId} is not null`),
  ],
);
