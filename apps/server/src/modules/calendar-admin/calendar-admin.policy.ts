import { definePolicy } from '../../platform/authz/policy.js';

/**
 * The working-day calendar is the group's: anyone may read it (deadlines are computed from it);
 * changing it (overrides, declaring a year complete) needs calendar.manage on a top unit.
 */
export const calendarPolicy = definePolicy<Record<string, never>, 'manage'>('Calendar', {
  manage: { permission: 'calendar.manage', top: true },
});
