import type { Policy } from '../../platform/authz/abilities.js';

/** Who may do what to a person: the permission needed on the person's unit. */
export const personPolicy = {
  update: 'person.manage',
  readIdCard: 'person.read_id_card',
  manageAccount: 'account.manage',
  assignRoles: 'role.assign',
} as const satisfies Policy<string>;
