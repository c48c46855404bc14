import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
  type TPersonInput,
} from '@lifeline/shared';
import { excelUnsafe } from '../../platform/excel/xlsx.js';

/**
 * The roster spreadsheet: one column list for the import template, the export and the import,
 * so that an exported list can be edited and imported back. Headers are Chinese; `*` marks
 * required columns. Enumerations accept the Chinese label, the English label or the code.
 */
type Option = { code: string; zh: string; en: string };
export type RosterColumn = {
  key: keyof TPersonInput | 'unitCode';
  header: string;
  required: boolean;
  options?: readonly Option[];
  multi?: boolean;
  date?: boolean;
  width: number;
  hint: string;
};

export const ROSTER_COLUMNS: RosterColumn[] = [
  {
    key: 'employeeNo',
    header: '工号',
    required: true,
    width: 12,
    hint: '2–20 位字母、数字或 -；按工号新增或更新',
  },
  { key: 'name', header: '姓名', required: true, width: 10, hint: '最多 40 字' },
  {
    key: 'gender',
    header: '性别',
    required: true,
    options: GENDERS,
    width: 6,
    hint: '男 / 女；须与身份证号一致',
  },
  {
    key: 'birthDate',
    header: '出生日期',
    required: false,
    date: true,
    width: 12,
    hint: 'YYYY-MM-DD；有身份证号时可不填',
  },
  {
    key: 'idCard',
    header: '身份证号',
    required: false,
    width: 20,
    hint: '18 位，校验码按 GB 11643；请设为文本格式；含 * 的掩码表示不修改',
  },
  { key: 'phone', header: '手机号', required: false, width: 13, hint: '11 位手机号' },
  { key: 'unitCode', header: '所属单位编码', required: true, width: 16, hint: '见“单位编码”工作表' },
  {
    key: 'politicalStatus',
    header: '政治面貌',
    required: true,
    options: POLITICAL_STATUSES,
    width: 14,
    hint: '见“填写说明”',
  },
  {
    key: 'partyJoinedOn',
    header: '入党日期',
    required: false,
    date: true,
    width: 12,
    hint: '党员、预备党员填写',
  },
  {
    key: 'partyFullMemberOn',
    header: '转正日期',
    required: false,
    date: true,
    width: 12,
    hint: '正式党员填写',
  },
  {
    key: 'positions',
    header: '职务',
    required: false,
    options: POSITIONS,
    multi: true,
    width: 16,
    hint: '可多个，用顿号“、”分隔',
  },
  {
    key: 'cadreRank',
    header: '干部级别',
    required: false,
    options: CADRE_RANKS,
    width: 10,
    hint: '见“填写说明”',
  },
  {
    key: 'education',
    header: '学历',
    required: false,
    options: EDUCATION_LEVELS,
    width: 12,
    hint: '见“填写说明”',
  },
  {
    key: 'employmentStatus',
    header: '人员状态',
    required: true,
    options: EMPLOYMENT_STATUSES,
    width: 10,
    hint: '在职 / 退休 / 调出 …',
  },
];

export const headerText = (c: RosterColumn) => (c.required ? `${c.header}*` : c.header);

/** Maps a label (zh, en or code) to its code, or undefined. */
export function optionCode(options: readonly Option[], raw: string): string | undefined {
  const v = raw.trim().toLowerCase();
  return options.find((o) => o.code === v || o.zh === raw.trim() || o.en.toLowerCase() === v)?.code;
}

export function optionLabel(options: readonly Option[], code: string | null): string {
  return code ? (options.find((o) => o.code === code)?.zh ?? code) : '';
}

/**
 * Normalises a spreadsheet cell to text: dates to YYYY-MM-DD, numbers without exponent, rich text
 * joined, and the apostrophe our exports put before formula-like text removed (so a roster
 * exported and imported again keeps its values).
 */
export function cellText(value: unknown, asDate = false): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (asDate && value > 1 && value < 80_000) {
      // An Excel serial date (days since 1899-12-30).
      return new Date(Math.round((value - 25_569) * 86_400_000)).toISOString().slice(0, 10);
    }
    return Number.isInteger(value) ? value.toFixed(0) : String(value);
  }
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (v.richText)
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return String(v.text).trim();
    if (v.result !== undefined) return cellText(v.result, asDate);
  }
  // Our own exports wrote formula-like text with a leading apostrophe; it reads back as typed.
  return excelUnsafe(String(value).trim());
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Accepts 2026-01-05, 2026/1/5, 2026.1.5 and 20260105; returns YYYY-MM-DD or null when not a date. */
export function parseDate(text: string): string | null {
  // The usual form, YYYY-MM-DD, checked without building a Date (same answers).
  if (text.length === 10 && ISO_DATE.test(text)) {
    const y = Number(text.slice(0, 4));
    const mo = Number(text.slice(5, 7));
    const d = Number(text.slice(8, 10));
    if (y < 100 || mo < 1 || mo > 12 || d < 1) return null;
    const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
    return d <= (mo === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[mo - 1]) ? text : null;
  }
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}
