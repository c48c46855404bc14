import {
  nextState,
  PROJECT_ACTIONS,
  PROJECT_TRANSITIONS,
  type TProjectAction,
  type TProjectState,
  type TWindow,
} from '@lifeline/shared';
import { type Condition, definePolicy, type Rule, type SingleRule } from '../../../platform/authz/policy.js';
import { AppError } from '../../../platform/errors.js';
import { type ProjectRow, today } from '../innovation.access.js';
import { ATTACHABLE_STATES, EDITABLE_STATES, RUNNING_STATES, windowProblem } from './projects.rules.js';

/**
 * A project as its policy sees it: its unit and state, the reviewers assigned to it, and its
 * cycle's declaration window on the day asked (submitting a draft depends on it).
 */
export type ProjectRecord = {
  unitPath: string;
  state: string;
  reviewerIds: readonly number[];
  declaration: TWindow;
  today: string;
};

/** The policy's view of a project row, today. */
export const projectRecord = (p: ProjectRow, day: string = today()): ProjectRecord => ({
  unitPath: p.unitPath,
  state: p.state,
  reviewerIds: p.reviewerIds,
  declaration: p.declaration,
  today: day,
});

const onProject = (r: ProjectRecord) => r.unitPath;

/** A draft is private to the applicant unit: to anyone else it does not exist. */
const submitted: Condition<ProjectRecord> = {
  test: (_a, r) => r.state !== 'draft',
  refuse: { code: 'not_found', reason: 'draft', message: 'Project not found' },
};
const assignedToMe: Condition<ProjectRecord> = {
  test: (actor, r) => r.reviewerIds.includes(actor.personId),
  refuse: { code: 'not_found', reason: 'not_assigned', message: 'Project not found' },
};

/** The action is open only in these states; the refusal names the reason and the state. */
const inStates = (states: readonly string[], reason: string, message: string): Condition<ProjectRecord> => ({
  problem: (_a, r) =>
    states.includes(r.state) ? null : new AppError('invalid_transition', message, { reason, state: r.state }),
});
const editable = inStates(
  EDITABLE_STATES,
  'not_editable',
  'Only a draft or a returned declaration can be edited',
);
const running = inStates(RUNNING_STATES, 'not_running', 'Only a project under implementation takes this');

/**
 * Why the transition table refuses the move from the record's state: not a row of the table, or a
 * move that only a decision meeting makes. Null when the table has it.
 */
export function tableProblem(action: TProjectAction, state: string): AppError | null {
  const details = { state, action };
  if (PROJECT_TRANSITIONS[action].viaMeeting)
    return new AppError('invalid_transition', 'Approval and rejection are decided in a decision meeting', {
      reason: 'via_meeting',
      ...details,
    });
  if (!nextState(state as TProjectState, action))
    return new AppError('invalid_transition', `A project in state "${state}" cannot be "${action}"`, {
      reason: 'not_in_table',
      ...details,
    });
  return null;
}

/**
 * A move of the table, generated from its row: the row's permission on the project's unit, the
 * table's state rule, and the declaration window for submitting and late requests.
 */
function transition(action: TProjectAction): SingleRule<ProjectRecord> {
  return {
    permission: PROJECT_TRANSITIONS[action].permission,
    on: onProject,
    when: [
      { problem: (_a, r) => tableProblem(action, r.state) },
      {
        problem: (_a, r) => {
          const reason = windowProblem(action, r.state as TProjectState, r.declaration, r.today);
          return reason
            ? new AppError('invalid_transition', `Not possible now: ${reason.replaceAll('_', ' ')}`, {
                reason,
                state: r.state,
                action,
              })
            : null;
        },
      },
    ],
  };
}

const declarer: SingleRule<ProjectRecord> = { permission: 'innovation.declare', on: onProject };
const reader: SingleRule<ProjectRecord> = { permission: 'innovation.read', on: onProject, when: [submitted] };
const secretariat = (when: Condition<ProjectRecord>[] = []): SingleRule<ProjectRecord> => ({
  permission: 'innovation.review',
  on: onProject,
  when,
});
/** Each permission of the table once: who may call the workflow at all (the route's gate). */
const movers = [...new Set(PROJECT_ACTIONS.map((a) => PROJECT_TRANSITIONS[a].permission))].map(
  (permission): SingleRule<ProjectRecord> => ({ permission, on: onProject }),
);

/**
 * Who may see and change a project. The applicant unit's declarers see it always (a draft is
 * theirs alone); holders of innovation.read on its unit once it left the drafts; an expert
 * assigned to it while they hold innovation.evaluate there. The workflow's moves come from the
 * transition table of packages/shared.
 */
export const projectPolicy = definePolicy<ProjectRecord, ProjectPolicyAction>('Project', {
  read: {
    anyOf: [declarer, reader, { permission: 'innovation.evaluate', on: onProject, when: [assignedToMe] }],
  },
  /** The project list: a declarer's own units' projects and the submitted ones a reader may see. */
  list: { anyOf: [declarer, { permission: 'innovation.read', on: onProject }] },
  /** The list's two scopes, each put into SQL (the list adds "not a draft" to the second). */
  listDeclared: declarer,
  listSubmitted: { permission: 'innovation.read', on: onProject },
  /** A new declaration: the record is the draft to be, of the applicant unit. */
  create: declarer,
  edit: { ...declarer, when: [editable] },
  attach: {
    ...declarer,
    when: [inStates(ATTACHABLE_STATES, 'not_attachable', 'Attachments cannot be added in this state')],
  },
  detach: {
    ...declarer,
    when: [inStates(EDITABLE_STATES, 'attachment_kept', 'Attachments of a submitted declaration are kept')],
  },
  report: { ...declarer, when: [running] },
  requestChange: { ...declarer, when: [running] },
  supervise: secretariat([
    {
      problem: (_a, r) =>
        r.state === 'draft'
          ? new AppError('invalid_transition', 'A draft is not supervised', {
              reason: 'draft_not_supervised',
            })
          : null,
    },
  ]),
  /** Supervision notes are the secretariat's and the leadership group's, never the applicant's. */
  readSupervision: { anyOf: [secretariat(), { permission: 'innovation.decide', on: onProject }] },
  assignReviewers: secretariat([
    inStates(['completed'], 'not_completed', 'Reviewers are assigned to completed projects'),
  ]),
  readReviewers: secretariat(),
  removeReviewer: secretariat(),
  /** Any move of the table at all: the gate of the workflow's route. */
  move: { anyOf: movers },
  ...(Object.fromEntries(PROJECT_ACTIONS.map((a) => [a, transition(a)])) as Record<
    TProjectAction,
    Rule<ProjectRecord>
  >),
});

export type ProjectPolicyAction =
  | 'read'
  | 'list'
  | 'listDeclared'
  | 'listSubmitted'
  | 'create'
  | 'edit'
  | 'attach'
  | 'detach'
  | 'report'
  | 'requestChange'
  | 'supervise'
  | 'readSupervision'
  | 'assignReviewers'
  | 'readReviewers'
  | 'removeReviewer'
  | 'move'
  | TProjectAction;

/** What a project's page offers besides the moves of the table. */
export const PROJECT_PAGE_ABILITIES = [
  'edit',
  'attach',
  'detach',
  'report',
  'supervise',
  'requestChange',
  'assignReviewers',
] as const;
