import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZDate, ZFen, ZInnovationLevel } from './enums.js';
import { ZPersonRef, ZProjectSummary } from './projects.js';

/** A meeting of the leadership group that decides on shortlisted projects (研究审定). */
export const ZMeetingInput = z.object({
  heldOn: ZDate,
  memberIds: z.array(z.number().int().positive()).min(1).max(40),
  minutes: z.string().trim().max(20000).default(''),
});

/** Changes to a meeting: only the fields sent. */
export const ZMeetingUpdate = z.object({
  heldOn: ZDate.optional(),
  memberIds: z.array(z.number().int().positive()).min(1).max(40).optional(),
  minutes: z.string().trim().max(20000).optional(),
  version: ZVersion,
});

export const ZDecisionInput = z
  .object({
    projectId: z.number().int().positive(),
    outcome: z.enum(['approve', 'decline']),
    level: ZInnovationLevel.optional(),
    fundingFen: ZFen.optional(),
    comment: z.string().trim().max(2000).default(''),
    /** The project's version, for the case of two people deciding at once. */
    version: ZVersion,
  })
  .refine((d) => d.outcome === 'decline' || (d.level && d.fundingFen !== undefined), {
    message: 'An approval needs a level and funding',
    path: ['level'],
  });
export type TDecisionInput = z.infer<typeof ZDecisionInput>;

export const ZDecision = z.object({
  id: z.number(),
  projectId: z.number(),
  outcome: z.enum(['approve', 'decline']),
  level: ZInnovationLevel.nullable(),
  fundingFen: z.number().nullable(),
  comment: z.string(),
  recused: z.array(ZPersonRef.extend({ reason: z.enum(['unit', 'team']) })),
  decidedAt: z.string(),
});

/** A candidate project at a meeting, with the members who must stay out of its decision. */
export const ZMeetingCandidate = z.object({
  project: ZProjectSummary,
  recused: z.array(ZPersonRef.extend({ reason: z.enum(['unit', 'team']) })),
  decision: ZDecision.nullable(),
  /** Whether the caller may record this decision now: a member not recused from the project. */
  abilities: z.object({ decide: z.boolean() }),
});

export const ZMeeting = z.object({
  id: z.number(),
  cycleId: z.number(),
  heldOn: z.string(),
  members: z.array(ZPersonRef),
  minutes: z.string(),
  decisionCount: z.number(),
  version: z.number(),
  /** Whether the caller may change the meeting: a leader who sits in it. */
  abilities: z.object({ update: z.boolean() }),
});
export type TMeeting = z.infer<typeof ZMeeting>;

export const ZMeetingDetail = ZMeeting.extend({ candidates: z.array(ZMeetingCandidate) });

/** A line of the published list of approved projects (立项公布). */
export const ZApprovedLine = z.object({
  projectId: z.number(),
  code: z.string(),
  title: z.string(),
  unitName: z.string(),
  leaderName: z.string(),
  category: z.string(),
  level: ZInnovationLevel,
  fundingFen: z.number(),
});
