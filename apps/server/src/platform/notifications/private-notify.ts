import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { Db } from '../db/types.js';
import { notifications } from './notifications.table.js';
import type { Notice } from './notify.js';

/**
 * The keyed hash under which a person's private notices wait: the server computes it from the
 * logged-in person, but a copy of the database cannot turn it back into a person without the
 * secret. Its purpose differs from every other blind index, so it joins nothing else.
 */
export const recipientKey = (crypto: FieldCrypto, personId: number) =>
  crypto.blindIndex(String(personId), 'notification_recipient');

const sealContext = (key: string) => `notification:${key}`;

/**
 * Puts a notice in the inbox of each person without tying them to it in the database: no
 * person id (a keyed hash instead), and its parameters and link sealed, as they name what it
 * is about (a confidential reporter's item). Read ones are deleted (see the notifications
 * routes), so that no read time links them to the reader's other notices either.
 */
export async function notifyPrivately(
  db: Db,
  crypto: FieldCrypto,
  personIds: (number | null | undefined)[],
  notice: Notice,
): Promise<void> {
  const ids = [...new Set(personIds.filter((id): id is number => typeof id === 'number'))];
  if (!ids.length) return;
  const content = JSON.stringify({ params: notice.params ?? {}, link: notice.link ?? null });
  await db.insert(notifications).values(
    ids.map((personId) => {
      const key = recipientKey(crypto, personId);
      return { recipientKey: key, kind: notice.kind, sealed: crypto.encrypt(content, sealContext(key)) };
    }),
  );
}

/**
 * What a private notice says, for its reader's inbox. One sealed under a secret no longer
 * configured reads as empty rather than failing the whole inbox.
 */
export function unsealNotice(
  crypto: FieldCrypto,
  row: { recipientKey: string | null; sealed: string | null; params: Notice['params']; link: string | null },
): { params: NonNullable<Notice['params']>; link: string | null } {
  if (!row.sealed || !row.recipientKey) return { params: row.params ?? {}, link: row.link };
  try {
    const opened = JSON.parse(crypto.decrypt(row.sealed, sealContext(row.recipientKey))) as {
      params: NonNullable<Notice['params']>;
      link: string | null;
    };
    return { params: opened.params, link: opened.link };
  } catch {
    return { params: {}, link: null };
  }
}
