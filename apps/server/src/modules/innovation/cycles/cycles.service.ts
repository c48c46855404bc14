import { cyclePhase, type TCycle, type TCycleInput, type TCycleUpdate } from '@lifeline/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { diffFields, writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { findUnit, orgUnits } from '../../org-units/index.js';
import { assertUpdated, type CycleRow, loadCycle, today } from '../innovation.access.js';
import { innovationCycles, innovationProjects, innovationReviews } from '../innovation.table.js';
import { CYCLE_ABILITIES, cyclePolicy, cycleRecord } from './cycles.policy.js';

/**
 * The cycles on the lines of the caller's grants (the cycle policy's `read`): organised by a unit
 * at or below one of the subtrees, or above it (an applicant unit deep in the tree sees the
 * cycles of the units above it).
 */
function visibleSql(actor: Actor) {
  const paths = cyclePolicy.scopePaths(actor, 'read');
  if (!paths.length) return sql`false`;
  return sql.join(
    paths.map((p) => sql`(${orgUnits.path} like ${`${p}%`} or ${p} like ${orgUnits.path} || '%')`),
    sql` or `,
  );
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
  cyclePolicy.authorize(actor, 'read', cycleRecord(cycle));
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

/** The fields of a cycle that leave the server, with the caller's abilities on it. */
export function presentCycle(actor: Actor, c: CycleRow, locked: boolean): TCycle {
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
    abilities: cyclePolicy.abilities(actor, cycleRecord(c), CYCLE_ABILITIES),
  };
}

/** Opens a new cycle under a unit the caller manages innovation for. */
export async function createCycle(db: Db, actor: Actor, input: TCycleInput): Promise<CycleRow> {
  const unit = await findUnit(db, input.ownerUnitId);
  const grant = cyclePolicy.authorize(actor, 'create', { ownerUnitPath: unit.path });
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
    const grant = cyclePolicy.authorize(actor, 'update', cycleRecord(current));
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
