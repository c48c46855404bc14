import { z } from 'zod';

/** The modules that put what waits for a person on the workbench. */
export const WORKBENCH_MODULES = ['innovation', 'hotline', 'counselling'] as const;
export type TWorkbenchModule = (typeof WORKBENCH_MODULES)[number];

/**
 * What can wait for a person, one stable code per kind of task (the web words each):
 * - innovation: declarations to first-review and late entries to accept (secretariat), change
 *   requests to decide (secretariat), shortlisted projects to decide in a meeting one sits in
 *   (leadership group), reviews to score (assigned experts), objections to answer in the publicity
 *   period (secretariat of the organising unit), one's own drafts while the declaration window is
 *   open, one's own returned declarations, milestones of one's own projects that fall due;
 * - hotline: items to accept and to answer in one's handling units; one's own items the handlers
 *   asked more about, and answered ones to rate;
 * - counselling: consultation requests waiting for a coach, and booked sessions to hold and close.
 */
export const WORKBENCH_TASK_KINDS = [
  'innovation.first_review',
  'innovation.late_request',
  'innovation.change_request',
  'innovation.decision',
  'innovation.review',
  'innovation.objection',
  'innovation.draft',
  'innovation.returned',
  'innovation.milestone',
  'hotline.accept',
  'hotline.answer',
  'hotline.add_info',
  'hotline.rate',
  'counselling.request',
  'counselling.session',
] as const;
export type TWorkbenchTaskKind = (typeof WORKBENCH_TASK_KINDS)[number];

/** A deadline this close (or closer) is "near": the workbench flags it. */
export const WORKBENCH_DUE_SOON_MS = 24 * 3_600_000;

/** One kind of task waiting for the caller, counted: never a list of records. */
export const ZWorkbenchTask = z.object({
  module: z.enum(WORKBENCH_MODULES),
  kind: z.enum(WORKBENCH_TASK_KINDS),
  /** How many records wait (at least one: kinds with none are left out). */
  count: z.number().int().positive(),
  /** How many of them are past their deadline. */
  overdue: z.number().int().nonnegative(),
  /** How many are due within WORKBENCH_DUE_SOON_MS and not yet past it. */
  dueSoon: z.number().int().nonnegative(),
  /** The nearest deadline (ISO instant; a day's deadline is its end in Beijing), null without one. */
  dueAt: z.string().nullable(),
  /** Where to act: a path of the web app (the record itself when only one waits; `/m/…` on the phone pages). */
  link: z.string(),
});
export type TWorkbenchTask = z.infer<typeof ZWorkbenchTask>;

/** One of the caller's own recent changes, as the audit trail recorded it. */
export const ZWorkbenchActivity = z.object({
  id: z.number(),
  at: z.string(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
});
export type TWorkbenchActivity = z.infer<typeof ZWorkbenchActivity>;

/** The caller's workbench: what waits for them, nearest deadline first, and what they did lately. */
export const ZWorkbench = z.object({
  tasks: z.array(ZWorkbenchTask),
  activity: z.array(ZWorkbenchActivity),
});
export type TWorkbench = z.infer<typeof ZWorkbench>;
