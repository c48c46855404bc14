import {
  HOTLINE_ACTIONS,
  HOTLINE_TRANSITIONS,
  type THotlineAction,
  type THotlineActor,
  type THotlineState,
} from '@lifeline/shared';
import {
  type Condition,
  definePolicy,
  onUnit,
  type Rule,
  type SingleRule,
  type UnitRecord,
} from '../../platform/authz/policy.js';
import { AppError } from '../../platform/errors.js';

/** An item on the handlers' side, as its policy sees it: where it is handled and its state. */
export type HandlingRecord = { unitPath: string; state: THotlineState };

/** The parties of the handlers' side and the permission each holds on the handling unit's line. */
export const PARTIES = { handler: 'hotline.handle', office: 'hotline.triage' } as const;
type DeskParty = keyof typeof PARTIES;

/** The table's state rule, with the reason the desk shows (`from_answered`). */
function tableAllows(action: THotlineAction): Condition<HandlingRecord> {
  const t = HOTLINE_TRANSITIONS[action];
  return {
    problem: (_a, r) =>
      t.from.includes(r.state)
        ? null
        : new AppError('invalid_transition', `Cannot ${action} an item that is ${r.state}`, {
            reason: `from_${r.state}`,
          }),
  };
}

const asParty = (party: DeskParty, when: Condition<HandlingRecord>[] = []): SingleRule<HandlingRecord> => ({
  permission: PARTIES[party],
  on: onUnit,
  when,
});

/** A move of the transition table, for the parties its row names (handlers, the office). */
function move(action: THotlineAction): Rule<HandlingRecord> {
  const parties = (['handler', 'office'] as const).filter((p) => HOTLINE_TRANSITIONS[action].by.includes(p));
  return { anyOf: parties.map((p) => asParty(p, [tableAllows(action)])) };
}

const open: Condition<HandlingRecord> = {
  test: (_a, r) => r.state !== 'closed' && r.state !== 'confirmed',
  refuse: { code: 'invalid_transition', reason: 'closed', message: 'The item is closed' },
};

/** The moves taken on the handlers' side (the reporter's and the system's are not theirs). */
export const DESK_MOVES = HOTLINE_ACTIONS.filter((a) =>
  HOTLINE_TRANSITIONS[a].by.some((p: THotlineActor) => p === 'handler' || p === 'office'),
);
type DeskMove = (typeof DESK_MOVES)[number];

/**
 * Who handles hotline items: the handlers of the handling unit's line (hotline.handle on its
 * subtree) and the hotline office (hotline.triage), each for the moves the table gives their part.
 */
export const hotlineItemPolicy = definePolicy<HandlingRecord, 'read' | 'note' | 'reply' | DeskMove>('Item', {
  read: { anyOf: [asParty('handler'), asParty('office')] },
  note: { anyOf: [asParty('handler'), asParty('office')] },
  reply: { anyOf: [asParty('handler', [open]), asParty('office', [open])] },
  ...(Object.fromEntries(DESK_MOVES.map((a) => [a, move(a)])) as Record<DeskMove, Rule<HandlingRecord>>),
});

/** The handlers' list of a unit's subtree (and the scope of any list of items, in SQL). */
export const hotlineDeskPolicy = definePolicy<UnitRecord, 'list' | 'manage' | 'manageGroup' | 'stats'>(
  'Unit',
  {
    list: { permission: 'hotline.handle', on: onUnit },
    /** A unit's safety contact and channels. */
    manage: { permission: 'hotline.manage', on: onUnit },
    /** The group's hotline: categories, deadlines, routing rules, outgoing e-mail. */
    manageGroup: { permission: 'hotline.manage', top: true },
    stats: { permission: 'hotline.stats', on: onUnit },
  },
);
