import type { TProjectCreate, TProjectListQuery, TProjectUpdate } from '@lifeline/shared';
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { diffFields, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { findUnit, isDissolved, orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import { cyclePolicy, cycleRecord } from '../cycles/cycles.policy.js';
import { visibleCycle } from '../cycles/cycles.service.js';
import {
  assertUpdated,
  type CycleRow,
  loadCycle,
  loadProject,
  type ProjectRow,
  projectFields,
  requirePeople,
  today,
  toProjectRow,
} from '../innovation.access.js';
import { innovationCycles, innovationMilestones, innovationProjects } from '../innovation.table.js';
import { projectPolicy, projectRecord } from './projects.policy.js';
import { visibleProject } from './visible-project.js';

type Milestones = TProjectCreate['milestones'];

function assertOffered(cycle: CycleRow, level: string) {
  if (!cycle.levels.some((l) => l.level === level))
    throw new AppError('validation_failed', 'This cycle does not offer that level', {
      issues: [{ path: ['levelApplied'], message: 'This cycle does not offer that level' }],
    });
}

async function assertTeam(db: Db, leaderId: number, teamIds: number[]) {
  await requirePeople(db, [leaderId, ...teamIds], 'teamIds');
  return [...new Set(teamIds.filter((id) => id !== leaderId))];
}

async function replaceMilestones(db: Db, projectId: number, milestones: Milestones) {
  await db.delete(innovationMilestones).where(eq(innovationMilestones.projectId, projectId));
  if (milestones.length)
    await db
      .insert(innovationMilestones)
      .values(milestones.map((m, i) => ({ projectId, position: i + 1, ...m })));
}

/** A new declaration: a draft of a unit below the cycle's organising unit. */
export async function createProject(db: Db, actor: Actor, input: TProjectCreate): Promise<ProjectRow> {
  const cycle = await visibleCycle(db, actor, input.cycleId);
  const unit = await findUnit(db, input.unitId);
  // The record is the draft to be: the applicant unit's, in this cycle.
  const grant = projectPolicy.authorize(actor, 'create', {
    unitPath: unit.path,
    state: 'draft',
    reviewerIds: [],
    declaration: cycle.windows.declaration,
    today: today(),
  });
  if (!unit.path.startsWith(cycle.ownerUnitPath))
    throw new AppError('validation_failed', 'The unit is not part of this cycle', {
      issues: [{ path: ['unitId'], message: 'The unit is not part of this cycle' }],
    });
  if (isDissolved(unit.dissolvedOn))
    throw new AppError('conflict', 'The unit is dissolved', { reason: 'unit_dissolved' });
  assertOffered(cycle, input.levelApplied);
  const { milestones, cycleId, ...fields } = input;
  return db.transaction(async (tx) => {
    const teamIds = await assertTeam(tx, input.leaderId, input.teamIds);
    const [seq] = await tx
      .update(innovationCycles)
      .set({ projectSeq: sql`${innovationCycles.projectSeq} + 1` })
      .where(eq(innovationCycles.id, cycleId))
      .returning({ n: innovationCycles.projectSeq });
    const code = `${cycle.startYear}-${String(cycle.number).padStart(2, '0')}-${String(seq.n).padStart(3, '0')}`;
    const [row] = await tx
      .insert(innovationProjects)
      .values({ ...fields, teamIds, cycleId, code, createdBy: actor.personId })
      .returning();
    await replaceMilestones(tx, row.id, milestones);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.create',
      recordType: 'innovation_project',
      recordId: row.id,
      unitId: unit.id,
      details: { cycleId, title: row.title, code },
    });
    return loadProject(tx, row.id);
  });
}

