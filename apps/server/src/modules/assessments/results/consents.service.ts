import {
  CONSENT_TEXT_VERSION,
  type TConsentInput,
  type TConsentStatus,
  type TErasure,
} from '@lifeline/shared';
import { and, eq, isNull } from 'drizzle-orm';
import { type Actor, writeAudit } from '../../../platform/audit/audit.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { assessmentConsents } from '../assessments.table.js';
import { activeInstruments, offeredInstrument } from '../instruments.js';
import { eraseResults } from './erasure.js';

type Person = { personId: number };

/** The open consent of a person to an instrument in the current wording, if any. */
export async function currentConsent(db: Db, personId: number, code: string) {
  const [row] = await db
    .select()
    .from(assessmentConsents)
    .where(
      and(
        eq(assessmentConsents.personId, personId),
        eq(assessmentConsents.instrumentCode, code),
        isNull(assessmentConsents.withdrawnAt),
      ),
    );
  return row && row.textVersion === CONSENT_TEXT_VERSION ? row : null;
}

/** The caller's consent to each instrument on offer. */
export async function consentStatuses(db: Db, actor: Person): Promise<TConsentStatus[]> {
  const open = await db
    .select()
    .from(assessmentConsents)
    .where(and(eq(assessmentConsents.personId, actor.personId), isNull(assessmentConsents.withdrawnAt)));
  return (await activeInstruments(db)).map((def) => {
    const row = open.find((c) => c.instrumentCode === def.code && c.textVersion === CONSENT_TEXT_VERSION);
    return {
      instrument: def.code,
      name: def.name,
      granted: !!row,
      grantedAt: row?.grantedAt ?? null,
      textVersion: CONSENT_TEXT_VERSION,
    };
  });
}

/**
 * Records a separate consent to keep one instrument's results, given to the current wording.
 * Consent to an older wording is closed and replaced; giving it twice changes nothing.
 */
export async function grantConsent(
  db: Db,
  actor: Actor & Person,
  input: TConsentInput,
): Promise<TConsentStatus> {
  const def = await offeredInstrument(db, input.instrument);
  if (input.textVersion !== CONSENT_TEXT_VERSION) {
    const message = 'The consent wording has changed: read the current text and agree to it';
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.textVersion', message }] });
  }
  return db.transaction(async (tx) => {
    const existing = await currentConsent(tx, actor.personId, def.code);
    if (existing) {
      return {
        instrument: def.code,
        name: def.name,
        granted: true,
        grantedAt: existing.grantedAt,
        textVersion: CONSENT_TEXT_VERSION,
      };
    }
    await tx
      .update(assessmentConsents)
      .set({ withdrawnAt: new Date().toISOString() })
      .where(
        and(
          eq(assessmentConsents.personId, actor.personId),
          eq(assessmentConsents.instrumentCode, def.code),
          isNull(assessmentConsents.withdrawnAt),
        ),
      );
    const [row] = await tx
      .insert(assessmentConsents)
      .values({ personId: actor.personId, instrumentCode: def.code, textVersion: CONSENT_TEXT_VERSION })
      .returning();
    await writeAudit(tx, actor, {
      action: 'assessment_consent.grant',
      recordType: 'assessment_consent',
      recordId: row.id,
      // Which instrument is not said: even that a person keeps a depression scale is health data.
      details: { textVersion: CONSENT_TEXT_VERSION },
    });
    return {
      instrument: def.code,
      name: def.name,
      granted: true,
      grantedAt: row.grantedAt,
      textVersion: CONSENT_TEXT_VERSION,
    };
  });
}

/**
 * Withdraws consent to an instrument and erases its stored results for good (and the shares of
 * them). The audit row says that it happened and how many, nothing of the content.
 */
export async function withdrawConsent(db: Db, actor: Actor & Person, code: string): Promise<TErasure> {
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(assessmentConsents)
      .set({ withdrawnAt: new Date().toISOString() })
      .where(
        and(
          eq(assessmentConsents.personId, actor.personId),
          eq(assessmentConsents.instrumentCode, code),
          isNull(assessmentConsents.withdrawnAt),
        ),
      )
      .returning({ id: assessmentConsents.id });
    if (!closed.length) throw new AppError('not_found', 'You have no consent to this instrument to withdraw');
    const erased = await eraseResults(tx, actor.personId, code);
    await writeAudit(tx, actor, {
      action: 'assessment_consent.withdraw',
      recordType: 'assessment_consent',
      recordId: closed[0].id,
      details: { ...erased },
    });
    return erased;
  });
}
