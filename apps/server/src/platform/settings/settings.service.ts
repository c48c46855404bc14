import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Actor, diffFields, writeAudit } from '../audit/audit.js';
import type { Db } from '../db/types.js';
import { AppError } from '../errors.js';
import { settings } from './settings.table.js';

export type StoredSetting<T> = { value: T; version: number; updatedAt: string | null };

/**
 * A setting's value: the stored one parsed with the module's schema (so a field added later
 * gets its default), or the defaults at version 0 when nobody has saved it yet.
 */
export async function readSetting<T>(
  db: Db,
  key: string,
  schema: z.ZodType<T>,
  defaults: T,
): Promise<StoredSetting<T>> {
  const [row] = await db.select().from(settings).where(eq(settings.key, key));
  if (!row) return { value: defaults, version: 0, updatedAt: null };
  const parsed = schema.safeParse({ ...(defaults as object), ...row.value });
  return { value: parsed.success ? parsed.data : defaults, version: row.version, updatedAt: row.updatedAt };
}

/**
 * Saves a setting if `version` is still the stored one (0: never saved), with an audit row of
 * what changed. A stale version is a 409 `conflict`: somebody saved in between.
 */
export async function writeSetting<T extends Record<string, unknown>>(
  db: Db,
  actor: Actor,
  key: string,
  value: T,
  version: number,
  before: T,
  /** Fields whose values the audit trail must not repeat (it records that they changed). */
  sensitive: (keyof T)[] = [],
): Promise<StoredSetting<T>> {
  return db.transaction(async (tx) => {
    let rows: { version: number; updatedAt: string }[];
    if (version === 0) {
      rows = await tx
        .insert(settings)
        .values({ key, value, version: 1, updatedBy: actor.personId ?? null })
        .onConflictDoNothing()
        .returning({ version: settings.version, updatedAt: settings.updatedAt });
    } else {
      rows = await tx
        .update(settings)
        .set({
          value,
          version: sql`${settings.version} + 1`,
          updatedAt: sql`now()`,
          updatedBy: actor.personId,
        })
        .where(sql`${settings.key} = ${key} and ${settings.version} = ${version}`)
        .returning({ version: settings.version, updatedAt: settings.updatedAt });
    }
    if (!rows.length)
      throw new AppError('conflict', 'These settings were changed by someone else; reload them');
    await writeAudit(tx, actor, {
      action: 'settings.update',
      recordType: 'settings',
      recordId: key,
      changes: diffFields(before, value, { sensitive }),
    });
    return { value, version: rows[0].version, updatedAt: rows[0].updatedAt };
  });
}
