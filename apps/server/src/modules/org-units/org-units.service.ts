import {
  PARTY_MEMBER_STATUSES,
  type TOrgUnitCreate,
  type TOrgUnitTreeNode,
  type TOrgUnitUpdate,
  type TUnitType,
} from '@lifeline/shared';
import { and, asc, eq, sql } from 'drizzle-orm';
import { diffFields, writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { forgetActors } from '../../platform/authz/actor-cache.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { pinyinKey } from '../../platform/text/pinyin.js';
import { standsSql } from './dissolution.js';
import { orgUnitPolicy as policy, unitRecord, unitTypePolicy } from './org-units.policy.js';
import { type OrgUnitRow, presentOrgUnit } from './org-units.presenter.js';
import { orgUnits, orgUnitTypes } from './org-units.table.js';

const partyStatuses = sql.join(
  PARTY_MEMBER_STATUSES.map((s) => sql`${s}`),
  sql`, `,
);

/** Loads a unit or answers 404. */
export async function findUnit(db: Db, id: number): Promise<OrgUnitRow> {
  const [row] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!row) throw notFound('Unit');
  return row;
}

/** A unit the caller may see, or 404. */
export async function getUnit(db: Db, actor: Actor, id: number): Promise<OrgUnitRow> {
  const unit = await findUnit(db, id);
  policy.authorize(actor, 'read', unitRecord(unit));
  return unit;
}

/**
 * The units in the caller's scope with headcounts of active people and Party members, per unit
 * (from the roster's rollup, people_headcounts, not a count over the roster) and per subtree
 * (added up in one pass).
 */
export async function unitTree(db: Db, actor: Actor, includeDissolved: boolean): Promise<TOrgUnitTreeNode[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select u.id, u.parent_id, u.path, u.depth, u.name, u.short_name, u.code, u.type, u.sort_order,
               u.name_pinyin, u.established_on, u.dissolved_on, u.created_at, u.updated_at, u.version,
               coalesce(c.people, 0)::int as people, coalesce(c.party, 0)::int as party
        from org_units u
        left join (
          select unit_id, sum(people) as people,
                 sum(people) filter (where political_status in (${partyStatuses})) as party
          from people_headcounts where employment_status = 'active' group by unit_id
        ) c on c.unit_id = u.id
        where ${policy.scope(actor, 'read', sql`u.path`)}
          ${includeDissolved ? sql`` : sql`and ${standsSql(sql`u.dissolved_on`)}`}
        order by u.depth, u.sort_order, u.name_pinyin, u.id`,
  );
  const nodes = rows.map((r) => {
    const unit: OrgUnitRow = {
      id: Number(r.id),
      parentId: r.parent_id == null ? null : Number(r.parent_id),
      path: r.path as string,
      depth: r.depth as number,
      name: r.name as string,
      shortName: r.short_name as string | null,
      code: r.code as string,
      type: r.type as string,
      sortOrder: r.sort_order as number,
      namePinyin: r.name_pinyin as string,
      establishedOn: r.established_on as string | null,
      dissolvedOn: r.dissolved_on as string | null,
      createdAt: r.created_at as string,
      updatedAt: r.updated_at as string,
      version: r.version as number,
    };
    const people = r.people as number;
    const party = r.party as number;
    return {
      ...presentOrgUnit(actor, unit),
      people,
      partyMembers: party,
      subtreePeople: people,
      subtreePartyMembers: party,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (let i = nodes.length - 1; i >= 0; i -= 1) {
    const n = nodes[i];
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    if (parent) {
      parent.subtreePeople += n.subtreePeople;
      parent.subtreePartyMembers += n.subtreePartyMembers;
    }
  }
  return nodes;
}

async function assertType(db: Db, type: string): Promise<void> {
  const [row] = await db.select().from(orgUnitTypes).where(eq(orgUnitTypes.code, type));
  if (!row) throw new AppError('validation_failed', `Unknown unit type: ${type}`, { field: 'type' });
}

async function assertCodeFree(db: Db, code: string, exceptId?: number): Promise<void> {
  const [row] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code));
  if (row && row.id !== exceptId) {
    throw new AppError('conflict', `Unit code ${code} is already used`, { field: 'code' });
  }
}

/** Creates a unit under a parent the actor manages. */
export async function createUnit(db: Db, actor: Actor, input: TOrgUnitCreate): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const parent = await findUnit(tx, input.parentId);
    const grant = policy.authorize(actor, 'createChild', unitRecord(parent));
    await assertType(tx, input.type);
    await assertCodeFree(tx, input.code);
    const [created] = await tx
      .insert(orgUnits)
      .values({
        parentId: parent.id,
        path: `${parent.path}pending/`,
        depth: parent.depth + 1,
        name: input.name,
        shortName: input.shortName ?? null,
        code: input.code,
        type: input.type,
        sortOrder: input.sortOrder,
        namePinyin: pinyinKey(input.name, false),
        establishedOn: input.establishedOn ?? null,
      })
      .returning();
    const [row] = await tx
      .update(orgUnits)
      .set({ path: `${parent.path}${created.id}/` })
      .where(eq(orgUnits.id, created.id))
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'org_unit.create',
      recordType: 'org_unit',
      recordId: row.id,
      unitId: row.id,
      changes: diffFields(null, { name: row.name, code: row.code, type: row.type, parentId: row.parentId }),
    });
    return row;
  });
}

/** Applies a versioned update; a stale version answers 409 conflict and changes nothing. */
async function versionedUpdate(
  tx: Db,
  unit: OrgUnitRow,
  version: number,
  set: Partial<typeof orgUnits.$inferInsert>,
): Promise<OrgUnitRow> {
  const [row] = await tx
    .update(orgUnits)
    .set({ ...set, updatedAt: sql`now()`, version: sql`${orgUnits.version} + 1` })
    .where(and(eq(orgUnits.id, unit.id), eq(orgUnits.version, version)))
    .returning();
  if (!row) {
    throw new AppError('conflict', 'The unit was changed by someone else; reload and try again', {
      currentVersion: unit.version,
    });
  }
  return row;
}

export async function updateUnit(
  db: Db,
  actor: Actor,
  id: number,
  input: TOrgUnitUpdate,
): Promise<OrgUnitRow> {
  return db.transaction(async (tx) => {
    const unit = await findUnit(tx, id);
    const grant = policy.authorize(actor, 'update', unitRecord(unit));
    if (input.type) await assertType(tx, input.type);
    if (input.code) await assertCodeFree(tx, input.code, unit.id);
    const { version, ...fields } = input;
    const set = { ...fields, ...(fields.name ? { namePinyin: pinyinKey(fields.name, false) } : {}) };
    const row = await versionedUpdate(tx, unit, version, set);
    const keys = ['name', 'shortName', 'code', 'type', 'sortOrder', 'establishedOn'] as const;
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'org_unit.update',
      recordType: 'org_unit',
      recordId: row.id,
      unitId: row.id,
      changes: diffFields<OrgUnitRow>(unit, row, { fields: [...keys] }),
    });
    return row;
  });
}

/**
 * Moves a unit with its whole subtree under a new parent: every path in the subtree is
 * rewritten in the same transaction. A unit cannot move into its own subtree.
 */
export async function moveUnit(db: Db, actor: Actor, id: number, newParentId: number, version: number) {
  const answer = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, id);
    const grant = policy.authorize(actor, 'move', unitRecord(unit));
    const parent = await findUnit(tx, newParentId);
    policy.authorize(actor, 'receive', unitRecord(parent));
    if (parent.path.startsWith(unit.path)) {
      throw new AppError('validation_failed', 'A unit cannot be moved into its own subtree', {
        field: 'newParentId',
      });
    }
    const oldPrefix = unit.path;
    const newPrefix = `${parent.path}${unit.id}/`;
    const delta = parent.depth + 1 - unit.depth;
    const moved = await versionedUpdate(tx, unit, version, { parentId: parent.id });
    await tx.execute(sql`
      update org_units
      set path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}), depth = depth + ${delta}, updated_at = now()
      where path like ${`${oldPrefix}%`}`);
    const count = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from org_units where path like ${`${newPrefix}%`}`,
    );
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'org_unit.move',
      recordType: 'org_unit',
      recordId: unit.id,
      unitId: unit.id,
      changes: { parentId: { before: unit.parentId, after: parent.id } },
      details: { unitsMoved: count[0].n },
    });
    return findUnit(tx, moved.id);
  });
  // Grants carry their units' paths: after the commit, no session keeps the old ones.
  forgetActors('everyone');
  return answer;
}

