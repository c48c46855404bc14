import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { type SQL, sql } from 'drizzle-orm';
import { currentMigration, migrate } from '../db/migrate.js';
import { queryOne, queryRows } from '../db/sql.js';
import type { Db, Engine } from '../db/types.js';
import type { FileStore } from '../files/file-store.js';

/**
 * Backup and restore that work across engines: a gzip of JSON lines, one per row, read in one
 * REPEATABLE READ snapshot (consistent), with the attachment files and the migration the data
 * belongs to. Restore loads it into an empty database of either engine.
 */
type Header = { format: 'lifeline-backup'; version: 1; migration: string; engine: Engine; createdAt: string };
type TableInfo = {
  name: string;
  columns: string[];
  pk: string[];
  selfRef: string | null;
  identity: string[];
};

const BATCH = 1000;
/** Rows that migrations insert themselves; restore replaces them with the backup's. */
const SEEDED_BY_MIGRATIONS = new Set(['org_unit_types']);
/**
 * A table whose comment is this is a rollup kept by triggers from other tables: never written
 * to a backup, and rebuilt by the same triggers as a restore inserts the rows it counts.
 */
const DERIVED_TABLE_COMMENT = 'lifeline:derived';

async function tables(db: Db): Promise<TableInfo[]> {
  const names = (
    await queryRows<{ name: string }>(
      db,
      sql`select tablename as name from pg_tables where schemaname = 'public' and tablename <> 'lifeline_migrations'
            and obj_description(format('public.%I', tablename)::regclass, 'pg_class') is distinct from ${DERIVED_TABLE_COMMENT}
            order by tablename`,
    )
  ).map((r) => r.name);
  const fks = await queryRows<{ child: string; parent: string; col: string }>(
    db,
    sql`select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent, a.attname as col
        from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
  );
  const infos: TableInfo[] = [];
  for (const name of names) {
    const cols = await queryRows<{ column_name: string; is_identity: string }>(
      db,
      sql`select column_name, is_identity from information_schema.columns
          where table_schema = 'public' and table_name = ${name} and is_generated = 'NEVER' order by ordinal_position`,
    );
    const pk = await queryRows<{ col: string }>(
      db,
      sql`select a.attname as col
          from pg_index i cross join generate_subscripts(i.indkey, 1) as k(n)
          join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[k.n]
          where i.indrelid = ${name}::regclass and i.indisprimary order by k.n`,
    );
    infos.push({
      name,
      columns: cols.map((c) => c.column_name),
      pk: pk.length ? pk.map((p) => p.col) : [cols[0].column_name],
      selfRef: fks.find((f) => f.child === name && f.parent === name)?.col ?? null,
      identity: cols.filter((c) => c.is_identity === 'YES').map((c) => c.column_name),
    });
  }
  // Parents before children (self-references are handled row by row).
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const before = ordered.length;
    for (const t of infos) {
      if (placed.has(t.name)) continue;
      const parents = fks.filter((f) => f.child === t.name && f.parent !== t.name).map((f) => f.parent);
      if (parents.every((p) => placed.has(p))) {
        ordered.push(t);
        placed.add(t.name);
      }
    }
    if (ordered.length === before) throw new Error('Cyclic foreign keys between tables');
  }
  return ordered;
}

const ident = (s: string) => sql.raw(`"${s.replace(/"/g, '""')}"`);

/** Writes a consistent backup to a .jsonl.gz file; returns row counts per table. */
export async function backupTo(
  db: Db,
  engine: Engine,
  store: { root: string } & FileStore,
  file: string,
): Promise<Record<string, number>> {
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  const done = pipeline(gzip, out);
  const write = async (obj: unknown) => {
    if (!gzip.write(`${JSON.stringify(obj)}\n`)) await once(gzip, 'drain');
  };
  const counts: Record<string, number> = {};
  await db.transaction(
    async (tx) => {
      const header: Header = {
        format: 'lifeline-backup',
        version: 1,
        migration: (await currentMigration(tx)) ?? '',
        engine,
        createdAt: new Date().toISOString(),
      };
      await write(header);
      for (const t of await tables(tx)) {
        await write({ table: t.name });
        counts[t.name] = 0;
        // Keyset pagination on the primary key: each batch starts after the last key seen.
        let last: unknown[] | null = null;
        const key = sql.join(t.pk.map(ident), sql`, `);
        for (;;) {
          const cols = sql.join(t.columns.map(ident), sql`, `);
          const after: SQL =
            last === null
              ? sql``
              : sql`where (${key}) > (${sql.join(
                  last.map((v) => sql`${v}`),
                  sql`, `,
                )})`;
          const rows = await queryRows<{ j: Record<string, unknown> | string }>(
            tx,
            sql`select row_to_json(x) as j from (select ${cols} from ${ident(t.name)} ${after} order by ${key} limit ${BATCH}) x`,
          );
          const parsed = rows.map(
            (r) => (typeof r.j === 'string' ? JSON.parse(r.j) : r.j) as Record<string, unknown>,
          );
          for (const row of parsed) await write({ row });
          counts[t.name] += rows.length;
          if (rows.length < BATCH) break;
          const lastRow = parsed[parsed.length - 1];
          last = t.pk.map((c) => lastRow[c]);
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  for (const key of await listFiles(store.root)) {
    const stream = await store.get(key);
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    await write({ file: key, data: Buffer.concat(chunks).toString('base64') });
  }
  await write({ end: true, counts });
  gzip.end();
  await done;
  return counts;
}

async function listFiles(root: string, prefix = ''): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(path.join(root, prefix), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const key = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, key)));
    else if (!e.name.endsWith('.tmp')) out.push(key);
  }
  return out;
}

