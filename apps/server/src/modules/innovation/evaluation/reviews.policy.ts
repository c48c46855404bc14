import { type Condition, definePolicy } from '../../../platform/authz/policy.js';
import { AppError } from '../../../platform/errors.js';

/** A review as its policy sees it: its reviewer, its project's unit, and whether it is submitted. */
export type ReviewRecord = { reviewerId: number; unitPath: string; state: string };

const mine: Condition<ReviewRecord> = {
  test: (actor, r) => r.reviewerId === actor.personId,
  refuse: { code: 'not_found', reason: 'not_mine', message: 'Review not found' },
};
const open: Condition<ReviewRecord> = {
  problem: (_a, r) =>
    r.state === 'submitted'
      ? new AppError('invalid_transition', 'A submitted review is final', {
          reason: 'review_submitted',
          state: r.state,
        })
      : null,
};

/**
 * Who reads and scores a review: its reviewer alone (nobody reaches another's review by its id),
 * while they hold innovation.evaluate on the project's unit; a submitted review is final. The
 * secretariat assigns reviewers through the project policy and sees the scores only aggregated.
 */
export const reviewPolicy = definePolicy<ReviewRecord, 'read' | 'save'>('Review', {
  read: { permission: 'innovation.evaluate', on: (r) => r.unitPath, when: [mine] },
  save: { permission: 'innovation.evaluate', on: (r) => r.unitPath, when: [mine, open] },
});

/** What a reviewer declares a conflict with: a project's unit, or a unit whose subtree it names. */
export type ConflictRecord = { unitPath: string };

/**
 * Conflicts of interest a reviewer declares: only with projects and units within their own
 * evaluation scope (others answer as if absent). Their own declarations they list and withdraw
 * (by their person id in SQL: another's is not found).
 */
export const conflictPolicy = definePolicy<ConflictRecord, 'declare' | 'own'>('Project or unit', {
  declare: { permission: 'innovation.evaluate', on: (r) => r.unitPath },
  own: { permission: 'innovation.evaluate', anywhere: true },
});
