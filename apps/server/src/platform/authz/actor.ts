import { ROLE_PERMISSIONS, type TPermission, type TRole } from '@lifeline/shared';
import { type SQL, sql } from 'drizzle-orm';
import type { Actor as AuditActor } from '../audit/audit.js';
import { AppError } from '../errors.js';

/** A role held on a unit (and so on its subtree), today. */
export type Grant = { assignmentId: number; role: TRole; unitId: number; unitName: string; unitPath: string };

/** The logged-in caller of a request, with everything authorization needs. */
export type Actor = {
  accountId: number;
  sessionId: string;
  personId: number;
  name: string;
  employeeNo: string;
  unitId: number;
  unitPath: string;
  mustChangePassword: boolean;
  grants: Grant[];
  ip: string | null;
  requestId: string | null;
};

/** Grants whose role carries the permission. */
function grantsWith(actor: Actor, permission: TPermission): Grant[] {
  return actor.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
}

/** True when the actor holds the permission on at least one unit. */
export function can(actor: Actor, permission: TPermission): boolean {
  return grantsWith(actor, permission).length > 0;
}

/** True when the actor holds the permission on the unit with this path (its own or an ancestor's grant). */
export function canOn(actor: Actor, permission: TPermission, unitPath: string): boolean {
  return grantsWith(actor, permission).some((g) => unitPath.startsWith(g.unitPath));
}

/** The subtrees (paths) on which the actor holds the permission, nested ones removed. */
export function scopePaths(actor: Actor, permission: TPermission): string[] {
  const paths = [...new Set(grantsWith(actor, permission).map((g) => g.unitPath))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

/**
 * The scope as a SQL condition on a path column: `path LIKE '/1/%' OR …`, or false. List
 * queries put this in their WHERE so that the database, not JavaScript, filters by scope.
 */
export function scopeSql(actor: Actor, permission: TPermission, pathColumn: SQL | unknown): SQL {
  const paths = scopePaths(actor, permission);
  if (paths.length === 0) return sql`false`;
  const col = pathColumn as SQL;
  return sql`(${sql.join(
    paths.map((p) => sql`${col} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/**
 * The grant an actor acts with for a permission on a unit: the most specific one covering it
 * (deepest unit). With no unit (`null`), the broadest grant holding the permission.
 */
export function grantOn(actor: Actor, permission: TPermission, unitPath: string | null): Grant | null {
  const grants = grantsWith(actor, permission);
  if (unitPath === null) return grants.sort((a, b) => a.unitPath.length - b.unitPath.length)[0] ?? null;
  return (
    grants
      .filter((g) => unitPath.startsWith(g.unitPath))
      .sort((a, b) => b.unitPath.length - a.unitPath.length)[0] ?? null
  );
}

/**
 * Asserts the permission on a record's unit. Without the permission anywhere the answer is
 * 403; with it elsewhere but not here, 404, the same as a record that does not exist.
 */
export function authorize(actor: Actor, permission: TPermission, unitPath: string, what = 'Record'): Grant {
  const grants = grantsWith(actor, permission);
  if (grants.length === 0) throw new AppError('forbidden', `You may not do this (${permission})`);
  // The most specific grant (deepest unit) is the role the actor acts with.
  const match = grants
    .filter((g) => unitPath.startsWith(g.unitPath))
    .sort((a, b) => b.unitPath.length - a.unitPath.length)[0];
  if (!match) throw new AppError('not_found', `${what} not found`);
  return match;
}

/** The audit trail's view of the actor, acting with a given grant. */
export function auditActor(actor: Actor, grant?: Grant | null): AuditActor {
  return {
    personId: actor.personId,
    role: grant?.role ?? 'employee',
    unitId: grant?.unitId ?? actor.unitId,
    ip: actor.ip,
    requestId: actor.requestId,
  };
}
