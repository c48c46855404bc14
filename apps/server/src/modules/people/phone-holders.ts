import { and, eq, inArray, ne, type SQL, sql } from 'drizzle-orm';
import { textArray } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { AppError } from '../../platform/errors.js';
import { people } from './people.table.js';

/**
 * Who holds a phone number: people on the roster, in post or retired. A phone number is a login
 * name, so one of them at most has it (a partial unique index, people_phone_holder_idx, keeps the
 * same statuses). People who left give it up: carriers hand numbers on, and logging in by phone
 * looks only at holders.
 */
export const PHONE_HOLDER_STATUSES = ['active', 'retired'] as const;

/** Whether a person in this employment status holds their phone number. */
export const holdsPhone = (status: string) => (PHONE_HOLDER_STATUSES as readonly string[]).includes(status);

/** SQL: the person in `people` holds this phone number (for the login look-up). */
export const phoneHeldBy = (phone: string): SQL =>
  and(eq(people.phone, phone), inArray(people.employmentStatus, [...PHONE_HOLDER_STATUSES])) as SQL;

/**
 * The answer to a phone number someone else holds. It says only that: whose it is may be
 * another subsidiary's business.
 */
export const phoneInUse = () =>
  new AppError('conflict', 'This phone number is already in use', { field: 'phone', reason: 'phone_in_use' });

/** Refuses a phone number that another holder has (`exceptId`: the person being edited). */
export async function assertPhoneFree(
  db: Db,
  values: { phone?: string | null; employmentStatus: string },
  exceptId?: number,
): Promise<void> {
  if (!values.phone || !holdsPhone(values.employmentStatus)) return;
  const [other] = await db
    .select({ id: people.id })
    .from(people)
    .where(and(phoneHeldBy(values.phone), exceptId === undefined ? undefined : ne(people.id, exceptId)))
    .limit(1);
  if (other) throw phoneInUse();
}

/**
 * Whether an error is the database refusing a second holder of a phone number (two saves at
 * once both passed the check): looked for through the `cause` chain Drizzle wraps it in.
 */
export function isPhoneClash(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; constraint?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 8;
    i += 1
  ) {
    if (e.code === '23505' && e.constraint === 'people_phone_holder_idx') return true;
    e = e.cause as typeof e;
  }
  return false;
}

/** The phone numbers among `phones` that people hold, with the employee number of each holder. */
export async function phoneHolders(db: Db, phones: string[]): Promise<Map<string, string>> {
  if (!phones.length) return new Map();
  const rows = await db
    .select({ phone: people.phone, employeeNo: people.employeeNo })
    .from(people)
    .where(
      and(
        sql`${people.phone} = any(${textArray(phones)})`,
        inArray(people.employmentStatus, [...PHONE_HOLDER_STATUSES]),
      ),
    );
  return new Map(rows.map((r) => [r.phone as string, r.employeeNo]));
}
