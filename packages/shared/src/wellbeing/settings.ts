import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';

/** A help contact shown on the care path: a hotline, the coach team's desk, a clinic. */
export const ZHelpContact = z.object({
  name: z.string().trim().min(1).max(60),
  phone: z.string().trim().min(3).max(40),
  hours: z.string().trim().max(60).default(''),
});
export type THelpContact = z.infer<typeof ZHelpContact>;

/** The help information an administrator configures; shown at once on a severe band or a flag. */
export const ZHelpInfo = z.object({
  message: z.object({ zh: z.string().trim().max(1000), en: z.string().trim().max(1000) }),
  contacts: z.array(ZHelpContact).max(20),
});
export type THelpInfo = z.infer<typeof ZHelpInfo>;

/** Retention of stored results, in days (from 30 days to 10 years). */
export const ZRetentionDays = z.number().int().min(30).max(3650);

/**
 * The module's settings. `openToEveryone` lets people without an account use the self-check
 * (nothing is stored either way). Anyone may read them: they hold nothing personal.
 */
/**
 * How the Zung scales (SAS, SDS) turn raw × 1.25 into the standard score: the integer part (the
 * Chinese norm's rule, default) or rounding half up, as some sources do. A different rule is a
 * different instrument version, so stored results keep saying which rule scored them.
 */
export const ZZungRounding = z.enum(['floor', 'round']);

export const ZWellbeingSettings = z.object({
  openToEveryone: z.boolean(),
  retentionDays: ZRetentionDays,
  zungRounding: ZZungRounding,
  help: ZHelpInfo,
  version: z.number(),
  updatedAt: z.string().nullable(),
});
export type TWellbeingSettings = z.infer<typeof ZWellbeingSettings>;

export const ZWellbeingSettingsInput = z.object({
  openToEveryone: z.boolean(),
  retentionDays: ZRetentionDays,
  zungRounding: ZZungRounding.default('floor'),
  help: ZHelpInfo,
  /** The version read; a stale one is a 409 `conflict`. */
  version: ZVersion,
});
export type TWellbeingSettingsInput = z.infer<typeof ZWellbeingSettingsInput>;

export const DEFAULT_RETENTION_DAYS = 730;

/** The consent wording's version: a new wording needs a new consent. */
export const CONSENT_TEXT_VERSION = 'c1';

/**
 * The separate, specific consent (PIPL art. 29) shown before a result of one instrument is
 * stored: why, who can see it and how long it is kept. The server records the version agreed to.
 */
export function consentText(
  instrumentName: { zh: string; en: string },
  retentionDays: number,
  lang: 'zh' | 'en',
): { title: string; points: string[] } {
  if (lang === 'zh') {
    return {
      title: `保存我的“${instrumentName.zh}”结果`,
      points: [
        '目的：让我日后查看自己的结果和变化趋势，并可自愿分享给我选择的幸福教练。',
        '谁能看到：只有我本人；我分享给某位教练后，该教练可以看到我分享的结果，我可随时撤回。管理员、党组织书记和人力资源部门都无法查看个人结果，结果不会用于任何考核评价。',
        `保存多久：${retentionDays} 天，到期自动删除；我可以随时撤回同意或删除我的数据，删除后不可恢复。`,
        '单位只能看到不少于 10 人的群体的汇总数字。',
      ],
    };
  }
  return {
    title: `Keep my "${instrumentName.en}" results`,
    points: [
      'Why: so that I can look back at my results and how they change, and share them, if I wish, with a coach I choose.',
      'Who can see them: only me; a coach I share a result with sees what I shared until I revoke it. Administrators, Party secretaries and HR cannot see individual results, and results are never used in any evaluation.',
      `How long: ${retentionDays} days, then they are erased; I can withdraw consent or delete my data at any time, for good.`,
      'My organisation only sees totals for groups of at least 10 people.',
    ],
  };
}
