import type { Policy } from '../../platform/authz/abilities.js';

/** Who may do what to a unit: the permission needed on the unit itself. */
export const orgUnitPolicy = {
  read: 'org_unit.read',
  update: 'org_unit.manage',
  move: 'org_unit.manage',
  dissolve: 'org_unit.manage',
  createChild: 'org_unit.manage',
  assignRoles: 'role.assign',
} as const satisfies Policy<string>;
