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
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { people } from '../people/index.js';
import { reporterContext } from './hotline.people.js';
import { TAKES_ME_TOO } from './items/similar.js';
import { ME_TOO_PURPOSE, meTooValue, REPORTER_PURPOSE } from './reporter/reporter-keys.js';

/**
 * After LIFELINE_SECRET changes (ADR 0008, 0013):
 * - confidential reporters: `reporter_enc` is re-encrypted under the current key and
 *   `reporter_index` ("my items") recomputed from the person id it holds, in batches, each row
 *   only if its ciphertext is still the one read;
 * - "me too": `voter_hash` is a keyed hash of person and item, and the person is kept nowhere.
 *   It is recomputed by trying every person on the roster under each previous secret, for the
 *   items that can still take a "me too" (open or answered). Closed and confirmed items refuse
 *   one before any look-up, so their votes only count: their hash is replaced by a random token
 *   instead. One transaction per item; a person who
 *   voted under two secrets (an instance ran under the new secret without the old one listed)
 *   keeps one vote and the count drops accordingly. The person ids are matched in memory and
 *   written nowhere. The cost is items with votes × people × previous secrets HMACs (~400,000
 *   a second), and nothing at all once no previous secret is configured.
 */
export async function rotateHotlineKeys(db: Db, crypto: FieldCrypto): Promise<RotationCounts> {
  const reporters = await rotateInBatches<{ id: string; code: string; reporter_enc: string }>(
    db,
    (last) => sql`select id, code, reporter_enc from hotline_items
      where reporter_enc is not null and ${notUnderCurrentKey(crypto, sql`reporter_enc`)} ${afterId(last)}
      order by id limit ${ROTATION_BATCH}`,
    (tx, rows) => {
      const updates = rows.map((r) => {
        const personId = crypto.decrypt(r.reporter_enc, reporterContext(r.code));
        return {
          id: Number(r.id),
          old: r.reporter_enc,
          enc: crypto.encrypt(personId, reporterContext(r.code)),
          index: crypto.blindIndex(personId, REPORTER_PURPOSE),
        };
      });
      return updatedRows(
        tx,
        sql`update hotline_items h set reporter_enc = x.enc, reporter_index = x.index
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, enc text, index text)
          where h.id = x.id and h.reporter_enc = x.old`,
      );
    },
  );
  return {
    'confidential reporters': reporters,
    '"me too" votes': await rotateMeToo(db, crypto),
    '"me too" votes of closed items retired': await retireClosedVotes(db),
  };
}

/** Marks a vote whose hash was replaced by a random token (see retireClosedVotes). */
const RETIRED = 'retired:';

/**
 * The votes of items that no longer take a "me too" (closed, confirmed) are never looked up
 * again: only their number counts. Instead of recomputing their keyed hash (items × people),
 * it is replaced by a random token, so that no secret, old or new, links them to anyone.
 */
async function retireClosedVotes(db: Db): Promise<number> {
  const states = sql.join(
    TAKES_ME_TOO.map((s) => sql`${s}`),
    sql`, `,
  );
  return updatedRows(
    db,
    sql`update hotline_me_too m set voter_hash = ${RETIRED} || gen_random_uuid()::text
      from hotline_items h
      where h.id = m.item_id and h.state not in (${states}) and m.voter_hash not like ${`${RETIRED}%`}`,
  );
}

async function rotateMeToo(db: Db, crypto: FieldCrypto): Promise<number> {
  if (!crypto.previousBlindIndexes('', ME_TOO_PURPOSE).length) return 0;
  let personIds: number[] | undefined;
  const states = sql.join(
    TAKES_ME_TOO.map((s) => sql`${s}`),
    sql`, `,
  );
  let changed = 0;
  let last: { id: string } | undefined;
  for (;;) {
    const items = await queryRows<{ id: string }>(
      db,
      // From the votes (keyed by item first), not from the items: a few hundred, not 500,000.
      sql`select distinct m.item_id as id from hotline_me_too m join hotline_items h on h.id = m.item_id
        where h.state in (${states}) ${afterId(last, sql`m.item_id`)}
        order by m.item_id limit ${ROTATION_BATCH}`,
    );
    for (const item of items) {
      personIds ??= (await db.select({ id: people.id }).from(people)).map((p) => p.id);
      changed += await rotateItemVotes(db, crypto, Number(item.id), personIds);
    }
    if (items.length < ROTATION_BATCH) return changed;
    last = items[items.length - 1];
  }
}

async function rotateItemVotes(db: Db, crypto: FieldCrypto, itemId: number, personIds: number[]) {
  return db.transaction(async (tx) => {
    const votes = new Set(
      (
        await queryRows<{ voter_hash: string }>(
          tx,
          sql`select voter_hash from hotline_me_too where item_id = ${itemId} for update`,
        )
      ).map((v) => v.voter_hash),
    );
    if (!votes.size) return 0;
    const replaced: { old: string; hash: string }[] = [];
    const duplicates: string[] = [];
    for (const personId of personIds) {
      const value = meTooValue(personId, itemId);
      const olds = crypto.previousBlindIndexes(value, ME_TOO_PURPOSE).filter((h) => votes.has(h));
      if (!olds.length) continue;
      // One vote per person: the current key's if there is one already, else the first old one re-keyed.
      const hash = crypto.blindIndex(value, ME_TOO_PURPOSE);
      olds.forEach((old, i) => {
        if (i === 0 && !votes.has(hash)) replaced.push({ old, hash });
        else duplicates.push(old);
      });
    }
    if (replaced.length) {
      await tx.execute(sql`update hotline_me_too m set voter_hash = x.hash
        from jsonb_to_recordset(${JSON.stringify(replaced)}::jsonb) as x(old text, hash text)
        where m.item_id = ${itemId} and m.voter_hash = x.old`);
    }
    if (duplicates.length) {
      const gone = await updatedRows(
        tx,
        sql`delete from hotline_me_too where item_id = ${itemId}
          and voter_hash in (${sql.join(
            duplicates.map((d) => sql`${d}`),
            sql`, `,
          )})`,
      );
      await tx.execute(
        sql`update hotline_items set me_too = greatest(me_too - ${gone}, 0) where id = ${itemId}`,
      );
    }
    return replaced.length + duplicates.length;
  });
}
