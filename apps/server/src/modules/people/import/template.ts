import ExcelJS from 'exceljs';
import { excelSafe } from '../../../platform/excel/xlsx.js';
import { headerText, ROSTER_COLUMNS } from '../people-excel.js';

/**
 * The import template: the roster sheet with drop-downs for every enumerated column, the
 * instructions with allowed values, and the codes of the units the user may import into.
 */
export async function buildTemplate(units: { code: string; name: string; path: string }[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('人员名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ROSTER_COLUMNS.map((c) => ({ header: headerText(c), key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  ROSTER_COLUMNS.forEach((c, i) => {
    const col = sheet.getColumn(i + 1);
    col.numFmt = '@';
    if (c.required)
      sheet.getCell(1, i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE9D9' } };
    sheet.getCell(1, i + 1).note = c.hint;
  });
  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列', key: 'col', width: 14 },
    { header: '必填', key: 'req', width: 6 },
    { header: '说明', key: 'hint', width: 50 },
    { header: '可选值', key: 'values', width: 80 },
  ];
  help.getRow(1).font = { bold: true };
  for (const c of ROSTER_COLUMNS) {
    help.addRow({
      col: c.header,
      req: c.required ? '是' : '',
      hint: c.hint,
      values: c.options?.map((o) => o.zh).join('、') ?? '',
    });
  }
  help.addRow({});
  help.addRow({
    col: '说明',
    hint: '按工号新增或更新；同一文件重复导入不会产生变化。任何一行有错时可下载错误报告，改正后重新上传，或选择只导入正确的行。',
  });
  const codes = wb.addWorksheet('单位编码');
  codes.columns = [
    { header: '单位编码', key: 'code', width: 18 },
    { header: '单位名称', key: 'name', width: 40 },
  ];
  codes.getRow(1).font = { bold: true };
  for (const u of units) codes.addRow({ code: excelSafe(u.code), name: excelSafe(u.name) });
  // Drop-downs for the enumerated columns, from hidden lists (long lists exceed the inline limit).
  const lists = wb.addWorksheet('lists', { state: 'veryHidden' });
  ROSTER_COLUMNS.forEach((c, i) => {
    if (!c.options || c.multi) return;
    c.options.forEach((o, j) => {
      lists.getCell(j + 1, i + 1).value = o.zh;
    });
    const letter = lists.getColumn(i + 1).letter;
    for (let r = 2; r <= 2001; r += 1) {
      sheet.getCell(r, i + 1).dataValidation = {
        type: 'list',
        allowBlank: !c.required,
        formulae: [`lists!$${letter}$1:$${letter}$${c.options.length}`],
        showErrorMessage: true,
        errorTitle: c.header,
        error: `请从列表中选择${c.header}`,
      };
    }
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
