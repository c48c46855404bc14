import type { TShare, TSharedWithMe, TShareInput } from '@lifeline/shared';
import { and, desc, eq, inArray, or } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor as AuthActor, auditActor } from '../../../platform/authz/actor.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { notify } from '../../../platform/notifications/notify.js';
import { activeCoach } from '../../counselling/index.js';
import { people } from '../../people/index.js';
import { assessmentResults, assessmentShares } from '../assessments.table.js';
import { instrumentNames } from '../instruments.js';
import { presentResult } from '../results/result-crypto.js';

type ShareRow = typeof assessmentShares.$inferSelect;

function present(row: ShareRow, coachName: string): TShare {
  return {
    id: row.id,
    scope: row.scope as TShare['scope'],
    resultId: row.resultId,
    coach: { personId: row.coachPersonId, name: coachName },
    createdAt: row.createdAt,
  };
}

/** The caller's shares, newest first. */
export async function myShares(db: Db, actor: AuthActor): Promise<TShare[]> {
  const rows = await db
    .select({ s: assessmentShares, coachName: people.name })
    .from(assessmentShares)
    .innerJoin(people, eq(people.id, assessmentShares.coachPersonId))
    .where(eq(assessmentShares.personId, actor.personId))
    .orderBy(desc(assessmentShares.id));
  return rows.map((r) => present(r.s, r.coachName));
}

/**
 * Shares one of the caller's results, or their history, with a coach the caller chose (an
 * active coach or volunteer). Sharing the same thing twice is a 409; the coach is notified
 * without any content.
 */
export async function createShare(db: Db, actor: AuthActor, input: TShareInput): Promise<TShare> {
  const coach = await activeCoach(db, input.coachPersonId, actor.unitPath);
  if (!coach || coach.personId === actor.personId) {
    const message = 'Choose one of the coaches listed';
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.coachPersonId', message }] });
  }
  return db.transaction(async (tx) => {
    if (input.scope === 'result') {
      const [own] = await tx
        .select({ id: assessmentResults.id })
        .from(assessmentResults)
        .where(
          and(eq(assessmentResults.id, input.resultId!), eq(assessmentResults.personId, actor.personId)),
        );
      if (!own) throw notFound('Result');
    }
    const [dup] = await tx
      .select({ id: assessmentShares.id })
      .from(assessmentShares)
      .where(
        and(
          eq(assessmentShares.personId, actor.personId),
          eq(assessmentShares.coachPersonId, coach.personId),
          input.scope === 'history'
            ? eq(assessmentShares.scope, 'history')
            : or(eq(assessmentShares.scope, 'history'), eq(assessmentShares.resultId, input.resultId!)),
        ),
      );
    if (dup) throw new AppError('conflict', `This is already shared with ${coach.name}`, { shareId: dup.id });
    const [row] = await tx
      .insert(assessmentShares)
      .values({
        personId: actor.personId,
        coachPersonId: coach.personId,
        scope: input.scope,
        resultId: input.scope === 'result' ? input.resultId! : null,
      })
      .returning();
    await writeAudit(tx, auditActor(actor), {
      action: 'assessment_share.create',
      recordType: 'assessment_share',
      recordId: row.id,
      details: { coachPersonId: coach.personId, scope: input.scope },
    });
    await notify(tx, [coach.personId], {
      kind: 'assessments.shared',
      params: { name: actor.name },
      link: '/m/counselling/shared',
    });
    return present(row, coach.name);
  });
}

/** Revokes one of the caller's shares at once (the row is deleted). */
export async function revokeShare(db: Db, actor: AuthActor, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tx
      .delete(assessmentShares)
      .where(and(eq(assessmentShares.id, id), eq(assessmentShares.personId, actor.personId)))
      .returning();
    if (!gone.length) throw notFound('Share');
    await writeAudit(tx, auditActor(actor), {
      action: 'assessment_share.revoke',
      recordType: 'assessment_share',
      recordId: id,
      details: { coachPersonId: gone[0].coachPersonId, scope: gone[0].scope },
    });
  });
}

/** What people shared with the calling coach: per person, only the results shared, newest first. */
export async function sharedWithMe(db: Db, crypto: FieldCrypto, actor: AuthActor): Promise<TSharedWithMe[]> {
  const shares = await db
    .select({ s: assessmentShares, ownerName: people.name })
    .from(assessmentShares)
    .innerJoin(people, eq(people.id, assessmentShares.personId))
    .where(eq(assessmentShares.coachPersonId, actor.personId))
    .orderBy(desc(assessmentShares.id));
  if (!shares.length) return [];
  const owners = [...new Set(shares.map((s) => s.s.personId))];
  const rows = await db
    .select()
    .from(assessmentResults)
    .where(inArray(assessmentResults.personId, owners))
    .orderBy(desc(assessmentResults.takenAt), desc(assessmentResults.id));
  const names = await instrumentNames(db);
  return owners.map((ownerId) => {
    const mine = shares.filter((s) => s.s.personId === ownerId);
    const history = mine.some((s) => s.s.scope === 'history');
    const ids = new Set(mine.map((s) => s.s.resultId));
    return {
      owner: { personId: ownerId, name: mine[0].ownerName },
      shares: mine.map((s) => ({
        id: s.s.id,
        scope: s.s.scope as TShare['scope'],
        createdAt: s.s.createdAt,
      })),
      results: rows
        .filter((r) => r.personId === ownerId && (history || ids.has(r.id)))
        .map((r) => presentResult(crypto, r, names)),
    };
  });
}
