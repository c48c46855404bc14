import type { TImportColumnNote } from '@lifeline/shared';
import ExcelJS from 'exceljs';
import type { Db } from '../../../platform/db/types.js';
import { excelSafe } from '../../../platform/excel/xlsx.js';
import type { FileStore } from '../../../platform/files/file-store.js';
import { FILE_KINDS, saveFile } from '../../../platform/files/files.service.js';
import type { personImports } from '../people.table.js';
import type { RowError } from './row-validation.js';

/** A column whose values were not imported (the report's warnings), as opposed to one read under another name. */
export const isIgnored = (n: TImportColumnNote) => n.reason !== 'alias';

/** What each note says, in the report's language (the template is Chinese). */
export function columnNoteText(n: TImportColumnNote): string {
  switch (n.reason) {
    case 'alias':
      return `按“${n.column}”读取`;
    case 'unknown':
      return '未识别的列名，该列未导入；如需导入，请改为模板中的列名';
    case 'duplicate':
      return `与前面读取为“${n.column}”的列重复，该列未导入`;
    case 'unnamed':
      return '该列有数据但没有列名，未导入';
  }
}

/**
 * Writes the report (.xlsx): the rows' errors (row, column, message), and a sheet of the
 * columns that were ignored or read under another name. Returns its file id.
 */
export async function writeErrorReport(
  db: Db,
  store: FileStore,
  imp: typeof personImports.$inferSelect,
  errors: RowError[],
  notes: TImportColumnNote[] = [],
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
  if (notes.length) {
    const columns = workbook.addWorksheet('列的读取', { views: [{ state: 'frozen', ySplit: 1 }] });
    columns.columns = [
      { header: '文件中的列', key: 'header', width: 20 },
      { header: '结果', key: 'kind', width: 10 },
      { header: '说明', key: 'text', width: 60 },
    ];
    columns.getRow(1).font = { bold: true };
    for (const n of [...notes].sort((a, b) => Number(isIgnored(b)) - Number(isIgnored(a)))) {
      columns.addRow({
        header: excelSafe(n.reason === 'unnamed' ? `${n.header} 列` : n.header),
        kind: isIgnored(n) ? '警告：已忽略' : '已识别',
        text: columnNoteText(n),
      });
    }
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
