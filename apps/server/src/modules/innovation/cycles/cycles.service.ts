import { cyclePhase, type TCycle, type TCycleInput, type TCycleUpdate } from '@lifeline/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { diffFields, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor, authorize, canOn, scopeSql } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { findUnit } from '../../org-units/org-units.service.js';
import { orgUnits } from '../../org-units/org-units.table.js';
import { assertUpdated, type CycleRow, loadCycle, today } from '../innovation.access.js';
import { innovationCycles, innovationProjects, innovationReviews } from '../innovation.table.js';

/**
 * A cycle is visible to whoever may work on innovation anywhere below or above its organising
 * unit: the secretariat and leaders of the organising unit, and the applicant units beneath it.
 */
function visibleSql(actor: Actor) {
  const perms = ['innovation.read', 'innovation.declare', 'innovation.evaluate'] as const;
  const below = perms.map((p) => scopeSql(actor, p, orgUnits.path));
  // An applicant unit deep in the tree sees the cycles of the units above it.
  const paths = actor.grants.map((g) => g.unitPath);
  const above = paths.map((p) => sql`${p} like ${orgUnits.path} || '%'`);
  return sql.join([...below, ...above], sql` or `);
}

/** Cycles the caller can see, newest first. */
export async function listCycles(db: Db, actor: Actor): Promise<CycleRow[]> {
  const rows = await db
    .select({ cycle: innovationCycles, ownerUnitName: orgUnits.name, ownerUnitPath: orgUnits.path })
    .from(innovationCycles)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationCycles.ownerUnitId))
    .where(sql`(${visibleSql(actor)})`)
    .orderBy(desc(innovationCycles.startYear), desc(innovationCycles.number));
  return rows.map((r) => ({ ...r.cycle, ownerUnitName: r.ownerUnitName, ownerUnitPath: r.ownerUnitPath }));
}

/** One cycle the caller can see, or 404. */
export async function visibleCycle(db: Db, actor: Actor, id: number): Promise<CycleRow> {
  const cycle = await loadCycle(db, id);
  const below = ['innovation.read', 'innovation.declare', 'innovation.evaluate'].some((p) =>
    canOn(actor, p as 'innovation.read', cycle.ownerUnitPath),
  );
  const above = actor.grants.some((g) => g.unitPath.startsWith(cycle.ownerUnitPath));
  if (!below && !above) throw notFound('Cycle');
  return cycle;
}

/** True once evaluation opened or a review was submitted: the rubric is then fixed. */
export async function rubricLocked(db: Db, cycle: CycleRow): Promise<boolean> {
  if (today() >= cycle.windows.evaluation.from) return true;
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(innovationReviews)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationReviews.projectId))
    .where(and(eq(innovationProjects.cycleId, cycle.id), eq(innovationReviews.state, 'submitted')));
  return (row?.n ?? 0) > 0;
}

/** `rubricLocked` for many cycles in one query (the cycle list). */
export async function rubricLockedMany(db: Db, cycles: CycleRow[]): Promise<Set<number>> {
  const locked = new Set(cycles.filter((c) => today() >= c.windows.evaluation.from).map((c) => c.id));
  const open = cycles.filter((c) => !locked.has(c.id)).map((c) => c.id);
  if (!open.length) return locked;
  const rows = await db
    .selectDistinct({ cycleId: innovationProjects.cycleId })
    .from(innovationReviews)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationReviews.projectId))
    .where(and(inArray(innovationProjects.cycleId, open), eq(innovationReviews.state, 'submitted')));
  for (const r of rows) locked.add(r.cycleId);
  return locked;
}

export function presentCycle(actor: Actor, c: CycleRow, locked: boolean): TCycle {
  const on = (p: Parameters<typeof canOn>[1]) => canOn(actor, p, c.ownerUnitPath);
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    startYear: c.startYear,
    endYear: c.startYear + 1,
    ownerUnitId: c.ownerUnitId,
    ownerUnitName: c.ownerUnitName,
    windows: c.windows,
    levels: c.levels,
    rubric: c.rubric,
    awardTiers: c.awardTiers,
    disagreementSpread: c.disagreementSpread,
    reminderDays: c.reminderDays,
    phase: cyclePhase(c.windows, today()),
    rubricLocked: locked,
    awardStage: c.awardStage as TCycle['awardStage'],
    publicityEndsOn: c.publicityEndsOn,
    approvedListPublishedAt: c.approvedListPublishedAt,
    version: c.version,
    abilities: {
      update: on('innovation.manage'),
      declare: actor.grants.some(
        (g) => g.unitPath.startsWith(c.ownerUnitPath) && canOn(actor, 'innovation.declare', g.unitPath),
      ),
      review: on('innovation.review'),
      decide: on('innovation.decide'),
      manage: on('innovation.manage'),
    },
  };
}

