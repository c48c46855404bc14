import type { Actor } from '../../../platform/authz/actor.js';
import type { Db } from '../../../platform/db/types.js';
import { loadProject, type ProjectRow } from '../innovation.access.js';
import { projectPolicy, projectRecord } from './projects.policy.js';

/**
 * Loads a project the caller may see (the project policy's `read`), or answers as if it did not
 * exist; `lock` takes the row for the transaction.
 */
export async function visibleProject(db: Db, actor: Actor, id: number, lock = false): Promise<ProjectRow> {
  const p = await loadProject(db, id, lock);
  projectPolicy.authorize(actor, 'read', projectRecord(p));
  return p;
}
