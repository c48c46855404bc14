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
import { STAGED_ID_CARD } from './import/import.service.js';
import { ID_CARD_PURPOSE } from './people.rules.js';

/**
 * After LIFELINE_SECRET changes: re-encrypts ID-card numbers made with an older key and
 * recomputes their blind index (uniqueness, import matching) with the current key, in batches,
 * each row only if its ciphertext is still the one read. Also the ID cards of validated imports
 * not yet applied (`person_import_rows`), which would otherwise bring the old key back into
 * `people` when applied. A person's version is not raised: nothing about them changed, and an
 * import checked before the rotation still applies.
 */
export async function rotatePeopleKeys(db: Db, crypto: FieldCrypto): Promise<RotationCounts> {
  const idCards = await rotateInBatches<{ id: string; id_card_enc: string }>(
    db,
    (last) => sql`select id, id_card_enc from people
      where id_card_enc is not null and ${notUnderCurrentKey(crypto, sql`id_card_enc`)} ${afterId(last)}
      order by id limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => {
        const plain = crypto.decrypt(r.id_card_enc, ID_CARD_PURPOSE);
        return {
          id: Number(r.id),
          old: r.id_card_enc,
          enc: crypto.encrypt(plain, ID_CARD_PURPOSE),
          hash: crypto.blindIndex(plain, ID_CARD_PURPOSE),
        };
      });
      return updatedRows(
        tx,
        sql`update people p set id_card_enc = x.enc, id_card_hash = x.hash
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, enc text, hash text)
          where p.id = x.id and p.id_card_enc = x.old`,
      );
    },
  );
  return {
    'ID-card numbers': idCards,
    'ID-card numbers of imports not yet applied': await rotateStaged(db, crypto),
  };
}

/** The staged rows of imports awaiting confirmation (few: deleted once applied). */
async function rotateStaged(db: Db, crypto: FieldCrypto): Promise<number> {
  const enc = STAGED_ID_CARD.enc;
  const hash = STAGED_ID_CARD.hash;
  return rotateInBatches<{ import_id: string; row_no: number; enc: string }>(
    db,
    (last) => sql`select import_id, row_no, values ->> ${enc} as enc from person_import_rows
      where values ? ${enc} and ${notUnderCurrentKey(crypto, sql`values ->> ${enc}`)}
        ${last ? sql`and (import_id, row_no) > (${Number(last.import_id)}::bigint, ${last.row_no}::int)` : sql``}
      order by import_id, row_no limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => {
        const plain = crypto.decrypt(r.enc, ID_CARD_PURPOSE);
        return {
          import_id: Number(r.import_id),
          row_no: r.row_no,
          old: r.enc,
          enc: crypto.encrypt(plain, ID_CARD_PURPOSE),
          hash: crypto.blindIndex(plain, ID_CARD_PURPOSE),
        };
      });
      return updatedRows(
        tx,
        sql`update person_import_rows r
          set values = r.values || jsonb_build_object(${enc}::text, x.enc, ${hash}::text, x.hash)
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(import_id bigint, row_no int, old text, enc text, hash text)
          where r.import_id = x.import_id and r.row_no = x.row_no and r.values ->> ${enc} = x.old`,
      );
    },
  );
}
