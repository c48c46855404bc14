import { z } from 'zod';

/**
 * Every permission, as `resource.action`. A role grants a set of these on the subtree of the
 * unit it is assigned at. Modules add their permissions here as they land.
 */
export const PERMISSIONS = [
  'org_unit.read',
  'org_unit.manage',
  'person.read',
  'person.manage',
  'person.read_id_card',
  'person.import',
  'person.export',
  'account.manage',
  'role.read',
  'role.assign',
  'role.assign_admin',
  'audit.read',
  'audit.identify',
  'calendar.manage',
  'settings.manage',
  'innovation.read',
  'innovation.declare',
  'innovation.review',
  'innovation.manage',
  'innovation.decide',
  'innovation.evaluate',
  'wellbeing.manage',
  'wellbeing.aggregate',
  'counselling.coach',
  'hotline.handle',
  'hotline.triage',
  'hotline.manage',
  'hotline.stats',
] as const;
export const ZPermission = z.enum(PERMISSIONS);
export type TPermission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'sysadmin',
  'security_admin',
  'auditor',
  'unit_admin',
  'branch_secretary',
  'secretariat',
  'leader',
  'expert',
  'coach',
  'volunteer',
  'hotline_handler',
  'hotline_office',
  'employee',
] as const;
export const ZRole = z.enum(ROLES);
export type TRole = (typeof ROLES)[number];

/**
 * What each role may do on its unit's subtree. `employee` is everyone with an account and is
 * implied, never assigned; its permissions concern the employee's own records only.
 */
export const ROLE_PERMISSIONS: Record<TRole, readonly TPermission[]> = {
  /**
   * The system administrator (系统管理员): everything but acting as a coach (what employees
   * confide to coaches is not administration's) and naming the people behind sensitive audit
   * events (the audit administrator's, with a recorded reason).
   */
  sysadmin: PERMISSIONS.filter((p) => p !== 'counselling.coach' && p !== 'audit.identify'),
  /**
   * The security administrator (安全管理员): accounts (reset, disable, unlock) and role
   * assignments, and no business data. Like everyone, it grants only roles whose permissions it
   * holds and manages only accounts whose roles it could grant.
   */
  security_admin: ['org_unit.read', 'person.read', 'account.manage', 'role.read', 'role.assign'],
  /**
   * The audit administrator (审计管理员): reads the audit trail, and with a recorded reason the
   * people behind its sensitive events (wellbeing, counselling, confidential hotline filings);
   * changes nothing.
   */
  auditor: ['org_unit.read', 'person.read', 'audit.read', 'audit.identify'],
  unit_admin: [
    'org_unit.read',
    'org_unit.manage',
    'person.read',
    'person.manage',
    'person.read_id_card',
    'person.import',
    'person.export',
    'account.manage',
    'role.read',
    'role.assign',
    'audit.read',
    'innovation.read',
    'innovation.declare',
    'wellbeing.aggregate',
    'hotline.handle',
    'hotline.stats',
  ],
  branch_secretary: [
    'org_unit.read',
    'person.read',
    'person.export',
    'role.read',
    'innovation.read',
    'innovation.declare',
  ],
  secretariat: ['org_unit.read', 'person.read', 'innovation.read', 'innovation.review', 'innovation.manage'],
  leader: [
    'org_unit.read',
    'person.read',
    'innovation.read',
    'innovation.decide',
    'wellbeing.aggregate',
    'hotline.stats',
  ],
  expert: ['org_unit.read', 'innovation.evaluate'],
  coach: ['counselling.coach'],
  volunteer: ['counselling.coach'],
  /** Answers the hotline's items handled by the units of their subtree. */
  hotline_handler: ['org_unit.read', 'hotline.handle'],
  /** The hotline office: triages (transfer, merge, close), handles, keeps the rules and settings. */
  hotline_office: [
    'org_unit.read',
    'person.read',
    'hotline.handle',
    'hotline.triage',
    'hotline.manage',
    'hotline.stats',
  ],
  employee: [],
};

/** Roles that an administrator may assign (employee comes with every account). */
export const ASSIGNABLE_ROLES = ROLES.filter((r) => r !== 'employee');

/**
 * Roles that only a holder of `role.assign_admin` (the system administrator) may grant or
 * revoke, whatever else the granter holds: the administrators of the system and of its audit.
 */
export const ADMIN_ROLES: readonly TRole[] = ['sysadmin', 'auditor'];
