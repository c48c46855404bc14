import type { TOrgUnit } from '@lifeline/shared';
import type { Actor } from '../../platform/authz/actor.js';
import { orgUnitPolicy, UNIT_ABILITIES, unitRecord } from './org-units.policy.js';
import type { orgUnits } from './org-units.table.js';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** The fields of a unit that leave the server, with the caller's abilities on it. */
export function presentOrgUnit(actor: Actor, u: OrgUnitRow): TOrgUnit {
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
    abilities: orgUnitPolicy.abilities(actor, unitRecord(u), UNIT_ABILITIES),
  };
}
