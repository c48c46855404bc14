import type { TAwardTierSetting, TChangeProposal, TCycleLevel, TRubricDimension } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, timestamps, tsColumn, versionColumn } from '../../platform/db/columns.js';
import { storedFiles } from '../../platform/files/files.table.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

type Windows = Record<
  'declaration' | 'review' | 'decision' | 'implementation' | 'evaluation',
  { from: string; to: string }
>;
const person = (name: string) => refColumn(name).references(() => people.id);
const fen = (name: string) => bigint(name, { mode: 'number' });

/** A cycle (届) of innovation projects, organised by a unit (usually the group's 政研会). */
export const innovationCycles = pgTable(
  'innovation_cycles',
  {
    id: idColumn(),
    number: integer('number').notNull(),
    name: text('name').notNull(),
    startYear: integer('start_year').notNull(),
    ownerUnitId: refColumn('owner_unit_id')
      .notNull()
      .references(() => orgUnits.id),
    windows: jsonb('windows').$type<Windows>().notNull(),
    levels: jsonb('levels').$type<TCycleLevel[]>().notNull(),
    rubric: jsonb('rubric').$type<TRubricDimension[]>().notNull(),
    awardTiers: jsonb('award_tiers').$type<TAwardTierSetting[]>().notNull(),
    disagreementSpread: integer('disagreement_spread').notNull().default(15),
    reminderDays: integer('reminder_days').notNull().default(7),
    awardStage: text('award_stage').notNull().default('none'),
    publicityEndsOn: date('publicity_ends_on', { mode: 'string' }),
    approvedListPublishedAt: tsColumn('approved_list_published_at'),
    conferenceName: text('conference_name'),
    conferenceOn: date('conference_on', { mode: 'string' }),
    projectSeq: integer('project_seq').notNull().default(0),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [uniqueIndex('innovation_cycles_owner_number_idx').on(t.ownerUnitId, t.number)],
);

/** A project: a declaration first, then an approved project under implementation. */
export const innovationProjects = pgTable(
  'innovation_projects',
  {
    id: idColumn(),
    cycleId: refColumn('cycle_id')
      .notNull()
      .references(() => innovationCycles.id),
    code: text('code').notNull(),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    title: text('title').notNull(),
    category: text('category').notNull(),
    levelApplied: text('level_applied').notNull(),
    levelApproved: text('level_approved'),
    leaderId: person('leader_id').notNull(),
    teamIds: bigint('team_ids', { mode: 'number' }).array().notNull().default(sql`'{}'::bigint[]`),
    objectives: text('objectives').notNull().default(''),
    plan: text('plan').notNull().default(''),
    budgetFen: fen('budget_fen').notNull().default(0),
    fundingFen: fen('funding_fen'),
    state: text('state').notNull().default('draft'),
    late: boolean('late').notNull().default(false),
    lateReason: text('late_reason'),
    revision: integer('revision').notNull().default(0),
    submittedAt: tsColumn('submitted_at'),
    decidedAt: tsColumn('decided_at'),
    completedAt: tsColumn('completed_at'),
    createdBy: person('created_by'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('innovation_projects_code_idx').on(t.cycleId, t.code),
    index('innovation_projects_cycle_state_idx').on(t.cycleId, t.state),
    index('innovation_projects_unit_idx').on(t.unitId),
  ],
);

/** Every submission's snapshot, for the history of revisions and its diff. */
export const innovationRevisions = pgTable(
  'innovation_revisions',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    revision: integer('revision').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    submittedBy: person('submitted_by'),
    submittedAt: tsColumn('submitted_at').notNull().default(NOW),
  },
  (t) => [uniqueIndex('innovation_revisions_project_idx').on(t.projectId, t.revision)],
);

/** The project's history: transitions with their comments and reasons. */
export const innovationEvents = pgTable(
  'innovation_events',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment'),
    actorId: person('actor_id'),
    at: tsColumn('at').notNull().default(NOW),
  },
  (t) => [index('innovation_events_project_idx').on(t.projectId, t.id)],
);

export const innovationMilestones = pgTable(
  'innovation_milestones',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    deliverable: text('deliverable').notNull().default(''),
    doneOn: date('done_on', { mode: 'string' }),
    outcome: text('outcome'),
  },
  (t) => [
    index('innovation_milestones_project_idx').on(t.projectId, t.position),
    index('innovation_milestones_due_idx').on(t.dueOn),
  ],
);

export const innovationProgressReports = pgTable(
  'innovation_progress_reports',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    milestoneId: refColumn('milestone_id').references(() => innovationMilestones.id),
    text: text('text').notNull(),
    authorId: person('author_id').notNull(),
    at: tsColumn('at').notNull().default(NOW),
  },
  (t) => [index('innovation_progress_project_idx').on(t.projectId, t.id)],
);

/** Supervision notes (督导) of the secretariat; never shown to the applicant. */
export const innovationSupervisionNotes = pgTable(
  'innovation_supervision_notes',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    note: text('note').notNull(),
    authorId: person('author_id').notNull(),
    at: tsColumn('at').notNull().default(NOW),
  },
  (t) => [index('innovation_supervision_project_idx').on(t.projectId, t.id)],
);

