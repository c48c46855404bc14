import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { Pool } from './pool.js';
import { PreparingClient } from './prepared-client.js';
import type { Db, Engine } from './types.js';

/**
 * The only engine-specific code: how a connection is opened and closed. Everything above this
 * file speaks the same PostgreSQL through Drizzle.
 */
export type DatabaseHandle = {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
};

export type OpenOptions =
  | { databaseUrl: string; poolMax?: number; applicationName?: string }
  | { dataDir: string }
  | { pglite: PGlite };

// Timestamps and dates leave the database as strings; the code converts where it means to.
const TIMESTAMPTZ = 1184;
const TIMESTAMP = 1114;
const DATE = 1082;
const INT8 = 20;

/** Timestamps, dates and bigints as strings, on both engines. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ || oid === TIMESTAMP || oid === DATE || oid === INT8
      ? (v: string) => v
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * PGlite spoken to through node-postgres (PGlite's own connection for it), by one client: the
 * same driver, value parsing and prepared statements as PostgreSQL, so both engines run the
 * same code path; PGlite is one session, so the pool holds one client and requests queue for it.
 */
function overPglite(pglite: PGlite): { db: Db; end: () => Promise<void> } {
  const config = createPgConfig(pglite);
  // node-postgres hands Parse the query's `types`, which Drizzle sets to its type parsers (an
  // object); PostgreSQL's serializer skips what is not a list of parameter types, PGlite's throws.
  const connection = config.connection as unknown as { parse(q: { types?: unknown }): void };
  const parse = connection.parse.bind(connection);
  connection.parse = (q) => parse(Array.isArray(q.types) ? q : { ...q, types: undefined });
  // One client, never closed for being idle: a new one would reuse PGlite's connection object.
  const pool = new Pool({ ...config, max: 1, idleTimeoutMillis: 0, Client: PreparingClient, types: TYPES });
  pool.on('error', () => {});
  return { db: drizzlePg({ client: pool }) as unknown as Db, end: () => pool.end() };
}

/** Opens PostgreSQL through a pool, or PGlite file-backed in a data dir (or a given instance). */
export async function openHandle(options: OpenOptions): Promise<DatabaseHandle> {
  if ('databaseUrl' in options) {
    const pool = new Pool({
      connectionString: options.databaseUrl,
      max: options.poolMax ?? 10,
      Client: PreparingClient,
      application_name: options.applicationName ?? 'lifeline',
      types: TYPES,
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    });
    await pool.query('select 1');
    return { db: drizzlePg({ client: pool }) as unknown as Db, engine: 'postgres', close: () => pool.end() };
  }
  if ('pglite' in options) {
    const client = options.pglite;
    const { db, end } = overPglite(client);
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await end();
        await client.close();
      },
    };
  }
  const dbDir = path.join(options.dataDir, 'db');
  mkdirSync(dbDir, { recursive: true });
  const release = lockDataDir(options.dataDir);
  try {
    const client = await createPglite({ dataDir: dbDir });
    const { db, end } = overPglite(client);
    return {
      db,
      engine: 'pglite',
      close: async () => {
        try {
          await end();
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

/** Same value parsing as the pool above, so both engines hand the code identical rows. */
const PGLITE_PARSERS = Object.fromEntries(
  [TIMESTAMPTZ, TIMESTAMP, DATE, INT8].map((oid) => [oid, (v: string) => v]),
);

/** Creates a PGlite instance with Lifeline's parsers (file-backed, in memory, or from a dump). */
export function createPglite(options: { dataDir?: string; loadDataDir?: Blob | File } = {}): Promise<PGlite> {
  return PGlite.create({ ...options, relaxedDurability: false, parsers: PGLITE_PARSERS });
}

/**
 * PGlite is one process's database: a second process opening the same files would corrupt them.
 * A pid file refuses a second opener while the first is alive and is taken over when stale.
 */
function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'lifeline.pid');
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. Stop it first, or set DATABASE_URL to run several instances on PostgreSQL.`,
      );
    }
    rmSync(file, { force: true });
  }
  const fd = openSync(file, 'wx');
  writeSync(fd, String(process.pid));
  closeSync(fd);
  return () => rmSync(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
