import { passwordProblems, type TAccount } from '@lifeline/shared';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/audit.js';
import { type Actor, auditActor, authorize } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import { AppError, notFound } from '../../platform/errors.js';
import { findPerson } from '../people/people.service.js';
import { accounts, loginThrottle } from './auth.table.js';
import { hashPassword } from './passwords.js';
import { deleteAllSessions } from './sessions.js';
import { loginKeyFor } from './throttle.js';

type AccountRow = typeof accounts.$inferSelect;

export async function presentAccount(db: Db, row: AccountRow): Promise<TAccount> {
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
  };
}

function assertPolicy(password: string, personal: string[]) {
  const problems = passwordProblems(password, personal);
  if (problems.length) {
    throw new AppError('validation_failed', 'The password does not meet the password policy', { problems });
  }
}

async function loadFor(db: Db, actor: Actor, personId: number) {
  const person = await findPerson(db, personId);
  authorize(actor, 'person.read', person.unitPath, 'Person');
  const grant = authorize(actor, 'account.manage', person.unitPath, 'Person');
  const [account] = await db.select().from(accounts).where(eq(accounts.personId, personId));
  return { person, grant, account };
}

export async function getAccount(db: Db, actor: Actor, personId: number): Promise<TAccount> {
  const { account } = await loadFor(db, actor, personId);
  if (!account) throw notFound('Account');
  return presentAccount(db, account);
}

/** Gives a person an account with an initial password that must be changed at first login. */
export async function createAccount(db: Db, actor: Actor, personId: number, initialPassword: string) {
  return db.transaction(async (tx) => {
    const { person, grant, account } = await loadFor(tx, actor, personId);
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
    return presentAccount(tx, row);
  });
}

/** Disables or enables, resets the password (to be changed at next login), or lifts a lockout. */
export async function updateAccount(
  db: Db,
  actor: Actor,
  personId: number,
  input: { disabled?: boolean; resetPassword?: string; unlock?: boolean },
) {
  return db.transaction(async (tx) => {
    const { person, grant, account } = await loadFor(tx, actor, personId);
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
      await tx.delete(loginThrottle).where(eq(loginThrottle.key, loginKeyFor(account.id, '')));
      changes.locked = { before: true, after: false };
    }
    await writeAudit(tx, auditActor(actor, grant), {
      action: 'account.update',
      recordType: 'account',
      recordId: account.id,
      unitId: person.unitId,
      changes,
    });
    return presentAccount(tx, row);
  });
}
