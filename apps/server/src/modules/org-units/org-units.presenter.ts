import type { TOrgUnit } from '@lifeline/shared';
import { abilitiesFor } from '../../platform/authz/abilities.js';
import type { Actor } from '../../platform/authz/actor.js';
import { orgUnitPolicy } from './org-units.policy.js';
import type { orgUnits } from './org-units.table.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** The fields of a unit that leave the server, with the caller's abilities on it. */
export function presentOrgUnit(actor: Actor, u: OrgUnitRow): TOrgUnit {
  const { read: _read, ...abilities } = abilitiesFor(actor, orgUnitPolicy, u.path);
  const dissolved = u.dissolvedOn !== null;
  return {
    id: u.id,
    parentId: u.parentId,
    name: u.name,
    shortName: u.shortName,
    code: u.code,
    type: u.type,
    sortOrder: u.sortOrder,
    depth: u.depth,
    establishedOn: u.establishedOn,
    dissolvedOn: u.dissolvedOn,
    version: u.version,
    abilities: {
      update: abilities.update,
      // The root of the group is never moved or dissolved.
      move: abilities.move && u.parentId !== null && !dissolved,
      dissolve: abilities.dissolve && u.parentId !== null && !dissolved,
      createChild: abilities.createChild && !dissolved,
      assignRoles: abilities.assignRoles && !dissolved,
    },
  };
}
