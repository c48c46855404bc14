import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import {
  afterId,
  notUnderCurrentKey,
  ROTATION_BATCH,
  type RotationCounts,
  rotateInBatches,
  updatedRows,
} from '../../platform/crypto/rotation.js';
import type { Db } from '../../platform/db/types.js';
import { resealNote, resealWords } from './consultations.service.js';

/**
 * After LIFELINE_SECRET changes (ADR 0008, 0012): re-encrypts the words of consultation
 * requests (bound to the employee) and coaches' notes (bound to case and coach) under the
 * current key, in batches, each row only if its ciphertext is still the one read.
 */
export async function rotateCounsellingKeys(db: Db, crypto: FieldCrypto): Promise<RotationCounts> {
  const requests = await rotateInBatches<{ id: string; employee_person_id: string; message_enc: string }>(
    db,
    (last) => sql`select id, employee_person_id, message_enc from consultations
      where ${notUnderCurrentKey(crypto, sql`message_enc`)} ${afterId(last)}
      order by id limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => ({
        id: Number(r.id),
        old: r.message_enc,
        enc: resealWords(crypto, Number(r.employee_person_id), r.message_enc),
      }));
      return updatedRows(
        tx,
        sql`update consultations c set message_enc = x.enc
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, enc text)
          where c.id = x.id and c.message_enc = x.old`,
      );
    },
  );
  const notes = await rotateInBatches<{
    id: string;
    consultation_id: string;
    coach_person_id: string;
    body_enc: string;
  }>(
    db,
    (last) => sql`select id, consultation_id, coach_person_id, body_enc from consultation_notes
      where ${notUnderCurrentKey(crypto, sql`body_enc`)} ${afterId(last)}
      order by id limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => ({
        id: Number(r.id),
        old: r.body_enc,
        enc: resealNote(crypto, Number(r.consultation_id), Number(r.coach_person_id), r.body_enc),
      }));
      return updatedRows(
        tx,
        sql`update consultation_notes n set body_enc = x.enc
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, enc text)
          where n.id = x.id and n.body_enc = x.old`,
      );
    },
  );
  return { 'consultation requests': requests, "coaches' notes": notes };
}
