import { definePolicy, onUnit, type UnitRecord } from '../../platform/authz/policy.js';

/**
 * Who reads the audit trail: events about records of units in the reader's subtree. Naming the
 * people behind sensitive events is the audit administrator's alone, and only with a reason
 * that is itself recorded (三员分立: the system administrator's acts are audited, not hidden).
 */
export const auditPolicy = definePolicy<UnitRecord, 'read' | 'identify'>('Unit', {
  read: { permission: 'audit.read', on: onUnit },
  identify: { permission: 'audit.identify', on: onUnit },
});
