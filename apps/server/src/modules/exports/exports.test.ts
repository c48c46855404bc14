import type { TExportJob } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeAudit } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/authz/actor.js';
import { exportJobs } from '../../platform/exports/exports.table.js';
import { buildPerson, buildUnit, type Client, drainJobs, loginAs, type Unit } from '../../test/factories.js';
import { buildTestApp, type TestApp } from '../../test/test-app.js';
import { auditBatches } from '../audit-log/audit-log.service.js';
import { orgUnits } from '../org-units/index.js';
import { peopleWhere, readPeople } from '../people/people.service.js';
import { people } from '../people/people.table.js';

/**
 * Exports as jobs: a large list is exported in the background, with progress, and downloaded by
 * the person who asked and nobody else; lists are read by keyset in one pass, every row.
 */
let t: TestApp;
let group: Unit;
let company: Unit;
let other: Unit;
let admin: Client;
let otherAdmin: Client;

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.app.lifeline.database.db;
  group = await buildUnit(db);
  company = await buildUnit(db, group, { code: 'EXP-CO' });
  other = await buildUnit(db, group, { code: 'EXP-OTHER' });
  admin = await loginAs(t.app, company, [['unit_admin', company]]);
  otherAdmin = await loginAs(t.app, other, [['unit_admin', other]]);
  for (let i = 0; i < 5; i++) {
    await buildPerson(db, t.app.lifeline.crypto, company, {
      name: '王同名',
      politicalStatus: 'party_member',
      partyJoinedOn: '2001-07-01',
      birthDate: '1980-02-29',
    });
  }
  await buildPerson(db, t.app.lifeline.crypto, other, { name: '李他司' });
});
afterAll(() => t.close());

async function rowsOf(body: Buffer): Promise<ExcelJS.CellValue[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const out: ExcelJS.CellValue[][] = [];
  wb.worksheets[0].eachRow((row) => {
    out.push((row.values as ExcelJS.CellValue[]).slice(1));
  });
  return out;
}

async function status(client: Client, id: number) {
  return client.request('GET', `/api/exports/${id}`);
}

describe('a people export as a job', () => {
  it('queues, reports progress, and gives the person who asked the whole list with labels and dates', async () => {
    const started = await admin.request('POST', '/api/people/exports', {});
    expect(started.statusCode, started.body).toBe(202);
    const job = started.json<TExportJob>();
    expect(job).toMatchObject({ kind: 'people', state: 'queued', done: 0, downloadUrl: null });
    expect(job.fileName).toBe('人员名单.xlsx');

    await drainJobs(t.app);
    const done = (await status(admin, job.id)).json<TExportJob>();
    // Five people of the company and the administrator themselves; nobody of the other company.
    expect(done).toMatchObject({
      state: 'done',
      total: 6,
      done: 6,
      downloadUrl: `/api/exports/${job.id}/file`,
    });

    const file = await admin.request('GET', done.downloadUrl as string);
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    const rows = await rowsOf(file.rawPayload);
    expect(rows).toHaveLength(7);
    const header = rows[0] as string[];
    const same = rows.filter((r) => r[header.indexOf('姓名*')] === '王同名');
    expect(same).toHaveLength(5);
    // Labels, not codes; a date is a real Excel date.
    expect(same[0][header.indexOf('政治面貌*')]).toBe('中共党员');
    expect(same[0][header.indexOf('出生日期')]).toEqual(new Date('1980-02-29T00:00:00Z'));
    expect(same[0][header.indexOf('入党日期')]).toEqual(new Date('2001-07-01T00:00:00Z'));
    expect(rows.some((r) => r.includes('李他司'))).toBe(false);
  });

  it('belongs to the person who asked: to anyone else it does not exist', async () => {
    const job = (await admin.request('POST', '/api/people/exports', {})).json<TExportJob>();
    await drainJobs(t.app);
    expect((await status(otherAdmin, job.id)).statusCode).toBe(404);
    expect((await otherAdmin.request('GET', `/api/exports/${job.id}/file`)).statusCode).toBe(404);
    const employee = await loginAs(t.app, company);
    expect((await status(employee, job.id)).statusCode).toBe(404);
    expect((await status(admin, job.id)).statusCode).toBe(200);
  });

  it('refuses a unit outside the caller’s scope before anything is queued', async () => {
    const before = await t.app.lifeline.database.db.select().from(exportJobs);
    // Another company's unit does not exist for this administrator.
    const res = await admin.request('POST', '/api/people/exports', { unitId: other.id });
    expect(res.statusCode).toBe(404);
    expect(await t.app.lifeline.database.db.select().from(exportJobs)).toHaveLength(before.length);
    const employee = await loginAs(t.app, company);
    expect((await employee.request('POST', '/api/people/exports', {})).statusCode).toBe(403);
  });

  it('has no file before it is done, and is gone once it expires', async () => {
    const job = (await admin.request('POST', '/api/people/exports', {})).json<TExportJob>();
    expect((await admin.request('GET', `/api/exports/${job.id}/file`)).statusCode).toBe(404);
    await drainJobs(t.app);
    const db = t.app.lifeline.database.db;
    await db
      .update(exportJobs)
      .set({ expiresAt: '2020-01-01T00:00:00.000Z' })
      .where(eq(exportJobs.id, job.id));
    expect((await status(admin, job.id)).statusCode).toBe(404);
    expect((await admin.request('GET', `/api/exports/${job.id}/file`)).statusCode).toBe(404);
  });
});

describe('reading a list by keyset', () => {
  it('returns every person once, in pinyin then id order, across batches of equal names', async () => {
    const db = t.app.lifeline.database.db;
    const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, company.id));
    const actor = {
      grants: [{ role: 'unit_admin', unitId: unit.id, unitPath: unit.path }],
    } as unknown as Actor;
    const where = await peopleWhere(db, actor, {}, 'export');
    const seen: number[] = [];
    let batches = 0;
    for await (const batch of readPeople(db, where, 2)) {
      batches++;
      seen.push(...batch.map((p) => p.id));
    }
    const expected = (await db.select().from(people))
      .filter((p) => p.unitId === company.id)
      .sort((a, b) => (a.namePinyin === b.namePinyin ? a.id - b.id : a.namePinyin < b.namePinyin ? -1 : 1))
      .map((p) => p.id);
    expect(expected.length).toBeGreaterThanOrEqual(6);
    expect(batches).toBe(Math.ceil(expected.length / 2));
    expect(seen).toEqual(expected);
  });

  it('reads the audit trail newest first across batches of events written in the same instant', async () => {
    const db = t.app.lifeline.database.db;
    // One statement: five events of the same instant, told apart by id alone.
    await writeAudit(
      db,
      { personId: null, role: 'system' },
      Array.from({ length: 5 }, () => ({
        action: 'export.test',
        recordType: 'org_unit',
        recordId: String(company.id),
        unitId: company.id,
      })),
    );
    const [top] = await db.select().from(orgUnits).where(eq(orgUnits.id, group.id));
    const auditor = { grants: [{ role: 'auditor', unitId: top.id, unitPath: top.path }] } as unknown as Actor;
    const seen: number[] = [];
    for await (const batch of auditBatches(
      db,
      auditor,
      { action: 'export.test', reveal: false } as never,
      2,
    )) {
      seen.push(...batch.map((e) => e.id));
    }
    expect(seen).toHaveLength(5);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });
});
