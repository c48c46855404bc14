import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { MAX_AWARD_FEN, ZAwardTier, ZDate, ZFen, ZInnovationLevel } from './enums.js';

/** One dimension of the evaluation rubric; scores are 0–100, weights relative. */
export const ZRubricDimension = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'lower-case letters, digits and _'),
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(60),
  weight: z.number().positive().max(100),
});
export type TRubricDimension = z.infer<typeof ZRubricDimension>;

/** The default rubric: 政治性, 创新性, 实效性, 示范性 with equal weights. */
export const DEFAULT_RUBRIC: TRubricDimension[] = [
  { key: 'political', nameZh: '政治性', nameEn: 'Political', weight: 25 },
  { key: 'innovative', nameZh: '创新性', nameEn: 'Innovative', weight: 25 },
  { key: 'effective', nameZh: '实效性', nameEn: 'Effective', weight: 25 },
  { key: 'exemplary', nameZh: '示范性', nameEn: 'Exemplary', weight: 25 },
];

/** A level the cycle offers, with an optional quota and funding range. */
export const ZCycleLevel = z
  .object({
    level: ZInnovationLevel,
    quota: z.number().int().positive().nullable().default(null),
    minFundingFen: ZFen.nullable().default(null),
    maxFundingFen: ZFen.nullable().default(null),
  })
  .refine((l) => l.minFundingFen == null || l.maxFundingFen == null || l.minFundingFen <= l.maxFundingFen, {
    message: 'The minimum funding exceeds the maximum',
    path: ['maxFundingFen'],
  });
export type TCycleLevel = z.infer<typeof ZCycleLevel>;

export const ZAwardTierSetting = z.object({
  tier: ZAwardTier,
  amountFen: z.number().int().nonnegative().max(MAX_AWARD_FEN, 'No award may exceed 50,000 yuan'),
  count: z.number().int().positive().nullable().default(null),
});
export type TAwardTierSetting = z.infer<typeof ZAwardTierSetting>;

/** A window: first and last day, both included. */
export const ZWindow = z
  .object({ from: ZDate, to: ZDate })
  .refine((w) => w.from <= w.to, { message: 'The window ends before it starts', path: ['to'] });
export type TWindow = z.infer<typeof ZWindow>;

export const WINDOW_KEYS = ['declaration', 'review', 'decision', 'implementation', 'evaluation'] as const;
export type TWindowKey = (typeof WINDOW_KEYS)[number];

const windowsShape = z.object({
  declaration: ZWindow,
  review: ZWindow,
  decision: ZWindow,
  implementation: ZWindow,
  evaluation: ZWindow,
});

const cycleFields = {
  number: z.number().int().min(1).max(999),
  name: z.string().trim().min(1).max(80),
  startYear: z.number().int().min(2000).max(2100),
  ownerUnitId: z.number().int().positive(),
  windows: windowsShape,
  levels: z.array(ZCycleLevel).min(1).max(3),
  rubric: z.array(ZRubricDimension).min(1).max(10),
  awardTiers: z.array(ZAwardTierSetting).max(4),
  /** Reviewers "disagree" on a project when the spread of their totals exceeds this. */
  disagreementSpread: z.number().positive().max(100),
  /** Days before a milestone falls due when its project is reminded. */
  reminderDays: z.number().int().min(1).max(60),
};

