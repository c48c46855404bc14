import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import {
  afterId,
  notUnderCurrentKey,
  ROTATION_BATCH,
  type RotationCounts,
  rotateInBatches,
  updatedRows,
} from '../../../platform/crypto/rotation.js';
import type { Db } from '../../../platform/db/types.js';
import { resealResult } from './result-crypto.js';

/**
 * After LIFELINE_SECRET changes (ADR 0008, 0012): re-encrypts the sealed payloads of wellbeing
 * results under the current key, still bound to their owner, in batches, each row only if its
 * payload is still the one read. Shares and consents hold nothing encrypted or keyed.
 */
export async function rotateAssessmentKeys(db: Db, crypto: FieldCrypto): Promise<RotationCounts> {
  const results = await rotateInBatches<{ id: string; person_id: string; payload: string }>(
    db,
    (last) => sql`select id, person_id, payload from assessment_results
      where ${notUnderCurrentKey(crypto, sql`payload`)} ${afterId(last)}
      order by id limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => ({
        id: Number(r.id),
        old: r.payload,
        payload: resealResult(crypto, { personId: Number(r.person_id), payload: r.payload }),
      }));
      return updatedRows(
        tx,
        sql`update assessment_results a set payload = x.payload
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, payload text)
          where a.id = x.id and a.payload = x.old`,
      );
    },
  );
  return { 'wellbeing results': results };
}
