import type { TRole } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import { queryRows, SHANGHAI_TODAY } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';

const roleList = (roles: readonly TRole[]) =>
  sql.join(
    roles.map((r) => sql`${r}`),
    sql`, `,
  );

/**
 * People holding one of the roles today (Beijing's date), on the nearest unit of the line from
 * `unitId` upwards (the unit itself first unless `strictlyAbove`) where anyone holds one: whom a
 * unit's business goes to. A role on a dissolved unit is not in force (as at login), so its
 * holders are skipped.
 */
export async function nearestHolders(
  db: Db,
  unitId: number,
  roles: readonly TRole[],
  strictlyAbove = false,
): Promise<number[]> {
  const rows = await queryRows<{ person_id: string; depth: number }>(
    db,
    sql`select ra.person_id, u.depth from org_units target
        join org_units u on target.path like u.path || '%' ${strictlyAbove ? sql`and u.id <> target.id` : sql``}
        join role_assignments ra on ra.unit_id = u.id
        where target.id = ${unitId} and ra.role in (${roleList(roles)})
          and (ra.starts_on is null or ra.starts_on <= ${SHANGHAI_TODAY}) and (ra.ends_on is null or ra.ends_on >= ${SHANGHAI_TODAY})
          and (u.dissolved_on is null or u.dissolved_on > ${SHANGHAI_TODAY})
        order by u.depth desc`,
  );
  if (!rows.length) return [];
  const deepest = rows[0].depth;
  return [...new Set(rows.filter((r) => r.depth === deepest).map((r) => Number(r.person_id)))];
}

/** Everyone holding one of the roles today, anywhere (the system administrators, to be told something). */
export async function holdersOf(db: Db, roles: readonly TRole[]): Promise<number[]> {
  const rows = await queryRows<{ person_id: string }>(
    db,
    sql`select distinct person_id from role_assignments where role in (${roleList(roles)})
        and (starts_on is null or starts_on <= ${SHANGHAI_TODAY}) and (ends_on is null or ends_on >= ${SHANGHAI_TODAY})`,
  );
  return rows.map((r) => Number(r.person_id));
}

export type SubtreeHolding = {
  personId: number;
  role: TRole;
  unitId: number;
  unitName: string;
  depth: number;
};

/**
 * Who holds one of the roles today on a unit of the subtree at `path` (a unit not dissolved),
 * with the unit: a subtree's teams (its coaches and volunteers, say).
 */
export async function holdingsWithin(
  db: Db,
  roles: readonly TRole[],
  path: string,
): Promise<SubtreeHolding[]> {
  const rows = await queryRows<{
    person_id: string;
    role: TRole;
    unit_id: string;
    unit_name: string;
    depth: number;
  }>(
    db,
    sql`select ra.person_id, ra.role, u.id as unit_id, u.name as unit_name, u.depth
        from role_assignments ra join org_units u on u.id = ra.unit_id
        where ra.role in (${roleList(roles)}) and u.path like ${`${path}%`}
          and (ra.starts_on is null or ra.starts_on <= ${SHANGHAI_TODAY}) and (ra.ends_on is null or ra.ends_on >= ${SHANGHAI_TODAY})
          and (u.dissolved_on is null or u.dissolved_on > ${SHANGHAI_TODAY})
        order by u.depth, ra.id`,
  );
  return rows.map((r) => ({
    personId: Number(r.person_id),
    role: r.role,
    unitId: Number(r.unit_id),
    unitName: r.unit_name,
    depth: r.depth,
  }));
}
