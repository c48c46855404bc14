import { z } from 'zod';
import { ZVersion } from '../platform/fields.js';
import { ZDate, ZFen, ZInnovationCategory, ZInnovationLevel } from './enums.js';
import { PROJECT_ACTIONS, PROJECT_STATES, type TProjectAction } from './workflow.js';

export const ZProjectState = z.enum(PROJECT_STATES);
export const ZProjectAction = z.enum(PROJECT_ACTIONS);

/** Whether the caller may take each move of the transition table now, in the table's order. */
const moveAbilities = Object.fromEntries(PROJECT_ACTIONS.map((a) => [a, z.boolean()])) as Record<
  TProjectAction,
  z.ZodBoolean
>;

/** A planned milestone of a declaration. */
export const ZMilestoneInput = z.object({
  title: z.string().trim().min(1).max(100),
  dueOn: ZDate,
  deliverable: z.string().trim().max(200).default(''),
});

const declarationFields = {
  title: z.string().trim().min(2).max(100),
  category: ZInnovationCategory,
  levelApplied: ZInnovationLevel,
  leaderId: z.number().int().positive(),
  teamIds: z.array(z.number().int().positive()).max(30).default([]),
  objectives: z.string().trim().max(4000).default(''),
  plan: z.string().trim().max(8000).default(''),
  budgetFen: ZFen.default(0),
  milestones: z.array(ZMilestoneInput).max(20).default([]),
};

/** A new declaration (a draft of the applicant unit). */
export const ZProjectCreate = z.object({
  cycleId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  ...declarationFields,
});
export type TProjectCreate = z.infer<typeof ZProjectCreate>;

/** Changes to a draft or a returned declaration: only the fields sent (no defaults fill in). */
export const ZProjectUpdate = z.object({
  title: declarationFields.title.optional(),
  category: declarationFields.category.optional(),
  levelApplied: declarationFields.levelApplied.optional(),
  leaderId: declarationFields.leaderId.optional(),
  teamIds: z.array(z.number().int().positive()).max(30).optional(),
  objectives: z.string().trim().max(4000).optional(),
  plan: z.string().trim().max(8000).optional(),
  budgetFen: ZFen.optional(),
  milestones: z.array(ZMilestoneInput).max(20).optional(),
  version: ZVersion,
});
export type TProjectUpdate = z.infer<typeof ZProjectUpdate>;

export const ZTransitionInput = z.object({
  action: ZProjectAction,
  version: ZVersion,
  comment: z.string().trim().max(4000).optional(),
});
export type TTransitionInput = z.infer<typeof ZTransitionInput>;

export const ZPersonRef = z.object({ id: z.number(), name: z.string(), employeeNo: z.string() });

export const ZMilestone = z.object({
  id: z.number(),
  title: z.string(),
  dueOn: z.string(),
  deliverable: z.string(),
  doneOn: z.string().nullable(),
  outcome: z.string().nullable(),
  overdue: z.boolean(),
});
export type TMilestone = z.infer<typeof ZMilestone>;

export const ZProjectSummary = z.object({
  id: z.number(),
  code: z.string(),
  cycleId: z.number(),
  cycleName: z.string(),
  unitId: z.number(),
  unitName: z.string(),
  title: z.string(),
  category: ZInnovationCategory,
  levelApplied: ZInnovationLevel,
  levelApproved: ZInnovationLevel.nullable(),
  state: ZProjectState,
  leader: ZPersonRef,
  budgetFen: z.number(),
  fundingFen: z.number().nullable(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number(),
  /** The moves of the workflow the caller may take now, as on the detail. */
  abilities: z.object(moveAbilities),
});
export type TProjectSummary = z.infer<typeof ZProjectSummary>;

/** An event of the project's history: transitions with their comments and reasons. */
export const ZProjectEvent = z.object({
  id: z.number(),
  action: z.string(),
  fromState: z.string().nullable(),
  toState: z.string().nullable(),
  comment: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const ZProgressReport = z.object({
  id: z.number(),
  milestoneId: z.number().nullable(),
  text: z.string(),
  authorName: z.string(),
  at: z.string(),
});
export const ZProgressReportInput = z.object({
  text: z.string().trim().min(1).max(4000),
  milestoneId: z.number().int().positive().nullable().default(null),
  /** Marks the milestone done with this outcome. */
  milestoneDone: z.boolean().default(false),
});

export const ZSupervisionNote = z.object({
  id: z.number(),
  note: z.string(),
  authorName: z.string(),
  at: z.string(),
});
export const ZSupervisionNoteInput = z.object({ note: z.string().trim().min(1).max(4000) });

export const ZAttachment = z.object({
  id: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number(),
  uploadedAt: z.string(),
});

export const ZProject = ZProjectSummary.extend({
  objectives: z.string(),
  plan: z.string(),
  team: z.array(ZPersonRef),
  milestones: z.array(ZMilestone),
  attachments: z.array(ZAttachment),
  events: z.array(ZProjectEvent),
  progressReports: z.array(ZProgressReport),
  /** Only for the secretariat and the leadership group; never for the applicant. */
  supervisionNotes: z.array(ZSupervisionNote).nullable(),
  revisionCount: z.number(),
  /** The moves of the workflow and what the page offers besides them. */
  abilities: z.object({
    ...moveAbilities,
    edit: z.boolean(),
    attach: z.boolean(),
    detach: z.boolean(),
    report: z.boolean(),
    supervise: z.boolean(),
    requestChange: z.boolean(),
    assignReviewers: z.boolean(),
  }),
});
export type TProject = z.infer<typeof ZProject>;

export const ZProjectListQuery = z.object({
  cycleId: z.coerce.number().int().positive().optional(),
  state: ZProjectState.optional(),
  unitId: z.coerce.number().int().positive().optional(),
  level: ZInnovationLevel.optional(),
  category: ZInnovationCategory.optional(),
  q: z.string().trim().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
export type TProjectListQuery = z.infer<typeof ZProjectListQuery>;

export const ZProjectPage = z.object({ items: z.array(ZProjectSummary), total: z.number() });

/** A submitted version of a declaration, kept for the diff between rounds of revision. */
export const ZProjectRevision = z.object({
  revision: z.number(),
  submittedAt: z.string(),
  submittedBy: z.string().nullable(),
  snapshot: z.record(z.string(), z.unknown()),
  /** Fields that differ from the previous revision: before and after. */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
});

/** Counts of a cycle's applications by state, unit, level and category (the secretariat's board). */
export const ZProjectBoard = z.object({
  total: z.number(),
  byState: z.record(z.string(), z.number()),
  byLevel: z.record(z.string(), z.number()),
  byCategory: z.record(z.string(), z.number()),
  byUnit: z.array(z.object({ unitId: z.number(), unitName: z.string(), count: z.number() })),
});
