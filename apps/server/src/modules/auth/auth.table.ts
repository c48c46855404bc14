import { boolean, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, timestamps, tsColumn, versionColumn } from '../../platform/db/columns.js';
import { people } from '../people/people.table.js';

/** A person's login: password hash (scrypt), status. Logging in uses the employee number or phone. */
export const accounts = pgTable(
  'accounts',
  {
    id: idColumn(),
    personId: refColumn('person_id')
      .notNull()
      .references(() => people.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(true),
    passwordChangedAt: tsColumn('password_changed_at'),
    disabled: boolean('disabled').notNull().default(false),
    lastLoginAt: tsColumn('last_login_at'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [uniqueIndex('accounts_person_idx').on(t.personId)],
);

/** Sessions live in the database so any instance can serve any request. Keyed by the token's hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    accountId: refColumn('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: tsColumn('created_at').notNull().default(NOW),
    lastSeenAt: tsColumn('last_seen_at').notNull().default(NOW),
    expiresAt: tsColumn('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Failed-login counters shared by all instances: per login (locked for growing periods), per
 * (address, login) pair and per address (growing waits answered 429, the address's capped), and
 * the logins that succeeded from an address (spared its wait); rules in throttle.ts. Unknown
 * logins are counted like real ones so that answers never reveal whether an account exists.
 */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: tsColumn('window_started_at').notNull().default(NOW),
  lockedUntil: tsColumn('locked_until'),
});
