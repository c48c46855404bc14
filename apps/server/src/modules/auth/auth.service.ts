import { passwordProblems, type TLoginRequest } from '@lifeline/shared';
import { eq, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/authz/actor.js';
import { auditActor } from '../../platform/authz/actor.js';
import { forgetActors } from '../../platform/authz/actor-cache.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { people, phoneHeldBy } from '../people/index.js';
import { accounts } from './auth.table.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';
import { createSession, deleteOtherSessions } from './sessions.js';
import { assertNotThrottled, clearLogin, loginKeyFor, recordFailure, throttleKeys } from './throttle.js';

type RequestMeta = { ip: string | null; userAgent: string | null; requestId: string | null };

/** The same answer for an unknown login, a wrong password and a disabled account. */
const WRONG = () => new AppError('unauthenticated', 'Wrong login or password');

/**
 * Checks a login (employee number, or the phone number of a person on the roster: one holds it)
 * and opens a session. Throttling and lockout are counted in the database.
 */
export async function login(
  db: Db,
  input: TLoginRequest,
  meta: RequestMeta,
): Promise<{ token: string; accountId: number }> {
  const login = input.login.trim();
  const matches = await db
    .select({
      id: accounts.id,
      personId: accounts.personId,
      hash: accounts.passwordHash,
      disabled: accounts.disabled,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(or(eq(people.employeeNo, login), phoneHeldBy(login)))
    .limit(2);
  const account = matches.length === 1 ? matches[0] : undefined;
  const keys = throttleKeys(loginKeyFor(account?.id ?? null, login), meta.ip);
  await assertNotThrottled(db, keys);

  const ok = await verifyPassword(input.password, account?.hash ?? DUMMY_HASH);
  if (!account || !ok || account.disabled) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, keys);
      await writeAudit(
        tx,
        { personId: null, ip: meta.ip, requestId: meta.requestId },
        {
          action: 'auth.login_failed',
          recordType: 'account',
          recordId: account?.id ?? null,
          details: { reason: !account ? 'unknown_login' : account.disabled ? 'disabled' : 'wrong_password' },
        },
      );
    });
    throw WRONG();
  }
  return db.transaction(async (tx) => {
    await clearLogin(tx, keys);
    await tx.update(accounts).set({ lastLoginAt: sql`now()` }).where(eq(accounts.id, account.id));
    const token = await createSession(tx, account.id, meta);
    await writeAudit(
      tx,
      { personId: account.personId, role: 'employee', ip: meta.ip, requestId: meta.requestId },
      { action: 'auth.login', recordType: 'account', recordId: account.id },
    );
    return { token, accountId: account.id };
  });
}

/** Changes the actor's own password; every other session of the account ends. */
export async function changeOwnPassword(db: Db, actor: Actor, current: string, next: string): Promise<void> {
  const [row] = await db
    .select({
      hash: accounts.passwordHash,
      phone: people.phone,
      employeeNo: people.employeeNo,
      pinyin: people.namePinyin,
    })
    .from(accounts)
    .innerJoin(people, eq(people.id, accounts.personId))
    .where(eq(accounts.id, actor.accountId));
  if (!row || !(await verifyPassword(current, row.hash))) {
    throw new AppError('validation_failed', 'The current password is wrong', { field: 'currentPassword' });
  }
  const problems = passwordProblems(next, [row.employeeNo, row.phone ?? '', row.pinyin.replace(/ /g, '')]);
  if (current === next) problems.push('same_as_current');
  if (problems.length) {
    throw new AppError('validation_failed', 'The new password does not meet the password policy', {
      field: 'newPassword',
      problems,
    });
  }
  const hash = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({
        passwordHash: hash,
        mustChangePassword: false,
        passwordChangedAt: sql`now()`,
        updatedAt: sql`now()`,
        version: sql`${accounts.version} + 1`,
      })
      .where(eq(accounts.id, actor.accountId));
    await deleteOtherSessions(tx, actor.accountId, actor.sessionId);
    await writeAudit(tx, auditActor(actor), {
      action: 'account.password_changed',
      recordType: 'account',
      recordId: actor.accountId,
      unitId: actor.unitId,
      changes: { password: { before: '***', after: '***' } },
    });
  });
  // After the commit: this session's cached actor still said a change was due; the others are gone.
  forgetActors({ accountId: actor.accountId });
}
