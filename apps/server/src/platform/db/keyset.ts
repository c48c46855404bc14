/**
 * Reads a whole result in one pass, by keyset: each batch continues after the last row of the
 * one before (an index walk, not an OFFSET that re-reads what came before), until a short batch.
 */
export async function* keyset<T, K>(
  fetch: (after: K | null, limit: number) => Promise<T[]>,
  keyOf: (row: T) => K,
  limit = 1000,
): AsyncIterable<T[]> {
  let after: K | null = null;
  for (;;) {
    const rows = await fetch(after, limit);
    if (rows.length) yield rows;
    if (rows.length < limit) return;
    after = keyOf(rows[rows.length - 1]);
  }
}
