import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPglite, openHandle } from './adapter.js';
import { MAX_PER_CONNECTION, MAX_TEXT_LENGTH } from './prepared-client.js';
import { queryRows } from './sql.js';

const pgUrl = process.env.TEST_DATABASE_URL;

type Db = Parameters<typeof queryRows>[0];

/** What the one connection of a pool of one has prepared: every text, this look-up's included. */
const allPrepared = async (db: Db) =>
  (await queryRows<{ statement: string }>(db, sql`select statement from pg_prepared_statements`)).map(
    (r) => r.statement,
  );
/** The same without this look-up and the `select 1` that opening the pool runs. */
const preparedTexts = async (db: Db) =>
  (await allPrepared(db)).filter((t) => t !== 'select 1' && !t.includes('pg_prepared_statements'));
/** The database's message of a failed query (Drizzle wraps it). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (err: Error) => ((err.cause as Error | undefined) ?? err).message,
  );

/** Each engine the suite can reach: the embedded one always, PostgreSQL when a URL is given. */
const engines: [string, () => ReturnType<typeof openHandle>][] = [
  ['PGlite', async () => openHandle({ pglite: await createPglite() })],
  ...(pgUrl
    ? [
        ['PostgreSQL', () => openHandle({ databaseUrl: pgUrl, poolMax: 1 })] as [
          string,
          () => ReturnType<typeof openHandle>,
        ],
      ]
    : []),
];

describe.each(engines)('prepared statements on %s', (_name, open) => {
  it('prepares a query once per connection and runs it again by name', async () => {
    const { db, close } = await open();
    try {
      for (const n of [1, 2, 3]) {
        const [row] = await queryRows<{ v: number }>(db, sql`select ${n}::int + 1 as v`);
        expect(row.v).toBe(n + 1);
      }
      expect(await preparedTexts(db)).toEqual(['select $1::int + 1 as v']);
    } finally {
      await close();
    }
  });

  it('leaves DDL, several statements in one text, long texts and texts beyond the cap unnamed', async () => {
    const { db, close } = await open();
    try {
      await db.execute(sql.raw('create temporary table prepared_probe (id int)'));
      await db.transaction(async (tx) => {
        await tx.execute(sql.raw('lock table prepared_probe'));
      });
      await db.execute(sql.raw('select 1; select 2'));
      await db.execute(sql.raw(`select 1 as v /* ${'x'.repeat(MAX_TEXT_LENGTH)} */`));
      expect(await preparedTexts(db)).toEqual([]);
      for (let i = 0; i < MAX_PER_CONNECTION + 20; i += 1) await db.execute(sql.raw(`select ${i} as v`));
      const texts = await allPrepared(db);
      // `select 1` and the look-up took two places, the first texts the rest; the others still ran.
      expect(texts.length).toBe(MAX_PER_CONNECTION);
      expect(texts).toContain('select 0 as v');
      expect(texts).not.toContain(`select ${MAX_PER_CONNECTION + 19} as v`);
    } finally {
      await close();
    }
  });

  it('a statement that failed to run runs again on the same session, and one that failed to parse is parsed again', async () => {
    const { db, close } = await open();
    try {
      const divide = (d: number) => queryRows<{ v: number }>(db, sql`select 10 / ${d}::int as v`);
      expect(await failure(divide(0))).toMatch(/division by zero/);
      expect((await divide(5))[0].v).toBe(2);
      // The database's error left the session as it was: the same connection, its statements kept.
      const pid = await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
      await failure(divide(0));
      expect(await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`)).toEqual(pid);
      expect(await preparedTexts(db)).toContain('select 10 / $1::int as v');
      const broken = () => queryRows(db, sql`select * from no_such_table_here where id = ${1}`);
      expect(await failure(broken())).toMatch(/does not exist/);
      expect(await failure(broken())).toMatch(/does not exist/);
      await db.transaction(async (tx) => {
        expect((await queryRows<{ v: number }>(tx, sql`select 10 / ${2}::int as v`))[0].v).toBe(5);
      });
    } finally {
      await close();
    }
  });
});
