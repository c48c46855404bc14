import { type SQL, sql } from 'drizzle-orm';
import { accounts } from './auth.table.js';

/**
 * SQL: the person in the column has an account. A function, not a constant, so that a module
 * that imports it while this module imports that one (the roster) reads it only when it runs.
 */
export function hasAccountSql(personId: unknown): SQL<boolean> {
  return sql<boolean>`exists (select 1 from ${accounts} where ${accounts.personId} = ${personId})`;
}
