import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';

/**
 * A consultation request (一键式咨询) and its life: an employee asks (one tap is enough: a coach
 * and a message are optional), a coach books a time or declines, and closes the case after it.
 */
export const CONSULTATION_STATES = ['requested', 'booked', 'closed', 'declined', 'cancelled'] as const;
export const ZConsultationState = z.enum(CONSULTATION_STATES);
export type TConsultationState = z.infer<typeof ZConsultationState>;

export const CONSULTATION_ACTIONS = ['book', 'decline', 'cancel', 'close'] as const;
export type TConsultationAction = (typeof CONSULTATION_ACTIONS)[number];

/** Who may take an action: the employee who asked, or the coach (the assigned one, or any for an open request). */
type Transition = { from: readonly TConsultationState[]; to: TConsultationState; by: 'employee' | 'coach' };

export const CONSULTATION_TRANSITIONS: Record<TConsultationAction, Transition> = {
  book: { from: ['requested', 'booked'], to: 'booked', by: 'coach' },
  decline: { from: ['requested'], to: 'declined', by: 'coach' },
  cancel: { from: ['requested', 'booked'], to: 'cancelled', by: 'employee' },
  close: { from: ['booked'], to: 'closed', by: 'coach' },
};

/** The actions a request's abilities offer, in the table's order (for buttons). */
export function offeredConsultationActions(
  abilities: Record<TConsultationAction, boolean>,
): TConsultationAction[] {
  return CONSULTATION_ACTIONS.filter((a) => abilities[a]);
}

export const ZConsultationInput = z.object({
  /** A chosen coach, or none: then any coach of the team may take it. */
  coachPersonId: z.number().int().positive().nullable().default(null),
  message: z.string().trim().max(1000).default(''),
  /** Times that suit the employee, in their words ("weekday evenings"). */
  preferredTimes: z.string().trim().max(200).default(''),
  /** How to reach the employee: in Lifeline only, or a phone call. */
  contact: z.enum(['in_app', 'phone']).default('in_app'),
});
export type TConsultationInput = z.infer<typeof ZConsultationInput>;

export const ZConsultation = z.object({
  id: z.number(),
  state: ZConsultationState,
  employee: z.object({ personId: z.number(), name: z.string(), phone: z.string().nullable() }),
  coach: z.object({ personId: z.number(), name: z.string() }).nullable(),
  message: z.string(),
  preferredTimes: z.string(),
  contact: z.enum(['in_app', 'phone']),
  /** The booked time (start, ISO) and place or link the coach gave. */
  bookedFor: z.string().nullable(),
  place: z.string(),
  /** The coach's reason for declining, shown to the employee. */
  reason: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** What the caller may do now (the moves of the table open to their part). */
  abilities: z.object({ book: z.boolean(), decline: z.boolean(), cancel: z.boolean(), close: z.boolean() }),
});
export type TConsultation = z.infer<typeof ZConsultation>;

export const ZBookInput = z.object({
  startsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().min(1).max(200),
  version: ZVersion,
});
export const ZDeclineInput = z.object({
  reason: z.string().trim().min(1).max(500),
  version: ZVersion,
});
export const ZVersionOnly = z.object({ version: ZVersion });

/** A coach's follow-up note on a case: visible to that coach only, stored encrypted. */
export const ZCaseNote = z.object({ id: z.number(), text: z.string(), createdAt: z.string() });
export type TCaseNote = z.infer<typeof ZCaseNote>;
export const ZCaseNoteInput = z.object({ text: z.string().trim().min(1).max(4000) });
