import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM encryption of single fields (ID-card numbers, assessment answers, reporter
 * identities). Keys derive from LIFELINE_SECRET; each ciphertext names the key that made it,
 * so a new secret can be introduced while old ciphertexts still decrypt (rotation).
 *
 * Format: `enc:v1:<keyId>:<iv b64url>:<ciphertext+tag b64url>`.
 */
export type FieldCrypto = {
  /** Id of the key that encrypts now. */
  readonly currentKeyId: string;
  encrypt(plaintext: string, context?: string): string;
  decrypt(ciphertext: string, context?: string): string;
  /** True when the value was made by an older key and should be re-encrypted. */
  needsRotation(ciphertext: string): boolean;
  /** Keyed hash for equality look-ups of encrypted values (a blind index); stable across rotation only per secret. */
  blindIndex(value: string, purpose: string): string;
  /**
   * The value's blind index under every secret configured, current first: what a look-up
   * compares with, so that rows indexed before a rotation are still found until
   * `lifeline rotate-keys` has recomputed them (and while the old secret is still listed).
   */
  blindIndexes(value: string, purpose: string): string[];
  /** The value's blind index under each previous secret only (for rotation: what is to be replaced). */
  previousBlindIndexes(value: string, purpose: string): string[];
};

type Key = { id: string; enc: Buffer; mac: Buffer };

function deriveKey(secret: string): Key {
  const ikm = Buffer.from(secret, 'utf8');
  const enc = Buffer.from(hkdfSync('sha256', ikm, 'lifeline', 'field-encryption v1', 32));
  const mac = Buffer.from(hkdfSync('sha256', ikm, 'lifeline', 'blind-index v1', 32));
  const id = createHash('sha256').update(enc).digest('hex').slice(0, 8);
  return { id, enc, mac };
}

/** Thrown when a value cannot be decrypted: unknown key, tampering, or a wrong context. */
export class DecryptionError extends Error {}

/** Builds the field cipher from the current secret and any previous secrets still accepted. */
export function createFieldCrypto(secrets: string[]): FieldCrypto {
  if (secrets.length === 0) throw new Error('createFieldCrypto needs at least one secret');
  const keys = secrets.map(deriveKey);
  const current = keys[0];
  const byId = new Map(keys.map((k) => [k.id, k]));
  // A secret listed twice (or the current one again among the previous) counts once.
  const previous = [...byId.values()].filter((k) => k.id !== current.id);
  const hmac = (key: Key, value: string, purpose: string) =>
    createHmac('sha256', key.mac).update(`${purpose}\u0000${value}`).digest('base64url');

  return {
    currentKeyId: current.id,
    encrypt(plaintext, context = '') {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.enc, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `enc:v1:${current.id}:${iv.toString('base64url')}:${body.toString('base64url')}`;
    },
    decrypt(ciphertext, context = '') {
      const parts = ciphertext.split(':');
      if (parts.length !== 5 || parts[0] !== 'enc' || parts[1] !== 'v1') {
        throw new DecryptionError('Not a Lifeline ciphertext');
      }
      const key = byId.get(parts[2]);
      if (!key) throw new DecryptionError(`Unknown key ${parts[2]}: is a previous LIFELINE_SECRET missing?`);
      const iv = Buffer.from(parts[3], 'base64url');
      const body = Buffer.from(parts[4], 'base64url');
      if (iv.length !== 12 || body.length < 16) throw new DecryptionError('Malformed ciphertext');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key.enc, iv);
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(body.subarray(body.length - 16));
        return Buffer.concat([
          decipher.update(body.subarray(0, body.length - 16)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new DecryptionError('Ciphertext failed authentication');
      }
    },
    needsRotation(ciphertext) {
      return ciphertext.split(':')[2] !== current.id;
    },
    blindIndex(value, purpose) {
      return hmac(current, value, purpose);
    },
    blindIndexes(value, purpose) {
      return [hmac(current, value, purpose), ...previous.map((k) => hmac(k, value, purpose))];
    },
    previousBlindIndexes(value, purpose) {
      return previous.map((k) => hmac(k, value, purpose));
    },
  };
}
