import { definePolicy, onUnit, type UnitRecord } from '../../platform/authz/policy.js';

/**
 * Administration of wellbeing: the scales and settings are the group's (a system administrator's);
 * aggregates are read per unit subtree, never below the minimum group size (see aggregates).
 */
export const wellbeingAdminPolicy = definePolicy<UnitRecord, 'manage' | 'aggregate'>('Unit', {
  manage: { permission: 'wellbeing.manage', top: true },
  aggregate: { permission: 'wellbeing.aggregate', on: onUnit },
});

/** The group-wide settings and scales belong to no unit: their rule asks for a grant on a top unit. */
export const GROUP = { unitPath: '/' } as const;
