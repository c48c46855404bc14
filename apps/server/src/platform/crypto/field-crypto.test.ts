import { describe, expect, it } from 'vitest';
import { createFieldCrypto, DecryptionError } from './field-crypto.js';

const A = 'a-secret-that-is-long-enough-for-tests-0001';
const B = 'b-secret-that-is-long-enough-for-tests-0002';

describe('field crypto', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const c = createFieldCrypto([A]);
    const x = c.encrypt('110101199003077777');
    const y = c.encrypt('110101199003077777');
    expect(x).not.toEqual(y);
    expect(x).not.toContain('1101');
    expect(c.decrypt(x)).toBe('110101199003077777');
  });

  it('binds the ciphertext to its context', () => {
    const c = createFieldCrypto([A]);
    const x = c.encrypt('secret', 'person:1:id_card');
    expect(c.decrypt(x, 'person:1:id_card')).toBe('secret');
    expect(() => c.decrypt(x, 'person:2:id_card')).toThrow(DecryptionError);
  });

  it('detects tampering', () => {
    const c = createFieldCrypto([A]);
    const x = c.encrypt('secret');
    const parts = x.split(':');
    const body = Buffer.from(parts[4], 'base64url');
    body[0] ^= 1;
    parts[4] = body.toString('base64url');
    expect(() => c.decrypt(parts.join(':'))).toThrow(DecryptionError);
  });

  it('rotates: a new secret still reads old values and flags them for re-encryption', () => {
    const old = createFieldCrypto([A]);
    const x = old.encrypt('hello');
    const rotated = createFieldCrypto([B, A]);
    expect(rotated.decrypt(x)).toBe('hello');
    expect(rotated.needsRotation(x)).toBe(true);
    const y = rotated.encrypt('hello');
    expect(rotated.needsRotation(y)).toBe(false);
    expect(y.split(':')[2]).toBe(rotated.currentKeyId);
    expect(() => createFieldCrypto([B]).decrypt(x)).toThrow(/Unknown key/);
  });

  it('gives a stable blind index that depends on purpose and secret', () => {
    const c = createFieldCrypto([A]);
    expect(c.blindIndex('x', 'p')).toBe(c.blindIndex('x', 'p'));
    expect(c.blindIndex('x', 'p')).not.toBe(c.blindIndex('x', 'q'));
    expect(createFieldCrypto([B]).blindIndex('x', 'p')).not.toBe(c.blindIndex('x', 'p'));
  });

  it('gives the blind index under every secret, current first, each secret once', () => {
    const a = createFieldCrypto([A]);
    const b = createFieldCrypto([B]);
    const rotated = createFieldCrypto([B, A, B, A]);
    expect(rotated.blindIndexes('x', 'p')).toEqual([b.blindIndex('x', 'p'), a.blindIndex('x', 'p')]);
    expect(rotated.previousBlindIndexes('x', 'p')).toEqual([a.blindIndex('x', 'p')]);
    expect(b.blindIndexes('x', 'p')).toEqual([b.blindIndex('x', 'p')]);
    expect(b.previousBlindIndexes('x', 'p')).toEqual([]);
  });
});
