import { canOn } from '../../platform/authz/actor.js';
import { definePolicy, onUnit, type UnitRecord } from '../../platform/authz/policy.js';

/**
 * Who may do what to people: each action needs its permission on the person's unit (for
 * creating, importing and listing: on the unit they go to or are listed from). Changing an
 * account or the roles of a person is decided by the accounts and roles policies, which also
 * look at what the person holds; the abilities here only open those cards.
 */
export const personPolicy = definePolicy<UnitRecord, PersonAction>('Person', {
  read: { permission: 'person.read', on: onUnit },
  create: { permission: 'person.manage', on: onUnit },
  update: { permission: 'person.manage', on: onUnit },
  readIdCard: { permission: 'person.read_id_card', on: onUnit },
  export: { permission: 'person.export', on: onUnit },
  import: { permission: 'person.import', on: onUnit },
  manageAccount: { permission: 'account.manage', on: onUnit },
  assignRoles: { permission: 'role.assign', on: onUnit },
});

export type PersonAction =
  | 'read'
  | 'create'
  | 'update'
  | 'readIdCard'
  | 'export'
  | 'import'
  | 'manageAccount'
  | 'assignRoles';

/** The abilities a person's page carries. */
export const PERSON_ABILITIES = ['update', 'readIdCard', 'manageAccount', 'assignRoles'] as const;

/** An import as its policy sees it: who uploaded it, and the subtrees it may write into. */
export type ImportRecord = { createdBy: number; unitScopePaths: readonly string[] };

/**
 * Imports are private to whoever uploaded them (the list of imports is the caller's own);
 * confirming one needs the import permission still held over every subtree it was validated
 * for (a role ended meanwhile ends the import).
 */
export const personImportPolicy = definePolicy<ImportRecord, 'start' | 'list' | 'read' | 'commit'>('Import', {
  start: { permission: 'person.import', anywhere: true },
  list: { owner: (r) => r.createdBy, permission: 'person.import' },
  read: { owner: (r) => r.createdBy, permission: 'person.import' },
  commit: {
    owner: (r) => r.createdBy,
    permission: 'person.import',
    when: [
      {
        test: (actor, r) => r.unitScopePaths.every((p) => canOn(actor, 'person.import', p)),
        refuse: { code: 'forbidden', reason: 'scope_changed', message: 'Your import scope has changed' },
      },
    ],
  },
});
