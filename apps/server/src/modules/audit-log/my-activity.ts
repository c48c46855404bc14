import type { TWorkbenchActivity } from '@lifeline/shared';
import { and, desc, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.table.js';
import type { Actor } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import { sensitiveSql } from './audit-log.sensitive.js';

/**
 * The caller's own latest changes, newest first, for their workbench: what, on which record,
 * when — never another person's. Logins and logouts are left out (they are not work and would
 * fill the list), and so are the sensitive categories (self-assessments, consultations): a desk's
 * start page is seen by whoever stands behind the chair, and the phone pages show those to their
 * owner. One read of the (actor, time) index.
 */
export async function myRecentActivity(db: Db, actor: Actor, limit = 10): Promise<TWorkbenchActivity[]> {
  const rows = await db
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      recordType: auditEvents.recordType,
      recordId: auditEvents.recordId,
    })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorPersonId, actor.personId),
        sql`split_part(${auditEvents.action}, '.', 1) <> 'auth'`,
        sql`not ${sensitiveSql}`,
      ),
    )
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
}
