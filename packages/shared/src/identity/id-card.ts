/**
 * Resident ID-card numbers (GB 11643-1999): 17 digits and a check character computed with
 * ISO 7064 MOD 11-2. Returns null when valid, otherwise a reason code.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCardProblem(raw: string): 'format' | 'birth_date' | 'check_digit' | null {
  const id = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return 'birth_date';
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id[i]) * WEIGHTS[i];
  return CHECK[sum % 11] === id[17] ? null : 'check_digit';
}

/** The check character for 17 digits (used to make valid demo numbers). */
export function idCardCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Birth date (YYYY-MM-DD) and gender encoded in a valid number. */
export function idCardFacts(id: string): { birthDate: string; gender: 'male' | 'female' } {
  return {
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** Shown instead of the number: the first 3 and last 4 characters. */
export function maskIdCard(id: string): string {
  return `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
}