/** Opens a new cycle under a unit the caller manages innovation for. */
export async function createCycle(db: Db, actor: Actor, input: TCycleInput): Promise<CycleRow> {
  const unit = await findUnit(db, input.ownerUnitId);
  const grant = authorize(actor, 'innovation.manage', unit.path, 'Unit');
  return db.transaction(async (tx) => {
    const [dup] = await tx
      .select({ id: innovationCycles.id })
      .from(innovationCycles)
      .where(and(eq(innovationCycles.ownerUnitId, unit.id), eq(innovationCycles.number, input.number)));
    if (dup) throw new AppError('conflict', `Cycle number ${input.number} already exists for this unit`);
    const [row] = await tx.insert(innovationCycles).values(input).returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_cycle.create',
      recordType: 'innovation_cycle',
      recordId: row.id,
      unitId: unit.id,
      details: { number: input.number, name: input.name },
    });
    return loadCycle(tx, row.id);
  });
}

/** Changes a cycle's settings; the rubric only until evaluation opens. */
export async function updateCycle(db: Db, actor: Actor, id: number, input: TCycleUpdate): Promise<CycleRow> {
  return db.transaction(async (tx) => {
    const current = await loadCycle(tx, id, true);
    const grant = authorize(actor, 'innovation.manage', current.ownerUnitPath, 'Cycle');
    const { version, ...changes } = input;
    if (changes.rubric && JSON.stringify(changes.rubric) !== JSON.stringify(current.rubric)) {
      if (await rubricLocked(tx, current))
        throw new AppError('invalid_transition', 'The rubric cannot change once evaluation has opened', {
          reason: 'rubric_locked',
        });
    }
    if (changes.ownerUnitId && changes.ownerUnitId !== current.ownerUnitId)
      throw new AppError('validation_failed', 'The organising unit of a cycle cannot change', {
        issues: [{ path: ['ownerUnitId'], message: 'The organising unit of a cycle cannot change' }],
      });
    const rows = await tx
      .update(innovationCycles)
      .set({ ...changes, version: sql`${innovationCycles.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(innovationCycles.id, id), eq(innovationCycles.version, version)))
      .returning();
    const row = assertUpdated(rows, 'cycle', current.version);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_cycle.update',
      recordType: 'innovation_cycle',
      recordId: id,
      unitId: current.ownerUnitId,
      changes: diffFields(current as Record<string, unknown>, row as Record<string, unknown>, {
        fields: Object.keys(changes) as (keyof typeof row)[],
      }),
    });
    return loadCycle(tx, id);
  });
}

/**
 * The cycles of the units above the caller that published something (the approved list, awards
 * in publicity or final, the conference): what every employee may read and object to.
 */
export async function publicNotices(db: Db, actor: Actor) {
  const rows = await db
    .select({ cycle: innovationCycles, ownerUnitName: orgUnits.name })
    .from(innovationCycles)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationCycles.ownerUnitId))
    .where(
      sql`${actor.unitPath} like ${orgUnits.path} || '%'
        and (${innovationCycles.approvedListPublishedAt} is not null
          or ${innovationCycles.awardStage} in ('publicity', 'final')
          or ${innovationCycles.conferenceOn} is not null)`,
    )
    .orderBy(desc(innovationCycles.startYear), desc(innovationCycles.number))
    .limit(10);
  return rows.map(({ cycle: c, ownerUnitName }) => ({
    cycleId: c.id,
    number: c.number,
    name: c.name,
    ownerUnitName,
    approvedListPublishedAt: c.approvedListPublishedAt,
    awardStage: c.awardStage as TCycle['awardStage'],
    publicityEndsOn: c.publicityEndsOn,
    conferenceName: c.conferenceName,
    conferenceOn: c.conferenceOn,
  }));
}
