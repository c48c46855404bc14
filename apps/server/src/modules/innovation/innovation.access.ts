import type { TWindow } from '@lifeline/shared';
import { eq, inArray, sql } from 'drizzle-orm';
import { shanghaiDate } from '../../platform/calendar/work-calendar.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { orgUnits } from '../org-units/index.js';
import { people } from '../people/index.js';
import { innovationCycles, innovationProjects } from './innovation.table.js';

export type CycleRow = typeof innovationCycles.$inferSelect & {
  ownerUnitName: string;
  ownerUnitPath: string;
};
export type ProjectRow = typeof innovationProjects.$inferSelect & {
  unitName: string;
  unitPath: string;
  cycleName: string;
  /** The cycle's declaration window, which decides whether a draft may be submitted now. */
  declaration: TWindow;
  /** The reviewers assigned to the project, who may read it to score it. */
  reviewerIds: number[];
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

/** What a project row carries besides its own columns: what its answers and its policy need. */
export const projectFields = {
  project: innovationProjects,
  unitName: orgUnits.name,
  unitPath: orgUnits.path,
  cycleName: innovationCycles.name,
  windows: innovationCycles.windows,
  reviewerIds: sql<number[]>`array(select r.reviewer_id::int from innovation_reviews r
    where r.project_id = ${innovationProjects.id} order by r.reviewer_id)`,
};

/** Projects joined with their unit and cycle (the caller adds the condition). */
export function selectProjects(db: Db) {
  return db
    .select(projectFields)
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(innovationCycles, eq(innovationCycles.id, innovationProjects.cycleId));
}

/** A row selected with `projectFields` as a project row. */
export const toProjectRow = (row: {
  project: typeof innovationProjects.$inferSelect;
  unitName: string;
  unitPath: string;
  cycleName: string;
  windows: (typeof innovationCycles.$inferSelect)['windows'];
  reviewerIds: number[];
}): ProjectRow => ({
  ...row.project,
  unitName: row.unitName,
  unitPath: row.unitPath,
  cycleName: row.cycleName,
  declaration: row.windows.declaration,
  reviewerIds: row.reviewerIds,
});

/** Several projects with their unit and cycle names, by id (one query). */
export async function loadProjects(db: Db, ids: number[]): Promise<Map<number, ProjectRow>> {
  if (!ids.length) return new Map();
  const rows = await selectProjects(db).where(inArray(innovationProjects.id, [...new Set(ids)]));
  return new Map(rows.map((row) => [row.project.id, toProjectRow(row)]));
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
