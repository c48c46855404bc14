import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { queryRows } from '../db/sql.js';
import { diffFields, MASK, SYSTEM_ACTOR, writeAudit } from './audit.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('audit trail', () => {
  it('records only changed fields and masks sensitive ones', () => {
    expect(
      diffFields(
        { name: 'a', phone: '1', idCard: 'x' },
        { name: 'b', phone: '1', idCard: 'y' },
        { sensitive: ['idCard'] },
      ),
    ).toEqual({
      name: { before: 'a', after: 'b' },
      idCard: { before: MASK, after: MASK },
    });
  });

  it('is append-only: the database refuses updates, deletes and truncation', async () => {
    await writeAudit(database.db, SYSTEM_ACTOR, { action: 'test.append', recordType: 'test', recordId: 1 });
    await expect(database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
    await expect(database.db.execute(sql`truncate audit_events`)).rejects.toThrow();
    const rows = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where action = 'test.append'`,
    );
    expect(rows).toHaveLength(1);
  });
});
