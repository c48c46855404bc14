import { createHash, randomBytes } from 'node:crypto';
import type { TRole } from '@lifeline/shared';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor, Grant } from '../../platform/authz/actor.js';
import { queryOne, queryRows, SHANGHAI_TODAY } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { sessions } from './auth.table.js';

export const SESSION_COOKIE = 'lifeline_session';
/** Idle expiry (no request for this long ends the session) and absolute expiry. */
export const SESSION_IDLE_MINUTES = 12 * 60;
export const SESSION_MAX_HOURS = 7 * 24;
/** last_seen_at is written at most this often, to keep reads from turning into writes. */
const TOUCH_EVERY_SECONDS = 60;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Creates a session and returns the cookie value (the token; only its hash is stored). */
export async function createSession(
  db: Db,
  accountId: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.insert(sessions).values({
    id: hashToken(token),
    accountId,
    expiresAt: sql`now() + make_interval(hours => ${SESSION_MAX_HOURS})`,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}

export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/** Ends every other session of the account (after a password change). */
export async function deleteOtherSessions(db: Db, accountId: number, keepSessionId: string): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.accountId, accountId), ne(sessions.id, keepSessionId)));
}

export async function deleteAllSessions(db: Db, accountId: number): Promise<void> {
  await db.delete(sessions).where(eq(sessions.accountId, accountId));
}

/**
 * Resolves a session token to the actor: the account, the person and their grants active
 * today (Asia/Shanghai), with each grant's unit path. Expired sessions resolve to null and are removed.
 */
export async function loadActor(
  db: Db,
  token: string,
  meta: { ip: string | null; requestId: string | null },
): Promise<Actor | null> {
  const id = hashToken(token);
  const row = await queryOne<{
    account_id: string;
    person_id: string;
    name: string;
    employee_no: string;
    unit_id: string;
    unit_path: string;
    must_change_password: boolean;
    fresh: boolean;
    touch: boolean;
    grants: GrantRow[] | string;
  }>(
    db,
    // One round trip per request: the session, the person and their grants in force today.
    sql`select a.id as account_id, p.id as person_id, p.name, p.employee_no, p.unit_id, u.path as unit_path,
               a.must_change_password,
               (select coalesce(json_agg(json_build_object('id', r.id, 'role', r.role, 'unit_id', r.unit_id,
                         'name', ru.name, 'path', ru.path) order by r.id), '[]'::json)
                  from role_assignments r join org_units ru on ru.id = r.unit_id
                  where r.person_id = p.id and ${GRANT_IN_FORCE}) as grants,
               (s.expires_at > now() and s.last_seen_at + make_interval(mins => ${SESSION_IDLE_MINUTES}) > now()
                 and not a.disabled) as fresh,
               s.last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_SECONDS}) as touch
        from sessions s
        join accounts a on a.id = s.account_id
        join people p on p.id = a.person_id
        join org_units u on u.id = p.unit_id
        where s.id = ${id}`,
  );
  if (!row) return null;
  if (!row.fresh) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (row.touch) await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  const personId = Number(row.person_id);
  return {
    accountId: Number(row.account_id),
    sessionId: id,
    personId,
    name: row.name,
    employeeNo: row.employee_no,
    unitId: Number(row.unit_id),
    unitPath: row.unit_path,
    mustChangePassword: row.must_change_password,
    grants: toGrants(typeof row.grants === 'string' ? (JSON.parse(row.grants) as GrantRow[]) : row.grants),
    ip: meta.ip,
    requestId: meta.requestId,
  };
}

type GrantRow = { id: string | number; role: string; unit_id: string | number; name: string; path: string };

/** An assignment in force today (Shanghai date), on a unit not yet dissolved (`r` assignments, `ru` units). */
const GRANT_IN_FORCE = sql`(r.starts_on is null or r.starts_on <= ${SHANGHAI_TODAY})
  and (r.ends_on is null or r.ends_on >= ${SHANGHAI_TODAY})
  and (ru.dissolved_on is null or ru.dissolved_on > ${SHANGHAI_TODAY})`;

function toGrants(rows: GrantRow[]): Grant[] {
  return rows.map((r) => ({
    assignmentId: Number(r.id),
    role: r.role as TRole,
    unitId: Number(r.unit_id),
    unitName: r.name,
    unitPath: r.path,
  }));
}

/** Role assignments in force today (Shanghai date), on units not dissolved. */
export async function activeGrants(db: Db, personId: number): Promise<Grant[]> {
  const rows = await queryRows<GrantRow>(
    db,
    sql`select r.id, r.role, r.unit_id, ru.name, ru.path
        from role_assignments r join org_units ru on ru.id = r.unit_id
        where r.person_id = ${personId} and ${GRANT_IN_FORCE}
        order by r.id`,
  );
  return toGrants(rows);
}
