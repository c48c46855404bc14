import type { TErasure, TStoredResult, TStoreResultOut } from '@lifeline/shared';
import { and, desc, eq, or } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor as AuthActor, auditActor } from '../../../platform/authz/actor.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { scoreAnswers } from '../assessments.service.js';
import { assessmentResults, assessmentShares } from '../assessments.table.js';
import { instrumentNames, offeredInstrument } from '../instruments.js';
import { currentConsent } from './consents.service.js';
import { needsCare, presentResult, sealResult } from './result-crypto.js';
import { resultPolicy } from './results.policy.js';

/**
 * Stores a result: only with the caller's consent to this instrument in the current wording
 * (otherwise 409 `consent_required`: the self-check is still open). The answers and the score
 * are sealed in one encrypted field; the audit row names the record, not its content.
 */
export async function storeResult(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  input: { instrument: string; answers: unknown[] },
): Promise<TStoreResultOut> {
  const def = await offeredInstrument(db, input.instrument);
  const result = scoreAnswers(def, input.answers);
  const answers = input.answers as number[];
  return db.transaction(async (tx) => {
    if (!(await currentConsent(tx, actor.personId, def.code))) {
      throw new AppError('consent_required', `Consent to keep ${def.name.en} results has not been given`, {
        instrument: def.code,
      });
    }
    const [row] = await tx
      .insert(assessmentResults)
      .values({
        personId: actor.personId,
        unitId: actor.unitId,
        instrumentCode: def.code,
        instrumentVersion: result.instrumentVersion,
        normVersion: result.normVersion,
        payload: sealResult(crypto, actor.personId, { answers, result }),
      })
      .returning();
    await writeAudit(tx, auditActor(actor), {
      action: 'assessment_result.create',
      recordType: 'assessment_result',
      recordId: row.id,
    });
    return { result: presentResult(crypto, row, new Map([[def.code, def.name]])), care: needsCare(result) };
  });
}

/** The caller's own results, newest first (of one instrument, or all). */
export async function myResults(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  instrument?: string,
): Promise<TStoredResult[]> {
  const rows = await db
    .select()
    .from(assessmentResults)
    .where(
      instrument
        ? and(
            eq(assessmentResults.personId, actor.personId),
            eq(assessmentResults.instrumentCode, instrument),
          )
        : eq(assessmentResults.personId, actor.personId),
    )
    .orderBy(desc(assessmentResults.takenAt), desc(assessmentResults.id));
  const names = await instrumentNames(db);
  return rows.map((r) => presentResult(crypto, r, names));
}

/**
 * One result, for its owner or for a coach it is shared with (the result itself, or the
 * owner's history). Anyone else — administrators, secretaries, HR included — gets 404, the
 * same answer as for a result that does not exist.
 */
export async function readResult(
  db: Db,
  crypto: FieldCrypto,
  actor: AuthActor,
  id: number,
): Promise<TStoredResult> {
  const [row] = await db.select().from(assessmentResults).where(eq(assessmentResults.id, id));
  if (!row) throw notFound('Result');
  let sharedWithCaller = false;
  if (row.personId !== actor.personId) {
    const [share] = await db
      .select({ id: assessmentShares.id })
      .from(assessmentShares)
      .where(
        and(
          eq(assessmentShares.personId, row.personId),
          eq(assessmentShares.coachPersonId, actor.personId),
          or(eq(assessmentShares.scope, 'history'), eq(assessmentShares.resultId, row.id)),
        ),
      );
    sharedWithCaller = Boolean(share);
  }
  resultPolicy.authorize(actor, 'read', { personId: row.personId, sharedWithCaller });
  return presentResult(crypto, row, await instrumentNames(db));
}

/** Erases one of the caller's results for good. */
export async function deleteResult(db: Db, actor: AuthActor, id: number): Promise<TErasure> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: assessmentResults.id })
      .from(assessmentResults)
      .where(and(eq(assessmentResults.id, id), eq(assessmentResults.personId, actor.personId)));
    if (!row) throw notFound('Result');
    const shares = await tx
      .delete(assessmentShares)
      .where(eq(assessmentShares.resultId, id))
      .returning({ id: assessmentShares.id });
    await tx.delete(assessmentResults).where(eq(assessmentResults.id, id));
    await writeAudit(tx, auditActor(actor), {
      action: 'assessment_result.erase',
      recordType: 'assessment_result',
      recordId: id,
    });
    return { resultsErased: 1, sharesRevoked: shares.length };
  });
}
