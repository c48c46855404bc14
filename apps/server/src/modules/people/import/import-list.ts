import type { TPeopleImportSummary } from '@lifeline/shared';
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { personImportPolicy } from '../people.policy.js';
import { personImports } from '../people.table.js';
import { presentImport } from './import.service.js';

/**
 * The caller's own imports, newest first, with their state, counts and column notes (the
 * sample errors stay on each import's page; the whole report is its download). Nobody lists
 * another person's imports: the query is on the caller's person id.
 */
export async function listMyImports(db: Db, actor: Actor, q: { page: number; pageSize: number }) {
  personImportPolicy.authorize(actor, 'list', { createdBy: actor.personId, unitScopePaths: [] });
  const mine = eq(personImports.createdBy, actor.personId);
  const [rows, [{ n }]] = await Promise.all([
    db
      .select()
      .from(personImports)
      .where(mine)
      .orderBy(desc(personImports.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(personImports).where(mine),
  ]);
  const items: TPeopleImportSummary[] = rows.map((r) => {
    const { sampleErrors: _, ...summary } = presentImport(r);
    return summary;
  });
  return { items, total: n, page: q.page, pageSize: q.pageSize };
}
