import type { TPermission } from '@lifeline/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, authorize, canOn, type Grant } from '../../platform/authz/actor.js';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';
import { innovationCycles, innovationProjects, innovationReviews } from './innovation.table.js';

export type CycleRow = typeof innovationCycles.$inferSelect & {
  ownerUnitName: string;
  ownerUnitPath: string;
};
export type ProjectRow = typeof innovationProjects.$inferSelect & {
  unitName: string;
  unitPath: string;
  cycleName: string;
};
export type PersonRef = { id: number; name: string; employeeNo: string; unitPath: string };

/** Today in Asia/Shanghai, the day that windows and due dates are compared with. */
export const today = () => shanghaiDate(new Date());

/** A cycle with its organising unit; `lock` takes the row for the rest of the transaction. */
export async function loadCycle(db: Db, id: number, lock = false): Promise<CycleRow> {
  const q = db
    .select({
      cycle: innovationCycles,
      ownerUnitName: orgUnits.name,
      ownerUnitPath: orgUnits.path,
    })
    .from(innovationCycles)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationCycles.ownerUnitId))
    .where(eq(innovationCycles.id, id));
  const [row] = lock ? await q.for('update', { of: innovationCycles }) : await q;
  if (!row) throw notFound('Cycle');
  return { ...row.cycle, ownerUnitName: row.ownerUnitName, ownerUnitPath: row.ownerUnitPath };
}

/** A project with its unit and cycle names; `lock` takes the row for the transaction. */
export async function loadProject(db: Db, id: number, lock = false): Promise<ProjectRow> {
  const q = selectProjects(db).where(eq(innovationProjects.id, id));
  const [row] = lock ? await q.for('update', { of: innovationProjects }) : await q;
  if (!row) throw notFound('Project');
  return toProjectRow(row);
}

/** Projects joined with their unit and cycle (the caller adds the condition). */
function selectProjects(db: Db) {
  return db
    .select({
      project: innovationProjects,
      unitName: orgUnits.name,
      unitPath: orgUnits.path,
      cycleName: innovationCycles.name,
    })
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(innovationCycles, eq(innovationCycles.id, innovationProjects.cycleId));
}

const toProjectRow = (row: {
  project: typeof innovationProjects.$inferSelect;
  unitName: string;
  unitPath: string;
  cycleName: string;
}): ProjectRow => ({
  ...row.project,
  unitName: row.unitName,
  unitPath: row.unitPath,
  cycleName: row.cycleName,
});

/** Several projects with their unit and cycle names, by id (one query). */
export async function loadProjects(db: Db, ids: number[]): Promise<Map<number, ProjectRow>> {
  if (!ids.length) return new Map();
  const rows = await selectProjects(db).where(inArray(innovationProjects.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.project.id, toProjectRow(row)]));
}

/**
 * Who may see a project: the applicant unit's declarers always; anyone with innovation.read on
 * its unit once it left the drafts (a draft is private to the applicant unit).
 */
export function canSeeProject(actor: Actor, p: ProjectRow): boolean {
  if (canOn(actor, 'innovation.declare', p.unitPath)) return true;
  if (p.state === 'draft') return false;
  return canOn(actor, 'innovation.read', p.unitPath);
}

/**
 * Loads a project the caller may see, or answers 404 as if it did not exist. A reviewer assigned
 * to a project may read it (its content, results and attachments) to score it.
 */
export async function visibleProject(db: Db, actor: Actor, id: number, lock = false): Promise<ProjectRow> {
  const p = await loadProject(db, id, lock);
  if (canSeeProject(actor, p)) return p;
  const [assigned] = await db
    .select({ id: innovationReviews.id })
    .from(innovationReviews)
    .where(and(eq(innovationReviews.projectId, id), eq(innovationReviews.reviewerId, actor.personId)));
  if (!assigned || !canOn(actor, 'innovation.evaluate', p.unitPath)) throw notFound('Project');
  return p;
}

/**
 * Asserts a permission on the project's unit for a caller who can see it: 403 without the
 * permission anywhere, 404 when the project is outside the caller's scope.
 */
export function authorizeOnProject(actor: Actor, permission: TPermission, p: ProjectRow): Grant {
  return authorize(actor, permission, p.unitPath, 'Project');
}

/** Names and units of people, for references in answers and for conflict checks. */
export async function personRefs(db: Db, ids: number[]): Promise<Map<number, PersonRef>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await db
    .select({ id: people.id, name: people.name, employeeNo: people.employeeNo, unitPath: orgUnits.path })
    .from(people)
    .innerJoin(orgUnits, eq(orgUnits.id, people.unitId))
    .where(inArray(people.id, unique));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Asserts that every id is a person on the roster; returns them. */
export async function requirePeople(db: Db, ids: number[], field: string): Promise<Map<number, PersonRef>> {
  const refs = await personRefs(db, ids);
  const missing = [...new Set(ids)].filter((id) => !refs.has(id));
  if (missing.length)
    throw new AppError('validation_failed', `Unknown people: ${missing.join(', ')}`, {
      issues: [{ path: [field], message: `Unknown people: ${missing.join(', ')}` }],
    });
  return refs;
}

/** A plain reference for answers: never more of a person than id, name and employee number. */
export function ref(refs: Map<number, PersonRef>, id: number | null | undefined) {
  const r = id == null ? undefined : refs.get(id);
  return r ? { id: r.id, name: r.name, employeeNo: r.employeeNo } : null;
}

/** Throws a conflict unless an update touched a row: the optimistic-lock check. */
export function assertUpdated<T>(rows: T[], what: string, currentVersion: number): T {
  if (!rows[0]) {
    throw new AppError('conflict', `The ${what} was changed by someone else; reload and try again`, {
      currentVersion,
    });
  }
  return rows[0];
}
