import { DEFAULT_HOTLINE_CATEGORIES, type THotlineCategory, ZHotlineCategory } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../../../platform/audit/audit.js';
import { queryOne } from '../../../platform/db/sql.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError } from '../../../platform/errors.js';
import { readSetting, writeSetting } from '../../../platform/settings/settings.service.js';

const KEY = 'hotline';

const ZStored = z.object({
  categories: z.array(ZHotlineCategory).min(1),
  officeUnitId: z.number().nullable(),
  immediateHours: z.number().int().min(1).max(24),
  reminderDays: z.number().int().min(0).max(5),
});
export type HotlineConfig = z.infer<typeof ZStored>;

export const HOTLINE_DEFAULTS: HotlineConfig = {
  categories: DEFAULT_HOTLINE_CATEGORIES.map((c) => ({ ...c, active: true })),
  officeUnitId: null,
  immediateHours: 4,
  reminderDays: 1,
};

/** The hotline's settings with the defaults filled, and the version for optimistic locking. */
export async function hotlineConfig(db: Db): Promise<HotlineConfig & { version: number }> {
  const s = await readSetting(db, KEY, ZStored, HOTLINE_DEFAULTS);
  return { ...s.value, version: s.version };
}

export async function saveHotlineConfig(db: Db, actor: Actor, value: HotlineConfig, version: number) {
  const codes = value.categories.map((c) => c.code);
  const dup = codes.find((c, i) => codes.indexOf(c) !== i);
  if (dup) {
    const message = `Category code "${dup}" appears twice`;
    throw new AppError('validation_failed', message, { issues: [{ path: 'body.categories', message }] });
  }
  const before = await hotlineConfig(db);
  const saved = await writeSetting(db, actor, KEY, value, version, {
    categories: before.categories,
    officeUnitId: before.officeUnitId,
    immediateHours: before.immediateHours,
    reminderDays: before.reminderDays,
  });
  return { ...saved.value, version: saved.version };
}

/** A category on offer, or a validation error naming the field. */
export function categoryOf(config: HotlineConfig, code: string, path = 'body.category'): THotlineCategory {
  const c = config.categories.find((x) => x.code === code && x.active);
  if (c) return c;
  const message = `Unknown category "${code.slice(0, 32)}"`;
  throw new AppError('validation_failed', message, { issues: [{ path, message }] });
}

/** The hotline office: the configured unit, or the root of the tree. */
export async function officeUnitId(db: Db, config: HotlineConfig): Promise<number> {
  if (config.officeUnitId) return config.officeUnitId;
  const root = await queryOne<{ id: string }>(
    db,
    sql`select id from org_units where parent_id is null order by sort_order, id limit 1`,
  );
  if (!root) throw new AppError('conflict', 'The organisation has no units yet');
  return Number(root.id);
}
