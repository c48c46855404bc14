import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, drainJobs, loginAs, multipart, type Unit } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';

/** My imports: the list an importer comes back to (issue 12). */
let t: TestApp;
let company: Unit;
beforeAll(async () => {
  t = await buildTestApp();
  company = await buildUnit(t.app.lifeline.database.db, await buildUnit(t.app.lifeline.database.db), {
    code: 'LI1',
  });
});
afterAll(() => t.close());

let seq = 0;
const row = (gender = '男') => [`LI-${++seq}`, '张列表', gender, 'LI1', '群众', '在职'];

/** Uploads a roster of the rows and validates it; returns the import. */
async function validate(client: Client, rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名单');
  ws.addRow(['工号', '姓名', '性别', '所属单位编码', '政治面貌', '人员状态']);
  for (const r of rows) ws.addRow(r);
  const body = multipart('file', `名单${seq}.xlsx`, Buffer.from(await wb.xlsx.writeBuffer()));
  const res = await client.request('POST', '/api/people/imports', body.payload, body.headers);
  expect(res.statusCode, res.body).toBe(202);
  await drainJobs(t.app);
  return (await client.request('GET', `/api/people/imports/${res.json().id}`)).json();
}

const ids = (list: { items: { id: number }[] }) => list.items.map((i) => i.id);

describe('my imports', () => {
  it('lists the caller’s imports, newest first, with their state, counts and report', async () => {
    const importer = await loginAs(t.app, company, [['unit_admin', company]]);
    const good = await validate(importer, [row()]);
    const bad = await validate(importer, [row(), row('未知')]);
    const res = await importer.request('GET', '/api/people/imports');
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list.total).toBe(2);
    expect(ids(list)).toEqual([bad.id, good.id]);
    expect(list.items[0]).toMatchObject({
      state: 'invalid',
      fileName: bad.fileName,
      totalRows: 2,
      validRows: 1,
      invalidRows: 1,
      hasErrorReport: true,
    });
    expect(list.items[0].sampleErrors).toBeUndefined();
    expect(list.items[1]).toMatchObject({ state: 'validated', totalRows: 1, hasErrorReport: false });
    const report = await importer.request('GET', `/api/people/imports/${bad.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);

    // Done, it shows what it did.
    await importer.request('POST', `/api/people/imports/${good.id}/commit`, { mode: 'all' });
    await drainJobs(t.app);
    const after = (await importer.request('GET', '/api/people/imports?page=2&pageSize=1')).json();
    expect(after).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(after.items).toEqual([expect.objectContaining({ id: good.id, state: 'done', created: 1 })]);
  });

  it('holds nobody else’s imports, and refuses a page larger than its limit', async () => {
    const one = await loginAs(t.app, company, [['unit_admin', company]]);
    const other = await loginAs(t.app, company, [['unit_admin', company]]);
    const mine = await validate(one, [row()]);
    expect(ids((await other.request('GET', '/api/people/imports?pageSize=50')).json())).not.toContain(
      mine.id,
    );
    expect((await one.request('GET', '/api/people/imports?pageSize=500')).statusCode).toBe(400);
    const employee = await loginAs(t.app, company);
    expect((await employee.request('GET', '/api/people/imports')).statusCode).toBe(403);
  });
});
