import { z } from 'zod';
import { codesOf } from '../labels.js';

/** The default categories (a setting: administrators add, rename, retire and set answer days). */
export const DEFAULT_HOTLINE_CATEGORIES = [
  { code: 'production', zh: '生产经营', en: 'Production', answerDays: 5 },
  { code: 'safety', zh: '安全生产', en: 'Safety', answerDays: 3 },
  { code: 'pay', zh: '薪酬福利', en: 'Pay and benefits', answerDays: 5 },
  { code: 'canteen', zh: '食堂后勤', en: 'Canteen and logistics', answerDays: 5 },
  { code: 'transport', zh: '通勤交通', en: 'Transport', answerDays: 5 },
  { code: 'housing', zh: '住房', en: 'Housing', answerDays: 10 },
  { code: 'training', zh: '培训成长', en: 'Training', answerDays: 5 },
  { code: 'suggestion', zh: '意见建议', en: 'Suggestions', answerDays: 10 },
  { code: 'other', zh: '其他', en: 'Other', answerDays: 5 },
] as const;

/**
 * Urgency classes: normal (accept within 1 working day, answer within the category's working
 * days), urgent (answer the same working day), immediate (a safety hazard: answer within hours,
 * around the clock, and the unit's safety contact is told at once).
 */
export const HOTLINE_URGENCIES = [
  { code: 'normal', zh: '一般', en: 'Normal' },
  { code: 'urgent', zh: '紧急', en: 'Urgent' },
  { code: 'immediate', zh: '特急（安全隐患）', en: 'Immediate (safety hazard)' },
] as const;
export const ZHotlineUrgency = z.enum(codesOf(HOTLINE_URGENCIES));
export type THotlineUrgency = z.infer<typeof ZHotlineUrgency>;

/**
 * How visible the reporter is: named (handlers see who; the public board never does),
 * confidential (handlers never see who; stored encrypted; only the reporter is told), anonymous
 * (no link to the account at all; a tracking code and a secret follow the item).
 */
export const HOTLINE_VISIBILITIES = [
  { code: 'named', zh: '实名', en: 'Named' },
  { code: 'confidential', zh: '保密', en: 'Confidential' },
  { code: 'anonymous', zh: '匿名', en: 'Anonymous' },
] as const;
export const ZHotlineVisibility = z.enum(codesOf(HOTLINE_VISIBILITIES));
export type THotlineVisibility = z.infer<typeof ZHotlineVisibility>;

export const HOTLINE_STATES = [
  { code: 'submitted', zh: '待受理', en: 'Submitted' },
  { code: 'accepted', zh: '已受理', en: 'Accepted' },
  { code: 'in_progress', zh: '办理中', en: 'In progress' },
  { code: 'waiting_reporter', zh: '待补充', en: 'Waiting for the reporter' },
  { code: 'answered', zh: '已答复', en: 'Answered' },
  { code: 'reopened', zh: '重新办理', en: 'Reopened' },
  { code: 'confirmed', zh: '已确认', en: 'Confirmed by the reporter' },
  { code: 'closed', zh: '已关闭', en: 'Closed' },
] as const;
export const ZHotlineState = z.enum(codesOf(HOTLINE_STATES));
export type THotlineState = z.infer<typeof ZHotlineState>;

/** Why a closed item is closed. */
export const HOTLINE_CLOSE_REASONS = [
  { code: 'unrated', zh: '答复后 7 日未评价', en: 'Answered, not rated within 7 days' },
  { code: 'not_applicable', zh: '不属于受理范围', en: 'Not applicable' },
  { code: 'merged', zh: '已并入重复事项', en: 'Merged into a duplicate' },
] as const;
export const ZHotlineCloseReason = z.enum(codesOf(HOTLINE_CLOSE_REASONS));
export type THotlineCloseReason = z.infer<typeof ZHotlineCloseReason>;
