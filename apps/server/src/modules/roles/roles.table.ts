import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { idColumn, NOW, refColumn, tsColumn } from '../../platform/db/columns.js';
import { orgUnits } from '../org-units/org-units.table.js';
import { people } from '../people/people.table.js';

/** (person, role, unit): the role's permissions on the unit's whole subtree, between two dates. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: idColumn(),
    personId: refColumn('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    unitId: refColumn('unit_id')
      .notNull()
      .references(() => orgUnits.id),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    createdBy: refColumn('created_by'),
    createdAt: tsColumn('created_at').notNull().default(NOW),
  },
  (t) => [
    index('role_assignments_person_idx').on(t.personId),
    index('role_assignments_unit_idx').on(t.unitId),
  ],
);
