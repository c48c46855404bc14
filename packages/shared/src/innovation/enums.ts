import { z } from 'zod';
import { codesOf } from '../labels.js';
import { ZDateString } from '../platform/fields.js';

/** Allowed values of the innovation module, with the labels used in exports and the UI. */
export const INNOVATION_CATEGORIES = [
  { code: 'learning', zh: '学习创新', en: 'Learning innovation' },
  { code: 'original', zh: '自主创新', en: 'Original innovation' },
  { code: 'inherited', zh: '继承创新', en: 'Inherited innovation' },
  { code: 'integrated', zh: '集成创新', en: 'Integrated innovation' },
  { code: 'micro', zh: '微创新', en: 'Micro-innovation' },
] as const;

/** The project levels a cycle may offer, from the highest down. */
export const INNOVATION_LEVELS = [
  { code: 'company_key', zh: '公司级重点课题', en: 'Company key project' },
  { code: 'plant', zh: '厂级课题', en: 'Plant-level project' },
  { code: 'branch', zh: '支部级课题', en: 'Branch-level project' },
] as const;

export const AWARD_TIERS = [
  { code: 'first', zh: '一等奖', en: 'First prize' },
  { code: 'second', zh: '二等奖', en: 'Second prize' },
  { code: 'third', zh: '三等奖', en: 'Third prize' },
  { code: 'excellence', zh: '优秀奖', en: 'Award of excellence' },
] as const;

export const RECOMMENDATIONS = [
  { code: 'strongly_recommend', zh: '强烈推荐', en: 'Strongly recommend' },
  { code: 'recommend', zh: '推荐', en: 'Recommend' },
  { code: 'neutral', zh: '中立', en: 'Neutral' },
  { code: 'not_recommend', zh: '不推荐', en: 'Do not recommend' },
] as const;

export const COMMENDATION_KINDS = [
  { code: 'result', zh: '优秀成果', en: 'Excellent result' },
  { code: 'team', zh: '优秀创新团队', en: 'Outstanding innovation team' },
  { code: 'individual', zh: '优秀个人', en: 'Outstanding individual' },
] as const;

export const CHANGE_KINDS = [
  { code: 'team', zh: '团队变更', en: 'Team change' },
  { code: 'level', zh: '级别变更', en: 'Level change' },
  { code: 'funding', zh: '经费变更', en: 'Funding change' },
  { code: 'deadline', zh: '期限变更', en: 'Deadline change' },
] as const;

export const ZInnovationCategory = z.enum(codesOf(INNOVATION_CATEGORIES));
export const ZInnovationLevel = z.enum(codesOf(INNOVATION_LEVELS));
export const ZAwardTier = z.enum(codesOf(AWARD_TIERS));
export const ZRecommendation = z.enum(codesOf(RECOMMENDATIONS));
export const ZCommendationKind = z.enum(codesOf(COMMENDATION_KINDS));
export const ZChangeKind = z.enum(codesOf(CHANGE_KINDS));
export type TInnovationCategory = z.infer<typeof ZInnovationCategory>;
export type TInnovationLevel = z.infer<typeof ZInnovationLevel>;
export type TAwardTier = z.infer<typeof ZAwardTier>;
export type TRecommendation = z.infer<typeof ZRecommendation>;
export type TCommendationKind = z.infer<typeof ZCommendationKind>;
export type TChangeKind = z.infer<typeof ZChangeKind>;

/** No single award may exceed 50,000 yuan; money is integer fen. */
export const MAX_AWARD_FEN = 5_000_000;

/** Dates are business days in Asia/Shanghai, as YYYY-MM-DD. */
export const ZDate = ZDateString;
/** Money in fen: a non-negative integer. */
export const ZFen = z.number().int().nonnegative().max(100_000_000_00);
