import { passwordProblems, type TAccount } from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../platform/authz/actor.js';
import { forgetActors } from '../../platform/authz/actor-cache.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { getPerson } from '../people/index.js';
import { holdingsOf } from '../roles/index.js';
import { type AccountRecord, accountPolicy } from './accounts.policy.js';
import { accounts, loginThrottle } from './auth.table.js';
import { hashPassword } from './passwords.js';
import { deleteAllSessions } from './sessions.js';
import { clearAccountLocks, loginKeyFor } from './throttle.js';

type AccountRow = typeof accounts.$inferSelect;

export async function presentAccount(
  db: Db,
  actor: Actor,
  record: AccountRecord,
  row: AccountRow,
): Promise<TAccount> {
  const [lock] = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(sql`${loginThrottle.key} = ${loginKeyFor(row.id, '')} and ${loginThrottle.lockedUntil} > now()`);
  return {
    personId: row.personId,
    disabled: row.disabled,
    mustChangePassword: row.mustChangePassword,
    lockedUntil: lock?.lockedUntil ?? null,
    lastLoginAt: row.lastLoginAt,
    createdAt: row.createdAt,
    abilities: accountPolicy.abilities(actor, record, ['update']),
  };
}

function assertPolicy(password: string, personal: string[]) {
  const problems = passwordProblems(password, personal);
  if (problems.length) {
    throw new AppError('validation_failed', 'The password does not meet the password policy', { problems });
  }
}

/** The person (visible to the caller) with their account, authorized for the action. */
async function loadFor(db: Db, actor: Actor, personId: number, action: 'read' | 'create' | 'update') {
  const person = await getPerson(db, actor, personId);
  const record: AccountRecord = {
    unitPath: person.unitPath,
    personId,
    holdings: (await holdingsOf(db, [personId])).get(personId) ?? [],
  };
  const grant = accountPolicy.authorize(actor, action, record);
  const [account] = await db.select().from(accounts).where(eq(accounts.personId, personId));
  return { person, grant, account, record };
}

export async function getAccount(db: Db, actor: Actor, personId: number): Promise<TAccount> {
  const { account, record } = await loadFor(db, actor, personId, 'read');
  if (!account) throw notFound('Account');
  return presentAccount(db, actor, record, account);
}

/** Gives a person an account with an initial password that must be changed at first login. */
export async function createAccount(db: Db, actor: Actor, personId: number, initialPassword: string) {
  return db.transaction(async (tx) => {
    const { person, grant, account, record } = await loadFor(tx, actor, personId, 'create');
    if (account) throw new AppError('conflict', 'This person already has an account');
    assertPolicy(initialPassword, [person.employeeNo, person.phone ?? '']);
    const [row] = await tx
      .insert(accounts)
      .values({ personId, passwordHash: await hashPassword(initialPassword), mustChangePassword: true })
      .returning();
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'account.create',
      recordType: 'account',
      recordId: row.id,
      unitId: person.unitId,
      details: { personId },
    });
    return presentAccount(tx, actor, record, row);
  });
}

/** Disables or enables, resets the password (to be changed at next login), or lifts a lockout. */
export async function updateAccount(
  db: Db,
  actor: Actor,
  personId: number,
  input: { disabled?: boolean; resetPassword?: string; unlock?: boolean },
) {
  const answer = await db.transaction(async (tx) => {
    const { person, grant, account, record } = await loadFor(tx, actor, personId, 'update');
    if (!account) throw notFound('Account');
    const set: Partial<typeof accounts.$inferInsert> = {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (input.disabled !== undefined && input.disabled !== account.disabled) {
      if (personId === actor.personId)
        throw new AppError('validation_failed', 'You cannot disable your own account');
      set.disabled = input.disabled;
      changes.disabled = { before: account.disabled, after: input.disabled };
    }
    if (input.resetPassword) {
      assertPolicy(input.resetPassword, [person.employeeNo, person.phone ?? '']);
      set.passwordHash = await hashPassword(input.resetPassword);
      set.mustChangePassword = true;
      changes.password = { before: '***', after: '***' };
    }
    const [row] = await tx
      .update(accounts)
      .set({ ...set, updatedAt: sql`now()`, version: sql`${accounts.version} + 1` })
      .where(eq(accounts.id, account.id))
      .returning();
    if (set.disabled || set.passwordHash) await deleteAllSessions(tx, account.id);
    if (input.unlock) {
      await clearAccountLocks(tx, account.id);
      changes.locked = { before: true, after: false };
    }
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'account.update',
      recordType: 'account',
      recordId: account.id,
      unitId: person.unitId,
      changes,
    });
    return presentAccount(tx, actor, record, row);
  });
  // After the commit: a session look-up racing with it cannot keep what it read before.
  forgetActors({ personId });
  return answer;
}
