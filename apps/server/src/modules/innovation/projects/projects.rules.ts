import { inWindow, type TProjectAction, type TProjectState, type TWindow } from '@lifeline/shared';

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

/** States in which the applicant may still edit the declaration. */
export const EDITABLE_STATES: readonly string[] = ['draft', 'returned'];
/** States in which attachments may be added (declaring, or reporting on the implementation). */
export const ATTACHABLE_STATES: readonly string[] = ['draft', 'returned', 'approved', 'suspended'];
/** States of a project under implementation, where progress and changes are recorded. */
export const RUNNING_STATES: readonly string[] = ['approved', 'suspended'];
