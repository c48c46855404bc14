import type { TWorkbench, TWorkbenchTask } from '@lifeline/shared';
import type { Actor } from '../../platform/authz/actor.js';
import type { AppContext } from '../../platform/http/request-context.js';
import { myRecentActivity } from '../audit-log/index.js';
import { counsellingWaiting } from '../counselling/index.js';
import { hotlineWaiting } from '../hotline/index.js';
import { innovationWaiting } from '../innovation/index.js';
import { workbenchPolicy } from './workbench.policy.js';

/** Late first, then the nearest deadline, then those without one (most first). */
function byUrgency(a: TWorkbenchTask, b: TWorkbenchTask): number {
  if (a.overdue > 0 !== b.overdue > 0) return a.overdue > 0 ? -1 : 1;
  if (a.dueAt && b.dueAt) return a.dueAt.localeCompare(b.dueAt) || b.count - a.count;
  if (a.dueAt || b.dueAt) return a.dueAt ? -1 : 1;
  return b.count - a.count;
}

/**
 * The caller's workbench: what waits for them in each module (each module counts it with its own
 * policies, in one or two aggregate queries) and their own recent changes. Opened by everyone on
 * login, so it asks each module once and never per record.
 */
export async function readWorkbench(
  ctx: Pick<AppContext, 'database' | 'crypto'>,
  actor: Actor,
): Promise<TWorkbench> {
  workbenchPolicy.authorize(actor, 'read', { personId: actor.personId });
  const db = ctx.database.db;
  // One after the other: the embedded engine runs one query at a time anyway.
  const tasks = [
    ...(await innovationWaiting(db, actor)),
    ...(await hotlineWaiting(ctx, actor)),
    ...(await counsellingWaiting(db, actor)),
  ].sort(byUrgency);
  return { tasks, activity: await myRecentActivity(db, actor, 10) };
}
