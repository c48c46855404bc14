import { z } from 'zod';

/** A NUL, or a surrogate half without its partner: text that no PostgreSQL text or jsonb column accepts. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the NUL character is the point.
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a string cannot be stored, or null when it can. PostgreSQL refuses NUL in text and lone
 * surrogates in jsonb, and a browser never sends either: the server refuses both at the edge
 * (for every body, query, path and multipart field) so they never reach the database.
 */
export function unsafeTextProblem(text: string): 'nul_character' | 'lone_surrogate' | null {
  const found = UNSAFE_TEXT.exec(text);
  if (!found) return null;
  return found[0] === '\u0000' ? 'nul_character' : 'lone_surrogate';
}

/**
 * A string schema that refuses what the database cannot store, for schemas that want to say so
 * in their own validation (the server's input guard already refuses it for every route).
 */
export const ZSafeText = z.string().refine((s) => unsafeTextProblem(s) === null, {
  message: 'Contains a NUL character or a lone surrogate',
});
