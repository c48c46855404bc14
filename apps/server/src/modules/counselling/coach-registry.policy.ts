import { definePolicy, onUnit, type UnitRecord } from '../../platform/authz/policy.js';

/**
 * Who may see a subtree's coach team (who the coaches and volunteers are, and how many): those
 * who read its wellbeing aggregates. It names no employee who asked for help.
 */
export const coachRegistryPolicy = definePolicy<UnitRecord, 'read'>('Unit', {
  read: { permission: 'wellbeing.aggregate', on: onUnit },
});
