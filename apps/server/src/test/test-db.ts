import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { createPglite, type DatabaseHandle, openHandle } from '../platform/db/adapter.js';
import { adminUrl, databaseUrl } from './pg-urls.js';

export type TestDatabase = DatabaseHandle & { url?: string };

/**
 * A fresh, migrated database for one test file, on the engine of this run: a PGlite copy of
 * the template in memory, or a PostgreSQL database cloned from the template and dropped on close.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (inject('testEngine') === 'pglite') {
    const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const pglite = await createPglite({ loadDataDir: blob });
    return openHandle({ pglite });
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `lifeline_t_${randomBytes(6).toString('hex')}`;
  const admin = await openHandle({ databaseUrl: adminUrl(base), poolMax: 1 });
  try {
    await admin.db.execute(sql.raw(`create database ${name} template ${inject('pgTemplate')}`));
  } finally {
    await admin.close();
  }
  const url = databaseUrl(base, name);
  const handle = await openHandle({ databaseUrl: url, poolMax: 5 });
  return {
    ...handle,
    url,
    async close() {
      await handle.close();
      const a = await openHandle({ databaseUrl: adminUrl(base), poolMax: 1 });
      try {
        await a.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      } finally {
        await a.close();
      }
    },
  };
}
