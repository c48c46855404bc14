import { rotateAssessmentKeys } from '../modules/assessments/index.js';
import { rotateCounsellingKeys } from '../modules/counselling/index.js';
import { rotateHotlineKeys } from '../modules/hotline/index.js';
import { people, rotatePeopleKeys } from '../modules/people/index.js';
import type { FieldCrypto } from '../platform/crypto/field-crypto.js';
import type { RotationCounts } from '../platform/crypto/rotation.js';
import type { Db } from '../platform/db/types.js';
import { rotateNotificationKeys } from '../platform/notifications/private-notify.js';
import { rotateSmtpKeys } from '../platform/outbound/smtp.js';

/** What one owner of encrypted or keyed data re-encrypted or re-keyed, by kind. */
export type RotationPart = { owner: string; counts: RotationCounts };

/**
 * `lifeline rotate-keys`: every owner of values encrypted or keyed with LIFELINE_SECRET moves
 * them to the current key, one after the other, each in transactions of its own batches (ADR
 * 0008, addendum). A value already under the current key is left alone, so a second run (or a
 * run after an interrupted one) changes only what is left. `onPart` hears each owner's counts
 * as soon as they are known.
 */
export async function rotateKeys(
  db: Db,
  crypto: FieldCrypto,
  onPart: (part: RotationPart) => void = () => undefined,
): Promise<RotationPart[]> {
  const personIds = async () => (await db.select({ id: people.id }).from(people)).map((p) => p.id);
  const steps: [string, () => Promise<RotationCounts>][] = [
    ['people', () => rotatePeopleKeys(db, crypto)],
    ['hotline', () => rotateHotlineKeys(db, crypto)],
    ['wellbeing', () => rotateAssessmentKeys(db, crypto)],
    ['counselling', () => rotateCounsellingKeys(db, crypto)],
    ['notifications', () => rotateNotificationKeys(db, crypto, personIds)],
    ['e-mail', () => rotateSmtpKeys(db, crypto)],
  ];
  const parts: RotationPart[] = [];
  for (const [owner, run] of steps) {
    const part = { owner, counts: await run() };
    parts.push(part);
    onPart(part);
  }
  return parts;
}
