import {
  ASSIGNABLE_ROLES,
  type TRole,
  type TRoleAssignment,
  type ZRoleAssignmentCreate,
  type ZRoleAssignmentQuery,
} from '@lifeline/shared';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { forgetActors } from '../../platform/authz/actor-cache.js';
import type { Holding } from '../../platform/authz/grants.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import { SHANGHAI_TODAY } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findUnit, isDissolved, orgUnits } from '../org-units/index.js';
import { findPerson, people, personPolicy } from '../people/index.js';
import { type AssignmentRecord, roleAssignmentPolicy as policy } from './roles.policy.js';
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

const notEnded = sql`(${roleAssignments.endsOn} is null or ${roleAssignments.endsOn} >= ${SHANGHAI_TODAY})`;

/**
 * SQL: the person in the column holds one of the roles today, on a unit not dissolved (as a
 * session counts grants) whose subtree covers `coveringPath` when one is given. For modules that
 * pick people by role (the coach team), so they read role assignments through this module rather
 * than its table.
 */
export function holdsRoleSql(personId: SQL, roles: readonly TRole[], coveringPath?: string): SQL {
  return sql`exists (select 1 from role_assignments ra join org_units ou on ou.id = ra.unit_id
    where ra.person_id = ${personId}
      and ra.role in (${sql.join(
        roles.map((r) => sql`${r}`),
        sql`, `,
      )})
      and (ra.starts_on is null or ra.starts_on <= ${SHANGHAI_TODAY})
      and (ra.ends_on is null or ra.ends_on >= ${SHANGHAI_TODAY})
      and (ou.dissolved_on is null or ou.dissolved_on > ${SHANGHAI_TODAY})
      ${coveringPath === undefined ? sql`` : sql`and ${coveringPath} like ou.path || '%'`})`;
}

/**
 * The roles each person holds or will hold (assignments not yet ended), on which units: what
 * "managing this person's account" and "changing this person's roles" must cover.
 */
export async function holdingsOf(db: Db, personIds: readonly number[]): Promise<Map<number, Holding[]>> {
  const ids = [...new Set(personIds)];
  const out = new Map<number, Holding[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await db
    .select({ personId: roleAssignments.personId, role: roleAssignments.role, unitPath: orgUnits.path })
    .from(roleAssignments)
    .innerJoin(orgUnits, eq(orgUnits.id, roleAssignments.unitId))
    .where(and(inArray(roleAssignments.personId, ids), notEnded));
  for (const r of rows) out.get(r.personId)?.push({ role: r.role as TRole, unitPath: r.unitPath });
  return out;
}

function present(
  actor: Actor,
  holdings: Map<number, Holding[]>,
  r: {
    a: typeof roleAssignments.$inferSelect;
    personName: string;
    employeeNo: string;
    unitName: string;
    unitPath: string;
    active: boolean;
  },
): TRoleAssignment {
  const record: AssignmentRecord = {
    role: r.a.role as TRole,
    unitPath: r.unitPath,
    personId: r.a.personId,
    holderHoldings: holdings.get(r.a.personId) ?? [],
  };
  const revoke = policy.can(actor, 'revoke', record);
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
  const conditions: SQL[] = [policy.scope(actor, 'list', orgUnits.path)];
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    policy.authorize(actor, 'list', { ...NO_HOLDER, unitPath: unit.path });
    conditions.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.personId) conditions.push(eq(roleAssignments.personId, q.personId));
  if (q.role) conditions.push(eq(roleAssignments.role, q.role));
  if (!q.includeEnded) conditions.push(notEnded);
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
  const holdings = await holdingsOf(
    db,
    rows.map((r) => r.a.personId),
  );
  return {
    items: rows.map((r) => present(actor, holdings, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
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

/** A record for the list rule, which is about a unit, not a holder. */
const NO_HOLDER = { role: 'employee', personId: 0, holderHoldings: [] } as const;

/** The roles the caller may grant on a unit (to a person, when given): the UI offers only these. */
export async function grantableRoles(db: Db, actor: Actor, unitId: number, personId?: number) {
  const unit = await findUnit(db, unitId);
  policy.authorize(actor, 'list', { ...NO_HOLDER, unitPath: unit.path });
  if (isDissolved(unit.dissolvedOn)) return [];
  let holderHoldings: Holding[] = [];
  if (personId) {
    const person = await findPerson(db, personId);
    personPolicy.authorize(actor, 'read', person);
    holderHoldings = (await holdingsOf(db, [personId])).get(personId) ?? [];
  }
  return ASSIGNABLE_ROLES.filter((role) =>
    policy.can(actor, 'grant', { role, unitPath: unit.path, personId: personId ?? 0, holderHoldings }),
  );
}

/** Assigns a role on a unit (and so its subtree) to a person. */
export async function assignRole(db: Db, actor: Actor, input: z.infer<typeof ZRoleAssignmentCreate>) {
  const answer = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, input.unitId);
    const person = await findPerson(tx, input.personId);
    personPolicy.authorize(actor, 'read', person);
    const holderHoldings = (await holdingsOf(tx, [person.id])).get(person.id) ?? [];
    const grant = policy.authorize(actor, 'grant', {
      role: input.role,
      unitPath: unit.path,
      personId: person.id,
      holderHoldings,
    });
    if (isDissolved(unit.dissolvedOn))
      throw new AppError('conflict', 'The unit is dissolved', { reason: 'unit_dissolved' });
    const [dup] = await tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.personId, input.personId),
          eq(roleAssignments.role, input.role),
          eq(roleAssignments.unitId, input.unitId),
          notEnded,
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
    const holdings = await holdingsOf(tx, [person.id]);
    return present(actor, holdings, await findAssignment(tx, row.id));
  });
  // After the commit: a session look-up racing with it cannot keep what it read before.
  forgetActors({ personId: input.personId });
  return answer;
}

/** Ends an assignment as of yesterday (history kept); one not yet started is removed. */
export async function revokeRole(db: Db, actor: Actor, id: number) {
  const personId = await db.transaction(async (tx) => {
    const current = await findAssignment(tx, id);
    const holderHoldings = (await holdingsOf(tx, [current.a.personId])).get(current.a.personId) ?? [];
    const grant = policy.authorize(actor, 'revoke', {
      role: current.a.role as TRole,
      unitPath: current.unitPath,
      personId: current.a.personId,
      holderHoldings,
    });
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
    return current.a.personId;
  });
  // After the commit: the holder's sessions lose the role at once on this instance.
  forgetActors({ personId });
}
