import type { THotlineSimilar } from '@lifeline/shared';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/audit.js';
import { type Actor, auditActor } from '../../../platform/authz/actor.js';
import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';
import type { Db } from '../../../platform/db/types.js';
import { AppError, notFound } from '../../../platform/errors.js';
import { hotlineItems, hotlineMeToo } from '../hotline.table.js';
import { ME_TOO_PURPOSE, meTooValue } from '../reporter/reporter-keys.js';

const OPEN = ['submitted', 'accepted', 'in_progress', 'waiting_reporter', 'reopened'];
/** The states in which an item takes a "me too": open or answered (closed and confirmed ones refuse it). */
export const TAKES_ME_TOO = [...OPEN, 'answered'];

/** Character bigrams: Chinese has no spaces, so words are compared by overlapping pairs. */
function bigrams(text: string): Set<string> {
  const s = text.toLowerCase().replace(/[\s\p{P}]+/gu, '');
  const out = new Set<string>();
  for (let i = 0; i < s.length - 1; i++) out.add(s.slice(i, i + 2));
  if (s.length === 1) out.add(s);
  return out;
}

/** Dice similarity of two texts' bigrams (0…1). */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common += 1;
  return (2 * common) / (x.size + y.size);
}

/**
 * Items others may see while typing and say "me too" to: those whose reporters agreed to their
 * publication. A confidential or anonymous item, or a named one without that consent, is never
 * shown to colleagues, not even its title.
 */
const SHAREABLE = eq(hotlineItems.publishConsent, true);

/** Open, shareable items of the unit whose title (or description) resembles what is being typed. */
export async function similarItems(db: Db, unitId: number, q: string): Promise<THotlineSimilar[]> {
  if (q.trim().length < 2) return [];
  const rows = await db
    .select()
    .from(hotlineItems)
    .where(and(eq(hotlineItems.unitId, unitId), inArray(hotlineItems.state, OPEN), SHAREABLE))
    .orderBy(desc(hotlineItems.createdAt))
    .limit(300);
  return rows
    .map((r) => ({ r, s: Math.max(similarity(q, r.title), similarity(q, r.description) * 0.8) }))
    .filter((x) => x.s >= 0.2)
    .sort((a, b) => b.s - a.s)
    .slice(0, 5)
    .map(({ r }) => ({
      id: r.id,
      code: r.code,
      title: r.title,
      category: r.category,
      state: r.state as THotlineSimilar['state'],
      meToo: r.meToo,
      createdAt: r.createdAt,
    }));
}

/**
 * "Me too" on an open item that could be suggested (another's is not found): once per person, kept as a keyed hash of person and item, so the
 * count grows without linking anyone's account to the item.
 */
export async function addMeToo(
  db: Db,
  crypto: FieldCrypto,
  actor: Actor,
  id: number,
): Promise<{ meToo: number }> {
  return db.transaction(async (tx) => {
    const [item] = await tx
      .select()
      .from(hotlineItems)
      .where(and(eq(hotlineItems.id, id), SHAREABLE));
    if (!item) throw notFound('Item');
    if (!TAKES_ME_TOO.includes(item.state)) {
      throw new AppError('invalid_transition', 'This item is closed', { reason: `from_${item.state}` });
    }
    // Under the current secret, and each previous one: a "me too" given before a key rotation
    // counts until `rotate-keys` has re-keyed it.
    const [voterHash, ...before] = crypto.blindIndexes(meTooValue(actor.personId, id), ME_TOO_PURPOSE);
    const given = before.length
      ? await tx
          .select({ n: sql<number>`1` })
          .from(hotlineMeToo)
          .where(and(eq(hotlineMeToo.itemId, id), inArray(hotlineMeToo.voterHash, before)))
      : [];
    const [added] = given.length
      ? []
      : await tx.insert(hotlineMeToo).values({ itemId: id, voterHash }).onConflictDoNothing().returning();
    if (!added) throw new AppError('conflict', 'You have already said "me too" on this item');
    const [row] = await tx
      .update(hotlineItems)
      .set({ meToo: sql`${hotlineItems.meToo} + 1` })
      .where(eq(hotlineItems.id, id))
      .returning({ meToo: hotlineItems.meToo });
    await writeAudit(
      tx,
      { ...auditActor(actor), personId: null, ip: null },
      { action: 'hotline_item.me_too', recordType: 'hotline_item', recordId: id },
    );
    return { meToo: row.meToo };
  });
}
