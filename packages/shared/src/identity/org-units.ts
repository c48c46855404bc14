import { z } from 'zod';
import { ZDateString, ZVersion } from '../platform/fields.js';

/** Unit types offered by default; administrators may add more (`GET /api/org-unit-types`). */
export const DEFAULT_UNIT_TYPES = [
  { code: 'group_party_committee', zh: '集团党委', en: 'Group Party committee' },
  { code: 'party_committee', zh: '党委', en: 'Party committee' },
  { code: 'general_branch', zh: '党总支', en: 'General Party branch' },
  { code: 'party_branch', zh: '党支部', en: 'Party branch' },
  { code: 'party_group', zh: '党小组', en: 'Party group' },
  { code: 'union', zh: '工会', en: 'Trade union' },
  { code: 'youth_league', zh: '团委', en: 'Youth League committee' },
  { code: 'research_association', zh: '政研会', en: 'Political-work research association' },
  { code: 'department', zh: '行政部门', en: 'Administrative department' },
] as const;

export const ZUnitType = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  sortOrder: z.number(),
});
export type TUnitType = z.infer<typeof ZUnitType>;

export const ZUnitTypeInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase letters, digits and _'),
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});

const ZDate = ZDateString;

/** Abilities of the caller on one unit, so the UI shows only what will work. */
export const ZUnitAbilities = z.object({
  update: z.boolean(),
  move: z.boolean(),
  dissolve: z.boolean(),
  createChild: z.boolean(),
  assignRoles: z.boolean(),
});

export const ZOrgUnit = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  code: z.string(),
  type: z.string(),
  sortOrder: z.number(),
  depth: z.number(),
  establishedOn: z.string().nullable(),
  dissolvedOn: z.string().nullable(),
  version: z.number(),
  abilities: ZUnitAbilities,
});
export type TOrgUnit = z.infer<typeof ZOrgUnit>;

/** A node of `GET /api/org-units/tree`: the unit, its own and its subtree's headcounts. */
export const ZOrgUnitTreeNode = ZOrgUnit.extend({
  people: z.number(),
  partyMembers: z.number(),
  subtreePeople: z.number(),
  subtreePartyMembers: z.number(),
});
export type TOrgUnitTreeNode = z.infer<typeof ZOrgUnitTreeNode>;

export const ZOrgUnitCreate = z.object({
  parentId: z.number().int().positive(),
  name: z.string().trim().min(1).max(100),
  shortName: z.string().trim().max(40).nullish(),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, 'letters, digits, - and _'),
  type: z.string().min(1).max(40),
  sortOrder: z.number().int().min(0).max(1_000_000).default(0),
  establishedOn: ZDate.nullish(),
});
export type TOrgUnitCreate = z.infer<typeof ZOrgUnitCreate>;

export const ZOrgUnitUpdate = ZOrgUnitCreate.omit({ parentId: true }).partial().extend({ version: ZVersion });
export type TOrgUnitUpdate = z.infer<typeof ZOrgUnitUpdate>;

export const ZOrgUnitMove = z.object({
  newParentId: z.number().int().positive(),
  version: ZVersion,
});
export const ZOrgUnitDissolve = z.object({ dissolvedOn: ZDate, version: ZVersion });
