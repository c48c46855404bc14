import {
  CADRE_RANKS,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  GENDERS,
  POLITICAL_STATUSES,
  POSITIONS,
} from '@lifeline/shared';
import ExcelJS from 'exceljs';

type Option = { code: string; zh: string };
const label = (list: readonly Option[], code: string | null | undefined) =>
  code ? (list.find((o) => o.code === code)?.zh ?? '') : '';

/** A roster workbook (the import template's columns) for generated people. */
export async function rosterRows(
  people: {
    employeeNo: string;
    name: string;
    gender: string;
    birthDate?: string | null;
    idCard?: string | null;
    phone?: string | null;
    unitId: number;
    politicalStatus: string;
    partyJoinedOn?: string | null;
    partyFullMemberOn?: string | null;
    positions: string[];
    cadreRank?: string | null;
    education?: string | null;
    employmentStatus: string;
  }[],
  units: { id: number; code: string }[],
): Promise<Buffer> {
  const codes = new Map(units.map((u) => [u.id, u.code]));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  ws.addRow([
    '工号*',
    '姓名*',
    '性别*',
    '出生日期',
    '身份证号',
    '手机号',
    '所属单位编码*',
    '政治面貌*',
    '入党日期',
    '转正日期',
    '职务',
    '干部级别',
    '学历',
    '人员状态*',
  ]);
  for (const p of people) {
    ws.addRow([
      p.employeeNo,
      p.name,
      label(GENDERS, p.gender),
      p.birthDate ?? '',
      p.idCard ?? '',
      p.phone ?? '',
      codes.get(p.unitId) ?? '',
      label(POLITICAL_STATUSES, p.politicalStatus),
      p.partyJoinedOn ?? '',
      p.partyFullMemberOn ?? '',
      p.positions.map((x) => label(POSITIONS, x)).join('、'),
      label(CADRE_RANKS, p.cadreRank),
      label(EDUCATION_LEVELS, p.education),
      label(EMPLOYMENT_STATUSES, p.employmentStatus),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
