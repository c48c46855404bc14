import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFieldCrypto } from '../../platform/crypto/field-crypto.js';
import { buildPerson, buildUnit, makeIdCard } from '../../test/factories.js';
import { createTestDatabase, type TestDatabase } from '../../test/test-db.js';
import { rotatePeopleKeys } from './people.rotation.js';
import { ID_CARD_PURPOSE, idCardColumns } from './people.rules.js';
import { people } from './people.table.js';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe('key rotation', () => {
  it('re-encrypts ID cards under the new secret and recomputes their blind index', async () => {
    const oldKey = createFieldCrypto(['old-secret-0123456789-abcdefghijklmnopq']);
    const unit = await buildUnit(database.db);
    const id = makeIdCard('male');
    const p = await buildPerson(database.db, oldKey, unit, id);
    const rotated = createFieldCrypto([
      'new-secret-0123456789-abcdefghijklmnopq',
      'old-secret-0123456789-abcdefghijklmnopq',
    ]);
    expect((await rotatePeopleKeys(database.db, rotated))['ID-card numbers']).toBe(1);
    const [row] = await database.db.select().from(people).where(eq(people.id, p.id));
    expect(rotated.needsRotation(row.idCardEnc!)).toBe(false);
    expect(
      createFieldCrypto(['new-secret-0123456789-abcdefghijklmnopq']).decrypt(row.idCardEnc!, ID_CARD_PURPOSE),
    ).toBe(id.idCard);
    expect(row.idCardHash).toBe(rotated.blindIndex(id.idCard, ID_CARD_PURPOSE));
    expect((await rotatePeopleKeys(database.db, rotated))['ID-card numbers']).toBe(0);
  });

  it('keeps an ID card stored under a previous secret as stored when the same number is saved again', () => {
    const oldKey = createFieldCrypto(['old-secret-0123456789-abcdefghijklmnopq']);
    const rotated = createFieldCrypto([
      'new-secret-0123456789-abcdefghijklmnopq',
      'old-secret-0123456789-abcdefghijklmnopq',
    ]);
    const { idCard } = makeIdCard('male');
    const stored = idCardColumns(oldKey, idCard);
    // Same number: nothing changes until the rotation re-keys it (no false "ID card changed").
    expect(idCardColumns(rotated, idCard, stored)).toEqual(stored);
    // Another number: made under the current key.
    const other = idCardColumns(rotated, makeIdCard('male').idCard, stored);
    expect(other.idCardHash).not.toBe(stored.idCardHash);
    expect(rotated.needsRotation(other.idCardEnc!)).toBe(false);
  });
});
