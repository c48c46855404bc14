import { z } from 'zod';

export const ZAuditQuery = z.object({
  personId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(),
  action: z.string().max(80).optional(),
  recordType: z.string().max(40).optional(),
  recordId: z.string().max(80).optional(),
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  /**
   * The audit administrator's request to see the people behind sensitive events (wellbeing,
   * counselling); needs a reason, which is itself recorded.
   */
  reveal: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  reason: z.string().trim().min(4).max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actorPersonId: z.number().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  /** A sensitive event shown without the people behind it, their unit or their address. */
  masked: z.boolean(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
