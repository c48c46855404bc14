import {
  actionsFrom,
  inWindow,
  PROJECT_TRANSITIONS,
  type TProjectAction,
  type TProjectState,
  type TWindow,
} from '@lifeline/shared';
import { type Actor, canOn } from '../../../platform/authz/actor.js';

/** Why an action in the table is not open now, or null when it is. */
export function windowProblem(
  action: TProjectAction,
  state: TProjectState,
  declaration: TWindow,
  day: string,
): string | null {
  if (action === 'submit' && state === 'draft' && !inWindow(declaration, day)) {
    return day < declaration.from ? 'declaration_not_open' : 'declaration_closed';
  }
  if (action === 'request_late' && day <= declaration.to) {
    return day < declaration.from ? 'declaration_not_open' : 'declaration_open';
  }
  return null;
}

/**
 * The transitions the caller may take now: the table's moves from this state that the caller
 * holds the permission for on the project's unit, whose window is open, and that are not taken
 * through a decision meeting.
 */
export function allowedActions(
  actor: Actor,
  p: { state: string; unitPath: string },
  declaration: TWindow,
  day: string,
): TProjectAction[] {
  const state = p.state as TProjectState;
  return actionsFrom(state).filter((a) => {
    const t = PROJECT_TRANSITIONS[a];
    if (t.viaMeeting) return false;
    if (!canOn(actor, t.permission, p.unitPath)) return false;
    return windowProblem(a, state, declaration, day) === null;
  });
}

/** States in which the applicant may still edit the declaration. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
/** States in which attachments may be added (declaring, or reporting on the implementation). */
export const ATTACHABLE_STATES: readonly string[] = ['draft', 'returned', 'approved', 'suspended'];
/** States of a project under implementation, where progress and changes are recorded. */
export const RUNNING_STATES: readonly string[] = ['approved', 'suspended'];
