import type { TCommendationKind, ZConferenceInput } from '@lifeline/shared';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { orgUnits } from '../../org-units/index.js';
import { people } from '../../people/index.js';
import { assertUpdated, loadCycle, requirePeople } from '../innovation.access.js';
import { innovationCommendations, innovationCycles, innovationProjects } from '../innovation.table.js';
import { CONFERENCE_ABILITIES, conferencePolicy, conferenceRecord } from './awards.policy.js';

/** The innovation conference (创新大会) of a cycle and its commendation list. */
export async function conference(db: Db, actor: Actor, cycleId: number) {
  const cycle = await loadCycle(db, cycleId);
  const record = conferenceRecord(cycle);
  conferencePolicy.authorize(actor, 'read', record);
  const rows = await db
    .select({
      c: innovationCommendations,
      projectTitle: innovationProjects.title,
      unitName: orgUnits.name,
      personName: people.name,
    })
    .from(innovationCommendations)
    .leftJoin(innovationProjects, eq(innovationProjects.id, innovationCommendations.projectId))
    .leftJoin(orgUnits, eq(orgUnits.id, innovationProjects.unitId))
    .leftJoin(people, eq(people.id, innovationCommendations.personId))
    .where(eq(innovationCommendations.cycleId, cycleId))
    .orderBy(
      sql`case ${innovationCommendations.kind} when 'result' then 1 when 'team' then 2 else 3 end`,
      asc(innovationCommendations.position),
    );
  return {
    cycleId,
    cycleName: cycle.name,
    name: cycle.conferenceName,
    heldOn: cycle.conferenceOn,
    commendations: rows.map(({ c, projectTitle, unitName, personName }) => ({
      id: c.id,
      kind: c.kind as TCommendationKind,
      title: c.title,
      projectId: c.projectId,
      projectTitle,
      unitName,
      personId: c.personId,
      personName,
    })),
    version: cycle.version,
    abilities: conferencePolicy.abilities(actor, record, CONFERENCE_ABILITIES),
  };
}

/** Sets the conference and replaces its commendations: results and teams of this cycle's projects. */
export async function setConference(
  db: Db,
  actor: Actor,
  cycleId: number,
  input: z.infer<typeof ZConferenceInput>,
) {
  const cycle = await loadCycle(db, cycleId);
  const grant = conferencePolicy.authorize(actor, 'manage', conferenceRecord(cycle));
  return db.transaction(async (tx) => {
    const current = await loadCycle(tx, cycleId, true);
    if (current.version !== input.version) assertUpdated([], 'cycle', current.version);
    const projectIds = input.commendations.flatMap((c) => (c.projectId ? [c.projectId] : []));
    if (projectIds.length) {
      const found = await tx
        .select({ id: innovationProjects.id })
        .from(innovationProjects)
        .where(and(eq(innovationProjects.cycleId, cycleId), inArray(innovationProjects.id, projectIds)));
      const missing = projectIds.filter((id) => !found.some((f) => f.id === id));
      if (missing.length)
        throw new AppError('validation_failed', 'A commended project is not part of this cycle', {
          issues: [{ path: ['commendations'], message: `Not in this cycle: ${missing.join(', ')}` }],
        });
    }
    const personIds = input.commendations.flatMap((c) => (c.personId ? [c.personId] : []));
    if (personIds.length) await requirePeople(tx, personIds, 'commendations');
    await tx.delete(innovationCommendations).where(eq(innovationCommendations.cycleId, cycleId));
    if (input.commendations.length)
      await tx.insert(innovationCommendations).values(
        input.commendations.map((c, i) => ({
          cycleId,
          kind: c.kind,
          projectId: c.kind === 'individual' ? null : c.projectId,
          personId: c.kind === 'individual' ? c.personId : null,
          title: c.title,
          position: i + 1,
        })),
      );
    const rows = await tx
      .update(innovationCycles)
      .set({
        conferenceName: input.name,
        conferenceOn: input.heldOn,
        version: sql`${innovationCycles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(innovationCycles.id, cycleId), eq(innovationCycles.version, input.version)))
      .returning();
    assertUpdated(rows, 'cycle', current.version);
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'innovation_conference.set',
      recordType: 'innovation_cycle',
      recordId: cycleId,
      unitId: cycle.ownerUnitId,
      details: { name: input.name, heldOn: input.heldOn, commendations: input.commendations.length },
    });
  });
}
