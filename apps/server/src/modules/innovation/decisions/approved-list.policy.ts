import { type Condition, definePolicy } from '../../../platform/authz/policy.js';
import { CYCLE_READERS, everyoneBelow, onCycleLine, type PublicRecord } from '../cycles/cycles.policy.js';
import type { CycleRow } from '../innovation.access.js';

/** A cycle's list of approved projects (立项名单) as its policy sees it: published or not. */
export type ApprovedListRecord = PublicRecord & { published: boolean };

/** The policy's view of a cycle's approved list, as the caller reads it. */
export const approvedListRecord = (c: CycleRow): ApprovedListRecord => ({
  ownerUnitPath: c.ownerUnitPath,
  published: c.approvedListPublishedAt !== null,
});

const published: Condition<ApprovedListRecord> = {
  test: (_a, r) => r.published,
  refuse: { code: 'not_found', reason: 'not_published', message: 'Cycle not found' },
};

/**
 * Who reads a cycle's approved list: whoever works on the cycle sees it as it forms; once
 * published (立项公布), everyone in the organising unit's subtree. The secretariat publishes it.
 */
export const approvedListPolicy = definePolicy<ApprovedListRecord, 'read' | 'publish'>('Cycle', {
  read: {
    anyOf: [...CYCLE_READERS.map((p) => onCycleLine<ApprovedListRecord>(p)), everyoneBelow(published)],
  },
  publish: { permission: 'innovation.manage', on: (r) => r.ownerUnitPath },
});
