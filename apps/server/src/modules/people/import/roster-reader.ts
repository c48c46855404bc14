import { AppError } from '../../../platform/errors.js';
import { cellText, ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';
import { type CellValue, openFirstSheet } from './sheet-reader.js';

export type RawRow = { rowNo: number; cells: Map<RosterColumn['key'], string> };

/**
 * Reads the rows of the first worksheet of a roster file. The header row is matched by name
 * (with or without the `*`), so columns may be reordered; unknown columns are ignored; a missing
 * required column stops the import before any row is read.
 *
 * The sheet is read by `openFirstSheet` (the zip opened whole, the sheet's XML scanned once),
 * not by ExcelJS: loading the workbook into ExcelJS's object model took ~6 s of a 70,000-row
 * import, and ExcelJS's streaming reader loses zip entries now and then when the machine is
 * busy ("Cannot read properties of undefined (reading 'sheets')", about 1 in 1,000 reads under
 * load), and an import must not fail at random.
 */
export async function* readRoster(bytes: Buffer): AsyncGenerator<RawRow> {
  const rows = await openFirstSheet(bytes);
  if (!rows) throw new AppError('validation_failed', 'The workbook has no worksheet');
  let columns: [number, RosterColumn][] | undefined;
  for (const row of rows) {
    const values = row.cells;
    if (!columns) {
      if (!values.some((v) => cellText(v) !== '')) continue;
      columns = [...headerColumns(values)];
      continue;
    }
    const cells = new Map<RosterColumn['key'], string>();
    let empty = true;
    for (const [i, col] of columns) {
      const text = cellText(values[i], col.date);
      if (text !== '') empty = false;
      cells.set(col.key, text);
    }
    if (empty) continue;
    yield { rowNo: row.rowNo, cells };
  }
  if (!columns) headerColumns([]);
}

function headerColumns(values: CellValue[]): Map<number, RosterColumn> {
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
