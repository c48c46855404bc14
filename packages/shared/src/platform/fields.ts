import { z } from 'zod';

const MAX_INT4 = 2_147_483_647;

/**
 * The version a client read and sends back (optimistic locking): a whole number the database's
 * integer column can hold, so that a forged huge number is a 400 here, not a database error.
 */
export const ZVersion = z.number().int().min(0).max(MAX_INT4);

/** True when `YYYY-MM-DD` names a day that exists (not 2026-02-30). */
export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A calendar date as `YYYY-MM-DD`, refused when no such day exists. */
export const ZDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isRealDate, 'No such date');
