import { z } from 'zod';
import { ZScoreResult } from './api.js';
import { ZBilingual } from './definition.js';

/** One instrument's consent state for the caller, with the wording's version to agree to. */
export const ZConsentStatus = z.object({
  instrument: z.string(),
  name: ZBilingual,
  granted: z.boolean(),
  grantedAt: z.string().nullable(),
  /** The consent wording in force; a consent given to an older wording no longer counts. */
  textVersion: z.string(),
});
export type TConsentStatus = z.infer<typeof ZConsentStatus>;

export const ZConsentInput = z.object({
  instrument: z.string().trim().min(1).max(32),
  textVersion: z.string().trim().min(1).max(16),
  accept: z.literal(true, { error: 'Consent must be given explicitly (accept: true)' }),
});
export type TConsentInput = z.infer<typeof ZConsentInput>;

/** What erasing removed (withdrawal of consent, "delete my data", deleting one result). */
export const ZErasure = z.object({ resultsErased: z.number(), sharesRevoked: z.number() });
export type TErasure = z.infer<typeof ZErasure>;

/** A stored result, as its owner (or a coach it was shared with) reads it. */
export const ZStoredResult = z.object({
  id: z.number(),
  instrument: z.string(),
  name: ZBilingual,
  takenAt: z.string(),
  result: ZScoreResult,
  /** The answers given, in item order. */
  answers: z.array(z.number()),
});
export type TStoredResult = z.infer<typeof ZStoredResult>;

export const ZStoreResultInput = z.object({
  instrument: z.string().trim().min(1).max(32),
  answers: z.array(z.unknown()).max(300),
});

/**
 * What storing a result answers: the result and whether to show the care path (a severe band
 * or a flag) with the configured help. Nobody else is told anything.
 */
export const ZStoreResultOut = z.object({
  result: ZStoredResult,
  care: z.boolean(),
});
export type TStoreResultOut = z.infer<typeof ZStoreResultOut>;

/** A share: one result, or the history (every result, now and later, until revoked). */
export const ZShareScope = z.enum(['result', 'history']);
export type TShareScope = z.infer<typeof ZShareScope>;

export const ZShare = z.object({
  id: z.number(),
  scope: ZShareScope,
  resultId: z.number().nullable(),
  coach: z.object({ personId: z.number(), name: z.string() }),
  createdAt: z.string(),
});
export type TShare = z.infer<typeof ZShare>;

export const ZShareInput = z
  .object({
    coachPersonId: z.number().int().positive(),
    scope: ZShareScope,
    resultId: z.number().int().positive().optional(),
  })
  .refine((v) => (v.scope === 'result') === (v.resultId !== undefined), {
    message: 'A result share names resultId; a history share does not',
    path: ['resultId'],
  });
export type TShareInput = z.infer<typeof ZShareInput>;

/** What a coach sees of one person's shares: only the results shared, newest first. */
export const ZSharedWithMe = z.object({
  owner: z.object({ personId: z.number(), name: z.string() }),
  shares: z.array(z.object({ id: z.number(), scope: ZShareScope, createdAt: z.string() })),
  results: z.array(ZStoredResult),
});
export type TSharedWithMe = z.infer<typeof ZSharedWithMe>;
