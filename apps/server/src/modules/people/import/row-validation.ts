import { type TPersonInput, ZEmployeeNo, ZPhone } from '@lifeline/shared';
import { PROBLEM_ZH, personProblems } from '../people.rules.js';
import { ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';
import type { RawRow } from './roster-reader.js';
import { dateValue, idCardValue, phoneValue, valueCode } from './value-aliases.js';

export type RowError = { row: number; column: string; message: string };
export type ParsedRow = {
  rowNo: number;
  unitCode: string;
  input: Omit<TPersonInput, 'unitId'>;
  keepIdCard: boolean;
};

const HEADERS = new Map(ROSTER_COLUMNS.map((c) => [c.key, c.header]));
const header = (key: RosterColumn['key']) => HEADERS.get(key)!;

/**
 * Turns one spreadsheet row into a person's input, or the row's errors (in Chinese, naming
 * the column). A masked ID card (with *) means "keep the stored number"; a 15-digit one is
 * taken in its 18-digit form.
 */
export function parseRow(raw: RawRow, today: string): { row?: ParsedRow; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (key: RosterColumn['key'], message: string) =>
    errors.push({ row: raw.rowNo, column: header(key), message });
  const text = (key: RosterColumn['key']) => raw.cells.get(key) ?? '';
  // Every column's key is set (undefined when empty or wrong), so that all rows' inputs have
  // one shape; the unit code is kept apart (it is checked against the database later).
  const out: Record<string, unknown> = { positions: [] };
  let unitCode = '';
  for (const col of ROSTER_COLUMNS) {
    const value = text(col.key);
    let parsed: unknown;
    if (!value) {
      if (col.required) err(col.key, '必填');
      if (col.multi) parsed = [];
    } else if (col.options && col.multi) {
      const parts = value.split(/[、,，;；\s]+/).filter(Boolean);
      const codes = parts.map((p) => valueCode(col, p));
      const bad = parts.filter((_, i) => !codes[i]);
      if (bad.length) err(col.key, `无效的取值：${bad.join('、')}`);
      else parsed = [...new Set(codes)];
    } else if (col.options) {
      const code = valueCode(col, value);
      if (!code) err(col.key, `无效的取值：${value}（可选：${col.options.map((o) => o.zh).join('、')}）`);
      else parsed = code;
    } else if (col.date) {
      const date = dateValue(value);
      if (!date) err(col.key, `日期格式应为 YYYY-MM-DD：${value}`);
      else parsed = date;
    } else parsed = value;
    if (col.key === 'unitCode') unitCode = value;
    else out[col.key] = parsed;
  }
  const employeeNo = out.employeeNo as string | undefined;
  if (employeeNo && !ZEmployeeNo.safeParse(employeeNo).success)
    err('employeeNo', '工号应为 2–20 位字母、数字或 -');
  if (typeof out.name === 'string' && out.name.length > 40) err('name', '姓名过长');
  if (typeof out.phone === 'string') out.phone = phoneValue(out.phone);
  if (out.phone && !ZPhone.safeParse(out.phone).success) err('phone', '手机号应为 11 位');
  const keepIdCard = typeof out.idCard === 'string' && out.idCard.includes('*');
  if (keepIdCard) out.idCard = undefined;
  if (typeof out.idCard === 'string' && /e\+/i.test(out.idCard))
    err('idCard', '身份证号被 Excel 转成了数字，请将该列设为文本格式');
  else if (typeof out.idCard === 'string') out.idCard = idCardValue(out.idCard);
  if (errors.length) return { errors };
  // The rules do not read the unit.
  const input = out as unknown as Omit<TPersonInput, 'unitId'>;
  for (const p of personProblems(input as TPersonInput, today)) {
    err(p.field as RosterColumn['key'], PROBLEM_ZH[p.code]);
  }
  if (errors.length) return { errors };
  return { row: { rowNo: raw.rowNo, unitCode, input, keepIdCard }, errors };
}
