import type { TPermission } from '../identity/roles.js';

/**
 * The life of an innovation project. A draft is private to the applicant unit; `submit` from a
 * draft needs the declaration window open (a returned declaration may be resubmitted later);
 * after the window the applicant asks for a late entry, which only the secretariat accepts.
 * `submitted` waits for the secretariat's first review,
 * `shortlisted` for the leadership group's decision, `approved` is being implemented and
 * `completed` has handed in its results for evaluation.
 */
export const PROJECT_STATES = [
  'draft',
  'late_requested',
  'submitted',
  'returned',
  'rejected',
  'shortlisted',
  'declined',
  'approved',
  'suspended',
  'terminated',
  'completed',
] as const;
export type TProjectState = (typeof PROJECT_STATES)[number];

export const PROJECT_ACTIONS = [
  'submit',
  'request_late',
  'accept_late',
  'refuse_late',
  'pass',
  'return',
  'reject',
  'approve',
  'decline',
  'suspend',
  'resume',
  'terminate',
  'complete',
] as const;
export type TProjectAction = (typeof PROJECT_ACTIONS)[number];

/** What an action needs besides the permission: a text the actor must give. */
export type TransitionNeeds = 'comment' | 'reason' | null;

export type Transition = {
  from: readonly TProjectState[];
  to: TProjectState;
  permission: TPermission;
  needs: TransitionNeeds;
  /** The action is taken through a decision meeting, not as a bare transition. */
  viaMeeting?: boolean;
};

/**
 * The transition table: the server enforces it and the UI offers exactly these actions.
 * Windows (declaration, review …) are checked by the server on top of it.
 */
export const PROJECT_TRANSITIONS: Record<TProjectAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', permission: 'innovation.declare', needs: null },
  /** After the declaration window, a draft can only reach the secretariat as a late entry. */
  request_late: { from: ['draft'], to: 'late_requested', permission: 'innovation.declare', needs: 'reason' },
  accept_late: {
    from: ['late_requested'],
    to: 'submitted',
    permission: 'innovation.review',
    needs: 'reason',
  },
  refuse_late: { from: ['late_requested'], to: 'draft', permission: 'innovation.review', needs: 'reason' },
  pass: { from: ['submitted'], to: 'shortlisted', permission: 'innovation.review', needs: null },
  return: { from: ['submitted'], to: 'returned', permission: 'innovation.review', needs: 'comment' },
  reject: { from: ['submitted'], to: 'rejected', permission: 'innovation.review', needs: 'reason' },
  approve: {
    from: ['shortlisted'],
    to: 'approved',
    permission: 'innovation.decide',
    needs: null,
    viaMeeting: true,
  },
  decline: {
    from: ['shortlisted'],
    to: 'declined',
    permission: 'innovation.decide',
    needs: null,
    viaMeeting: true,
  },
  suspend: { from: ['approved'], to: 'suspended', permission: 'innovation.review', needs: 'reason' },
  resume: { from: ['suspended'], to: 'approved', permission: 'innovation.review', needs: null },
  terminate: {
    from: ['approved', 'suspended'],
    to: 'terminated',
    permission: 'innovation.review',
    needs: 'reason',
  },
  complete: { from: ['approved'], to: 'completed', permission: 'innovation.declare', needs: 'comment' },
};

/** The actions whose table row starts from `state` (before permission, window and scope checks). */
export function actionsFrom(state: TProjectState): TProjectAction[] {
  return PROJECT_ACTIONS.filter((a) => PROJECT_TRANSITIONS[a].from.includes(state));
}

/** The moves a record's abilities offer, in the table's order (for buttons). */
export function offeredProjectActions(abilities: Record<TProjectAction, boolean>): TProjectAction[] {
  return PROJECT_ACTIONS.filter((a) => abilities[a]);
}

/** The next state, or null when the table has no such move. */
export function nextState(state: TProjectState, action: TProjectAction): TProjectState | null {
  const t = PROJECT_TRANSITIONS[action];
  return t.from.includes(state) ? t.to : null;
}

/** States that count as "declared" in the numbers (submitted at least once). */
export const DECLARED_STATES: readonly TProjectState[] = [
  'submitted',
  'returned',
  'rejected',
  'shortlisted',
  'declined',
  'approved',
  'suspended',
  'terminated',
  'completed',
];

/** States of a project that was approved (立项), whatever happened afterwards. */
export const APPROVED_STATES: readonly TProjectState[] = ['approved', 'suspended', 'terminated', 'completed'];