function checkCycle(
  c: Partial<{
    windows: z.infer<typeof windowsShape>;
    levels: TCycleLevel[];
    rubric: TRubricDimension[];
    awardTiers: TAwardTierSetting[];
  }>,
  ctx: z.RefinementCtx,
) {
  if (c.levels && new Set(c.levels.map((l) => l.level)).size !== c.levels.length)
    ctx.addIssue({ code: 'custom', message: 'A level is listed twice', path: ['levels'] });
  if (c.rubric && new Set(c.rubric.map((d) => d.key)).size !== c.rubric.length)
    ctx.addIssue({ code: 'custom', message: 'A rubric dimension is listed twice', path: ['rubric'] });
  if (c.awardTiers && new Set(c.awardTiers.map((d) => d.tier)).size !== c.awardTiers.length)
    ctx.addIssue({ code: 'custom', message: 'An award tier is listed twice', path: ['awardTiers'] });
  if (c.windows) {
    for (let i = 1; i < WINDOW_KEYS.length; i += 1) {
      const prev = c.windows[WINDOW_KEYS[i - 1]];
      const cur = c.windows[WINDOW_KEYS[i]];
      if (cur.from < prev.from)
        ctx.addIssue({
          code: 'custom',
          message: `The ${WINDOW_KEYS[i]} window starts before the ${WINDOW_KEYS[i - 1]} window`,
          path: ['windows', WINDOW_KEYS[i], 'from'],
        });
    }
  }
}

export const ZCycleInput = z
  .object({
    ...cycleFields,
    disagreementSpread: cycleFields.disagreementSpread.default(15),
    reminderDays: cycleFields.reminderDays.default(7),
  })
  .superRefine(checkCycle);
export type TCycleInput = z.infer<typeof ZCycleInput>;

export const ZCycleUpdate = z
  .object({ ...cycleFields, version: ZVersion })
  .partial()
  .required({ version: true })
  .superRefine(checkCycle);
export type TCycleUpdate = z.infer<typeof ZCycleUpdate>;

/** Where a cycle stands today, from its windows. */
export const CYCLE_PHASES = [
  'upcoming',
  'declaration',
  'review',
  'decision',
  'implementation',
  'evaluation',
  'closed',
] as const;
export const ZCyclePhase = z.enum(CYCLE_PHASES);
export type TCyclePhase = z.infer<typeof ZCyclePhase>;

export const AWARD_STAGES = ['none', 'draft', 'publicity', 'final'] as const;
export const ZAwardStage = z.enum(AWARD_STAGES);

export const ZCycle = z.object({
  id: z.number(),
  number: z.number(),
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  ownerUnitId: z.number(),
  ownerUnitName: z.string(),
  windows: windowsShape,
  levels: z.array(ZCycleLevel),
  rubric: z.array(ZRubricDimension),
  awardTiers: z.array(ZAwardTierSetting),
  disagreementSpread: z.number(),
  reminderDays: z.number(),
  phase: ZCyclePhase,
  /** The rubric can no longer change once evaluation opened or a review was submitted. */
  rubricLocked: z.boolean(),
  awardStage: ZAwardStage,
  publicityEndsOn: ZDate.nullable(),
  approvedListPublishedAt: z.string().nullable(),
  version: z.number(),
  abilities: z.object({
    update: z.boolean(),
    declare: z.boolean(),
    review: z.boolean(),
    decide: z.boolean(),
    manage: z.boolean(),
  }),
});
export type TCycle = z.infer<typeof ZCycle>;

/** The phase of a cycle on a given day. */
export function cyclePhase(windows: z.infer<typeof windowsShape>, today: string): TCyclePhase {
  if (today < windows.declaration.from) return 'upcoming';
  let phase: TCyclePhase = 'declaration';
  for (const key of WINDOW_KEYS) if (today >= windows[key].from) phase = key;
  if (today > windows.evaluation.to) return 'closed';
  return phase;
}

/** True when `today` lies inside the window. */
export function inWindow(w: TWindow, today: string): boolean {
  return today >= w.from && today <= w.to;
}

/** What a cycle has made public to everyone under its organising unit (for the phone pages). */
export const ZCycleNotice = z.object({
  cycleId: z.number(),
  number: z.number(),
  name: z.string(),
  ownerUnitName: z.string(),
  approvedListPublishedAt: z.string().nullable(),
  awardStage: ZAwardStage,
  publicityEndsOn: z.string().nullable(),
  conferenceName: z.string().nullable(),
  conferenceOn: z.string().nullable(),
});
export type TCycleNotice = z.infer<typeof ZCycleNotice>;
