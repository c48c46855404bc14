import type { THotlineState } from './enums.js';

/**
 * The hotline's transition table. `by` says who moves the item: the handling unit's handlers,
 * the hotline office (triage), the reporter (however they are identified), or the system (jobs).
 * "Answered by the unit" (answered) and "confirmed by the reporter" (confirmed) are apart.
 */
export const HOTLINE_ACTIONS = [
  'accept',
  'start',
  'ask_reporter',
  'add_info',
  'answer',
  'transfer',
  'merge',
  'close_not_applicable',
  'rate',
  'reopen',
  'expire',
] as const;
export type THotlineAction = (typeof HOTLINE_ACTIONS)[number];
export type THotlineActor = 'handler' | 'office' | 'reporter' | 'system';

type Transition = { from: readonly THotlineState[]; to: THotlineState; by: readonly THotlineActor[] };

export const HOTLINE_TRANSITIONS: Record<THotlineAction, Transition> = {
  accept: { from: ['submitted', 'reopened'], to: 'accepted', by: ['handler', 'office'] },
  start: { from: ['accepted'], to: 'in_progress', by: ['handler', 'office'] },
  /** Asks the reporter for more; the deadline clock pauses until they answer. */
  ask_reporter: { from: ['accepted', 'in_progress'], to: 'waiting_reporter', by: ['handler', 'office'] },
  add_info: { from: ['waiting_reporter'], to: 'in_progress', by: ['reporter'] },
  answer: { from: ['accepted', 'in_progress'], to: 'answered', by: ['handler', 'office'] },
  /** To another handling unit; the deadlines start again there. */
  transfer: {
    from: ['submitted', 'accepted', 'in_progress', 'reopened'],
    to: 'submitted',
    by: ['handler', 'office'],
  },
  merge: { from: ['submitted', 'accepted'], to: 'closed', by: ['office'] },
  close_not_applicable: { from: ['submitted', 'accepted'], to: 'closed', by: ['office'] },
  rate: { from: ['answered'], to: 'confirmed', by: ['reporter'] },
  /** Once, within 7 days of the answer; the item goes to the handling unit's superior. */
  reopen: { from: ['answered'], to: 'reopened', by: ['reporter'] },
  /** No rating within 7 days of the answer. */
  expire: { from: ['answered'], to: 'closed', by: ['system'] },
};

/** The actions a party may take from a state (before rules such as "reopen once"). */
export function hotlineActionsFrom(state: THotlineState, party: THotlineActor): THotlineAction[] {
  return HOTLINE_ACTIONS.filter((a) => {
    const t = HOTLINE_TRANSITIONS[a];
    return t.from.includes(state) && t.by.includes(party);
  });
}

/** States in which the deadline clock runs (waiting for the reporter pauses it). */
export const HOTLINE_OPEN_STATES: readonly THotlineState[] = [
  'submitted',
  'accepted',
  'in_progress',
  'reopened',
];

/** Days after the answer within which the reporter may rate or reopen; after them the item closes unrated. */
export const HOTLINE_FOLLOW_UP_DAYS = 7;
