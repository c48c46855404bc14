import type { Db } from '../db/types.js';
import { notifications } from './notifications.table.js';

export type Notice = { kind: string; params?: Record<string, string | number | null>; link?: string | null };

/**
 * Puts a notice in the inbox of each person (duplicates removed). Call it with the transaction
 * that makes the change, so that a notice exists exactly when its cause does.
 */
export async function notify(
  db: Db,
  personIds: (number | null | undefined)[],
  notice: Notice,
): Promise<void> {
  const ids = [...new Set(personIds.filter((id): id is number => typeof id === 'number'))];
  if (!ids.length) return;
  await db.insert(notifications).values(
    ids.map((personId) => ({
      personId,
      kind: notice.kind,
      params: notice.params ?? {},
      link: notice.link ?? null,
    })),
  );
}
