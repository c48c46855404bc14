import { sql } from 'drizzle-orm';
import { bigint, customType, integer } from 'drizzle-orm/pg-core';

/** Surrogate key: a bigint identity, handled as a JS number (safe up to 2^53). */
export const idColumn = () => bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity();

/** A foreign key column to another table's `idColumn`. */
export const refColumn = (name: string) => bigint(name, { mode: 'number' });

/**
 * PostgreSQL's text form of a timestamptz (`2026-11-23 11:55:28.505+00`) as ISO 8601 in UTC
 * (`2026-11-23T11:55:28.505Z`), the form the API promises.
 */
export function pgTimestampToIso(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2})(?::?(\d{2}))?$/.exec(value);
  if (!m) return value;
  const zone = m[3] === 'Z' ? 'Z' : `${m[3]}:${m[4] ?? '00'}`;
  return new Date(`${m[1]}T${m[2]}${zone}`).toISOString();
}

const timestamptz = customType<{ data: string; driverData: string | Date }>({
  dataType: () => 'timestamp with time zone',
  fromDriver: pgTimestampToIso,
  toDriver: (value) => value,
});

/** `timestamptz` read as an ISO 8601 string (UTC) and written from one. */
export const tsColumn = (name: string) => timestamptz(name);

/** `now()` as a column default. */
export const NOW = sql`now()`;

/** Creation and change times, and the version used for optimistic locking. */
export const timestamps = () => ({
  createdAt: tsColumn('created_at').notNull().default(NOW),
  updatedAt: tsColumn('updated_at').notNull().default(NOW),
});

export const versionColumn = () => integer('version').notNull().default(1);
