import { ROLE_PERMISSIONS, ROLES, type TPermission } from '@lifeline/shared';
import type { FieldCrypto } from '../../platform/crypto/field-crypto.js';
import type { Db } from '../../platform/db/types.js';
import { type Notice, notify } from '../../platform/notifications/notify.js';
import { notifyPrivately } from '../../platform/notifications/private-notify.js';
import { holdersOf, nearestHolders } from '../roles/index.js';
import { PARTIES } from './hotline.policy.js';
import type { hotlineItems } from './hotline.table.js';

const rolesWith = (p: TPermission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));

/** The handlers of a handling unit: holders of hotline.handle on it, or on the nearest unit above. */
export const handlersOf = (db: Db, unitId: number) => nearestHolders(db, unitId, rolesWith(PARTIES.handler));

/** The superior unit's political-work administrators (unit administrators above the unit). */
export const adminsAbove = (db: Db, unitId: number) => nearestHolders(db, unitId, ['unit_admin'], true);

/**
 * The hotline office over a unit: holders of the office role on the unit's line, nearest first.
 * The system administrators hold its permissions too but are not the office, and are not told.
 */
export const officeOf = (db: Db, unitId: number) => nearestHolders(db, unitId, ['hotline_office']);

/**
 * Who hears that an item is overdue, each once: the people handling it, the superior unit's
 * hotline handlers (those of the handling unit's parent, or the nearest above it) and
 * administrators, and the hotline office — not only the people who already have it.
 */
export async function escalationRecipients(
  db: Db,
  handling: { id: number; parentId: number | null },
): Promise<number[]> {
  const people = [
    ...(await handlersOf(db, handling.id)),
    ...(handling.parentId === null ? [] : await handlersOf(db, handling.parentId)),
    ...(await adminsAbove(db, handling.id)),
    ...(await officeOf(db, handling.id)),
  ];
  return [...new Set(people)];
}

/** System administrators, told when the calendar lacks a year. */
export const sysadmins = (db: Db) => holdersOf(db, ['sysadmin']);

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
