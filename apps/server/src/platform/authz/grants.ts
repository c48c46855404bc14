import { ADMIN_ROLES, ROLE_PERMISSIONS, type TPermission, type TRole } from '@lifeline/shared';
import { AppError } from '../errors.js';
import { type Actor, can, canOn, type Grant, grantOn } from './actor.js';

/** A role held on a unit, as the grant rules see it. */
export type Holding = { role: TRole; unitPath: string };

/**
 * Why the actor may not grant (or revoke) `role` on the unit at `unitPath`, or null when they may.
 * No way up the tree: the granter must hold, on that unit's subtree, every permission the role
 * carries (so nobody hands out more than they could do themselves there); the administrators of
 * the system and of the audit are granted only by a holder of `role.assign_admin`. Self-grants
 * are refused by the caller, which knows the person.
 */
export function grantRefusal(actor: Actor, role: TRole, unitPath: string): AppError | null {
  if (role === 'employee')
    return new AppError('validation_failed', 'Everyone with an account is an employee; it is not assigned', {
      issues: [{ path: ['role'], message: 'employee is not assigned' }],
    });
  if (ADMIN_ROLES.includes(role)) {
    if (canOn(actor, 'role.assign_admin', unitPath)) return null;
    return new AppError('forbidden', `Only a system administrator may grant the role ${role}`, {
      reason: 'admin_role',
      role,
    });
  }
  if (!canOn(actor, 'role.assign', unitPath))
    return can(actor, 'role.assign')
      ? new AppError('not_found', 'Unit not found')
      : new AppError('forbidden', 'You may not do this (role.assign)');
  const missing = ROLE_PERMISSIONS[role].filter((p) => !canOn(actor, p, unitPath));
  if (missing.length)
    return new AppError('forbidden', `The role ${role} carries permissions you do not hold on this unit`, {
      reason: 'role_exceeds_granter',
      role,
      missing,
    });
  return null;
}

/** The grant acted with when granting `role` on the unit (for the audit row), or a refusal thrown. */
export function authorizeGrant(actor: Actor, role: TRole, unitPath: string): Grant {
  const refusal = grantRefusal(actor, role, unitPath);
  if (refusal) throw refusal;
  const permission: TPermission = ADMIN_ROLES.includes(role) ? 'role.assign_admin' : 'role.assign';
  return grantOn(actor, permission, unitPath) as Grant;
}

/** Whether the actor could grant each of these holdings: "scope over every role" of an account. */
export function holdingsBeyond(actor: Actor, holdings: readonly Holding[]): Holding[] {
  return holdings.filter((h) => grantRefusal(actor, h.role, h.unitPath) !== null);
}

/** The roles the actor may grant on a unit, for the UI's choice (the server checks again). */
export function grantableRoles(actor: Actor, unitPath: string, roles: readonly TRole[]): TRole[] {
  return roles.filter((r) => r !== 'employee' && grantRefusal(actor, r, unitPath) === null);
}
