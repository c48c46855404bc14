import { z } from 'zod';

/** The figures of one cycle, as the article counts them. */
export const ZCycleStats = z.object({
  cycleId: z.number(),
  number: z.number(),
  name: z.string(),
  startYear: z.number(),
  endYear: z.number(),
  declared: z.number(),
  approved: z.number(),
  approvedByLevel: z.record(z.string(), z.number()),
  /** Approved / declared, as a percentage with one decimal; null without declarations. */
  approvalRate: z.number().nullable(),
  fundingGrantedFen: z.number(),
  awardsPaidFen: z.number(),
  awards: z.number(),
  commended: z.number(),
  /** True when no earlier cycle approved as many projects. */
  mostApprovedEver: z.boolean(),
  /** Change in approved projects against the previous cycle. */
  approvedChange: z.number().nullable(),
});
export type TCycleStats = z.infer<typeof ZCycleStats>;

export const ZStatsQuery = z.object({
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  toYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const ZInnovationStats = z.object({
  cycles: z.array(ZCycleStats),
  /** Results (成果) commended at conferences held within the span of years. */
  resultsCommended: z.number(),
  fromYear: z.number().nullable(),
  toYear: z.number().nullable(),
});
