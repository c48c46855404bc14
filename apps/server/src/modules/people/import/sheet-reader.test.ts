import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cellText } from '../people-excel.js';
import { openFirstSheet } from './sheet-reader.js';

/** Every row as text, the way the import reads cells (rows of no cells left out). */
async function ours(bytes: Buffer): Promise<Record<number, string[]>> {
  const out: Record<number, string[]> = {};
  for (const row of (await openFirstSheet(bytes)) ?? []) {
    const cells = Array.from(row.cells, (v) => cellText(v ?? null));
    if (cells.some((c) => c !== '')) out[row.rowNo] = cells;
  }
  return out;
}

/** The same through ExcelJS's workbook.xlsx.load, which the import used before. */
async function excelJs(bytes: Buffer): Promise<Record<number, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = wb.worksheets[0];
  const out: Record<number, string[]> = {};
  for (let n = 1; n <= sheet.rowCount; n += 1) {
    const values = (sheet.getRow(n).values ?? []) as unknown[];
    const cells = Array.from(values, (v) => cellText(v ?? null));
    if (cells.some((c) => c !== '')) out[n] = cells;
  }
  return out;
}

const ROWS: unknown[][] = [
  ['工号*', '姓名*', '出生日期', '数字', '其它'],
  ['A-001', '李新名', '1990/3/5', 13911112222, 'x'],
  ['A-002', ' 赵 雪 ', new Date('2015-07-01'), 0.5, true],
  [],
  ['A-003', { richText: [{ text: '孙' }, { font: { bold: true }, text: '四 ' }] }, 32874, 2 ** 60, false],
  [
    'A-004',
    { formula: '"王"&"五"', result: '王五' },
    { formula: 'DATE(1990,1,2)', result: new Date('1990-01-02') },
  ],
  ['A-005', 'line\nbreak\ttab & <tag> "q"', '', '   ', { text: '13900000000', hyperlink: 'tel:13900000000' }],
];

async function workbook(f?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  for (const r of ROWS) ws.addRow(r);
  f?.(ws, wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Rewrites the XML parts of an .xlsx. */
async function edit(bytes: Buffer, f: (xml: string, path: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) zip.file(name, f(await zip.files[name].async('string'), name));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('first-sheet reader', () => {
  it('reads what ExcelJS reads: strings, numbers, dates, rich text, formulas, booleans, links', async () => {
    const bytes = await workbook();
    expect(await ours(bytes)).toEqual(await excelJs(bytes));
    expect((await ours(bytes))[3]).toEqual(['', 'A-002', '赵 雪', '2015-07-01', '0.5', 'true']);
  });

  it('reads numbers in date formats as dates, in either date system', async () => {
    const formats = (ws: ExcelJS.Worksheet) => {
      ws.getColumn(3).numFmt = 'yyyy"年"m"月"d"日"';
      ws.getColumn(5).numFmt = '[$-F800]dddd, mmmm dd, yyyy';
    };
    const bytes = await workbook(formats);
    expect(await ours(bytes)).toEqual(await excelJs(bytes));
    expect((await ours(bytes))[5][3]).toBe('1990-01-01');
    const b1904 = await workbook((ws, wb) => {
      formats(ws);
      wb.properties.date1904 = true;
    });
    expect(await ours(b1904)).toEqual(await excelJs(b1904));
    // A number too large to be a date stays a number (ExcelJS fails on it).
    const huge = await workbook((ws) => {
      ws.getColumn(4).numFmt = 'yyyy-mm-dd';
    });
    expect((await ours(huge))[5][4]).toBe((2 ** 60).toFixed(0));
  });

  it('fills merged ranges with the top-left value, rows inside a range included', async () => {
    const bytes = await workbook((ws) => {
      ws.mergeCells('E2:E3');
      ws.mergeCells('B5:C6');
      ws.mergeCells('A9:A11');
    });
    const rows = await ours(bytes);
    expect(rows).toEqual(await excelJs(bytes));
    expect(rows[3][5]).toBe('x');
    expect(rows[6].slice(2, 4)).toEqual(['孙四', '孙四']);
  });

  it('reads what ExcelJS’s streaming writer writes (the export)', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
    const ws = wb.addWorksheet('人员名单');
    ws.addRow(['工号*', '姓名*', '日期']).commit();
    ws.addRow(['E-1', '欧阳晓峰 & <b>', new Date('2001-02-03')]).commit();
    ws.commit();
    await wb.commit();
    const bytes = Buffer.concat(chunks);
    expect(await ours(bytes)).toEqual(await excelJs(bytes));
    expect((await ours(bytes))[2]).toEqual(['', 'E-1', '欧阳晓峰 & <b>', '2001-02-03']);
  });

  it('takes the first sheet in the workbook’s order, hidden or not', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('a', { state: 'hidden' }).addRow(['first']);
    wb.addWorksheet('b').addRow(['second']);
    expect(await ours(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({ 1: ['', 'first'] });
  });

  it('copes with what other writers do: prefixes, CDATA, comments, references, phonetics, escapes', async () => {
    const bytes = await workbook();
    const variants: Record<string, (xml: string, path: string) => string> = {
      prefixes: (xml, path) =>
        path.endsWith('sheet1.xml')
          ? xml
              .replace(/<(\/?)(worksheet|sheetData|row|c|v|f|is|t)([\s>/])/g, '<$1x:$2$3')
              .replace('xmlns=', 'xmlns:x=')
          : xml,
      cdata: (xml, path) =>
        path.endsWith('sharedStrings.xml')
          ? xml.replace(/<t>([^<]*)<\/t>/g, '<!-- c --><t><![CDATA[$1]]></t>')
          : xml,
      references: (xml, path) =>
        path.endsWith('sharedStrings.xml') ? xml.replace('<t>李新名</t>', '<t>&#26446;&#x65B0;名</t>') : xml,
      phonetics: (xml, path) =>
        path.endsWith('sharedStrings.xml')
          ? xml.replace(
              '<t>李新名</t>',
              '<t>李新名</t><rPh sb="0" eb="1"><t>LI</t></rPh><phoneticPr fontId="1"/>',
            )
          : xml,
      quotes: (xml, path) =>
        path.endsWith('sheet1.xml') ? xml.replace(/ r="([A-Z]+\d+)"/g, " r='$1'") : xml,
    };
    const expected = await ours(bytes);
    for (const [name, f] of Object.entries(variants)) {
      expect(await ours(await edit(bytes, f)), name).toEqual(expected);
    }
    const escaped = await edit(bytes, (xml, path) =>
      path.endsWith('sharedStrings.xml') ? xml.replace('<t>李新名</t>', '<t>李_x0020_新名</t>') : xml,
    );
    expect((await ours(escaped))[2][2]).toBe('李 新名');
    // Cells without a reference follow the previous one.
    const unreferenced = await edit(bytes, (xml, path) =>
      path.endsWith('sheet1.xml') ? xml.replace(/<c r="[B-E]2"/g, '<c') : xml,
    );
    expect((await ours(unreferenced))[2]).toEqual(expected[2]);
  });

  it('says when there is no worksheet, and fails on a file that is not a zip', async () => {
    const bytes = await edit(await workbook(), (xml, path) =>
      path === 'xl/workbook.xml' ? xml.replace(/<sheet [^>]*\/>/g, '') : xml,
    );
    expect(await openFirstSheet(bytes)).toBeUndefined();
    await expect(openFirstSheet(Buffer.from('%PDF-1.4 not a roster'))).rejects.toThrow();
  });
});
