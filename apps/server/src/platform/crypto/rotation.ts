import { type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../db/sql.js';
import type { Db } from '../db/types.js';
import type { FieldCrypto } from './field-crypto.js';

/**
 * Key rotation (`lifeline rotate-keys`, ADR 0008): each module that owns values encrypted or
 * keyed with LIFELINE_SECRET exports a `rotate…Keys(db, crypto)` that re-encrypts them under the
 * current key and recomputes their keyed hashes. It answers how many values it changed, by kind
 * (the words the CLI prints), and changes nothing on a second run.
 */
export type RotationCounts = Record<string, number>;

/** Rows per batch: each batch is read, re-encrypted and written back in one transaction. */
export const ROTATION_BATCH = 500;

/** A ciphertext column whose value was not made by the current key (`enc:v1:<key id>:…`). */
export function notUnderCurrentKey(crypto: FieldCrypto, column: SQL): SQL {
  return sql`${column} not like ${`enc:v1:${crypto.currentKeyId}:%`}`;
}

/**
 * Walks a table in batches: `select(last)` reads the next rows to rotate (at most ROTATION_BATCH,
 * in key order, after `last`, the previous batch's last row, or from the start), `apply` writes
 * them back in the batch's transaction and answers how many it changed. Paging by key, not by
 * "still under an old key", so that a row `apply` leaves as it was (changed meanwhile, or not to
 * be rotated) is not read again forever.
 */
export async function rotateInBatches<T>(
  db: Db,
  select: (last: T | undefined) => SQL,
  apply: (tx: Db, rows: T[]) => Promise<number>,
): Promise<number> {
  let changed = 0;
  let last: T | undefined;
  for (;;) {
    const rows = await db.transaction(async (tx) => {
      const batch = await queryRows<T>(tx, select(last));
      if (batch.length) changed += await apply(tx, batch);
      return batch;
    });
    if (rows.length < ROTATION_BATCH) return changed;
    last = rows[rows.length - 1];
  }
}

/** `and id > <last id>` for a batch after the first (tables keyed by a bigint id). */
export const afterId = (last: { id: string | number } | undefined, column: SQL = sql`id`): SQL =>
  last ? sql`and ${column} > ${Number(last.id)}` : sql``;

/** Number of rows an UPDATE … RETURNING 1 touched. */
export async function updatedRows(db: Db, update: SQL): Promise<number> {
  return (await queryRows(db, sql`${update} returning 1`)).length;
}
