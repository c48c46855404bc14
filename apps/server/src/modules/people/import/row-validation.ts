import { type TPersonInput, ZEmployeeNo, ZPhone } from '@lifeline/shared';
import { PROBLEM_ZH, personProblems } from '../people.rules.js';
import type { people } from '../people.table.js';
import { ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';
import type { RawRow } from './roster-reader.js';
import { dateValue, idCardValue, phoneValue, valueCode } from './value-aliases.js';

export type RowError = { row: number; column: string; message: string };
export type ParsedRow = {
  rowNo: number;
  unitCode: string;
  input: Omit<TPersonInput, 'unitId'>;
  keepIdCard: boolean;
  /** The optional columns the sheet does not have: a person on the roster keeps their values. */
  absent: readonly RosterColumn['key'][];
};
type StoredPerson = typeof people.$inferSelect;

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
  // The rules do not read the unit. A rule on a column the sheet does not have is judged
  // once the stored person is known (withStoredValues).
  const input = out as unknown as Omit<TPersonInput, 'unitId'>;
  const absent = ROSTER_COLUMNS.filter((c) => !c.required && !raw.cells.has(c.key)).map((c) => c.key);
  for (const p of personProblems(input as TPersonInput, today)) {
    if (!absent.includes(p.field as RosterColumn['key']))
      err(p.field as RosterColumn['key'], PROBLEM_ZH[p.code]);
  }
  if (errors.length) return { errors };
  return { row: { rowNo: raw.rowNo, unitCode, input, keepIdCard, absent }, errors };
}

/** The stored value of each optional field, for a column the sheet does not have. */
const STORED: Partial<Record<RosterColumn['key'], (p: StoredPerson) => unknown>> = {
  birthDate: (p) => p.birthDate,
  phone: (p) => p.phone,
  partyJoinedOn: (p) => p.partyJoinedOn,
  partyFullMemberOn: (p) => p.partyFullMemberOn,
  positions: (p) => p.positions,
  cadreRank: (p) => p.cadreRank,
  education: (p) => p.education,
};

/**
 * A row's input once the person on the roster is known: a column the sheet does not have
 * keeps the stored value (HR's files hold the columns HR keeps; a file without 手机号 must not
 * clear everyone's phone, nor one without 身份证号 their ID cards), and is empty for a new
 * person. The rules are then judged on the merged values for those columns, saying that the
 * value came from the roster.
 */
export function withStoredValues(
  row: ParsedRow,
  current: StoredPerson | undefined,
  today: string,
): { input: Omit<TPersonInput, 'unitId'>; keepIdCard: boolean; errors: RowError[] } {
  if (!row.absent.length) return { input: row.input, keepIdCard: row.keepIdCard, errors: [] };
  const input: Record<string, unknown> = { ...row.input };
  const keepIdCard = row.keepIdCard || (row.absent.includes('idCard') && Boolean(current?.idCardEnc));
  if (current) {
    for (const key of row.absent) {
      // A birth date comes from the ID card when the row gives one.
      if (key === 'birthDate' && row.input.idCard) continue;
      const stored = STORED[key];
      if (stored) input[key] = stored(current) ?? undefined;
    }
  }
  const errors: RowError[] = [];
  const note = current ? '（文件中没有该列，沿用已登记的值）' : '（文件中没有该列）';
  for (const p of personProblems(input as TPersonInput, today)) {
    const key = p.field as RosterColumn['key'];
    if (row.absent.includes(key))
      errors.push({ row: row.rowNo, column: header(key), message: PROBLEM_ZH[p.code] + note });
  }
  return { input: input as Omit<TPersonInput, 'unitId'>, keepIdCard, errors };
}
