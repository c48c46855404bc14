import { inArray, sql } from 'drizzle-orm';
import { queryOne, queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { loginThrottle } from './auth.table.js';

/**
 * Per login (account, or the text typed when no account matches): locked at every fifth
 * consecutive failure, 15 minutes the first time and twice as long each time after, at most a
 * day; the count is forgotten after a success or a day without failures.
 */
export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;
export const LOCK_MAX_MINUTES = 24 * 60;
export const FORGET_HOURS = 24;
/** Per (address, login): from the third consecutive failure, 1 s, 2 s, 4 s … between attempts, at most 15 minutes. */
export const PAIR_FREE_FAILURES = 3;
export const PAIR_MAX_DELAY_SECONDS = 15 * 60;
/**
 * Per address: once 20 different logins have failed from it within 15 minutes, 1 s, 2 s, 4 s …
 * between attempts, at most 30 s — a NAT's other users wait that long at most, and not at all
 * for a login that has succeeded from that address in the last 90 days.
 */
export const ADDRESS_FAILURES = 20;
export const ADDRESS_WINDOW_MINUTES = 15;
export const ADDRESS_MAX_DELAY_SECONDS = 30;
export const KNOWN_DAYS = 90;

/** The rows of `login_throttle` one login attempt reads and writes. */
export type ThrottleKeys = { login: string; address: string; pair: string; known: string };

/** The keys of an attempt: the login's (see `loginKeyFor`), the address's, and the pair's. */
export function throttleKeys(loginKey: string, ip: string | null): ThrottleKeys {
  const address = `ip:${ip ?? 'unknown'}`;
  return {
    login: loginKey,
    address,
    pair: `pair:${address}|${loginKey}`,
    known: `known:${address}|${loginKey}`,
  };
}

/**
 * Throws 423 while the login is locked, 429 (with Retry-After) while the pair or the address
 * must wait. The address's wait does not apply to a login that has succeeded from it before.
 */
export async function assertNotThrottled(db: Db, keys: ThrottleKeys): Promise<void> {
  const rows = await queryRows<{ key: string; retry: number; known: boolean }>(
    db,
    sql`select key, ceil(extract(epoch from (locked_until - now())))::int as retry, false as known
          from login_throttle where key in (${keys.login}, ${keys.pair}, ${keys.address}) and locked_until > now()
        union all
        select key, 0, true from login_throttle
         where key = ${keys.known} and window_started_at > now() - make_interval(days => ${KNOWN_DAYS})`,
  );
  const retry = (key: string) => rows.find((r) => r.key === key && !r.known)?.retry;
  const locked = retry(keys.login);
  if (locked !== undefined) {
    throw new AppError('account_locked', 'Too many failed logins; this login is locked for a while', {
      retryAfterSeconds: Math.max(1, locked),
    });
  }
  const known = rows.some((r) => r.known);
  const wait = retry(keys.pair) ?? (known ? undefined : retry(keys.address));
  if (wait !== undefined) {
    throw new AppError('rate_limited', 'Too many failed logins from this address; try again shortly', {
      retryAfterSeconds: Math.max(1, wait),
    });
  }
}

/**
 * Counts a failure in atomic upserts, so that all instances share the counts: the login's
 * (and its lock), the pair's (and its delay), and — for the first failure of this login from
 * this address in the window — the address's, which therefore counts different logins: one
 * account hammered from an address slows that pair, not the address's other users.
 */
export async function recordFailure(db: Db, keys: ThrottleKeys): Promise<void> {
  const forget = sql`make_interval(hours => ${FORGET_HOURS})`;
  const previous = await queryOne<{ fresh: boolean }>(
    db,
    sql`select window_started_at < now() - make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) as fresh
          from login_throttle where key = ${keys.pair}`,
  );
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${keys.pair}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at > now() - ${forget} then login_throttle.failures + 1 else 1 end,
      window_started_at = now()`);
  await db.execute(sql`
    update login_throttle
       set locked_until = now() + make_interval(secs => least(power(2, failures - ${PAIR_FREE_FAILURES}), ${PAIR_MAX_DELAY_SECONDS}))
     where key = ${keys.pair} and failures >= ${PAIR_FREE_FAILURES}`);
  if (!previous || previous.fresh) {
    const inWindow = sql`login_throttle.window_started_at + make_interval(mins => ${ADDRESS_WINDOW_MINUTES}) > now()`;
    await db.execute(sql`
      insert into login_throttle (key, failures, window_started_at) values (${keys.address}, 1, now())
      on conflict (key) do update set
        failures = case when ${inWindow} then login_throttle.failures + 1 else 1 end,
        window_started_at = case when ${inWindow} then login_throttle.window_started_at else now() end`);
    await db.execute(sql`
      update login_throttle
         set locked_until = now() + make_interval(secs => least(power(2, failures - ${ADDRESS_FAILURES}), ${ADDRESS_MAX_DELAY_SECONDS}))
       where key = ${keys.address} and failures >= ${ADDRESS_FAILURES}`);
  }
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${keys.login}, 1, now())
    on conflict (key) do update set
      failures = case when login_throttle.window_started_at > now() - ${forget} then login_throttle.failures + 1 else 1 end,
      window_started_at = now()`);
  await db.execute(sql`
    update login_throttle
       set locked_until = now() + make_interval(secs => least(${LOCK_MINUTES * 60} * power(2, failures / ${LOCK_AFTER_FAILURES} - 1), ${LOCK_MAX_MINUTES * 60}))
     where key = ${keys.login} and failures % ${LOCK_AFTER_FAILURES} = 0`);
}

/**
 * A successful login clears the login's and the pair's counts (not the address's) and
 * remembers that this login succeeded from this address, which spares it the address's wait.
 */
export async function clearLogin(db: Db, keys: ThrottleKeys): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.login, keys.pair]));
  await db.execute(sql`
    insert into login_throttle (key, failures, window_started_at) values (${keys.known}, 0, now())
    on conflict (key) do update set window_started_at = now()`);
}

/**
 * An administrator's unlock: the account's lock and the delays of every (address, account) pair,
 * so that its owner can log in at once from wherever they tried.
 */
export async function clearAccountLocks(db: Db, accountId: number): Promise<void> {
  const key = loginKeyFor(accountId, '');
  await db.execute(sql`delete from login_throttle where key = ${key} or key like ${`pair:%|${key}`}`);
}

/** The key a login is counted under: its account when one matches, else the text typed. */
export function loginKeyFor(accountId: number | null, login: string): string {
  return accountId ? `account:${accountId}` : `login:${login.trim().toLowerCase()}`;
}
