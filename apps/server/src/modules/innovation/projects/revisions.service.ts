import { asc, eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { people } from '../../people/index.js';
import { innovationRevisions } from '../innovation.table.js';
import { visibleProject } from './visible-project.js';

/** Every submitted version of a declaration, each with what changed since the one before. */
export async function projectRevisions(db: Db, actor: Actor, id: number) {
  await visibleProject(db, actor, id);
  const rows = await db
    .select({ r: innovationRevisions, by: people.name })
    .from(innovationRevisions)
    .leftJoin(people, eq(people.id, innovationRevisions.submittedBy))
    .where(eq(innovationRevisions.projectId, id))
    .orderBy(asc(innovationRevisions.revision));
  return rows.map(({ r, by }, i) => {
    const prev = rows[i - 1]?.r.snapshot ?? {};
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    if (i > 0)
      for (const key of new Set([...Object.keys(prev), ...Object.keys(r.snapshot)])) {
        if (JSON.stringify(prev[key]) !== JSON.stringify(r.snapshot[key]))
          changes[key] = { before: prev[key] ?? null, after: r.snapshot[key] ?? null };
      }
    return {
      revision: r.revision,
      submittedAt: r.submittedAt,
      submittedBy: by,
      snapshot: r.snapshot,
      changes,
    };
  });
}
