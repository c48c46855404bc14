import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.js';
import { cellText, ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';

export type RawRow = { rowNo: number; cells: Map<RosterColumn['key'], string> };

/**
 * Reads the rows of the first worksheet of a roster file. The header row is matched by name
 * (with or without the `*`), so columns may be reordered; unknown columns are ignored; a missing
 * required column stops the import before any row is read.
 *
 * The whole workbook is loaded (JSZip) rather than streamed: ExcelJS's streaming reader loses
 * zip entries now and then when the machine is busy ("Cannot read properties of undefined
 * (reading 'sheets')", about 1 in 1,000 reads under load), and an import must not fail at
 * random. Loading 70,000 rows costs about one second more than streaming them.
 */
export async function* readRoster(bytes: Buffer): AsyncGenerator<RawRow> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('validation_failed', 'The workbook has no worksheet');
  let columns: Map<number, RosterColumn> | undefined;
  for (let n = 1; n <= sheet.rowCount; n += 1) {
    const row = sheet.getRow(n);
    const values = (row.values ?? []) as unknown[];
    if (!columns) {
      if (!values.some((v) => cellText(v) !== '')) continue;
      columns = headerColumns(values);
      continue;
    }
    const cells = new Map<RosterColumn['key'], string>();
    for (const [i, col] of columns) cells.set(col.key, cellText(values[i], col.date));
    if ([...cells.values()].every((v) => v === '')) continue;
    yield { rowNo: row.number, cells };
  }
  if (!columns) headerColumns([]);
}

function headerColumns(values: unknown[]): Map<number, RosterColumn> {
  const found = new Map<number, RosterColumn>();
  values.forEach((v, i) => {
    const name = cellText(v).replace(/[*＊\s]/g, '');
    const col = ROSTER_COLUMNS.find((c) => c.header === name);
    if (col) found.set(i, col);
  });
  const missing = ROSTER_COLUMNS.filter((c) => c.required && ![...found.values()].includes(c));
  if (missing.length) {
    throw new AppError(
      'validation_failed',
      `The sheet lacks required columns: ${missing.map((c) => c.header).join('、')}`,
      { missingColumns: missing.map((c) => c.header) },
    );
  }
  return found;
}
