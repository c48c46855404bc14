import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db/types.js';
import { excelSafe } from '../../../platform/excel/xlsx.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { FILE_KINDS, saveFile } from '../../../platform/files/files.service.js';
import type { personImports } from '../people.table.js';
import type { RowError } from './row-validation.js';

/** Writes the per-row error report (.xlsx: row, column, message) and returns its file id. */
export async function writeErrorReport(
  db: Db,
  store: FileStore,
  imp: typeof personImports.$inferSelect,
  errors: RowError[],
): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 16 },
    { header: '错误', key: 'message', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of [...errors].sort((a, b) => a.row - b.row)) {
    sheet.addRow({ row: e.row, column: excelSafe(e.column), message: excelSafe(e.message) });
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const file = await saveFile(db, store, {
    bytes,
    filename: `错误报告-${imp.fileName.replace(/\.xlsx$/i, '')}.xlsx`,
    allowed: FILE_KINDS.spreadsheet,
    maxBytes: 100 * 1024 * 1024,
    createdBy: imp.createdBy,
  });
  return file.id;
}
