import type { TAwardTier, ZAwardsInput } from '@lifeline/shared';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import { evaluationBoard } from '../evaluation/board.service.js';
import { assertUpdated, type CycleRow, loadCycle, today } from '../innovation.access.js';
import {
  innovationAwards,
  innovationCycles,
  innovationObjections,
  innovationProjects,
} from '../innovation.table.js';
import { AWARDS_ABILITIES, awardsPolicy, awardsRecord } from './awards.policy.js';

/** A cycle whose awards the caller may see (its staff; everyone below once in publicity or final). */
async function cycleForAwards(db: Db, actor: Actor, cycleId: number): Promise<CycleRow> {
  const cycle = await loadCycle(db, cycleId);
  awardsPolicy.authorize(actor, 'read', awardsRecord(cycle));
  return cycle;
}

/** A cycle's awards as the caller may see them, with their abilities on them. */
export async function awardsView(db: Db, actor: Actor, cycleId: number) {
  const cycle = await cycleForAwards(db, actor, cycleId);
  const abilities = awardsPolicy.abilities(actor, awardsRecord(cycle), AWARDS_ABILITIES);
  const manage = abilities.manage;
  const rows = await db
    .select({ a: innovationAwards, p: innovationProjects, unitName: orgUnits.name, leaderName: people.name })
    .from(innovationAwards)
    .innerJoin(innovationProjects, eq(innovationProjects.id, innovationAwards.projectId))
    .innerJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .innerJoin(people, eq(people.id, innovationProjects.leaderId))
    .where(eq(innovationAwards.cycleId, cycleId))
    .orderBy(asc(innovationAwards.id));
  const visible = manage || cycle.awardStage !== 'draft' ? rows : [];
  const objections = visible.length
    ? await db
        .select({ o: innovationObjections, by: people.name })
        .from(innovationObjections)
        .innerJoin(people, eq(people.id, innovationObjections.lodgedBy))
        .where(
          inArray(
            innovationObjections.awardId,
            visible.map((r) => r.a.id),
          ),
        )
        .orderBy(asc(innovationObjections.id))
    : [];
  const scores = manage ? await evaluationBoard(db, actor, cycleId).catch(() => null) : null;
  const tierOrder = cycle.awardTiers.map((t) => t.tier as string);
  return {
    cycleId,
    cycleName: cycle.name,
    stage: cycle.awardStage as 'none' | 'draft' | 'publicity' | 'final',
    publicityEndsOn: cycle.publicityEndsOn,
    totalFen: visible.reduce((s, r) => s + r.a.amountFen, 0),
    awards: visible
      .map(({ a, p, unitName, leaderName }) => ({
        id: a.id,
        projectId: p.id,
        projectCode: p.code,
        projectTitle: p.title,
        unitName,
        leaderName,
        level: p.levelApproved as never,
        tier: a.tier as TAwardTier,
        amountFen: a.amountFen,
        score: scores?.projects.find((s) => s.projectId === p.id)?.mean ?? null,
        objections: objections
          .filter((o) => o.o.awardId === a.id)
          .map(({ o, by }) => ({
            id: o.id,
            awardId: a.id,
            text: o.text,
            lodgedAt: o.lodgedAt,
            lodgedBy: manage ? by : null,
            answer: o.answer,
            answeredAt: o.answeredAt,
          })),
      }))
      .sort(
        (x, y) =>
          tierOrder.indexOf(x.tier) - tierOrder.indexOf(y.tier) || x.projectCode.localeCompare(y.projectCode),
      ),
    version: cycle.version,
    abilities,
  };
}

/** The cycle taken for a change of its awards by their manager, at the version the caller saw. */
async function stageChange(db: Db, actor: Actor, cycleId: number, version: number) {
  const locked = await loadCycle(db, cycleId, true);
  const grant = awardsPolicy.authorize(actor, 'manage', awardsRecord(locked));
  if (locked.version !== version) assertUpdated([], 'cycle', locked.version);
  return { cycle: locked, grant };
}