/**
 * Loads a backup into an empty database: migrates it to the backup's migration, inserts every
 * row in one transaction (keeping ids, resetting sequences), restores files, then migrates to
 * the latest schema. A database that already holds data is refused and left untouched.
 */
export async function restoreFrom(db: Db, store: FileStore, file: string): Promise<Record<string, number>> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const header = JSON.parse(first.value ?? '{}') as Header;
  if (header.format !== 'lifeline-backup' || header.version !== 1)
    throw new Error('Not a Lifeline backup file');
  await migrate(db, undefined, header.migration);
  const infos = new Map((await tables(db)).map((t) => [t.name, t]));
  for (const t of infos.values()) {
    if (SEEDED_BY_MIGRATIONS.has(t.name)) continue;
    const row = await queryOne<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${ident(t.name)}) as any`,
    );
    if (row?.any)
      throw new Error(
        `The database is not empty (table ${t.name} has rows); restore only into an empty database`,
      );
  }
  const counts: Record<string, number> = {};
  const files: { key: string; data: string }[] = [];
  let ended = false;
  await db.transaction(async (tx) => {
    for (const name of SEEDED_BY_MIGRATIONS) await tx.execute(sql`delete from ${ident(name)}`);
    let current: TableInfo | undefined;
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (!current || batch.length === 0) return;
      const rows = current.selfRef ? topological(batch, current.pk[0], current.selfRef) : batch;
      const cols = sql.join(current.columns.map(ident), sql`, `);
      for (let i = 0; i < rows.length; i += BATCH) {
        await tx.execute(sql`insert into ${ident(current.name)} (${cols}) overriding system value
          select ${cols} from json_populate_recordset(null::${ident(current.name)}, ${JSON.stringify(rows.slice(i, i + BATCH))}::json)`);
      }
      counts[current.name] = (counts[current.name] ?? 0) + rows.length;
      batch = [];
    };
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      if (!next.value) continue;
      const obj = JSON.parse(next.value);
      if (obj.table) {
        await flush();
        current = infos.get(obj.table);
        if (!current) throw new Error(`The backup has a table this schema lacks: ${obj.table}`);
      } else if (obj.row) {
        batch.push(obj.row);
        // Self-referencing tables are inserted whole, parents first.
        if (!current?.selfRef && batch.length >= BATCH) await flush();
      } else if (obj.file) files.push({ key: obj.file, data: obj.data });
      else if (obj.end) ended = true;
    }
    await flush();
    if (!ended) throw new Error('The backup file is truncated');
    for (const t of infos.values()) {
      for (const col of t.identity) {
        await tx.execute(sql`select setval(pg_get_serial_sequence(${t.name}, ${col}),
          coalesce((select max(${ident(col)}) from ${ident(t.name)}), 1),
          (select max(${ident(col)}) from ${ident(t.name)}) is not null)`);
      }
    }
  });
  for (const f of files) await store.put(f.key, Buffer.from(f.data, 'base64'));
  await migrate(db);
  return counts;
}

function topological(
  rows: Record<string, unknown>[],
  pk: string,
  parentCol: string,
): Record<string, unknown>[] {
  const byId = new Map(rows.map((r) => [String(r[pk]), r]));
  const out: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const visit = (r: Record<string, unknown>) => {
    const id = String(r[pk]);
    if (seen.has(id)) return;
    seen.add(id);
    const parent = r[parentCol] == null ? undefined : byId.get(String(r[parentCol]));
    if (parent) visit(parent);
    out.push(r);
  };
  rows.forEach(visit);
  return out;
}
