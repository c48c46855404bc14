import type { TAuditEvent, TAuditQuery } from '@lifeline/shared';
import { and, desc, eq, gte, lt, type SQL, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.table.js';
import { type Actor, authorize, can, scopeSql } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import { findUnit } from '../org-units/org-units.service.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

/**
 * Audit events an administrator may see: events about records of units in their subtree.
 * System administrators also see events without a unit (logins, settings).
 */
async function where(db: Db, actor: Actor, q: Omit<TAuditQuery, 'page' | 'pageSize'>): Promise<SQL> {
  const scoped = scopeSql(actor, 'audit.read', orgUnits.path);
  const global = actor.grants.some((g) => g.role === 'sysadmin' && g.unitPath.split('/').length === 3);
  const conditions: SQL[] = [global ? sql`(${scoped} or ${auditEvents.unitId} is null)` : scoped];
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    authorize(actor, 'audit.read', unit.path, 'Unit');
    conditions.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.personId) conditions.push(eq(auditEvents.actorPersonId, q.personId));
  if (q.action) conditions.push(sql`${auditEvents.action} like ${`${q.action.replace(/[\\%_]/g, '')}%`}`);
  if (q.recordType) conditions.push(eq(auditEvents.recordType, q.recordType));
  if (q.recordId) conditions.push(eq(auditEvents.recordId, q.recordId));
  if (q.from) conditions.push(gte(auditEvents.at, new Date(q.from).toISOString()));
  if (q.to) conditions.push(lt(auditEvents.at, new Date(q.to).toISOString()));
  return and(...conditions) as SQL;
}

const selection = {
  e: auditEvents,
  actorName: people.name,
  unitName: orgUnits.name,
};

function present(r: {
  e: typeof auditEvents.$inferSelect;
  actorName: string | null;
  unitName: string | null;
}): TAuditEvent {
  return {
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
  };
}

/** A page of audit events, newest first; `fetchRows` also feeds the export. */
export async function auditRows(
  db: Db,
  actor: Actor,
  q: Omit<TAuditQuery, 'page' | 'pageSize'>,
  offset: number,
  limit: number,
) {
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
  return rows.map(present);
}

export async function listAudit(db: Db, actor: Actor, q: TAuditQuery) {
  if (!can(actor, 'audit.read')) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
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
