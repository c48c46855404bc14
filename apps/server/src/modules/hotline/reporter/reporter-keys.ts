import type { FieldCrypto } from '../../../platform/crypto/field-crypto.js';

/** Purpose of the keyed hash that finds a confidential reporter's items ("my items"). */
export const REPORTER_PURPOSE = 'hotline_reporter';
/** Purpose of the keyed hash of person and item that keeps one "me too" per person. */
export const ME_TOO_PURPOSE = 'hotline_me_too';

/**
 * The keyed hashes a confidential reporter's items may be kept under: the current secret's,
 * then each previous secret's (items filed before a key rotation, until `rotate-keys` has
 * re-keyed them). Look-ups compare with all of them.
 */
export const reporterIndexes = (crypto: FieldCrypto, personId: number) =>
  crypto.blindIndexes(String(personId), REPORTER_PURPOSE);

/** What a "me too" hashes: the person and the item (neither kept in clear with the vote). */
export const meTooValue = (personId: number, itemId: number) => `${personId}:${itemId}`;
