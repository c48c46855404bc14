import { z } from 'zod';

/**
 * The self-check API: score answers and answer the result, storing nothing. The answers are
 * checked by the scoring engine, not by this schema, so that each problem names its item.
 */
export const ZScoreRequest = z.object({
  instrument: z
    .string()
    .trim()
    .min(1)
    .max(32)
    .describe('Code of the instrument: sas, sds, phq9, gad7, riasec'),
  answers: z
    .array(z.unknown())
    .max(300)
    .describe('One answer per item, in item order: the value of the chosen option'),
});
export type TScoreRequest = z.infer<typeof ZScoreRequest>;

const resultBase = {
  instrument: z.string(),
  instrumentVersion: z.string(),
  flags: z.array(z.string()),
};

/** A sum scale's result: raw total, standard score and band from the named norm version. */
export const ZTotalResult = z.object({
  kind: z.literal('total'),
  ...resultBase,
  normVersion: z.string(),
  raw: z.number(),
  standard: z.number(),
  band: z.string(),
});

/** A profile instrument's result: a score per dimension and the code of the highest. */
export const ZProfileResult = z.object({
  kind: z.literal('profile'),
  ...resultBase,
  normVersion: z.null(),
  profile: z.array(z.object({ dimension: z.string(), score: z.number() })),
  code: z.string(),
  tied: z.boolean(),
});

export const ZScoreResult = z.discriminatedUnion('kind', [ZTotalResult, ZProfileResult]);
