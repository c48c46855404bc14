import type { TRole } from '@lifeline/shared';
import { grantRefusal, type Holding, holdingsBeyond } from '../../platform/authz/grants.js';
import { type Condition, definePolicy } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/errors.js';

/**
 * A role assignment as the policy sees it: the role and its unit, and the person who holds (or
 * is to hold) it with every role they already hold, active or future.
 */
export type AssignmentRecord = {
  role: TRole;
  unitPath: string;
  personId: number;
  holderHoldings: readonly Holding[];
};

/** No way up the tree: the granter holds every permission of the role there (ADR 0015). */
const withinGranter: Condition<AssignmentRecord> = {
  problem: (actor, r) => grantRefusal(actor, r.role, r.unitPath),
};

/** Nobody changes their own roles. */
const notSelf: Condition<AssignmentRecord> = {
  test: (actor, r) => r.personId !== actor.personId,
  refuse: { code: 'forbidden', reason: 'self_grant', message: 'Nobody may grant or revoke their own roles' },
};

/**
 * Changing the roles of someone who holds more than the granter could grant is managing an
 * account above oneself: refused, so that a unit administrator cannot reshape a group administrator.
 */
const holderWithinGranter: Condition<AssignmentRecord> = {
  problem: (actor, r) => {
    const beyond = holdingsBeyond(actor, r.holderHoldings);
    return beyond.length
      ? new AppError('forbidden', 'This person holds roles beyond what you may grant', {
          reason: 'holder_beyond_scope',
          roles: [...new Set(beyond.map((h) => h.role))],
        })
      : null;
  },
};

/** Who may see and change role assignments. */
export const roleAssignmentPolicy = definePolicy<AssignmentRecord, 'list' | 'grant' | 'revoke'>(
  'Role assignment',
  {
    /** Assignments on a unit's subtree; lists put the same scope into SQL. */
    list: { permission: 'role.read', on: (r) => r.unitPath },
    grant: {
      permission: 'role.assign',
      on: (r) => r.unitPath,
      when: [withinGranter, notSelf, holderWithinGranter],
    },
    revoke: {
      permission: 'role.assign',
      on: (r) => r.unitPath,
      when: [withinGranter, notSelf, holderWithinGranter],
    },
  },
);
