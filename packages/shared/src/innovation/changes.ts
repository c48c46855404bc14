import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZChangeKind, ZDate, ZFen, ZInnovationLevel } from './enums.js';

/** What a change request proposes; the field that matters depends on the kind. */
export const ZChangeProposal = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), teamIds: z.array(z.number().int().positive()).max(30) }),
  z.object({ kind: z.literal('level'), level: ZInnovationLevel }),
  z.object({ kind: z.literal('funding'), fundingFen: ZFen }),
  z.object({ kind: z.literal('deadline'), milestoneId: z.number().int().positive(), dueOn: ZDate }),
]);
export type TChangeProposal = z.infer<typeof ZChangeProposal>;

export const ZChangeRequestInput = z.object({
  proposal: ZChangeProposal,
  reason: z.string().trim().min(1).max(2000),
});

export const ZChangeDecisionInput = z.object({
  approve: z.boolean(),
  comment: z.string().trim().max(2000).default(''),
  version: ZVersion,
});

export const ZChangeRequest = z.object({
  id: z.number(),
  projectId: z.number(),
  projectTitle: z.string(),
  kind: ZChangeKind,
  proposal: ZChangeProposal,
  reason: z.string(),
  /** `closed`: the project was completed or terminated while the request was pending. */
  state: z.enum(['pending', 'approved', 'rejected', 'closed']),
  requestedBy: z.string().nullable(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  version: z.number(),
  /** Whether the caller may decide the request now. */
  abilities: z.object({ decide: z.boolean() }),
});
export type TChangeRequest = z.infer<typeof ZChangeRequest>;

/** A milestone past its due date and not done, for the cycle's overdue list. */
export const ZOverdueMilestone = z.object({
  milestoneId: z.number(),
  title: z.string(),
  dueOn: z.string(),
  daysOverdue: z.number(),
  projectId: z.number(),
  projectCode: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  leaderName: z.string(),
});
