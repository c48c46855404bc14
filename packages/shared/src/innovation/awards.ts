import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZAwardTier, ZCommendationKind, ZDate, ZInnovationLevel } from './enums.js';

/** The proposed awards of a cycle, replaced as a whole while in draft. */
export const ZAwardsInput = z.object({
  awards: z
    .array(z.object({ projectId: z.number().int().positive(), tier: ZAwardTier }))
    .max(500)
    .refine((a) => new Set(a.map((x) => x.projectId)).size === a.length, {
      message: 'A project is listed twice',
    }),
  version: ZVersion,
});

export const ZPublishAwardsInput = z.object({ publicityEndsOn: ZDate, version: ZVersion });
export const ZFinalizeAwardsInput = z.object({ version: ZVersion });

export const ZObjectionInput = z.object({ text: z.string().trim().min(5).max(4000) });
export const ZObjectionAnswerInput = z.object({ answer: z.string().trim().min(1).max(4000) });

export const ZObjection = z.object({
  id: z.number(),
  awardId: z.number(),
  text: z.string(),
  lodgedAt: z.string(),
  /** Shown only to the secretariat; the public list never names who objected. */
  lodgedBy: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
});

export const ZAward = z.object({
  id: z.number(),
  projectId: z.number(),
  projectCode: z.string(),
  projectTitle: z.string(),
  unitName: z.string(),
  leaderName: z.string(),
  level: ZInnovationLevel.nullable(),
  tier: ZAwardTier,
  amountFen: z.number(),
  score: z.number().nullable(),
  objections: z.array(ZObjection),
});

export const ZAwardsView = z.object({
  cycleId: z.number(),
  cycleName: z.string(),
  stage: z.enum(['none', 'draft', 'publicity', 'final']),
  publicityEndsOn: z.string().nullable(),
  totalFen: z.number(),
  awards: z.array(ZAward),
  version: z.number(),
  /** Managing the awards (the secretariat), and lodging an objection now (during publicity). */
  abilities: z.object({ manage: z.boolean(), object: z.boolean() }),
});

export const ZCommendationInput = z
  .object({
    kind: ZCommendationKind,
    projectId: z.number().int().positive().nullable().default(null),
    personId: z.number().int().positive().nullable().default(null),
    title: z.string().trim().min(1).max(200),
  })
  .refine((c) => (c.kind === 'individual' ? c.personId !== null : c.projectId !== null), {
    message: 'A result or team needs a project; an individual needs a person',
    path: ['projectId'],
  });

export const ZConferenceInput = z.object({
  name: z.string().trim().min(1).max(100),
  heldOn: ZDate,
  commendations: z.array(ZCommendationInput).max(500),
  version: ZVersion,
});

export const ZCommendation = z.object({
  id: z.number(),
  kind: ZCommendationKind,
  title: z.string(),
  projectId: z.number().nullable(),
  projectTitle: z.string().nullable(),
  unitName: z.string().nullable(),
  personId: z.number().nullable(),
  personName: z.string().nullable(),
});

export const ZConference = z.object({
  cycleId: z.number(),
  cycleName: z.string(),
  name: z.string().nullable(),
  heldOn: z.string().nullable(),
  commendations: z.array(ZCommendation),
  version: z.number(),
  abilities: z.object({ manage: z.boolean() }),
});
