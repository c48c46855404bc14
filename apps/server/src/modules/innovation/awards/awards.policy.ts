import { type Condition, definePolicy, type SingleRule } from '../../../platform/authz/policy.js';
import { AppError } from '../../../platform/errors.js';
import { everyoneBelow, type PublicRecord } from '../cycles/cycles.policy.js';
import { type CycleRow, today } from '../innovation.access.js';

/**
 * A cycle's awards as their policy sees them: the stage (none, draft, publicity, final) and
 * whether the publicity period (公示) still takes objections today.
 */
export type AwardsRecord = PublicRecord & { stage: string; publicityOpen: boolean };

/** The policy's view of a cycle's awards, as the caller reads them today. */
export const awardsRecord = (c: CycleRow, day: string = today()): AwardsRecord => ({
  ownerUnitPath: c.ownerUnitPath,
  stage: c.awardStage,
  publicityOpen: c.awardStage === 'publicity' && day <= (c.publicityEndsOn ?? ''),
});

const published: Condition<AwardsRecord> = {
  test: (_a, r) => r.stage === 'publicity' || r.stage === 'final',
  refuse: { code: 'not_found', reason: 'not_published', message: 'Cycle not found' },
};
const publicityOpen: Condition<AwardsRecord> = {
  problem: (_a, r) =>
    r.publicityOpen
      ? null
      : new AppError('invalid_transition', 'Objections are taken only during the publicity period', {
          reason: 'publicity_closed',
          stage: r.stage,
        }),
};
const staff = (when: Condition<AwardsRecord>[] = []): SingleRule<AwardsRecord> => ({
  permission: 'innovation.read',
  on: (r) => r.ownerUnitPath,
  when,
});

/**
 * Who sees and runs a cycle's awards: the organising unit's staff always (the secretariat
 * proposes, publishes, finalises and answers objections: innovation.manage there); everyone in its
 * subtree once they are in publicity or final, and anyone who sees them may object during the
 * publicity period.
 */
export const awardsPolicy = definePolicy<AwardsRecord, 'read' | 'manage' | 'object'>('Cycle', {
  read: { anyOf: [staff(), everyoneBelow(published)] },
  manage: { permission: 'innovation.manage', on: (r) => r.ownerUnitPath },
  object: { anyOf: [staff([publicityOpen]), everyoneBelow(published, publicityOpen)] },
});

/** The abilities a cycle's awards carry. */
export const AWARDS_ABILITIES = ['manage', 'object'] as const;

/** A cycle's innovation conference as its policy sees it: held (announced) or not. */
export type ConferenceRecord = PublicRecord & { held: boolean };

/** The policy's view of a cycle's conference, as the caller reads it. */
export const conferenceRecord = (c: CycleRow): ConferenceRecord => ({
  ownerUnitPath: c.ownerUnitPath,
  held: c.conferenceOn !== null,
});

/**
 * Who sees and sets a cycle's innovation conference (创新大会) and its commendations: the
 * organising unit's staff, and everyone in its subtree once it is set; the secretariat sets it.
 */
export const conferencePolicy = definePolicy<ConferenceRecord, 'read' | 'manage'>('Cycle', {
  read: {
    anyOf: [
      { permission: 'innovation.read', on: (r) => r.ownerUnitPath },
      everyoneBelow<ConferenceRecord>({
        test: (_a, r) => r.held,
        refuse: { code: 'not_found', reason: 'not_published', message: 'Cycle not found' },
      }),
    ],
  },
  manage: { permission: 'innovation.manage', on: (r) => r.ownerUnitPath },
});

/** The abilities a conference carries. */
export const CONFERENCE_ABILITIES = ['manage'] as const;
