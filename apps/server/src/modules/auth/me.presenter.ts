import { PERMISSIONS, ROLE_PERMISSIONS, type TMe } from '@lifeline/shared';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/authz/actor.js';
import type { Db } from '../../platform/db/types.js';
import { orgUnits } from '../org-units/index.js';
import { accounts } from './auth.table.js';

/** `GET /api/me`: the person, their account state, roles and the permissions they hold somewhere. */
export async function presentMe(db: Db, actor: Actor): Promise<TMe> {
  const [row] = await db
    .select({
      mustChangePassword: accounts.mustChangePassword,
      passwordChangedAt: accounts.passwordChangedAt,
      unitName: orgUnits.name,
    })
    .from(accounts)
    .innerJoin(orgUnits, eq(orgUnits.id, actor.unitId))
    .where(eq(accounts.id, actor.accountId));
  const held = new Set(actor.grants.flatMap((g) => ROLE_PERMISSIONS[g.role]));
  return {
    person: {
      id: actor.personId,
      name: actor.name,
      employeeNo: actor.employeeNo,
      unitId: actor.unitId,
      unitName: row.unitName,
    },
    account: {
      login: actor.employeeNo,
      mustChangePassword: row.mustChangePassword,
      passwordChangedAt: row.passwordChangedAt,
    },
    roles: actor.grants.map((g) => ({
      id: g.assignmentId,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      startsOn: null,
      endsOn: null,
    })),
    permissions: PERMISSIONS.filter((p) => held.has(p)),
  };
}