/**
 * Dissolves a unit: it keeps its records and history but disappears from pickers and trees.
 * Child units must be dissolved or moved first.
 */
export async function dissolveUnit(db: Db, actor: Actor, id: number, dissolvedOn: string, version: number) {
  const answer = await db.transaction(async (tx) => {
    const unit = await findUnit(tx, id);
    const grant = policy.authorize(actor, 'dissolve', unitRecord(unit));
    const [child] = await tx
      .select({ id: orgUnits.id })
      .from(orgUnits)
      .where(and(eq(orgUnits.parentId, unit.id), sql`${orgUnits.dissolvedOn} is null`))
      .limit(1);
    if (child) throw new AppError('conflict', 'Dissolve or move its child units first');
    const row = await versionedUpdate(tx, unit, version, { dissolvedOn });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'org_unit.dissolve',
      recordType: 'org_unit',
      recordId: row.id,
      unitId: row.id,
      changes: { dissolvedOn: { before: null, after: dissolvedOn } },
    });
    return row;
  });
  // A role on a dissolved unit is no longer in force: after the commit, sessions reload their grants.
  forgetActors('everyone');
  return answer;
}

export async function listUnitTypes(db: Db): Promise<TUnitType[]> {
  return db.select().from(orgUnitTypes).orderBy(asc(orgUnitTypes.sortOrder), asc(orgUnitTypes.code));
}

export async function createUnitType(db: Db, actor: Actor, input: TUnitType): Promise<TUnitType> {
  return db.transaction(async (tx) => {
    const [existing] = await tx.select().from(orgUnitTypes).where(eq(orgUnitTypes.code, input.code));
    if (existing) throw new AppError('conflict', `Unit type ${input.code} exists`, { field: 'code' });
    const [row] = await tx.insert(orgUnitTypes).values(input).returning();
    const grant = unitTypePolicy.authorize(actor, 'create', {});
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'org_unit_type.create',
      recordType: 'org_unit_type',
      recordId: row.code,
      changes: diffFields(null, row),
    });
    return row;
  });
}
