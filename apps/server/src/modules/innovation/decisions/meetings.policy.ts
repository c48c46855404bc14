import { type Condition, definePolicy } from '../../../platform/authz/policy.js';
import { AppError } from '../../../platform/errors.js';
import type { CycleRecord } from '../cycles/cycles.policy.js';
import type { Recusal } from './recusal.js';

/**
 * A decision meeting as its policy sees it: its cycle's organising unit and who sits in it (for
 * the list of a cycle's meetings, the record is the cycle).
 */
export type MeetingRecord = CycleRecord & { memberIds?: readonly number[] };

/**
 * One decision of a meeting as its policy sees it: the project's unit and state, the meeting's
 * members, and those of them recused from this project (its applicant unit's people, its team).
 */
export type DecisionRecord = {
  unitPath: string;
  state: string;
  memberIds: readonly number[];
  recusedIds: readonly number[];
};

const member: Condition<{ memberIds?: readonly number[] }> = {
  test: (actor, r) => (r.memberIds ?? []).includes(actor.personId),
  refuse: {
    code: 'forbidden',
    reason: 'not_meeting_member',
    message: 'Only a member of the meeting records it and its decisions',
  },
};
const notRecused: Condition<DecisionRecord> = {
  test: (actor, r) => !r.recusedIds.includes(actor.personId),
  refuse: { code: 'forbidden', reason: 'recused', message: 'You are recused from this project' },
};
const shortlisted: Condition<DecisionRecord> = {
  problem: (_a, r) =>
    r.state === 'shortlisted'
      ? null
      : new AppError('invalid_transition', `A project in state "${r.state}" cannot be decided`, {
          reason: 'not_shortlisted',
          state: r.state,
        }),
};

/**
 * Who may see and record the leadership group's decision meetings: readers of the cycle's
 * organising unit see them; a leader (innovation.decide there) records a meeting he sits in,
 * and changes only such a meeting (and may not leave himself out of it).
 */
export const meetingPolicy = definePolicy<MeetingRecord, 'list' | 'read' | 'create' | 'update'>('Meeting', {
  list: { permission: 'innovation.read', on: (r) => r.ownerUnitPath },
  read: { permission: 'innovation.read', on: (r) => r.ownerUnitPath },
  create: { permission: 'innovation.decide', on: (r) => r.ownerUnitPath, when: [member] },
  update: { permission: 'innovation.decide', on: (r) => r.ownerUnitPath, when: [member] },
});

/** The abilities a meeting carries. */
export const MEETING_ABILITIES = ['update'] as const;

/**
 * Who records a meeting's decision on a shortlisted project (finding 5): a leader with
 * innovation.decide on the project's unit who sits in the meeting and is not recused from it.
 */
export const decisionPolicy = definePolicy<DecisionRecord, 'decide'>('Project', {
  decide: {
    permission: 'innovation.decide',
    on: (r) => r.unitPath,
    when: [member, notRecused, shortlisted],
  },
});

/** The policy's view of a meeting's decision on a project, given the recusals of its members. */
export const decisionRecord = (
  p: { unitPath: string; state: string },
  memberIds: readonly number[],
  recused: readonly Recusal[],
): DecisionRecord => ({
  unitPath: p.unitPath,
  state: p.state,
  memberIds,
  recusedIds: recused.map((r) => r.personId),
});

/** The abilities each candidate of a meeting carries. */
export const DECISION_ABILITIES = ['decide'] as const;
