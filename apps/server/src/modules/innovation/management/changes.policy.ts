import { type Condition, definePolicy } from '../../../platform/authz/policy.js';
import { AppError } from '../../../platform/errors.js';
import { RUNNING_STATES } from '../projects/projects.rules.js';

/** A change request as its policy sees it: its project's unit and state, and its own state. */
export type ChangeRecord = { unitPath: string; projectState: string; state: string };

const onProject = (r: ChangeRecord) => r.unitPath;

const pending: Condition<ChangeRecord> = {
  problem: (_a, r) =>
    r.state === 'pending'
      ? null
      : new AppError('invalid_transition', 'The change request was already decided', {
          reason: 'already_decided',
          state: r.state,
        }),
};
const running: Condition<ChangeRecord> = {
  problem: (_a, r) =>
    RUNNING_STATES.includes(r.projectState)
      ? null
      : new AppError('invalid_transition', 'Only a project under implementation takes this', {
          reason: 'not_running',
          state: r.projectState,
        }),
};

/**
 * Who may see and decide change requests: readers of the project's unit see them; the
 * secretariat (innovation.review there) decides a pending one while the project runs. Asking for
 * a change is an action on the project (its policy's `requestChange`).
 */
export const changePolicy = definePolicy<ChangeRecord, 'list' | 'decide'>('Change request', {
  /** The scope of the lists of change requests, in SQL. */
  list: { permission: 'innovation.read', on: onProject },
  decide: { permission: 'innovation.review', on: onProject, when: [pending, running] },
});

/** The abilities a change request carries. */
export const CHANGE_ABILITIES = ['decide'] as const;
