import { z } from 'zod';

export const ZHotlineStatsQuery = z.object({
  unitId: z.coerce.number().int().positive(),
  /** First and last month, YYYY-MM (Beijing time); items count in the month they arrived. */
  from: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  to: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
});
export type THotlineStatsQuery = z.infer<typeof ZHotlineStatsQuery>;

export const ZHotlineStats = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  total: z.number(),
  byCategory: z.array(z.object({ category: z.string(), n: z.number() })),
  byState: z.array(z.object({ state: z.string(), n: z.number() })),
  byMonth: z.array(z.object({ month: z.string(), n: z.number() })),
  /** Shares of items accepted / answered by their deadline, of those accepted / answered (null: none yet). */
  acceptOnTimeRate: z.number().nullable(),
  answerOnTimeRate: z.number().nullable(),
  /** Handling time from arrival to answer, in working days. */
  avgWorkingDays: z.number().nullable(),
  p90WorkingDays: z.number().nullable(),
  /** Mean satisfaction (1–5) and how many rated. */
  satisfaction: z.number().nullable(),
  rated: z.number(),
  reopenRate: z.number().nullable(),
  /** Units of the subtree with the most items overdue now. */
  mostOverdue: z.array(z.object({ unitId: z.number(), name: z.string(), overdue: z.number() })),
});
export type THotlineStats = z.infer<typeof ZHotlineStats>;
