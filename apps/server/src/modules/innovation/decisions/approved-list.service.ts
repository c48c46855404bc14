import { APPROVED_STATES, INNOVATION_CATEGORIES, INNOVATION_LEVELS } from '@lifeline/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import { loadCycle } from '../innovation.access.js';
import { innovationCycles, innovationProjects } from '../innovation.table.js';
import { approvedListPolicy, approvedListRecord } from './approved-list.policy.js';

const LEVEL_ORDER = INNOVATION_LEVELS.map((l) => l.code as string);

/** The approved projects of a cycle (立项), by level from the highest, then by code. */
export async function approvedList(db: Db, actor: Actor, cycleId: number) {
  const cycle = await loadCycle(db, cycleId);
  approvedListPolicy.authorize(actor, 'read', approvedListRecord(cycle));
  const rows = await db
    .select({ p: innovationProjects, unitName: orgUnits.name, leaderName: people.name })
    .from(innovationProjects)
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(people, eq(people.id, innovationProjects.leaderId))
    .where(
      and(eq(innovationProjects.cycleId, cycleId), inArray(innovationProjects.state, [...APPROVED_STATES])),
    )
    .orderBy(asc(innovationProjects.code));
  const lines = rows
    .map(({ p, unitName, leaderName }) => ({
      projectId: p.id,
      code: p.code,
      title: p.title,
      unitName,
      leaderName,
      category: p.category,
      level: p.levelApproved as (typeof INNOVATION_LEVELS)[number]['code'],
      fundingFen: p.fundingFen ?? 0,
    }))
    .sort(
      (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || a.code.localeCompare(b.code),
    );
  return { cycle, lines };
}

export const categoryLabel = (code: string) => INNOVATION_CATEGORIES.find((c) => c.code === code)?.zh ?? code;
export const levelLabel = (code: string | null) => INNOVATION_LEVELS.find((c) => c.code === code)?.zh ?? '';

/** Marks the approved list as published (立项公布). */
export async function publishApprovedList(db: Db, actor: Actor, cycleId: number) {
  const cycle = await loadCycle(db, cycleId);
  const grant = approvedListPolicy.authorize(actor, 'publish', approvedListRecord(cycle));
  return db.transaction(async (tx) => {
    await tx
      .update(innovationCycles)
      .set({ approvedListPublishedAt: sql`now()`, version: sql`${innovationCycles.version} + 1` })
      .where(eq(innovationCycles.id, cycleId));
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_cycle.publish_approved',
      recordType: 'innovation_cycle',
      recordId: cycleId,
      unitId: cycle.ownerUnitId,
    });
    return loadCycle(tx, cycleId);
  });
}