export const innovationAttachments = pgTable(
  'innovation_attachments',
  {
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id),
    uploadedBy: person('uploaded_by'),
    uploadedAt: tsColumn('uploaded_at').notNull().default(NOW),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.fileId] })],
);

export const innovationChangeRequests = pgTable(
  'innovation_change_requests',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    kind: text('kind').notNull(),
    proposal: jsonb('proposal').$type<TChangeProposal>().notNull(),
    reason: text('reason').notNull(),
    state: text('state').notNull().default('pending'),
    requestedBy: person('requested_by'),
    requestedAt: tsColumn('requested_at').notNull().default(NOW),
    decidedBy: person('decided_by'),
    decidedAt: tsColumn('decided_at'),
    decisionComment: text('decision_comment'),
    version: versionColumn(),
  },
  (t) => [index('innovation_changes_project_idx').on(t.projectId, t.state)],
);

/** A meeting of the leadership group (研究审定). */
export const innovationMeetings = pgTable(
  'innovation_meetings',
  {
    id: idColumn(),
    cycleId: refColumn('cycle_id')
      .notNull()
      .references(() => innovationCycles.id),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    memberIds: bigint('member_ids', { mode: 'number' }).array().notNull(),
    minutes: text('minutes').notNull().default(''),
    createdBy: person('created_by'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [index('innovation_meetings_cycle_idx').on(t.cycleId, t.heldOn)],
);

/** A decision of a meeting on one project, with the members recused from it. */
export const innovationDecisions = pgTable(
  'innovation_decisions',
  {
    id: idColumn(),
    meetingId: refColumn('meeting_id')
      .notNull()
      .references(() => innovationMeetings.id),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    outcome: text('outcome').notNull(),
    level: text('level'),
    fundingFen: fen('funding_fen'),
    comment: text('comment').notNull().default(''),
    recused: jsonb('recused').$type<{ personId: number; reason: 'unit' | 'team' }[]>().notNull(),
    decidedBy: person('decided_by'),
    decidedAt: tsColumn('decided_at').notNull().default(NOW),
  },
  (t) => [uniqueIndex('innovation_decisions_project_idx').on(t.projectId)],
);

/** A conflict a reviewer declared: a project, or a unit's whole subtree. */
export const innovationConflicts = pgTable(
  'innovation_conflicts',
  {
    id: idColumn(),
    reviewerId: person('reviewer_id').notNull(),
    projectId: refColumn('project_id').references(() => innovationProjects.id),
    unitId: refColumn('unit_id').references(() => orgUnits.id),
    reason: text('reason').notNull(),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [index('innovation_conflicts_reviewer_idx').on(t.reviewerId)],
);

/** A reviewer's assignment to a completed project, and their scores. */
export const innovationReviews = pgTable(
  'innovation_reviews',
  {
    id: idColumn(),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    reviewerId: person('reviewer_id').notNull(),
    state: text('state').notNull().default('assigned'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    overallComment: text('overall_comment').notNull().default(''),
    recommendation: text('recommendation'),
    total: doublePrecision('total'),
    assignedBy: person('assigned_by'),
    submittedAt: tsColumn('submitted_at'),
    ...timestamps(),
    version: versionColumn(),
  },
  (t) => [
    uniqueIndex('innovation_reviews_project_reviewer_idx').on(t.projectId, t.reviewerId),
    index('innovation_reviews_reviewer_idx').on(t.reviewerId, t.state),
  ],
);

export const innovationAwards = pgTable(
  'innovation_awards',
  {
    id: idColumn(),
    cycleId: refColumn('cycle_id')
      .notNull()
      .references(() => innovationCycles.id),
    projectId: refColumn('project_id')
      .notNull()
      .references(() => innovationProjects.id),
    tier: text('tier').notNull(),
    amountFen: fen('amount_fen').notNull(),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [uniqueIndex('innovation_awards_project_idx').on(t.projectId)],
);

/** An objection lodged during the publicity period (公示), which must be answered. */
export const innovationObjections = pgTable(
  'innovation_objections',
  {
    id: idColumn(),
    awardId: refColumn('award_id')
      .notNull()
      .references(() => innovationAwards.id),
    text: text('text').notNull(),
    lodgedBy: person('lodged_by').notNull(),
    lodgedAt: tsColumn('lodged_at').notNull().default(NOW),
    answer: text('answer'),
    answeredBy: person('answered_by'),
    answeredAt: tsColumn('answered_at'),
  },
  (t) => [index('innovation_objections_award_idx').on(t.awardId)],
);

/** Commendations of the innovation conference (创新大会). */
export const innovationCommendations = pgTable(
  'innovation_commendations',
  {
    id: idColumn(),
    cycleId: refColumn('cycle_id')
      .notNull()
      .references(() => innovationCycles.id),
    kind: text('kind').notNull(),
    projectId: refColumn('project_id').references(() => innovationProjects.id),
    personId: person('person_id'),
    title: text('title').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [index('innovation_commendations_cycle_idx').on(t.cycleId, t.kind, t.position)],
);
