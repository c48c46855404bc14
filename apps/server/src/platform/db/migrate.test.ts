import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { adminUrl, databaseUrl } from '../../test/pg-urls.js';
import { createPglite, openHandle } from './adapter.js';
import { currentMigration, listMigrations, migrate } from './migrate.js';
import { queryRows } from './sql.js';

const pgUrl = process.env.TEST_DATABASE_URL;

describe('migrations', () => {
  it('apply in order once; a second run finds nothing to do', async () => {
    const handle = await openHandle({ pglite: await createPglite() });
    try {
      expect(await migrate(handle.db)).toEqual(listMigrations());
      expect(await migrate(handle.db)).toEqual([]);
      expect(await currentMigration(handle.db)).toBe(listMigrations().at(-1));
    } finally {
      await handle.close();
    }
  });

  it.skipIf(!pgUrl)(
    'do not race when two instances start together on PostgreSQL (advisory lock)',
    async () => {
      const name = `lifeline_mig_${process.pid}_${Date.now()}`;
      const admin = await openHandle({ databaseUrl: adminUrl(pgUrl!), poolMax: 1 });
      await admin.db.execute(sql.raw(`create database ${name}`));
      const a = await openHandle({ databaseUrl: databaseUrl(pgUrl!, name), poolMax: 2 });
      const b = await openHandle({ databaseUrl: databaseUrl(pgUrl!, name), poolMax: 2 });
      try {
        const [ra, rb] = await Promise.all([migrate(a.db), migrate(b.db)]);
        expect([...ra, ...rb].sort()).toEqual([...listMigrations()].sort());
        const rows = await queryRows<{ n: number }>(
          a.db,
          sql`select count(*)::int as n from lifeline_migrations`,
        );
        expect(rows[0].n).toBe(listMigrations().length);
      } finally {
        await a.close();
        await b.close();
        await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
        await admin.close();
      }
    },
  );
});
