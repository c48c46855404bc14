import {
  CONSULTATION_ACTIONS,
  CONSULTATION_TRANSITIONS,
  type TConsultationAction,
  type TConsultationState,
} from '@lifeline/shared';
import { type Condition, definePolicy, type Rule, type SingleRule } from '../../platform/authz/policy.js';
import { AppError } from '../../platform/errors.js';

/** A consultation request as its policy sees it: who asked (and in which unit), who took it, its state. */
export type ConsultationRecord = {
  employeePersonId: number;
  employeeUnitPath: string;
  coachPersonId: number | null;
  state: TConsultationState;
};

const assignedToMe: Condition<ConsultationRecord> = {
  test: (actor, r) => r.coachPersonId === actor.personId,
  refuse: { code: 'not_found', reason: 'not_assigned', message: 'Consultation not found' },
};
/**
 * A request to the whole team waits for a coach of the team that serves the employee: the coach
 * role covers the subtree of the unit it is held on, so a subsidiary's coaches see the requests of
 * that subsidiary's people, and the group's coaches everyone's (finding 2).
 */
const openToTeam: Condition<ConsultationRecord> = {
  test: (_a, r) => r.coachPersonId === null && r.state === 'requested',
  refuse: { code: 'not_found', reason: 'not_open', message: 'Consultation not found' },
};
const notMine: Condition<ConsultationRecord> = {
  test: (actor, r) => r.employeePersonId !== actor.personId,
  refuse: { code: 'not_found', reason: 'own_request', message: 'Consultation not found' },
};

/** The transition table's state rule, with the reason the UI and tests read (`from_booked`). */
const inState = (action: TConsultationAction): Condition<ConsultationRecord> => ({
  problem: (_a, r) =>
    CONSULTATION_TRANSITIONS[action].from.includes(r.state)
      ? null
      : new AppError('invalid_transition', `Cannot ${action} a request that is ${r.state}`, {
          reason: `from_${r.state}`,
        }),
});
const wrongParty = (action: TConsultationAction): Condition<ConsultationRecord> => ({
  problem: () =>
    new AppError('invalid_transition', `Only the ${CONSULTATION_TRANSITIONS[action].by} may ${action}`, {
      reason: `not_${CONSULTATION_TRANSITIONS[action].by}`,
    }),
});

const employee = (when: Condition<ConsultationRecord>[] = []): SingleRule<ConsultationRecord> => ({
  owner: (r) => r.employeePersonId,
  when,
});
const assignedCoach = (when: Condition<ConsultationRecord>[] = []): SingleRule<ConsultationRecord> => ({
  permission: 'counselling.coach',
  anywhere: true,
  when: [assignedToMe, ...when],
});
const teamCoach = (when: Condition<ConsultationRecord>[] = []): SingleRule<ConsultationRecord> => ({
  permission: 'counselling.coach',
  on: (r) => r.employeeUnitPath,
  when: [openToTeam, notMine, ...when],
});

/**
 * A move of the table for whichever party the caller is: the employee who asked, the assigned
 * coach, or a coach of the team while the request is open to it (who may only take it: book).
 */
function transition(action: TConsultationAction): Rule<ConsultationRecord> {
  const byEmployee = CONSULTATION_TRANSITIONS[action].by === 'employee';
  const ok = inState(action);
  const wrong = wrongParty(action);
  return {
    anyOf: [
      employee([byEmployee ? ok : wrong]),
      assignedCoach([byEmployee ? wrong : ok]),
      teamCoach([action === 'book' ? ok : wrong]),
    ],
  };
}

export type ConsultationPolicyAction =
  | 'read'
  | 'readAsEmployee'
  | 'takeFromTeam'
  | 'notes'
  | TConsultationAction;

/** Who may see, move and annotate a consultation request. */
export const consultationPolicy = definePolicy<ConsultationRecord, ConsultationPolicyAction>('Consultation', {
  read: { anyOf: [employee(), assignedCoach(), teamCoach()] },
  readAsEmployee: employee(),
  /** The team pool of a coach's inbox; lists put its unit scope into SQL. */
  takeFromTeam: teamCoach(),
  /** A coach's private notes on a case: the assigned coach only. */
  notes: assignedCoach(),
  ...(Object.fromEntries(CONSULTATION_ACTIONS.map((a) => [a, transition(a)])) as Record<
    TConsultationAction,
    Rule<ConsultationRecord>
  >),
});

/** Coaching itself: the inbox, one's profile and hours, results shared with one. */
export const coachingPolicy = definePolicy<Record<string, never>, 'coach'>('Coach', {
  coach: { permission: 'counselling.coach', anywhere: true },
});