/** Changes a declaration while it is a draft or returned for revision. */
export async function updateProject(
  db: Db,
  actor: Actor,
  id: number,
  input: TProjectUpdate,
): Promise<ProjectRow> {
  return db.transaction(async (tx) => {
    const current = await visibleProject(tx, actor, id, true);
    if (input.version !== current.version) assertUpdated([], 'project', current.version);
    const grant = projectPolicy.authorize(actor, 'edit', projectRecord(current));
    const { version, milestones, ...changes } = input;
    if (changes.levelApplied) assertOffered(await loadCycle(tx, current.cycleId), changes.levelApplied);
    if (changes.leaderId || changes.teamIds)
      changes.teamIds = await assertTeam(
        tx,
        changes.leaderId ?? current.leaderId,
        changes.teamIds ?? current.teamIds,
      );
    const rows = await tx
      .update(innovationProjects)
      .set({ ...changes, version: sql`${innovationProjects.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(innovationProjects.id, id), eq(innovationProjects.version, version)))
      .returning();
    const row = assertUpdated(rows, 'project', current.version);
    if (milestones) await replaceMilestones(tx, id, milestones);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_project.update',
      recordType: 'innovation_project',
      recordId: id,
      unitId: row.unitId,
      changes: diffFields(current as Record<string, unknown>, row as Record<string, unknown>, {
        fields: Object.keys(changes) as (keyof typeof row)[],
      }),
      details: milestones ? { milestones: milestones.length } : null,
    });
    return loadProject(tx, id);
  });
}

/**
 * The SQL condition for the project list (the project policy's `list`): declarers see their units'
 * projects, drafts too; readers the submitted ones (a draft is private to the applicant unit).
 */
export function visibleProjectsSql(actor: Actor): SQL {
  return sql`(${projectPolicy.scope(actor, 'listDeclared', orgUnits.path)}
    or (${innovationProjects.state} <> 'draft' and ${projectPolicy.scope(actor, 'listSubmitted', orgUnits.path)}))`;
}

/** A filtered page of the projects the caller may see (or exactly the given ones, unpaged). */
export async function listProjects(db: Db, actor: Actor, q: TProjectListQuery, ids?: number[]) {
  const where: SQL[] = [visibleProjectsSql(actor)];
  if (ids) {
    if (!ids.length) return { total: 0, items: [] };
    where.push(inArray(innovationProjects.id, ids));
    q = { ...q, page: 1, pageSize: ids.length };
  }
  if (q.cycleId) where.push(eq(innovationProjects.cycleId, q.cycleId));
  if (q.state) where.push(eq(innovationProjects.state, q.state));
  if (q.level)
    where.push(
      sql`coalesce(${innovationProjects.levelApproved}, ${innovationProjects.levelApplied}) = ${q.level}`,
    );
  if (q.category) where.push(eq(innovationProjects.category, q.category));
  if (q.unitId) {
    const unit = await findUnit(db, q.unitId);
    where.push(sql`${orgUnits.path} like ${`${unit.path}%`}`);
  }
  if (q.q) {
    const like = `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(${innovationProjects.title} ilike ${like} or ${innovationProjects.code} ilike ${like})`);
  }
  const base = db
    .select({ ...projectFields, leaderName: people.name, leaderNo: people.employeeNo })
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(innovationCycles, eq(innovationCycles.id, innovationProjects.cycleId))
    .innerJoin(people, eq(people.id, innovationProjects.leaderId))
    .where(and(...where));
  const [rows, [count]] = await Promise.all([
    base
      .orderBy(desc(innovationProjects.updatedAt), asc(innovationProjects.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(innovationProjects)
      .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
      .where(and(...where)),
  ]);
  return {
    total: count.n,
    items: rows.map((r) => ({
      ...toProjectRow(r),
      leader: { id: r.project.leaderId, name: r.leaderName, employeeNo: r.leaderNo },
    })),
  };
}

/** Counts of a cycle's applications (drafts excluded) by state, level, category and unit. */
export async function projectBoard(db: Db, actor: Actor, cycleId: number) {
  const cycle = await visibleCycle(db, actor, cycleId);
  cyclePolicy.authorize(actor, 'board', cycleRecord(cycle));
  const rows = await db
    .select({
      state: innovationProjects.state,
      level: sql<string>`coalesce(${innovationProjects.levelApproved}, ${innovationProjects.levelApplied})`,
      category: innovationProjects.category,
      unitId: orgUnits.id,
      unitName: orgUnits.name,
      n: sql<number>`count(*)::int`,
    })
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .where(
      and(
        eq(innovationProjects.cycleId, cycleId),
        sql`${innovationProjects.state} <> 'draft'`,
        projectPolicy.scope(actor, 'listSubmitted', orgUnits.path),
      ),
    )
    .groupBy(innovationProjects.state, sql`2`, innovationProjects.category, orgUnits.id, orgUnits.name);
  const add = (m: Record<string, number>, k: string, n: number) => {
    m[k] = (m[k] ?? 0) + n;
  };
  const byState: Record<string, number> = {};
  const byLevel: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  const units = new Map<number, { unitId: number; unitName: string; count: number }>();
  let total = 0;
  for (const r of rows) {
    total += r.n;
    add(byState, r.state, r.n);
    add(byLevel, r.level, r.n);
    add(byCategory, r.category, r.n);
    const u = units.get(r.unitId) ?? { unitId: r.unitId, unitName: r.unitName, count: 0 };
    u.count += r.n;
    units.set(r.unitId, u);
  }
  return {
    total,
    byState,
    byLevel,
    byCategory,
    byUnit: [...units.values()].sort((a, b) => b.count - a.count),
  };
}

/** Milestones of some projects, in plan order. */
export async function milestonesOf(db: Db, projectIds: number[]) {
  if (!projectIds.length) return [];
  return db
    .select()
    .from(innovationMilestones)
    .where(inArray(innovationMilestones.projectId, projectIds))
    .orderBy(asc(innovationMilestones.projectId), asc(innovationMilestones.position));
}
