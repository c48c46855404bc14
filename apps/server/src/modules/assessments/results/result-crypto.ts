import type { TScoreResult, TStoredResult } from '@lifeline/shared';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import type { assessmentResults } from '../assessments.table.js';

type ResultRow = Pick<
  typeof assessmentResults.$inferSelect,
  'id' | 'personId' | 'instrumentCode' | 'takenAt' | 'payload'
>;

/** What `payload` holds once decrypted: the answers and the whole score. */
export type ResultPayload = { answers: number[]; result: TScoreResult };

/** The encryption context binds a payload to its owner: copied into another person's row, it fails to decrypt. */
const context = (personId: number) => `assessment_result:${personId}`;

export function sealResult(crypto: FieldCrypto, personId: number, payload: ResultPayload): string {
  return crypto.encrypt(JSON.stringify(payload), context(personId));
}

export function openResult(crypto: FieldCrypto, row: Pick<ResultRow, 'personId' | 'payload'>): ResultPayload {
  return JSON.parse(crypto.decrypt(row.payload, context(row.personId))) as ResultPayload;
}

/** The same payload encrypted again under the current key (key rotation), still bound to its owner. */
export function resealResult(crypto: FieldCrypto, row: Pick<ResultRow, 'personId' | 'payload'>): string {
  return crypto.encrypt(crypto.decrypt(row.payload, context(row.personId)), context(row.personId));
}

/** The presenter of a stored result: decrypted for its owner or a coach it was shared with, never elsewhere. */
export function presentResult(
  crypto: FieldCrypto,
  row: ResultRow,
  names: Map<string, { zh: string; en: string }>,
): TStoredResult {
  const payload = openResult(crypto, row);
  return {
    id: row.id,
    instrument: row.instrumentCode,
    name: names.get(row.instrumentCode) ?? { zh: row.instrumentCode, en: row.instrumentCode },
    takenAt: row.takenAt,
    result: payload.result,
    answers: payload.answers,
  };
}

/** A result that calls for the care path: a severe band, or any flag (PHQ-9 item 9 above 0 …). */
export function needsCare(result: TScoreResult): boolean {
  return result.flags.length > 0 || (result.kind === 'total' && result.band === 'severe');
}
