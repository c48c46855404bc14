import { definePolicy } from '../../../platform/authz/policy.js';

/** A stored result as its policy sees it: whose it is, and whether it is shared with the caller. */
export type ResultRecord = { personId: number; sharedWithCaller: boolean };

/**
 * A result is its owner's. A coach reads one only while the owner shares it (the result or the
 * whole history) and the coach still holds the role; anyone else — every administrative role
 * included — gets 404, the same answer as for a result that does not exist. (The owner's own
 * lists, erasure and shares select by the caller's person id in SQL: another's row is not found.)
 */
export const resultPolicy = definePolicy<ResultRecord, 'read'>('Result', {
  read: {
    anyOf: [
      { owner: (r) => r.personId },
      {
        permission: 'counselling.coach',
        anywhere: true,
        when: [
          {
            test: (_a, r) => r.sharedWithCaller,
            refuse: { code: 'not_found', reason: 'not_shared', message: 'Result not found' },
          },
        ],
      },
    ],
  },
});

/** What people shared with a coach: the coach's own list. */
export const sharedWithCoachPolicy = definePolicy<Record<string, never>, 'list'>('Shared results', {
  list: { permission: 'counselling.coach', anywhere: true },
});
