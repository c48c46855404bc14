import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/types.js';
import { notFound } from '../../../platform/errors.js';
import { orgUnits } from '../../org-units/index.js';
import { hotlineItems } from '../hotline.table.js';
import { applyRollup } from '../stats/rollup.js';

export type ItemRow = typeof hotlineItems.$inferSelect;

export async function loadItem(db: Db, id: number): Promise<ItemRow> {
  const [row] = await db.select().from(hotlineItems).where(eq(hotlineItems.id, id));
  if (!row) throw notFound('Item');
  return row;
}

export async function unitRow(db: Db, id: number) {
  const [u] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  if (!u) throw notFound('Unit');
  return u;
}

/** Keeps the statistics rollup in step with a change of an item (before null: new; after null: gone). */
export async function applyRollupFor(db: Db, before: ItemRow | null, after: ItemRow | null): Promise<void> {
  const path = async (i: ItemRow | null) =>
    i ? { ...i, unitPath: (await unitRow(db, i.unitId)).path } : null;
  await applyRollup(db, await path(before), await path(after));
}
