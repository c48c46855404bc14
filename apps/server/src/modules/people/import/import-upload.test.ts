import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { fileTypeFromBuffer } from 'file-type';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUnit, type Client, drainJobs, loginAs, multipart } from '../../../test/factories.js';
import { buildTestApp, type TestApp } from '../../../test/test-app.js';
import { people } from '../people.table.js';

/** The roster upload takes an .xlsx whoever wrote it (issue 12: files written by other programs). */
let t: TestApp;
let admin: Client;
beforeAll(async () => {
  // Room for the streaming writer's file of over 1 MB (the tests' default limit is 1 MB).
  t = await buildTestApp({ maxUploadBytes: 4 * 1024 * 1024 });
  const db = t.app.lifeline.database.db;
  const company = await buildUnit(db, await buildUnit(db), { code: 'UP1' });
  admin = await loginAs(t.app, company, [['unit_admin', company]]);
});
afterAll(() => t.close());

async function upload(bytes: Buffer) {
  const body = multipart('file', '名单.xlsx', bytes);
  return admin.request('POST', '/api/people/imports', body.payload, body.headers);
}

describe('files written by other programs', () => {
  it('accepts an .xlsx from a streaming writer, whose parts come in another order', async () => {
    const chunks: Buffer[] = [];
    const stream = new PassThrough();
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false });
    const ws = wb.addWorksheet('人员名单');
    ws.addRow(['工号*', '姓名*', '性别*', '所属单位编码*', '政治面貌*', '人员状态*']).commit();
    ws.addRow(['UP-0001', '流式写', '男', 'UP1', '群众', '在职']).commit();
    ws.commit();
    // A second sheet of over 1 MB that does not compress: its part comes before
    // [Content_Types].xml, and the sniffer, reading entries from the front, gives up on it.
    const notes = wb.addWorksheet('附件');
    for (let i = 0; i < 48; i += 1) notes.addRow([randomBytes(24_000).toString('base64')]).commit();
    notes.commit();
    await wb.commit();
    const bytes = Buffer.concat(chunks);
    expect((await fileTypeFromBuffer(bytes))?.mime).toBe('application/zip');

    const res = await upload(bytes);
    expect(res.statusCode, res.body).toBe(202);
    await drainJobs(t.app);
    const id = res.json().id;
    expect((await admin.request('GET', `/api/people/imports/${id}`)).json()).toMatchObject({
      state: 'validated',
      validRows: 1,
    });
    await admin.request('POST', `/api/people/imports/${id}/commit`, { mode: 'all' });
    await drainJobs(t.app);
    const [row] = await t.app.lifeline.database.db
      .select()
      .from(people)
      .where(eq(people.employeeNo, 'UP-0001'));
    expect(row).toMatchObject({ name: '流式写', gender: 'male' });
  });

  it('still refuses a zip that is not a workbook', async () => {
    const document = new JSZip();
    document.file('[Content_Types].xml', '<Types/>');
    document.file('word/document.xml', '<w:document/>');
    const res = await upload(await document.generateAsync({ type: 'nodebuffer' }));
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
    const noTypes = new JSZip();
    noTypes.file('xl/workbook.xml', '<workbook/>');
    expect((await upload(await noTypes.generateAsync({ type: 'nodebuffer' }))).statusCode).toBe(415);
    // A file cut short: its central directory is gone.
    const cut = await new JSZip()
      .file('[Content_Types].xml', '<Types/>')
      .file('xl/workbook.xml', '<w/>')
      .generateAsync({ type: 'nodebuffer' });
    expect((await upload(cut.subarray(0, cut.length - 30))).statusCode).toBe(415);
  });
});
