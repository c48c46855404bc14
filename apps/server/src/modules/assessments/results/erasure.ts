import type { TErasure } from '@lifeline/shared';
import { and, eq, inArray, isNull, lt } from 'drizzle-orm';
import { type Actor, SYSTEM_ACTOR, writeAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/types.js';
import { assessmentConsents, assessmentResults, assessmentShares } from '../assessments.table.js';

/**
 * Erases a person's stored results (of one instrument, or all) for good: the rows are deleted,
 * and the shares of those results with them. Call it inside the caller's transaction.
 */
export async function eraseResults(db: Db, personId: number, code?: string): Promise<TErasure> {
  const where = code
    ? and(eq(assessmentResults.personId, personId), eq(assessmentResults.instrumentCode, code))
    : eq(assessmentResults.personId, personId);
  const ids = (await db.select({ id: assessmentResults.id }).from(assessmentResults).where(where)).map(
    (r) => r.id,
  );
  let sharesRevoked = 0;
  if (ids.length) {
    sharesRevoked = (
      await db
        .delete(assessmentShares)
        .where(inArray(assessmentShares.resultId, ids))
        .returning({ id: assessmentShares.id })
    ).length;
    await db.delete(assessmentResults).where(inArray(assessmentResults.id, ids));
  }
  return { resultsErased: ids.length, sharesRevoked };
}

/**
 * "Delete my data": every result and every share erased, every consent withdrawn. One audit
 * row without content records that it happened.
 */
export async function eraseMyData(db: Db, actor: Actor & { personId: number }): Promise<TErasure> {
  return db.transaction(async (tx) => {
    const erased = await eraseResults(tx, actor.personId);
    const history = await tx
      .delete(assessmentShares)
      .where(eq(assessmentShares.personId, actor.personId))
      .returning({ id: assessmentShares.id });
    await tx
      .update(assessmentConsents)
      .set({ withdrawnAt: new Date().toISOString() })
      .where(and(eq(assessmentConsents.personId, actor.personId), isNull(assessmentConsents.withdrawnAt)));
    const out = { resultsErased: erased.resultsErased, sharesRevoked: erased.sharesRevoked + history.length };
    await writeAudit(tx, actor, {
      action: 'assessment_data.erase',
      recordType: 'person',
      recordId: actor.personId,
      details: out,
    });
    return out;
  });
}

/** Erases results older than the retention period; returns how many. */
export async function eraseExpired(db: Db, retentionDays: number, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000).toISOString();
  return db.transaction(async (tx) => {
    const old = await tx
      .select({ id: assessmentResults.id })
      .from(assessmentResults)
      .where(lt(assessmentResults.takenAt, cutoff));
    if (!old.length) return 0;
    const ids = old.map((r) => r.id);
    await tx.delete(assessmentShares).where(inArray(assessmentShares.resultId, ids));
    await tx.delete(assessmentResults).where(inArray(assessmentResults.id, ids));
    await writeAudit(tx, SYSTEM_ACTOR, {
      action: 'assessment_result.expire',
      recordType: 'assessment_result',
      details: { erased: ids.length, retentionDays, before: cutoff },
    });
    return ids.length;
  });
}
