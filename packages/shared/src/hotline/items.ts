import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZHotlineCloseReason, ZHotlineState, ZHotlineUrgency, ZHotlineVisibility } from './enums.js';
import { HOTLINE_ACTIONS } from './workflow.js';

/** At most this many photos per item; each an image of at most 8 MB (location metadata removed). */
export const HOTLINE_MAX_PHOTOS = 5;
export const HOTLINE_MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/** What the caller may do to an item now: every move of the transition table, true or false. */
export const ZHotlineAbilities = z.record(z.enum(HOTLINE_ACTIONS), z.boolean());
export type THotlineAbilities = z.infer<typeof ZHotlineAbilities>;

/**
 * Filing a problem (multipart: this JSON in the field "item", photos in fields "photo"). The unit
 * concerned defaults to the reporter's own.
 */
export const ZHotlineItemInput = z.object({
  category: z.string().trim().min(1).max(32),
  unitId: z.number().int().positive().optional(),
  title: z.string().trim().min(4, 'At least 4 characters').max(80),
  description: z.string().trim().min(10, 'At least 10 characters').max(4000),
  urgency: ZHotlineUrgency.default('normal'),
  visibility: ZHotlineVisibility.default('named'),
  /** May the item appear on the public board once answered (identity always removed)? */
  publishConsent: z.boolean().default(false),
});
export type THotlineItemInput = z.infer<typeof ZHotlineItemInput>;

/** What filing answers. An anonymous reporter gets the tracking code and the secret, once. */
export const ZHotlineFiled = z.object({
  id: z.number(),
  code: z.string(),
  secret: z.string().nullable(),
});
export type THotlineFiled = z.infer<typeof ZHotlineFiled>;

export const ZHotlinePhoto = z.object({ id: z.string(), mime: z.string(), size: z.number() });

/** A message on an item: a reply (shown to the reporter), an internal note (never), or the reporter's words. */
export const ZHotlineMessage = z.object({
  id: z.number(),
  kind: z.enum(['reply', 'note', 'reporter', 'system']),
  text: z.string(),
  /** The handler's name and unit; null for the reporter (never named) and the system. */
  author: z.string().nullable(),
  at: z.string(),
});
export type THotlineMessage = z.infer<typeof ZHotlineMessage>;

const deadlines = {
  acceptDue: z.string().nullable(),
  answerDue: z.string().nullable(),
  /** Set when a deadline could not be computed: the calendar has no data for this year. */
  calendarMissingYear: z.number().nullable(),
  overdue: z.boolean(),
};

/** A row of a handler's list. */
export const ZHotlineListItem = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  category: z.string(),
  urgency: ZHotlineUrgency,
  state: ZHotlineState,
  unit: z.object({ id: z.number(), name: z.string() }),
  handlingUnit: z.object({ id: z.number(), name: z.string() }),
  meToo: z.number(),
  createdAt: z.string(),
  ...deadlines,
});
export type THotlineListItem = z.infer<typeof ZHotlineListItem>;

export const ZHotlinePage = z.object({
  items: z.array(ZHotlineListItem),
  /** Pass back as `before` for the next page (keyset paging by time). */
  next: z.string().nullable(),
});

/**
 * An item as a handler sees it. `reporter` is the name and unit of a named reporter, and null
 * for confidential and anonymous items: no handler-facing response carries their identity.
 */
export const ZHotlineItem = ZHotlineListItem.extend({
  description: z.string(),
  visibility: ZHotlineVisibility,
  reporter: z.object({ name: z.string(), unitName: z.string(), phone: z.string().nullable() }).nullable(),
  photos: z.array(ZHotlinePhoto),
  messages: z.array(ZHotlineMessage),
  closeReason: ZHotlineCloseReason.nullable(),
  mergedInto: z.object({ id: z.number(), code: z.string() }).nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  reopened: z.boolean(),
  /** When the handling unit accepted it (null until then, and again after a transfer or a reopening). */
  acceptedAt: z.string().nullable(),
  /** Who accepted it: the handler's name and the unit they acted for (the audit row of the move). */
  acceptedBy: z.object({ name: z.string(), unitName: z.string() }).nullable(),
  answeredAt: z.string().nullable(),
  version: z.number(),
  abilities: ZHotlineAbilities,
});
export type THotlineItem = z.infer<typeof ZHotlineItem>;

/** An item as its reporter sees it: no internal notes, no handler's private data. */
export const ZHotlineMine = ZHotlineListItem.extend({
  description: z.string(),
  visibility: ZHotlineVisibility,
  photos: z.array(ZHotlinePhoto),
  messages: z.array(ZHotlineMessage),
  closeReason: ZHotlineCloseReason.nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  publishConsent: z.boolean(),
  answeredAt: z.string().nullable(),
  /** Until when rating and reopening are open. */
  followUpUntil: z.string().nullable(),
  version: z.number(),
  abilities: ZHotlineAbilities,
});
export type THotlineMine = z.infer<typeof ZHotlineMine>;

/** Similar open items of the same unit, suggested while typing. */
export const ZHotlineSimilar = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  category: z.string(),
  state: ZHotlineState,
  meToo: z.number(),
  createdAt: z.string(),
});
export type THotlineSimilar = z.infer<typeof ZHotlineSimilar>;

/** An answered item on the public board: no identity, the public replies, me-toos, time taken. */
export const ZHotlineBoardItem = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  unit: z.object({ id: z.number(), name: z.string() }),
  handlingUnit: z.object({ id: z.number(), name: z.string() }),
  replies: z.array(z.object({ text: z.string(), at: z.string() })),
  meToo: z.number(),
  /** Working days from arrival to the answer. */
  workingDays: z.number().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  rating: z.number().nullable(),
});
export type THotlineBoardItem = z.infer<typeof ZHotlineBoardItem>;

// Action inputs. Every action names the version it acts on (409 conflict when stale).
const version = { version: ZVersion };
export const ZHotlineText = z.object({ text: z.string().trim().min(1).max(4000), ...version });
export const ZHotlineVersion = z.object(version);
export const ZHotlineTransfer = z.object({
  unitId: z.number().int().positive(),
  category: z.string().trim().min(1).max(32).optional(),
  urgency: ZHotlineUrgency.optional(),
  reason: z.string().trim().min(1).max(500),
  ...version,
});
export const ZHotlineMerge = z.object({ intoId: z.number().int().positive(), ...version });
export const ZHotlineRate = z.object({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(500).default(''),
  publishConsent: z.boolean().optional(),
  ...version,
});
export const ZHotlineNote = z.object({ text: z.string().trim().min(1).max(4000) });
