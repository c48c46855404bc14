import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../crypto/field-crypto.js';
import {
  afterId,
  notUnderCurrentKey,
  ROTATION_BATCH,
  type RotationCounts,
  rotateInBatches,
  updatedRows,
} from '../crypto/rotation.js';
import { queryRows } from '../db/sql.js';
import type { Db } from '../db/types.js';
import { notifications } from './notifications.table.js';
import type { Notice } from './notify.js';

const RECIPIENT_PURPOSE = 'notification_recipient';

/**
 * The keyed hash under which a person's private notices wait: the server computes it from the
 * logged-in person, but a copy of the database cannot turn it back into a person without the
 * secret. Its purpose differs from every other blind index, so it joins nothing else.
 */
export const recipientKey = (crypto: FieldCrypto, personId: number) =>
  crypto.blindIndex(String(personId), RECIPIENT_PURPOSE);

/**
 * Every key a person's private notices may wait under: the current secret's, then each previous
 * secret's (notices left before a key rotation, until `rotate-keys` has re-keyed them). The
 * inbox looks under all of them.
 */
export const recipientKeys = (crypto: FieldCrypto, personId: number) =>
  crypto.blindIndexes(String(personId), RECIPIENT_PURPOSE);

const sealContext = (key: string) => `notification:${key}`;

/**
 * Puts a notice in the inbox of each person without tying them to it in the database: no
 * person id (a keyed hash instead), and its parameters and link sealed, as they name what it
 * is about (a confidential reporter's item). Read ones are deleted (see the notifications
 * routes), so that no read time links them to the reader's other notices either.
 */
export async function notifyPrivately(
  db: Db,
  crypto: FieldCrypto,
  personIds: (number | null | undefined)[],
  notice: Notice,
): Promise<void> {
  const ids = [...new Set(personIds.filter((id): id is number => typeof id === 'number'))];
  if (!ids.length) return;
  const content = JSON.stringify({ params: notice.params ?? {}, link: notice.link ?? null });
  await db.insert(notifications).values(
    ids.map((personId) => {
      const key = recipientKey(crypto, personId);
      return { recipientKey: key, kind: notice.kind, sealed: crypto.encrypt(content, sealContext(key)) };
    }),
  );
}

/**
 * What a private notice says, for its reader's inbox. One sealed under a secret no longer
 * configured reads as empty rather than failing the whole inbox.
 */
export function unsealNotice(
  crypto: FieldCrypto,
  row: { recipientKey: string | null; sealed: string | null; params: Notice['params']; link: string | null },
): { params: NonNullable<Notice['params']>; link: string | null } {
  if (!row.sealed || !row.recipientKey) return { params: row.params ?? {}, link: row.link };
  try {
    const opened = JSON.parse(crypto.decrypt(row.sealed, sealContext(row.recipientKey))) as {
      params: NonNullable<Notice['params']>;
      link: string | null;
    };
    return { params: opened.params, link: opened.link };
  } catch {
    return { params: {}, link: null };
  }
}

/**
 * After LIFELINE_SECRET changes (ADR 0008, 0013 addendum): moves private notices to the current
 * key. `recipient_key` is a keyed hash of a person id that the row does not hold, so it is
 * recomputed by hashing every person id of the roster (`personIds`, read only if some notice
 * needs it) under each previous secret and matching; the sealed content is opened with its old
 * key (its context is the old recipient key) and sealed again under the new one. A notice is
 * rotated when its `sealed` is not the current key's (both columns are always written
 * together), in batches, each row only if unchanged since read. A notice whose key matches no
 * person on the roster cannot be read by anyone and is left as it was (counted apart).
 */
export async function rotateNotificationKeys(
  db: Db,
  crypto: FieldCrypto,
  personIds: () => Promise<number[]>,
): Promise<RotationCounts> {
  const stale = sql`recipient_key is not null and sealed is not null
    and ${notUnderCurrentKey(crypto, sql`sealed`)}`;
  if (!(await queryRows(db, sql`select 1 from notifications where ${stale} limit 1`)).length) {
    return { 'private notices': 0 };
  }
  const whose = new Map<string, number>();
  for (const id of await personIds())
    for (const key of crypto.previousBlindIndexes(String(id), RECIPIENT_PURPOSE)) whose.set(key, id);
  let unmatched = 0;
  const rotated = await rotateInBatches<{ id: string; recipient_key: string; sealed: string }>(
    db,
    (last) => sql`select id, recipient_key, sealed from notifications
      where ${stale} ${afterId(last)} order by id limit ${ROTATION_BATCH}`,
    async (tx, rows) => {
      const updates = [];
      for (const r of rows) {
        const personId = whose.get(r.recipient_key);
        if (personId === undefined) {
          unmatched += 1;
          continue;
        }
        const key = recipientKey(crypto, personId);
        const content = crypto.decrypt(r.sealed, sealContext(r.recipient_key));
        updates.push({
          id: Number(r.id),
          old: r.sealed,
          key,
          sealed: crypto.encrypt(content, sealContext(key)),
        });
      }
      if (!updates.length) return 0;
      return updatedRows(
        tx,
        sql`update notifications n set recipient_key = x.key, sealed = x.sealed
          from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) as x(id bigint, old text, key text, sealed text)
          where n.id = x.id and n.sealed = x.old`,
      );
    },
  );
  return unmatched
    ? {
        'private notices': rotated,
        'private notices left as they were (no person on the roster matches)': unmatched,
      }
    : { 'private notices': rotated };
}
