import { z } from 'zod';
import { codesOf } from '../labels.js';
import { ZDateString, ZVersion } from '../platform/fields.js';

/** Allowed values, with the Chinese labels used in the Excel template and the UI. */
export const POLITICAL_STATUSES = [
  { code: 'party_member', zh: '中共党员', en: 'CPC member' },
  { code: 'probationary_member', zh: '中共预备党员', en: 'Probationary CPC member' },
  { code: 'activist', zh: '入党积极分子', en: 'Party membership activist' },
  { code: 'league_member', zh: '共青团员', en: 'Communist Youth League member' },
  { code: 'democratic_party', zh: '民主党派', en: 'Democratic party member' },
  { code: 'masses', zh: '群众', en: 'No party affiliation' },
] as const;
export const POSITIONS = [
  { code: 'secretary', zh: '书记', en: 'Secretary' },
  { code: 'deputy_secretary', zh: '副书记', en: 'Deputy secretary' },
  { code: 'committee_member', zh: '委员', en: 'Committee member' },
  { code: 'organisation_member', zh: '组织委员', en: 'Organisation committee member' },
  { code: 'publicity_member', zh: '宣传委员', en: 'Publicity committee member' },
  { code: 'discipline_member', zh: '纪检委员', en: 'Discipline committee member' },
  { code: 'group_leader', zh: '党小组长', en: 'Party group leader' },
  { code: 'political_cadre', zh: '政工干部', en: 'Political-work cadre' },
  { code: 'union_chair', zh: '工会主席', en: 'Union chair' },
  { code: 'league_secretary', zh: '团委书记', en: 'Youth League secretary' },
] as const;
export const CADRE_RANKS = [
  { code: 'bureau', zh: '局级', en: 'Bureau level' },
  { code: 'deputy_bureau', zh: '副局级', en: 'Deputy bureau level' },
  { code: 'division', zh: '处级', en: 'Division level' },
  { code: 'deputy_division', zh: '副处级', en: 'Deputy division level' },
  { code: 'section', zh: '科级', en: 'Section level' },
  { code: 'deputy_section', zh: '副科级', en: 'Deputy section level' },
  { code: 'none', zh: '无', en: 'None' },
] as const;
export const EDUCATION_LEVELS = [
  { code: 'doctorate', zh: '博士研究生', en: 'Doctorate' },
  { code: 'master', zh: '硕士研究生', en: 'Master' },
  { code: 'bachelor', zh: '大学本科', en: 'Bachelor' },
  { code: 'college', zh: '大学专科', en: 'College' },
  { code: 'secondary', zh: '中专/高中', en: 'Secondary' },
  { code: 'primary', zh: '初中及以下', en: 'Junior secondary or below' },
] as const;
export const EMPLOYMENT_STATUSES = [
  { code: 'active', zh: '在职', en: 'Active' },
  { code: 'retired', zh: '退休', en: 'Retired' },
  { code: 'transferred_out', zh: '调出', en: 'Transferred out' },
  { code: 'resigned', zh: '离职', en: 'Left' },
  { code: 'deceased', zh: '去世', en: 'Deceased' },
] as const;
export const GENDERS = [
  { code: 'male', zh: '男', en: 'Male' },
  { code: 'female', zh: '女', en: 'Female' },
] as const;

export const ZPoliticalStatus = z.enum(codesOf(POLITICAL_STATUSES));
export const ZPosition = z.enum(codesOf(POSITIONS));
export const ZCadreRank = z.enum(codesOf(CADRE_RANKS));
export const ZEducation = z.enum(codesOf(EDUCATION_LEVELS));
export const ZEmploymentStatus = z.enum(codesOf(EMPLOYMENT_STATUSES));
export const ZGender = z.enum(codesOf(GENDERS));

/** Statuses counted as Party members in headcounts. */
export const PARTY_MEMBER_STATUSES = ['party_member', 'probationary_member'] as const;

const ZDate = ZDateString;
export const ZEmployeeNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{2,20}$/, '2–20 letters, digits or -');
export const ZPhone = z
  .string()
  .trim()
  .regex(/^1[3-9]\d{9}$/, 'an 11-digit mobile number');

export const ZPersonAbilities = z.object({
  update: z.boolean(),
  readIdCard: z.boolean(),
  manageAccount: z.boolean(),
  assignRoles: z.boolean(),
});

/** A person as listed: no ID-card number beyond its mask. */
export const ZPersonSummary = z.object({
  id: z.number(),
  employeeNo: z.string(),
  name: z.string(),
  gender: ZGender,
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  unitId: z.number(),
  unitName: z.string(),
  politicalStatus: ZPoliticalStatus,
  positions: z.array(ZPosition),
  employmentStatus: ZEmploymentStatus,
  idCardMasked: z.string().nullable(),
  hasAccount: z.boolean(),
});
export type TPersonSummary = z.infer<typeof ZPersonSummary>;

export const ZPerson = ZPersonSummary.extend({
  partyJoinedOn: z.string().nullable(),
  partyFullMemberOn: z.string().nullable(),
  cadreRank: ZCadreRank.nullable(),
  education: ZEducation.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  abilities: ZPersonAbilities,
});
export type TPerson = z.infer<typeof ZPerson>;

export const ZPersonInput = z.object({
  employeeNo: ZEmployeeNo,
  name: z.string().trim().min(1).max(40),
  gender: ZGender,
  birthDate: ZDate.nullish(),
  idCard: z.string().trim().nullish(),
  phone: ZPhone.nullish(),
  unitId: z.number().int().positive(),
  politicalStatus: ZPoliticalStatus.default('masses'),
  partyJoinedOn: ZDate.nullish(),
  partyFullMemberOn: ZDate.nullish(),
  positions: z.array(ZPosition).max(10).default([]),
  cadreRank: ZCadreRank.nullish(),
  education: ZEducation.nullish(),
  employmentStatus: ZEmploymentStatus.default('active'),
});
export type TPersonInput = z.infer<typeof ZPersonInput>;
export const ZPersonUpdate = ZPersonInput.partial().extend({ version: ZVersion });
export type TPersonUpdate = z.infer<typeof ZPersonUpdate>;

/** `GET /api/people` query: search and filters; sorted by pinyin of the name. */
export const ZPeopleQuery = z.object({
  q: z.string().trim().max(50).optional(),
  unitId: z.coerce.number().int().positive().optional(),
  politicalStatus: ZPoliticalStatus.optional(),
  position: ZPosition.optional(),
  employmentStatus: ZEmploymentStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TPeopleQuery = z.infer<typeof ZPeopleQuery>;

export const ZPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
