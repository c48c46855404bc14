import type { TPermission } from '@lifeline/shared';
import { type Actor, canOn } from './actor.js';

/** A declarative policy: each action on a kind of record needs one permission on the record's unit. */
export type Policy<A extends string> = Record<A, TPermission>;

/** The caller's abilities on one record, computed from the policy (sent with the record to the UI). */
export function abilitiesFor<A extends string>(
  actor: Actor,
  policy: Policy<A>,
  unitPath: string,
): Record<A, boolean> {
  const out = {} as Record<A, boolean>;
  for (const action of Object.keys(policy) as A[]) out[action] = canOn(actor, policy[action], unitPath);
  return out;
}
