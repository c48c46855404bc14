import { type Condition, definePolicy } from '../../platform/authz/policy.js';
import { isDissolved } from './dissolution.js';

/** A unit as its policy sees it: where it sits, whether it is the top unit, whether it is dissolved. */
export type UnitPolicyRecord = { unitPath: string; parentId: number | null; dissolvedOn: string | null };

const notTop: Condition<UnitPolicyRecord> = {
  test: (_a, u) => u.parentId !== null,
  refuse: {
    code: 'invalid_transition',
    reason: 'top_unit',
    message: 'The top unit cannot be moved or dissolved',
  },
};
/** A unit stands until its dissolution date (Beijing): a recorded future dissolution still works. */
const notDissolved: Condition<UnitPolicyRecord> = {
  test: (_a, u) => !isDissolved(u.dissolvedOn),
  refuse: { code: 'conflict', reason: 'unit_dissolved', message: 'The unit is dissolved' },
};
const notAlreadyDissolved: Condition<UnitPolicyRecord> = {
  test: (_a, u) => u.dissolvedOn === null,
  refuse: { code: 'invalid_transition', reason: 'unit_dissolved', message: 'The unit is already dissolved' },
};
const onThis = (u: UnitPolicyRecord) => u.unitPath;

/**
 * Who may do what to a unit: the permission on the unit itself (a grant on it or an ancestor).
 * Creating a child is an action on the parent; moving needs the unit and its new parent.
 */
export const orgUnitPolicy = definePolicy<UnitPolicyRecord, OrgUnitAction>('Unit', {
  read: { permission: 'org_unit.read', on: onThis },
  update: { permission: 'org_unit.manage', on: onThis },
  move: { permission: 'org_unit.manage', on: onThis, when: [notTop, notDissolved] },
  /** The destination of a move, or the parent of a new unit. */
  receive: { permission: 'org_unit.manage', on: onThis, when: [notDissolved] },
  dissolve: { permission: 'org_unit.manage', on: onThis, when: [notTop, notAlreadyDissolved] },
  createChild: { permission: 'org_unit.manage', on: onThis, when: [notDissolved] },
  assignRoles: { permission: 'role.assign', on: onThis, when: [notDissolved] },
});

export type OrgUnitAction =
  | 'read'
  | 'update'
  | 'move'
  | 'receive'
  | 'dissolve'
  | 'createChild'
  | 'assignRoles';

/** The abilities a unit carries to the UI. */
export const UNIT_ABILITIES = ['update', 'move', 'dissolve', 'createChild', 'assignRoles'] as const;

/** Unit types are the group's settings: a system administrator's. */
export const unitTypePolicy = definePolicy<Record<string, never>, 'create'>('Unit type', {
  create: { permission: 'settings.manage', top: true },
});

/** The policy's view of a unit row. */
export const unitRecord = (u: { path: string; parentId: number | null; dissolvedOn: string | null }) => ({
  unitPath: u.path,
  parentId: u.parentId,
  dissolvedOn: u.dissolvedOn,
});
