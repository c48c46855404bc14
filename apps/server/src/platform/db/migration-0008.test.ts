import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminUrl, databaseUrl } from '../../test/pg-urls.js';
import { createPglite, type DatabaseHandle, openHandle } from './adapter.js';
import { migrate } from './migrate.js';
import { queryRows } from './sql.js';

/**
 * Migration 0008 on a database that already has data: the notices that named confidential and
 * anonymous reporters go, and a phone number shared by people on the roster is cleared on each
 * of them (the trail keeps it) before the number becomes unique among holders.
 */
let handle: DatabaseHandle;
let drop = async () => {};
const db = () => handle.db;

beforeAll(async () => {
  if (inject('testEngine') === 'pglite') {
    handle = await openHandle({ pglite: await createPglite() });
    return;
  }
  const base = process.env.TEST_DATABASE_URL as string;
  const name = `lifeline_m8_${process.pid}_${Date.now()}`;
  const admin = await openHandle({ databaseUrl: adminUrl(base), poolMax: 1 });
  await admin.db.execute(sql.raw(`create database ${name}`));
  handle = await openHandle({ databaseUrl: databaseUrl(base, name), poolMax: 2 });
  drop = async () => {
    await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
    await admin.close();
  };
});
afterAll(async () => {
  await handle.close();
  await drop();
});

describe('migration 0008', () => {
  it('drops reporter notices of unnamed items and clears shared phone numbers, with audit rows', async () => {
    expect(await migrate(db(), undefined, '0007_hotline_handling_units')).toContain(
      '0007_hotline_handling_units',
    );
    await db().execute(sql`
      insert into org_units (id, path, depth, name, code, type) values (1, '/1/', 0, '集团', 'G', 'group_party_committee');
      insert into people (id, employee_no, name, name_pinyin, name_initials, gender, phone, unit_id, political_status, employment_status) values
        (1, 'E1', '甲', 'jia', 'j', 'male', '13500000001', 1, 'masses', 'active'),
        (2, 'E2', '乙', 'yi', 'y', 'male', '13500000001', 1, 'masses', 'retired'),
        (3, 'E3', '丙', 'bing', 'b', 'male', '13500000001', 1, 'masses', 'resigned'),
        (4, 'E4', '丁', 'ding', 'd', 'male', '13500000004', 1, 'masses', 'active');
      insert into hotline_items (id, code, category, urgency, visibility, state, unit_id, handling_unit_id, title, description) values
        (1, 'KX1', 'canteen', 'normal', 'confidential', 'accepted', 1, 1, '保密事项', '描述'),
        (2, 'KX2', 'canteen', 'normal', 'named', 'accepted', 1, 1, '实名事项', '描述');
      insert into notifications (person_id, kind, params, link) values
        (4, 'hotline.state', '{"code":"KX1"}', '/m/hotline/mine/1'),
        (4, 'hotline.state', '{"code":"KX2"}', '/m/hotline/mine/2'),
        (1, 'hotline.assigned', '{"code":"KX1"}', '/hotline/items/1');
    `);
    expect(await migrate(db())).toContain('0008_private_notices_and_phone_holders');

    const phones = await queryRows<{ id: string; phone: string | null; version: number }>(
      db(),
      sql`select id, phone, version from people order by id`,
    );
    expect(phones.map((p) => [Number(p.id), p.phone])).toEqual([
      [1, null],
      [2, null],
      [3, '13500000001'],
      [4, '13500000004'],
    ]);
    const trail = await queryRows<{
      record_id: string;
      actor_role: string;
      changes: unknown;
      details: unknown;
    }>(
      db(),
      sql`select record_id, actor_role, changes, details from audit_events where action = 'person.update' order by record_id`,
    );
    expect(trail).toEqual(
      ['1', '2'].map((id) => ({
        record_id: id,
        actor_role: 'system',
        changes: { phone: { before: '13500000001', after: null } },
        details: { reason: 'phone_shared' },
      })),
    );
    const notices = await queryRows<{ link: string }>(db(), sql`select link from notifications order by id`);
    expect(notices.map((n) => n.link)).toEqual(['/m/hotline/mine/2', '/hotline/items/1']);
    // From now on the database refuses a second holder.
    await expect(db().execute(sql`update people set phone = '13500000004' where id = 2`)).rejects.toThrow();
  });
});
