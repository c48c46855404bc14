import type { TImportColumnNote } from '@lifeline/shared';
import { AppError } from '../../../platform/errors.js';
import { cellText, ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';
import { columnOfHeader } from './header-aliases.js';
import { type CellValue, openFirstSheet } from './sheet-reader.js';

export type RawRow = { rowNo: number; cells: Map<RosterColumn['key'], string> };

/**
 * Reads the rows of the first worksheet of a roster file. The header row is matched by name or
 * by one of the names HR uses for it (`header-aliases.ts`), so columns may be reordered and
 * renamed; a missing required column stops the import before any row is read. Every column
 * that is not read is noted in `notes` (a name not recognised, a second column for the same
 * field, a column with data but no name), as is every column read under another name: the
 * report shows them, so that a column is never dropped unseen.
 *
 * The sheet is read by `openFirstSheet` (the zip opened whole, the sheet's XML scanned once),
 * not by ExcelJS: loading the workbook into ExcelJS's object model took ~6 s of a 70,000-row
 * import, and ExcelJS's streaming reader loses zip entries now and then when the machine is
 * busy ("Cannot read properties of undefined (reading 'sheets')", about 1 in 1,000 reads under
 * load), and an import must not fail at random.
 */
export async function* readRoster(bytes: Buffer, notes: TImportColumnNote[] = []): AsyncGenerator<RawRow> {
  const rows = await openFirstSheet(bytes);
  if (!rows) throw new AppError('validation_failed', 'The workbook has no worksheet');
  let columns: [number, RosterColumn][] | undefined;
  // Columns without a name (blank in the header, or beyond its last cell): noted once, when a
  // row has something in one.
  let unnamed = new Set<number>();
  let width = 0;
  const noted = new Set<number>();
  for (const row of rows) {
    const values = row.cells;
    if (!columns) {
      if (!values.some((v) => cellText(v) !== '')) continue;
      const header = headerColumns(values, notes);
      columns = [...header.found];
      unnamed = header.unnamed;
      width = values.length;
      continue;
    }
    const cells = new Map<RosterColumn['key'], string>();
    let empty = true;
    for (const [i, col] of columns) {
      const text = cellText(values[i], col.date);
      if (text !== '') empty = false;
      cells.set(col.key, text);
    }
    if (unnamed.size || values.length > width) {
      values.forEach((v, i) => {
        if ((i < width && !unnamed.has(i)) || noted.has(i) || cellText(v) === '') return;
        noted.add(i);
        unnamed.delete(i);
        notes.push({ header: columnLetter(i), reason: 'unnamed', column: null });
      });
    }
    if (empty) continue;
    yield { rowNo: row.rowNo, cells };
  }
  if (!columns) headerColumns([], notes);
}

function headerColumns(
  values: CellValue[],
  notes: TImportColumnNote[],
): { found: Map<number, RosterColumn>; unnamed: Set<number> } {
  const found = new Map<number, RosterColumn>();
  const taken = new Set<RosterColumn>();
  const unnamed = new Set<number>();
  const last = values.length;
  for (let i = 1; i < last; i += 1) {
    const header = cellText(values[i]);
    if (header === '') {
      unnamed.add(i);
      continue;
    }
    const col = columnOfHeader(header);
    if (!col) notes.push({ header, reason: 'unknown', column: null });
    else if (taken.has(col)) notes.push({ header, reason: 'duplicate', column: col.header });
    else {
      taken.add(col);
      found.set(i, col);
      if (header.replace(/[*＊\s]/g, '') !== col.header)
        notes.push({ header, reason: 'alias', column: col.header });
    }
  }
  const missing = ROSTER_COLUMNS.filter((c) => c.required && !taken.has(c));
  if (missing.length) {
    const ignored = notes.filter((n) => n.reason === 'unknown').map((n) => n.header);
    throw new AppError(
      'validation_failed',
      `The sheet lacks required columns: ${missing.map((c) => c.header).join('、')}` +
        (ignored.length ? ` (columns not recognised: ${ignored.join('、')})` : ''),
      { missingColumns: missing.map((c) => c.header), unknownColumns: ignored },
    );
  }
  return { found, unnamed };
}

/** The letters of a column number (1 → A, 28 → AB), as Excel shows them. */
function columnLetter(n: number): string {
  let out = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(65 + ((k - 1) % 26)) + out;
  return out;
}
