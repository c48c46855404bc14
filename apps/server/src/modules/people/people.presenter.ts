import type { TPerson, TPersonSummary } from '@lifeline/shared';
import type { Actor } from '../../platform/authz/actor.js';
import { PERSON_ABILITIES, personPolicy } from './people.policy.js';
import type { people } from './people.table.js';

export type PersonRow = typeof people.$inferSelect;
export type PersonWithUnit = PersonRow & { unitName: string; unitPath: string; hasAccount: boolean };

/** A list row: never the ID-card number itself, only its mask. */
export function presentPersonSummary(p: PersonWithUnit): TPersonSummary {
  return {
    id: p.id,
    employeeNo: p.employeeNo,
    name: p.name,
    gender: p.gender as TPersonSummary['gender'],
    birthDate: p.birthDate,
    phone: p.phone,
    unitId: p.unitId,
    unitName: p.unitName,
    politicalStatus: p.politicalStatus as TPersonSummary['politicalStatus'],
    positions: p.positions as TPersonSummary['positions'],
    employmentStatus: p.employmentStatus as TPersonSummary['employmentStatus'],
    idCardMasked: p.idCardMasked,
    hasAccount: p.hasAccount,
  };
}

/** The detail of a person with the caller's abilities on them. */
export function presentPerson(actor: Actor, p: PersonWithUnit): TPerson {
  return {
    ...presentPersonSummary(p),
    partyJoinedOn: p.partyJoinedOn,
    partyFullMemberOn: p.partyFullMemberOn,
    cadreRank: p.cadreRank as TPerson['cadreRank'],
    education: p.education as TPerson['education'],
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    version: p.version,
    abilities: personPolicy.abilities(actor, p, PERSON_ABILITIES),
  };
}
