import {
  DELEGABLE_BY_UNIT_ADMIN,
  type TRole,
  type TRoleAssignment,
  type ZRoleAssignmentCreate,
  type ZRoleAssignmentQuery,
} from '@lifeline/shared';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import {
  type Actor,
  auditActor,
  authorize,
  canOn,
  type Grant,
  scopeSql,
} from '../../platform/authz/actor.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { SHANGHAI_TODAY } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findUnit } from '../org-units/org-units.service.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { findPerson } from '../people/people.service.js';
import { people } from '../people/people.table.js';
import { roleAssignments } from './roles.table.js';

const active = sql<boolean>`(${roleAssignments.startsOn} is null or ${roleAssignments.startsOn} <= ${SHANGHAI_TODAY})
  and (${roleAssignments.endsOn} is null or ${roleAssignments.endsOn} >= ${SHANGHAI_TODAY})`;

const selection = {
  a: roleAssignments,
  personName: people.name,
  employeeNo: people.employeeNo,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  active,
};

/** A unit administrator hands out only the working roles, never administrator roles. */
function mayGrant(grant: Grant, role: TRole): boolean {
  return grant.role === 'sysadmin' || DELEGABLE_BY_UNIT_ADMIN.includes(role);
}

function present(
  actor: Actor,
  r: {
    a: typeof roleAssignments.$inferSelect;
    personName: string;
    employeeNo: string;
    unitName: string;
    unitPath: string;
    active: boolean;
  },
): TRoleAssignment {
  let revoke = false;
  try {
    revoke =
      canOn(actor, 'role.assign', r.unitPath) &&
      mayGrant(authorize(actor, 'role.assign', r.unitPath), r.a.role as TRole);
  } catch {
    revoke = false;
  }
  return {
    id: r.a.id,
    personId: r.a.personId,
    personName: r.personName,
    employeeNo: r.employeeNo,
    role: r.a.role as TRole,
    unitId: r.a.unitId,
    unitName: r.unitName,
    startsOn: r.a.startsOn,
    endsOn: r.a.endsOn,
    active: r.active,
    createdAt: r.a.createdAt,
    abilities: { revoke: revoke && (r.a.endsOn === null || r.active) },
  };
}

export async function listAssignments(db: Db, actor: Actor, q: z.infer<typeof ZRoleAssignmentQuery>) {
  const conditions: SQL[] = [scopeSql(actor, 'role.read', orgUnits.path)];
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    authorize(actor, 'role.read', unit.path, 'Unit');
    conditions.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.personId) conditions.push(eq(roleAssignments.personId, q.personId));
  if (q.role) conditions.push(eq(roleAssignments.role, q.role));
  if (!q.includeEnded)
    conditions.push(
      sql`(${roleAssignments.endsOn} is null or ${roleAssignments.endsOn} >= ${SHANGHAI_TODAY})`,
    );
  const where = and(...conditions);
  const base = () =>
    db
      .select(selection)
      .from(roleAssignments)
      .innerJoin(people, eq(people.id, roleAssignments.personId))
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId));
  const [rows, [{ total }]] = await Promise.all([
    base()
      .where(where)
      .orderBy(orgUnits.path, roleAssignments.role, people.namePinyin, desc(roleAssignments.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ total: sql<number>`count(*)::int` })
      .from(roleAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
      .where(where),
  ]);
  return { items: rows.map((r) => present(actor, r)), total, page: q.page, pageSize: q.pageSize };
}

async function findAssignment(db: Db, id: number) {
  const [row] = await db
    .select(selection)
    .from(roleAssignments)
    .innerJoin(people, eq(people.id, roleAssignments.personId))
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
    .where(eq(roleAssignments.id, id));
  if (!row) throw notFound('Role assignment');
  return row;
}

/** Assigns a role on a unit (and so its subtree) to a person. */
export async function assignRole(db: Db, actor: Actor, input: z.infer<typeof ZRoleAssignmentCreate>) {
  if (input.role === 'employee') {
    throw new AppError('validation_failed', 'Everyone with an account is an employee; it is not assigned', {
      field: 'role',
    });
  }
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    const grant = authorize(actor, 'role.assign', unit.path, 'Unit');
    if (!mayGrant(grant, input.role))
      throw new AppError('forbidden', `You may not assign the role ${input.role}`);
    if (unit.dissolvedOn) throw new AppError('conflict', 'The unit is dissolved');
    const person = await findPerson(tx, input.personId);
    authorize(actor, 'person.read', person.unitPath, 'Person');
    const [dup] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.personId, input.personId),
          eq(roleAssignments.role, input.role),
          eq(roleAssignments.unitId, input.unitId),
          sql`(${roleAssignments.endsOn} is null or ${roleAssignments.endsOn} >= ${SHANGHAI_TODAY})`,
        ),
      );
    if (dup) throw new AppError('conflict', 'This person already holds this role on this unit');
    const [row] = await tx
      .insert(roleAssignments)
      .values({
        ...input,
        startsOn: input.startsOn ?? null,
        endsOn: input.endsOn ?? null,
        createdBy: actor.personId,
      })
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'role.assign',
      recordType: 'role_assignment',
      recordId: row.id,
      unitId: unit.id,
      details: { personId: person.id, role: input.role, startsOn: row.startsOn, endsOn: row.endsOn },
    });
    return present(actor, await findAssignment(tx, row.id));
  });
}

/** Ends an assignment as of yesterday (history kept); one not yet started is removed. */
export async function revokeRole(db: Db, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const current = await findAssignment(tx, id);
    const grant = authorize(actor, 'role.assign', current.unitPath, 'Role assignment');
    if (!mayGrant(grant, current.a.role as TRole))
      throw new AppError('forbidden', `You may not revoke the role ${current.a.role}`);
    const today = shanghaiDate(new Date());
    if (current.a.endsOn !== null && current.a.endsOn < today)
      throw new AppError('invalid_transition', 'This assignment has already ended');
    if (current.a.role === 'sysadmin') {
      const [{ n }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.role, 'sysadmin'), active));
      if (n <= 1 && current.active)
        throw new AppError('conflict', 'The last system administrator cannot be removed');
    }
    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    if (current.a.startsOn && current.a.startsOn > yesterday) {
      await tx.delete(roleAssignments).where(eq(roleAssignments.id, id));
    } else {
      await tx.update(roleAssignments).set({ endsOn: yesterday }).where(eq(roleAssignments.id, id));
    }
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'role.revoke',
      recordType: 'role_assignment',
      recordId: id,
      unitId: current.a.unitId,
      changes: { endsOn: { before: current.a.endsOn, after: yesterday } },
      details: { personId: current.a.personId, role: current.a.role },
    });
  });
}
