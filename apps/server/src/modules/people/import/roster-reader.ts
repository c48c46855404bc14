import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors.js';
import { cellText, ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';

export type RawRow = { rowNo: number; cells: Map<RosterColumn['key'], string> };

/**
 * Streams the rows of the first worksheet of a roster file. The header row is matched by
 * name (with or without the `*`), so columns may be reordered; unknown columns are ignored;
 * a missing required column stops the import before any row is read.
 */
export async function* readRoster(bytes: Buffer): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    entries: 'emit',
  });
  let sheetSeen = false;
  for await (const sheet of reader) {
    if (sheetSeen) break;
    sheetSeen = true;
    let columns: Map<number, RosterColumn> | undefined;
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      if (!columns) {
        const found = new Map<number, RosterColumn>();
        values.forEach((v, i) => {
          const name = cellText(v).replace(/[*＊\s]/g, '');
          const col = ROSTER_COLUMNS.find((c) => c.header === name);
          if (col) found.set(i, col);
        });
        columns = found;
        const missing = ROSTER_COLUMNS.filter((c) => c.required && ![...found.values()].includes(c));
        if (missing.length) {
          throw new AppError(
            'validation_failed',
            `The sheet lacks required columns: ${missing.map((c) => c.header).join('、')}`,
            {
              missingColumns: missing.map((c) => c.header),
            },
          );
        }
        continue;
      }
      const cells = new Map<RosterColumn['key'], string>();
      for (const [i, col] of columns) cells.set(col.key, cellText(values[i], col.date));
      if ([...cells.values()].every((v) => v === '')) continue;
      yield { rowNo: row.number, cells };
    }
  }
  if (!sheetSeen) throw new AppError('validation_failed', 'The workbook has no worksheet');
}