async function bumpCycle(
  db: Db,
  cycleId: number,
  version: number,
  set: Partial<typeof innovationCycles.$inferInsert>,
) {
  const rows = await db
    .update(innovationCycles)
    .set({ ...set, version: sql`${innovationCycles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(innovationCycles.id, cycleId), eq(innovationCycles.version, version)))
    .returning();
  return assertUpdated(rows, 'cycle', version);
}

/** Replaces the proposed awards while they are a draft: tiers from the cycle, amounts from the tiers. */
export async function setAwards(db: Db, actor: Actor, cycleId: number, input: z.infer<typeof ZAwardsInput>) {
  return db.transaction(async (tx) => {
    const { cycle, grant } = await stageChange(tx, actor, cycleId, input.version);
    if (!['none', 'draft'].includes(cycle.awardStage))
      throw new AppError('invalid_transition', 'Awards in publicity or final cannot change', {
        reason: 'awards_locked',
        stage: cycle.awardStage,
      });
    const tiers = new Map(cycle.awardTiers.map((t) => [t.tier, t]));
    const issues = input.awards.flatMap((a, i) =>
      tiers.has(a.tier)
        ? []
        : [{ path: ['awards', i, 'tier'], message: 'This cycle does not offer that tier' }],
    );
    for (const t of cycle.awardTiers) {
      const n = input.awards.filter((a) => a.tier === t.tier).length;
      if (t.count != null && n > t.count)
        issues.push({ path: ['awards'], message: `At most ${t.count} awards of tier ${t.tier}` });
    }
    if (issues.length) throw new AppError('validation_failed', issues[0].message, { issues });
    const ids = input.awards.map((a) => a.projectId);
    const projects = ids.length
      ? await tx
          .select({ id: innovationProjects.id, state: innovationProjects.state })
          .from(innovationProjects)
          .where(and(eq(innovationProjects.cycleId, cycleId), inArray(innovationProjects.id, ids)))
      : [];
    const bad = ids.filter((id) => projects.find((p) => p.id === id)?.state !== 'completed');
    if (bad.length)
      throw new AppError('validation_failed', 'Only completed projects of this cycle can be awarded', {
        issues: [{ path: ['awards'], message: `Not awardable: ${bad.join(', ')}` }],
      });
    await tx.delete(innovationAwards).where(eq(innovationAwards.cycleId, cycleId));
    if (input.awards.length)
      await tx.insert(innovationAwards).values(
        input.awards.map((a) => ({
          cycleId,
          projectId: a.projectId,
          tier: a.tier,
          amountFen: tiers.get(a.tier)!.amountFen,
        })),
      );
    await bumpCycle(tx, cycleId, input.version, { awardStage: input.awards.length ? 'draft' : 'none' });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_awards.set',
      recordType: 'innovation_cycle',
      recordId: cycleId,
      unitId: cycle.ownerUnitId,
      details: { awards: input.awards },
    });
  });
}

/** Starts the publicity period (公示) until the given day. */
export async function publishAwards(
  db: Db,
  actor: Actor,
  cycleId: number,
  input: { publicityEndsOn: string; version: number },
) {
  return db.transaction(async (tx) => {
    const { cycle, grant } = await stageChange(tx, actor, cycleId, input.version);
    if (cycle.awardStage !== 'draft')
      throw new AppError('invalid_transition', 'Only draft awards can go into publicity', {
        reason: 'awards_not_draft',
        stage: cycle.awardStage,
      });
    if (input.publicityEndsOn < today())
      throw new AppError('validation_failed', 'The publicity period must end today or later', {
        issues: [{ path: ['publicityEndsOn'], message: 'The publicity period must end today or later' }],
      });
    await bumpCycle(tx, cycleId, input.version, {
      awardStage: 'publicity',
      publicityEndsOn: input.publicityEndsOn,
    });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_awards.publish',
      recordType: 'innovation_cycle',
      recordId: cycleId,
      unitId: cycle.ownerUnitId,
      details: { publicityEndsOn: input.publicityEndsOn },
    });
  });
}

/** Makes the awards final: after the publicity period, with every objection answered. */
export async function finalizeAwards(db: Db, actor: Actor, cycleId: number, version: number) {
  return db.transaction(async (tx) => {
    const { cycle, grant } = await stageChange(tx, actor, cycleId, version);
    if (cycle.awardStage !== 'publicity')
      throw new AppError('invalid_transition', 'Only awards in publicity can become final', {
        reason: 'awards_not_in_publicity',
        stage: cycle.awardStage,
      });
    if (today() <= (cycle.publicityEndsOn ?? ''))
      throw new AppError('invalid_transition', 'The publicity period has not ended', {
        reason: 'publicity_running',
        publicityEndsOn: cycle.publicityEndsOn,
      });
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(innovationObjections)
      .innerJoin(innovationAwards, eq(innovationAwards.id, innovationObjections.awardId))
      .where(and(eq(innovationAwards.cycleId, cycleId), isNull(innovationObjections.answer)));
    if (open.n > 0)
      throw new AppError('invalid_transition', 'Every objection must be answered first', {
        reason: 'objections_open',
        open: open.n,
      });
    await bumpCycle(tx, cycleId, version, { awardStage: 'final' });
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_awards.finalize',
      recordType: 'innovation_cycle',
      recordId: cycleId,
      unitId: cycle.ownerUnitId,
    });
  });
}

/** An objection to an award, lodged during the publicity period by anyone who can see it. */
export async function lodgeObjection(db: Db, actor: Actor, awardId: number, text: string) {
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(innovationAwards).where(eq(innovationAwards.id, awardId));
    if (!a) throw notFound('Award');
    const cycle = await loadCycle(tx, a.cycleId);
    awardsPolicy.authorize(actor, 'object', awardsRecord(cycle));
    const [o] = await tx
      .insert(innovationObjections)
      .values({ awardId, text, lodgedBy: actor.personId })
      .returning();
    await writeAudit(tx, auditActor(actor, null), {
      action: 'innovation_award.object',
      recordType: 'innovation_award',
      recordId: awardId,
      unitId: cycle.ownerUnitId,
      details: { objectionId: o.id },
    });
    return o;
  });
}

/** The secretariat answers an objection; the objector is told. */
export async function answerObjection(db: Db, actor: Actor, objectionId: number, answer: string) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ o: innovationObjections, cycleId: innovationAwards.cycleId })
      .from(innovationObjections)
      .innerJoin(innovationAwards, eq(innovationAwards.id, innovationObjections.awardId))
      .where(eq(innovationObjections.id, objectionId))
      .for('update', { of: innovationObjections });
    if (!row) throw notFound('Objection');
    const cycle = await loadCycle(tx, row.cycleId);
    const grant = awardsPolicy.authorize(actor, 'manage', awardsRecord(cycle));
    if (row.o.answer)
      throw new AppError('invalid_transition', 'The objection was already answered', {
        reason: 'objection_answered',
      });
    await tx
      .update(innovationObjections)
      .set({ answer, answeredBy: actor.personId, answeredAt: sql`now()` })
      .where(eq(innovationObjections.id, objectionId));
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_objection.answer',
      recordType: 'innovation_objection',
      recordId: objectionId,
      unitId: cycle.ownerUnitId,
    });
    await notify(tx, [row.o.lodgedBy], {
      kind: 'innovation.objection_answered',
      params: { cycle: cycle.name },
      link: `/m/innovation/cycles/${cycle.id}/awards`,
    });
  });
}
