import type { Holding } from '../../platform/authz/grants.js';
import { holdingsBeyond } from '../../platform/authz/grants.js';
import { type Condition, definePolicy } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/errors.js';

/** A person's account as its policy sees it: the person's unit, and every role they hold or will hold. */
export type AccountRecord = { unitPath: string; personId: number; holdings: readonly Holding[] };

/**
 * Managing an account is as good as holding its roles (a reset password logs in as its owner),
 * so it needs scope over every role the account holds: the manager could grant each of them.
 */
const rolesWithinManager: Condition<AccountRecord> = {
  problem: (actor, r) => {
    const beyond = holdingsBeyond(actor, r.holdings);
    return beyond.length
      ? new AppError('forbidden', 'This account holds roles beyond what you may grant', {
          reason: 'holder_beyond_scope',
          roles: [...new Set(beyond.map((h) => h.role))],
        })
      : null;
  },
};

/** Who may see and change a person's account. */
export const accountPolicy = definePolicy<AccountRecord, 'read' | 'create' | 'update'>('Account', {
  read: { permission: 'account.manage', on: (r) => r.unitPath },
  create: { permission: 'account.manage', on: (r) => r.unitPath, when: [rolesWithinManager] },
  update: { permission: 'account.manage', on: (r) => r.unitPath, when: [rolesWithinManager] },
});
