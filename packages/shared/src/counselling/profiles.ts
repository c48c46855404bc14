import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';

/** Happiness coaches (幸福教练) and psychological volunteers (心理服务义工). */
export const COACH_KINDS = [
  { code: 'coach', zh: '幸福教练', en: 'Happiness coach' },
  { code: 'volunteer', zh: '心理服务义工', en: 'Wellbeing volunteer' },
] as const;
export const ZCoachKind = z.enum(['coach', 'volunteer']);
export type TCoachKind = z.infer<typeof ZCoachKind>;

const ZTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/** A weekly slot: weekday 1 (Monday) … 7 (Sunday), from start to end, Beijing time. */
export const ZAvailabilitySlot = z
  .object({ weekday: z.number().int().min(1).max(7), start: ZTime, end: ZTime })
  .refine((s) => s.start < s.end, { message: 'The slot must end after it starts', path: ['end'] });
export type TAvailabilitySlot = z.infer<typeof ZAvailabilitySlot>;

/** A coach's profile as employees see it (no contact details: requests go through Lifeline). */
export const ZCoachProfile = z.object({
  personId: z.number(),
  name: z.string(),
  kind: ZCoachKind,
  unitName: z.string(),
  specialities: z.array(z.string()),
  languages: z.array(z.string()),
  bio: z.string(),
  hasPhoto: z.boolean(),
  active: z.boolean(),
  availability: z.array(ZAvailabilitySlot),
  version: z.number(),
});
export type TCoachProfile = z.infer<typeof ZCoachProfile>;

const ZTag = z.string().trim().min(1).max(30);

/** A coach edits their own profile; availability has its own route. */
export const ZCoachProfileInput = z.object({
  kind: ZCoachKind,
  specialities: z.array(ZTag).max(12),
  languages: z.array(ZTag).min(1).max(8),
  bio: z.string().trim().max(1000),
  /** Whether the coach takes new requests (and is listed). */
  active: z.boolean(),
  version: ZVersion,
});
export type TCoachProfileInput = z.infer<typeof ZCoachProfileInput>;

export const ZAvailabilityInput = z
  .object({ slots: z.array(ZAvailabilitySlot).max(42), version: ZVersion })
  .superRefine((v, ctx) => {
    const order = v.slots
      .map((s, i) => ({ s, i }))
      .sort((a, b) => a.s.weekday - b.s.weekday || a.s.start.localeCompare(b.s.start));
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1], order[k]];
      if (a.s.weekday === b.s.weekday && b.s.start < a.s.end) {
        ctx.addIssue({
          code: 'custom',
          path: ['slots', b.i],
          message: `Slots overlap on weekday ${a.s.weekday}`,
        });
      }
    }
  });
export type TAvailabilityInput = z.infer<typeof ZAvailabilityInput>;
