import { z } from 'zod';
import { ZDateString } from './fields.js';

const ZDay = ZDateString;

/** A day that differs from a plain weekday/weekend: a holiday, an adjusted working day, or an override. */
export const ZCalendarDay = z.object({
  day: z.string(),
  working: z.boolean(),
  reason: z.enum(['override', 'holiday', 'adjusted_workday', 'weekend', 'weekday']),
  name: z.string().nullable(),
});
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarYear = z.object({
  year: z.number(),
  source: z.enum(['official', 'administrator', 'both']),
  overrides: z.number(),
});

export const ZCalendarOverrideInput = z.object({
  kind: z.enum(['workday', 'holiday']),
  name: z.string().trim().max(40).nullish(),
});

export const ZCalendarDeclareInput = z.object({ note: z.string().trim().max(200).nullish() });

export const ZDeadlineQuery = z.object({
  from: z.string().datetime({ offset: true }),
  workingDays: z.coerce.number().int().min(0).max(365),
});

export { ZDay as ZCalendarDate };
