import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { ID_CARD_PURPOSE } from './people.rules.js';

/**
 * After LIFELINE_SECRET changes: re-encrypts ID-card numbers made with an older key and
 * recomputes their blind index with the current key, in batches. Returns how many rows changed.
 */
export async function rotatePeopleKeys(db: Db, crypto: FieldCrypto): Promise<number> {
  let changed = 0;
  for (;;) {
    const rows = await queryRows<{ id: string; id_card_enc: string }>(
      db,
      sql`select id, id_card_enc from people
          where id_card_enc is not null and id_card_enc not like ${`enc:v1:${crypto.currentKeyId}:%`}
          order by id limit 1000`,
    );
    if (rows.length === 0) return changed;
    const updates = rows.map((r) => {
      const plain = crypto.decrypt(r.id_card_enc, ID_CARD_PURPOSE);
      return {
        id: Number(r.id),
        enc: crypto.encrypt(plain, ID_CARD_PURPOSE),
        hash: crypto.blindIndex(plain, ID_CARD_PURPOSE),
      };
    });
    await db.execute(sql`update people p set id_card_enc = x.enc, id_card_hash = x.hash
      from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, enc text, hash text) where p.id = x.id`);
    changed += rows.length;
  }
}
