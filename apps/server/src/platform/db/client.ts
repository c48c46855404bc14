import { sql } from 'drizzle-orm';
import { type DatabaseHandle, type OpenOptions, openHandle } from './adapter.js';
import { migrate } from './migrate.js';

export type { DatabaseHandle } from './adapter.js';
export type { Db, Engine } from './types.js';

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle & { applied: string[] }> {
  const handle = await openHandle(options);
  try {
    const applied = await migrate(handle.db);
    return { ...handle, applied };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/** True when the database answers a trivial query within the time limit. */
export async function pingDatabase(handle: DatabaseHandle, timeoutMs = 2000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([handle.db.execute(sql`select 1`).then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
