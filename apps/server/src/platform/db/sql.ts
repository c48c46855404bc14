import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from './types.js';

/** Runs raw SQL and returns its rows; both engines answer with `{ rows }`. */
export async function queryRows<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** Runs raw SQL and returns its first row, or undefined. */
export async function queryOne<T = Record<string, unknown>>(db: Db, query: SQL): Promise<T | undefined> {
  return (await queryRows<T>(db, query))[0];
}

/**
 * Today's date in Asia/Shanghai as SQL. UTC+8 without daylight saving; written without a
 * time-zone database so that both engines answer the same.
 */
export const SHANGHAI_TODAY = sql`((now() at time zone 'UTC') + interval '8 hours')::date`;

/**
 * A text[] parameter as one bound value (instead of one parameter per element), for
 * `col = any(…)` look-ups of thousands of keys.
 */
export function textArray(values: string[]): SQL {
  const literal = `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  return sql`${literal}::text[]`;
}

/**
 * A text for LIKE with its wildcards taken literally (`_` and `%` are common in codes and
 * action names): PostgreSQL's default escape character is the backslash.
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
