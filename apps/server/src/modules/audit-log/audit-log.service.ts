import type { TAuditEvent, TAuditQuery } from '@lifeline/shared';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { auditEvents } from '../../platform/audit/audit.table.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { isTopPath } from '../../platform/authz/policy.js';
import { keyset } from '../../platform/db/keyset.js';
import { escapeLike } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { findUnit, orgUnits } from '../org-units/index.js';
import { people } from '../people/index.js';
import { auditPolicy as policy } from './audit-log.policy.js';
import { isSensitive, maskSensitive, sensitiveSql } from './audit-log.sensitive.js';

type Filters = Omit<TAuditQuery, 'page' | 'pageSize'>;

/**
 * The scope of an action in SQL: events about units in the reader's subtrees, and for a reader
 * of the whole group (a grant on a top unit) also events that belong to no unit (logins, settings).
 */
function scopeOf(actor: Actor, action: 'read' | 'identify'): { sql: SQL; whole: boolean } {
  const whole = policy.scopePaths(actor, action).some(isTopPath);
  const scoped = policy.scope(actor, action, orgUnits.path);
  return { sql: whole ? sql`(${scoped} or ${auditEvents.unitId} is null)` : scoped, whole };
}

/**
 * The events a reader may see. Sensitive events (audit-log.sensitive.ts) are shown masked, and
 * only to a reader of the whole group and never under a filter that points at a person, a record
 * or a unit (which would tell who); with `reveal`, the audit administrator sees them in full
 * within the scope of `audit.identify`.
 */
async function where(db: Db, actor: Actor, q: Filters): Promise<SQL> {
  const read = scopeOf(actor, 'read');
  const conditions: SQL[] = [];
  if (q.reveal) {
    const identify = scopeOf(actor, 'identify');
    conditions.push(sql`(case when ${sensitiveSql} then ${identify.sql} else ${read.sql} end)`);
  } else {
    const narrowed = Boolean(q.unitId || q.personId || q.recordId);
    conditions.push(read.sql);
    if (!read.whole || narrowed) conditions.push(sql`not ${sensitiveSql}`);
  }
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    policy.authorize(actor, 'read', { unitPath: unit.path });
    conditions.push(sql`${orgUnits.path} like ${`${escapeLike(unit.path)}%`}`);
  }
  if (q.personId) conditions.push(eq(auditEvents.actorPersonId, q.personId));
  if (q.action) conditions.push(sql`${auditEvents.action} like ${`${escapeLike(q.action)}%`}`);
  if (q.recordType) conditions.push(eq(auditEvents.recordType, q.recordType));
  if (q.recordId) conditions.push(eq(auditEvents.recordId, q.recordId));
  if (q.from) conditions.push(gte(auditEvents.at, new Date(q.from).toISOString()));
  if (q.to) conditions.push(lt(auditEvents.at, new Date(q.to).toISOString()));
  return and(...conditions) as SQL;
}

/**
 * Revealing the people behind sensitive events needs `audit.identify` and a reason; the request
 * itself becomes an audit event, so that every identification can be accounted for.
 */
export async function recordReveal(db: Db, actor: Actor, q: Filters): Promise<void> {
  if (!q.reveal) return;
  const [top] = policy.scopePaths(actor, 'identify');
  if (!top)
    throw new AppError(
      'forbidden',
      'Only the audit administrator may reveal who is behind sensitive events',
      {
        reason: 'identify_needs_auditor',
      },
    );
  if (!q.reason)
    throw new AppError('validation_failed', 'Give the reason for revealing who is behind sensitive events', {
      issues: [{ path: 'querystring.reason', message: 'required with reveal' }],
    });
  const grant = policy.authorize(actor, 'identify', { unitPath: top });
  const { reveal: _r, reason, ...filters } = q;
  await writeAudit(db, auditActor(actor, grant), {
    action: 'audit.reveal',
    recordType: 'audit_event',
    details: { reason, filters },
  });
}

const selection = {
  e: auditEvents,
  actorName: people.name,
  unitName: orgUnits.name,
};

function present(
  r: { e: typeof auditEvents.$inferSelect; actorName: string | null; unitName: string | null },
  reveal: boolean,
): TAuditEvent {
  const event: TAuditEvent = {
    id: r.e.id,
    at: r.e.at,
    actorPersonId: r.e.actorPersonId,
    actorName: r.actorName,
    actorRole: r.e.actorRole,
    action: r.e.action,
    recordType: r.e.recordType,
    recordId: r.e.recordId,
    unitId: r.e.unitId,
    unitName: r.unitName,
    changes: r.e.changes,
    details: r.e.details,
    ip: r.e.ip,
    requestId: r.e.requestId,
    masked: false,
  };
  return !reveal && isSensitive(event.action) ? maskSensitive(event) : event;
}

/** A page of audit events, newest first; also feeds the export. */
export async function auditRows(db: Db, actor: Actor, q: Filters, offset: number, limit: number) {
  const w = await where(db, actor, q);
  const rows = await db
    .select(selection)
    .from(auditEvents)
    .leftJoin(orgUnits, eq(orgUnits.id, auditEvents.unitId))
    .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
    .where(w)
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit)
    .offset(offset);
  return rows.map((r) => present(r, q.reveal));
}

/**
 * Every event of a filtered list, newest first, read in one pass by keyset on (time, id): the
 * export of a year of audit trail does not re-read what it has written.
 */
export async function* auditBatches(db: Db, actor: Actor, q: Filters, batch = 1000) {
  const w = await where(db, actor, q);
  yield* keyset<TAuditEvent, { id: number }>(
    async (after, limit) =>
      (
        await db
          .select(selection)
          .from(auditEvents)
          .leftJoin(orgUnits, eq(orgUnits.id, auditEvents.unitId))
          .leftJoin(people, eq(people.id, auditEvents.actorPersonId))
          .where(
            after
              ? // The last row's own time, read in the database: the API's ISO form keeps milliseconds
                // only, and events of one statement share a time to the microsecond.
                and(
                  w,
                  sql`(${auditEvents.at}, ${auditEvents.id}) < (select e.at, e.id from audit_events e where e.id = ${after.id})`,
                )
              : w,
          )
          .orderBy(desc(auditEvents.at), desc(auditEvents.id))
          .limit(limit)
      ).map((r) => present(r, q.reveal)),
    (last) => ({ id: last.id }),
    batch,
  );
}

export async function listAudit(db: Db, actor: Actor, q: TAuditQuery) {
  await recordReveal(db, actor, q);
  const w = await where(db, actor, q);
  const [items, [{ total }]] = await Promise.all([
    auditRows(db, actor, q, (q.page - 1) * q.pageSize, q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(auditEvents)
      .leftJoin(orgUnits, eq(orgUnits.id, auditEvents.unitId))
      .where(w),
  ]);
  return { items, total, page: q.page, pageSize: q.pageSize };
}
