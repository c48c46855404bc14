import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../modules/demo/demo.seed.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { SYSTEM_ACTOR, writeAudit } from '../audit/audit.js';
import { createFieldCrypto } from '../crypto/field-crypto.js';
import { createPglite, type DatabaseHandle, openHandle } from '../db/adapter.js';
import { migrate } from '../db/migrate.js';
import { queryRows } from '../db/sql.js';
import { LocalFileStore } from '../files/file-store.js';
import { backupTo, restoreFrom } from './backup.js';

const dir = mkdtempSync(path.join(tmpdir(), 'lifeline-backup-'));
const crypto = createFieldCrypto(['backup-test-secret-0123456789-abcdefghij']);
let source: DatabaseHandle;
let target: TestDatabase;
beforeAll(async () => {
  // The source is always the embedded engine; the target is this run's engine, so the
  // PostgreSQL run proves an embedded backup restores into PostgreSQL.
  source = await openHandle({ pglite: await createPglite() });
  await migrate(source.db);
  target = await createTestDatabase();
});
afterAll(async () => {
  await source.close();
  await target.close();
  rmSync(dir, { recursive: true, force: true });
});

const snapshot = async (db: DatabaseHandle['db']) =>
  queryRows(
    db,
    sql`select (select count(*)::int from org_units) as units, (select count(*)::int from people) as people,
               (select string_agg(path, ',' order by id) from org_units) as paths,
               (select md5(string_agg(employee_no || name || coalesce(id_card_enc, '') || array_to_string(positions, '+'), ',' order by id)) from people) as people_hash,
               (select count(*)::int from audit_events) as audit,
               (select count(*)::int from org_unit_types) as types,
               (select md5(string_agg(k, ',' order by k)) from (
                  select unit_id || '/' || employment_status || '/' || political_status || '=' || people as k
                  from people_headcounts where people <> 0) h) as headcounts`,
  );

describe('backup and restore', () => {
  it('round-trips data and files into an empty database, and new rows continue the sequences', {
    timeout: 180_000,
  }, async () => {
    await seedDemo(source.db, crypto);
    // A moved subtree: a parent with a higher id than its child, to prove parents are restored first.
    await source.db.execute(sql`insert into org_units (parent_id, path, depth, name, code, type, name_pinyin)
      values (1, '/1/9999/', 1, '新单位', 'NEW', 'party_committee', 'xindanwei')`);
    await source.db.execute(
      sql`update org_units set path = '/1/' || (select id from org_units where code = 'NEW') || '/', id = id where code = 'NEW'`,
    );
    await source.db.execute(sql`update org_units set parent_id = (select id from org_units where code = 'NEW'),
      path = '/1/' || (select id from org_units where code = 'NEW') || '/' || id || '/', depth = 2 where code = 'G-DQ'`);
    await writeAudit(source.db, SYSTEM_ACTOR, {
      action: 'test.backup',
      recordType: 'test',
      details: { 中文: '内容' },
    });
    const sourceFiles = new LocalFileStore(path.join(dir, 'a'));
    await sourceFiles.put('ab/file-1', Buffer.from('attachment bytes'));

    const file = path.join(dir, 'backup.jsonl.gz');
    const counts = await backupTo(source.db, source.engine, sourceFiles, file);
    expect(counts.people).toBeGreaterThan(3000);
    // A rollup kept by triggers is not written; the restore rebuilds it as it inserts people.
    expect(counts.people_headcounts).toBeUndefined();

    const targetFiles = new LocalFileStore(path.join(dir, 'b'));
    await restoreFrom(target.db, targetFiles, file);
    expect(await snapshot(target.db)).toEqual(await snapshot(source.db));
    const chunks: Buffer[] = [];
    for await (const c of await targetFiles.get('ab/file-1')) chunks.push(c as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('attachment bytes');

    const [row] = await queryRows<{ id: string }>(
      target.db,
      sql`insert into org_units (parent_id, path, depth, name, code, type, name_pinyin) values (1, '/x/', 1, 'n', 'N2', 'party_committee', 'n') returning id`,
    );
    const [max] = await queryRows<{ m: string }>(source.db, sql`select max(id) as m from org_units`);
    expect(Number(row.id)).toBe(Number(max.m) + 1);
  });

  it('refuses a database that already has data, changing nothing', async () => {
    const file = path.join(dir, 'backup.jsonl.gz');
    const before = await snapshot(target.db);
    await expect(restoreFrom(target.db, new LocalFileStore(path.join(dir, 'c')), file)).rejects.toThrow(
      /not empty/,
    );
    expect(await snapshot(target.db)).toEqual(before);
  });
});
