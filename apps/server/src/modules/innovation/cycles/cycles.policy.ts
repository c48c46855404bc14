import type { TPermission } from '@lifeline/shared';
import { scopePaths } from '../../../platform/authz/actor.js';
import { type Condition, definePolicy, type SingleRule } from '../../../platform/authz/policy.js';
import type { CycleRow } from '../innovation.access.js';

/** A cycle as its policy sees it: the unit that organises it (for a new cycle, the unit chosen). */
export type CycleRecord = { ownerUnitPath: string };

/** The policy's view of a cycle row. */
export const cycleRecord = (c: Pick<CycleRow, 'ownerUnitPath'>): CycleRecord => ({
  ownerUnitPath: c.ownerUnitPath,
});

const onOwner = (r: CycleRecord) => r.ownerUnitPath;

/**
 * The permission held on the cycle's line: on its organising unit (or above), or on a unit below
 * it — an applicant branch deep in the tree works in the cycles of the units above it.
 */
export function onCycleLine<R extends CycleRecord>(permission: TPermission): SingleRule<R> {
  return {
    permission,
    anywhere: true,
    when: [
      {
        test: (actor, r) =>
          scopePaths(actor, permission).some(
            (p) => p.startsWith(r.ownerUnitPath) || r.ownerUnitPath.startsWith(p),
          ),
        refuse: { code: 'not_found', reason: 'out_of_scope', message: 'Cycle not found' },
      },
    ],
  };
}

/** Whoever may work on innovation on the cycle's line: its staff, applicants and experts. */
export const CYCLE_READERS = ['innovation.read', 'innovation.declare', 'innovation.evaluate'] as const;

/** A record the cycle makes public to everyone in its organising unit's subtree (a notice, 公示). */
export type PublicRecord = CycleRecord;

/** Everyone whose own unit lies in the organising unit's subtree, once `published` holds. */
export function everyoneBelow<R extends PublicRecord>(
  published: Condition<R>,
  ...more: Condition<R>[]
): SingleRule<R> {
  return {
    anyone: true,
    when: [
      published,
      {
        test: (actor, r) => actor.unitPath.startsWith(r.ownerUnitPath),
        refuse: { code: 'not_found', reason: 'not_below', message: 'Cycle not found' },
      },
      ...more,
    ],
  };
}

/**
 * Who may see and run a cycle. Its settings are the organising unit's secretariat's
 * (innovation.manage there); the workflow's roles act on it with their permission on that unit.
 */
export const cyclePolicy = definePolicy<CycleRecord, CyclePolicyAction>('Cycle', {
  /** The cycles on the lines of one's grants; lists put the same lines into SQL. */
  read: { anyOf: CYCLE_READERS.map((p) => onCycleLine<CycleRecord>(p)) },
  create: { permission: 'innovation.manage', on: onOwner },
  update: { permission: 'innovation.manage', on: onOwner },
  /** Declaring for a unit of the cycle (the project policy then decides which units). */
  declare: onCycleLine('innovation.declare'),
  review: { permission: 'innovation.review', on: onOwner },
  decide: { permission: 'innovation.decide', on: onOwner },
  manage: { permission: 'innovation.manage', on: onOwner },
  /** The secretariat's board: applications by state, overdue milestones. */
  board: { permission: 'innovation.read', on: onOwner },
  /** The queue of pending change requests. */
  changes: { permission: 'innovation.review', on: onOwner },
  /** The aggregated scores of the evaluation. */
  scores: { permission: 'innovation.review', on: onOwner },
  /** The figures across the cycles one may see. */
  stats: { permission: 'innovation.read', anywhere: true },
});

export type CyclePolicyAction =
  | 'read'
  | 'create'
  | 'update'
  | 'declare'
  | 'review'
  | 'decide'
  | 'manage'
  | 'board'
  | 'changes'
  | 'scores'
  | 'stats';

/** The abilities a cycle carries to the UI: its sections and buttons. */
export const CYCLE_ABILITIES = ['update', 'declare', 'review', 'decide', 'manage'] as const;
