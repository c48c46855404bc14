import { definePolicy } from '../../platform/authz/policy.js';

/** A workbench as its policy sees it: whose it is. */
export type WorkbenchRecord = { personId: number };

/**
 * Who reads a workbench: its owner only. The route builds the record from the caller, so it answers
 * only about the caller by construction; each module counts what waits with its own policies.
 */
export const workbenchPolicy = definePolicy<WorkbenchRecord, 'read'>('Workbench', {
  read: { owner: (r) => r.personId },
});
