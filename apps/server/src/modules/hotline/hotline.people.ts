import { ROLE_PERMISSIONS, ROLES, type TPermission } from '@lifeline/shared';
import { sql } from 'drizzle-orm';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import { queryRows, SHANGHAI_TODAY } from '../../platform/db/sql.js';
import type { Db } from '../../platform/db/types.js';
import { type Notice, notify } from '../../platform/notifications/notify.js';
import { notifyPrivately } from '../../platform/notifications/private-notify.js';
import type { hotlineItems } from './hotline.table.js';

const rolesWith = (p: TPermission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));

/**
 * People holding a role with the permission today (Beijing's date), on the nearest unit of the
 * line from `unitId` upwards (the unit itself first unless `strictlyAbove`) where anyone holds
 * one. A role on a dissolved unit is not in force (as at login), so its holders are skipped.
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
          and (ra.starts_on is null or ra.starts_on <= ${SHANGHAI_TODAY}) and (ra.ends_on is null or ra.ends_on >= ${SHANGHAI_TODAY})
          and u.dissolved_on is null
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
        and (starts_on is null or starts_on <= ${SHANGHAI_TODAY}) and (ends_on is null or ends_on >= ${SHANGHAI_TODAY})`,
  );
  return rows.map((r) => Number(r.person_id));
}

/** The encryption context of a confidential reporter's identity: bound to the item. */
export const reporterContext = (code: string) => `hotline_reporter:${code}`;

/**
 * Tells an item's reporter about it: a named reporter in their inbox as anyone; a confidential
 * one privately (a keyed hash, the notice sealed, deleted once read), so that no notification
 * row ties the reporter to the item. Anonymous reporters have no account on record and follow
 * their item by its code.
 */
export async function notifyReporter(
  db: Db,
  crypto: FieldCrypto,
  item: Pick<typeof hotlineItems.$inferSelect, 'visibility' | 'reporterPersonId' | 'reporterEnc' | 'code'>,
  notice: Notice,
): Promise<void> {
  if (item.visibility === 'named') return notify(db, [item.reporterPersonId], notice);
  if (item.visibility === 'confidential' && item.reporterEnc) {
    const personId = Number(crypto.decrypt(item.reporterEnc, reporterContext(item.code)));
    await notifyPrivately(db, crypto, [personId], notice);
  }
}
