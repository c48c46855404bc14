import { ROSTER_COLUMNS, type RosterColumn } from '../people-excel.js';

/**
 * The other names HR's own spreadsheets give the template's columns. A header is compared
 * after `normaliseHeader` (full-width forms, spaces and the required mark `*` do not count),
 * first whole, then without a bracketed remark (`手机号（必填）`, `出生日期(YYYY-MM-DD)`).
 * Names that could mean two columns (编号, 日期, 电话号 of an office) are not listed: a column
 * not recognised is ignored with a warning in the report, never guessed.
 */
export const HEADER_ALIASES: Partial<Record<RosterColumn['key'], readonly string[]>> = {
  employeeNo: [
    '员工号',
    '员工编号',
    '员工编码',
    '职工号',
    '职工编号',
    '人员编号',
    '工号编码',
    'employee no',
    'employeeno',
    'employee number',
  ],
  name: ['名字', '员工姓名', '职工姓名', '人员姓名', 'name'],
  gender: ['sex', 'gender'],
  birthDate: ['出生年月', '出生年月日', '出生时间', '生日', 'birth date', 'birthdate', 'date of birth'],
  idCard: [
    '身份证号码',
    '身份证',
    '身份证件号',
    '身份证件号码',
    '公民身份号码',
    '公民身份证号',
    '公民身份证号码',
    'id card',
    'idcard',
    'id card no',
  ],
  phone: ['手机', '手机号码', '移动电话', '联系电话', '联系方式', '手机联系方式', 'phone', 'mobile'],
  unitCode: [
    '单位编码',
    '所属单位',
    '所在单位',
    '单位',
    '单位名称',
    '所属单位名称',
    '所在党组织',
    '所属党组织',
    '党组织',
    '组织编码',
    'unit code',
    'unitcode',
    'unit',
  ],
  politicalStatus: ['政治身份', 'political status', 'politicalstatus'],
  partyJoinedOn: ['入党时间', '入党年月日', '加入中共日期', '加入党组织日期'],
  partyFullMemberOn: ['转正时间', '转正年月日', '入党转正日期', '入党转正时间'],
  positions: ['党内职务', '职务名称'],
  cadreRank: ['干部职级', '职级'],
  education: ['文化程度', '最高学历'],
  employmentStatus: [
    '状态',
    '在职状态',
    '在岗状态',
    '用工状态',
    '人员类别状态',
    'employment status',
    'status',
  ],
};

/**
 * A header as compared: Unicode compatibility forms folded (full-width letters, digits and
 * brackets become ASCII, the ideographic space a space), spaces, `*`, `.`, `:` and `_` removed,
 * lower case.
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s*.:_]/g, '')
    .replace(/[[【〔]/g, '(')
    .replace(/[\]】〕]/g, ')')
    .toLowerCase();
}

const BY_NAME = new Map<string, RosterColumn>();
for (const col of ROSTER_COLUMNS) {
  BY_NAME.set(normaliseHeader(col.header), col);
  for (const alias of HEADER_ALIASES[col.key] ?? []) {
    const name = normaliseHeader(alias);
    if (BY_NAME.has(name) && BY_NAME.get(name) !== col) throw new Error(`Header alias ${alias} is ambiguous`);
    BY_NAME.set(name, col);
  }
}

/** The template column a header means, by its name or an alias, with or without a bracketed remark. */
export function columnOfHeader(header: string): RosterColumn | undefined {
  const name = normaliseHeader(header);
  if (!name) return undefined;
  return BY_NAME.get(name) ?? BY_NAME.get(name.replace(/\([^()]*\)/g, ''));
}
