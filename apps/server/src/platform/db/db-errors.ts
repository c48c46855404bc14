import type { TErrorCode } from '@lifeline/shared';

/** The fields of a PostgreSQL error (node-postgres' DatabaseError, on both engines) that we read. */
export type DatabaseError = Error & {
  code: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** True for an error that PostgreSQL answered (it carries an SQLSTATE and a severity). */
export function isDatabaseError(err: unknown): err is DatabaseError {
  const e = err as Partial<DatabaseError> | null;
  return (
    !!e && typeof e === 'object' && typeof e.code === 'string' && SQLSTATE.test(e.code) && 'severity' in e
  );
}

/**
 * The PostgreSQL error behind an error, looked for through the `cause` chain: Drizzle wraps
 * the driver's error in its own ("Failed query: …"), and our code may wrap it again.
 */
export function databaseErrorIn(err: unknown): DatabaseError | null {
  let current: unknown = err;
  for (let depth = 0; current && depth < 8; depth += 1) {
    if (isDatabaseError(current)) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/**
 * How a database error that the input caused is answered, or null when it is our fault (a
 * 500). Data exceptions (class 22: a value out of range, text the encoding refuses, a malformed
 * literal) and broken NOT NULL/CHECK rules are bad input; a duplicate, a broken reference or a
 * lost race between two writers is a conflict with the data as it is now.
 */
export function inputFailure(err: DatabaseError): { code: TErrorCode; message: string } | null {
  const state = err.code;
  if (state.startsWith('22'))
    return { code: 'validation_failed', message: 'A value is not valid for its field' };
  switch (state) {
    case '23502':
      return { code: 'validation_failed', message: 'A required value is missing' };
    case '23514':
      return { code: 'validation_failed', message: 'A value breaks a rule of its field' };
    case '54000':
      return { code: 'validation_failed', message: 'A value is too long' };
    case '23505':
      return { code: 'conflict', message: 'A record with the same value already exists' };
    case '23503':
      return { code: 'conflict', message: 'The record refers to, or is used by, another record' };
    case '23P01':
      return { code: 'conflict', message: 'The record overlaps another record' };
    case '40001':
    case '40P01':
      return { code: 'conflict', message: 'Someone else changed the same data at the same time; try again' };
    default:
      return null;
  }
}
