import { ROLE_PERMISSIONS, ROLES, type TPermission } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import type { hotlineItems } from './hotline.table.js';

const rolesWith = (p: TPermission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));

/**
 * People holding a role with the permission today, on the nearest unit of the line from `unitId`
 * upwards (the unit itself first unless `strictlyAbove`) where anyone holds one.
 */
async function nearestHolders(
  db: Db,
  unitId: number,
  permission: TPermission,
  strictlyAbove = false,
  roles?: string[],
): Promise<number[]> {
  const wanted = roles ?? rolesWith(permission);
  const rows = await queryRows<{ person_id: string; depth: number }>(
    db,
    sql`select ra.person_id, u.depth from org_units target
        join org_units u on target.path like u.path || '%' ${strictlyAbove ? sql`and u.id <> target.id` : sql``}
        join role_assignments ra on ra.unit_id = u.id
        where target.id = ${unitId} and ra.role in (${sql.join(
          wanted.map((r) => sql`${r}`),
          sql`, `,
        )})
          and (ra.starts_on is null or ra.starts_on <= current_date) and (ra.ends_on is null or ra.ends_on >= current_date)
        order by u.depth desc`,
  );
  if (!rows.length) return [];
  const deepest = rows[0].depth;
  return [...new Set(rows.filter((r) => r.depth === deepest).map((r) => Number(r.person_id)))];
}

/** The handlers of a handling unit: holders of hotline.handle on it, or on the nearest unit above. */
export const handlersOf = (db: Db, unitId: number) => nearestHolders(db, unitId, 'hotline.handle');

/** The superior unit's political-work administrators (unit administrators above the unit). */
export const adminsAbove = (db: Db, unitId: number) =>
  nearestHolders(db, unitId, 'hotline.handle', true, ['unit_admin']);

/** System administrators, told when the calendar lacks a year. */
export async function sysadmins(db: Db): Promise<number[]> {
  const rows = await queryRows<{ person_id: string }>(
    db,
    sql`select distinct person_id from role_assignments where role = 'sysadmin'
        and (starts_on is null or starts_on <= current_date) and (ends_on is null or ends_on >= current_date)`,
  );
  return rows.map((r) => Number(r.person_id));
}

/** The encryption context of a confidential reporter's identity: bound to the item. */
export const reporterContext = (code: string) => `hotline_reporter:${code}`;

/**
 * The reporter to notify: the named reporter, or the decrypted confidential one. Anonymous
 * reporters have no account on record and follow their item by its code.
 */
export function reporterToNotify(
  crypto: FieldCrypto,
  item: Pick<typeof hotlineItems.$inferSelect, 'visibility' | 'reporterPersonId' | 'reporterEnc' | 'code'>,
): number | null {
  if (item.visibility === 'named') return item.reporterPersonId;
  if (item.visibility === 'confidential' && item.reporterEnc) {
    return Number(crypto.decrypt(item.reporterEnc, reporterContext(item.code)));
  }
  return null;
}
