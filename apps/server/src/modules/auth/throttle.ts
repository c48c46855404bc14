import { eq, sql } from 'drizzle-orm';
import { queryOne } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { loginThrottle } from './auth.table.js';

/** Failed logins before a login is locked, and for how long. */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
/** Failed logins from one address within the window before it is slowed down. */
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 15;

/** Throws 423 when the login is locked, 429 (with Retry-After) when the address is being slowed. */
export async function assertNotThrottled(db: Db, loginKey: string, addressKey: string): Promise<void> {
  const address = await queryOne<{ retry: number }>(
    db,
    sql`select ceil(extract(epoch from (window_started_at + make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) - now())))::int as retry
        from login_throttle
        where key = ${addressKey} and failures >= ${ADDRESS_FAILURES}
          and window_started_at + make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) > now()`,
  );
  if (address) {
    throw new AppError('rate_limited', 'Too many failed logins from this address; try again later', {
      retryAfterSeconds: Math.max(1, address.retry),
    });
  }
  const locked = await queryOne<{ retry: number }>(
    db,
    sql`select ceil(extract(epoch from (locked_until - now())))::int as retry
        from login_throttle where key = ${loginKey} and locked_until > now()`,
  );
  if (locked) {
    throw new AppError('account_locked', 'Too many failed logins; this login is locked for a while', {
      retryAfterSeconds: Math.max(1, locked.retry),
    });
  }
}

/**
 * Counts a failure for the login and the address in single atomic upserts, so that all
 * instances share the counts. The login locks at the fifth failure.
 */
export async function recordFailure(db: Db, loginKey: string, addressKey: string): Promise<void> {
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${addressKey}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at + make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) > now()
                      then login_throttle.failures + 1 else 1 end,
      window_started_at = case when login_throttle.window_started_at + make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) > now()
                      then login_throttle.window_started_at else now() end`);
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${loginKey}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.failures + 1 >= ${LOCK_AFTER_FAILURES} then 0 else login_throttle.failures + 1 end,
      locked_until = case when login_throttle.failures + 1 >= ${LOCK_AFTER_FAILURES}
                          then now() + make_interval(mins => ${LOCK_MINUTES}) else login_throttle.locked_until end`);
}

/** A successful login clears the login's counter (not the address's). */
export async function clearLogin(db: Db, loginKey: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, loginKey));
}

/** The key a login is counted under: its account when one matches, else the text typed. */
export function loginKeyFor(accountId: number | null, login: string): string {
  return accountId ? `account:${accountId}` : `login:${login.trim().toLowerCase()}`;
}
